package swsh.kernel;

/**
 * Quoting for iproute2 batch lines. iproute2 splits batch lines on blanks, honours one level
 * of single or double quotes, and cuts everything after {@code #}; user text therefore must
 * not hold control characters, {@code #} or both kinds of quote. The shell refuses such text
 * before it reaches here; this check is the last line of defence.
 */
public final class Quote {
    private Quote() {}

    public static boolean safe(String text) {
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c > 0x7e || c == '#' || c == '"' || c == '\\') return false;
        }
        return true;
    }

    public static String arg(String text) {
        if (!safe(text)) throw new IllegalArgumentException("unsafe text for a batch line");
        return "\"" + text + "\"";
    }
}
