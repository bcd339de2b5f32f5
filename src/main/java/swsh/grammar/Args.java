package swsh.grammar;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What a parsed line supplied: typed parameter values, the keywords chosen, and their columns. */
public final class Args {
    private final Command<?> command;
    private final Map<Arg<?>, Object> values = new IdentityHashMap<>();
    private final Map<Arg<?>, Integer> columns = new IdentityHashMap<>();
    private final Set<String> keywords = new LinkedHashSet<>();

    Args(Command<?> command) {
        this.command = command;
    }

    void put(Arg<?> arg, Object value, int column) {
        values.put(arg, value);
        columns.put(arg, column);
    }

    void keyword(String word) {
        keywords.add(word);
    }

    /** The value of a parameter the line must have held. */
    public <T> T get(Arg<T> arg) {
        T v = opt(arg);
        if (v == null) throw new IllegalStateException("argument $" + arg.name() + " of '" + command.syntax + "' was not given");
        return v;
    }

    /** The value of an optional parameter, or null when the line left it out. */
    @SuppressWarnings("unchecked")
    public <T> T opt(Arg<T> arg) {
        if (!command.binds(arg)) throw new IllegalArgumentException("'" + command.syntax + "' has no argument $" + arg.name());
        return (T) values.get(arg);
    }

    /** True when the line chose {@code keyword} (one of this command's keywords). */
    public boolean has(String keyword) {
        if (!command.keywords().contains(keyword)) {
            throw new IllegalArgumentException("'" + command.syntax + "' has no keyword " + keyword);
        }
        return keywords.contains(keyword);
    }

    /** Column where a parameter started in the typed line, or -1. */
    public int column(Arg<?> arg) {
        return columns.getOrDefault(arg, -1);
    }

    /** Column of the first parameter, or -1 when the line has none. */
    public int firstColumn() {
        return columns.values().stream().mapToInt(Integer::intValue).min().orElse(-1);
    }

    @Override
    public String toString() {
        return keywords + " " + values;
    }
}
