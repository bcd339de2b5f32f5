package swsh.grammar;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What a parsed line supplied: parameter values by name and the keywords that were chosen. */
public final class Args {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> keywords = new LinkedHashSet<>();
    /** Column where each parameter started in the typed line, for carets on semantic errors. */
    private final Map<String, Integer> columns = new LinkedHashMap<>();

    void put(String name, String value, int column) {
        values.put(name, value);
        columns.put(name, column);
    }

    void keyword(String word) {
        keywords.add(word);
    }

    public boolean has(String keyword) {
        return keywords.contains(keyword) || values.containsKey(keyword);
    }

    public String str(String name) {
        String v = values.get(name);
        if (v == null) throw new IllegalStateException("no argument " + name);
        return v;
    }

    public String opt(String name) {
        return values.get(name);
    }

    public int num(String name) {
        return Integer.parseInt(str(name));
    }

    /** Column of the first parameter, or -1 when the line has none. */
    public int firstColumn() {
        return columns.values().stream().mapToInt(Integer::intValue).min().orElse(-1);
    }

    public int column(String name) {
        return columns.getOrDefault(name, -1);
    }

    @Override
    public String toString() {
        return keywords + " " + values;
    }
}
