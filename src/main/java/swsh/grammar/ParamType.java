package swsh.grammar;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The type of a parameter token: how it is shown in {@code ?}, which words it accepts, and
 * where TAB finds its values.
 */
public final class ParamType {
    /** Where TAB completion takes values from. */
    public enum Source { NONE, INTERFACES, VLANS }

    public final String display;
    public final boolean restOfLine;
    public final Source source;
    private final Predicate<String> accepts;

    private ParamType(String display, boolean restOfLine, Source source, Predicate<String> accepts) {
        this.display = display;
        this.restOfLine = restOfLine;
        this.source = source;
        this.accepts = accepts;
    }

    public boolean accepts(String word) {
        return accepts.test(word);
    }

    private static Predicate<String> regex(String re) {
        Pattern p = Pattern.compile(re);
        return w -> p.matcher(w).matches();
    }

    public static final ParamType WORD = new ParamType("WORD", false, Source.NONE, w -> true);
    public static final ParamType LINE = new ParamType("LINE", true, Source.NONE, w -> true);
    public static final ParamType VLAN_LIST =
            new ParamType("WORD", false, Source.VLANS, regex("[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*"));
    public static final ParamType IFNAME = new ParamType("IFNAME", false, Source.INTERFACES,
            regex("[A-Za-z0-9_.@:+-]{1,15}"));
    public static final ParamType IFRANGE = new ParamType("LINE", true, Source.INTERFACES, w -> true);
    public static final ParamType MAC = new ParamType("H.H.H", false, Source.NONE,
            regex("(?i)[0-9a-f]{4}\\.[0-9a-f]{4}\\.[0-9a-f]{4}|[0-9a-f]{2}(:[0-9a-f]{2}){5}"));
    public static final ParamType IPV4 = new ParamType("A.B.C.D", false, Source.NONE,
            regex("([0-9]{1,3}\\.){3}[0-9]{1,3}"));
    public static final ParamType IPV4_PREFIX = new ParamType("A.B.C.D/nn", false, Source.NONE,
            regex("([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}"));

    /** A number in [lo, hi], shown as {@code <lo-hi>}. */
    public static ParamType range(long lo, long hi) {
        Source src = lo == 1 && hi == 4094 ? Source.VLANS : Source.NONE;
        return new ParamType("<" + lo + "-" + hi + ">", false, src, w -> {
            if (!w.matches("[0-9]{1,10}")) return false;
            long v = Long.parseLong(w);
            return v >= lo && v <= hi;
        });
    }

    /** Grammar spelling of the named types, as used in command syntax strings. */
    public static ParamType named(String spelling) {
        switch (spelling) {
            case "WORD": return WORD;
            case "LINE": return LINE;
            case "VLANS": return VLAN_LIST;
            case "IFNAME": return IFNAME;
            case "IFRANGE": return IFRANGE;
            case "MAC": return MAC;
            case "A.B.C.D": return IPV4;
            case "A.B.C.D/M": return IPV4_PREFIX;
            default:
                if (spelling.matches("<[0-9]+-[0-9]+>")) {
                    String[] p = spelling.substring(1, spelling.length() - 1).split("-");
                    return range(Long.parseLong(p[0]), Long.parseLong(p[1]));
                }
                return null;
        }
    }

    @Override
    public String toString() {
        return display;
    }
}
