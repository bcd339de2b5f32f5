package swsh.grammar;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The type of a parameter: how it shows in {@code ?}, which words have its shape, where TAB
 * finds values ({@code source}, a key the caller's value provider understands, or null), and
 * how a word becomes a typed value. The converter may throw an exception whose message says why
 * a word of the right shape is still refused; the grammar reports it at the word.
 */
public record ParamType<T>(String display, boolean restOfLine, String source, Predicate<String> accepts,
                           Function<String, T> convert) {

    public static <T> ParamType<T> of(String display, String source, String regex, Function<String, T> convert) {
        Pattern p = Pattern.compile(regex);
        return new ParamType<>(display, false, source, w -> p.matcher(w).matches(), convert);
    }

    /** Any single word. */
    public static ParamType<String> word(String display) {
        return new ParamType<>(display, false, null, w -> true, w -> w);
    }

    /** The rest of the line, blanks included. */
    public static ParamType<String> line(String display, String source) {
        return new ParamType<>(display, true, source, w -> true, String::strip);
    }

    /** A number in [lo, hi], shown as {@code <lo-hi>}. */
    public static ParamType<Integer> range(int lo, int hi, String source) {
        return new ParamType<>("<" + lo + "-" + hi + ">", false, source, w -> {
            if (w.isEmpty() || w.length() > 10) return false;
            for (int i = 0; i < w.length(); i++) if (w.charAt(i) < '0' || w.charAt(i) > '9') return false;
            long v = Long.parseLong(w);
            return v >= lo && v <= hi;
        }, Integer::valueOf);
    }

    public static ParamType<Integer> range(int lo, int hi) {
        return range(lo, hi, null);
    }
}
