package swsh.grammar;

/** One token of a command: a keyword or a typed parameter, with its help line. */
public final class Token {
    public final String keyword;   // null for a parameter
    public final Arg<?> arg;       // null for a keyword
    public final String help;

    private Token(String keyword, Arg<?> arg, String help) {
        this.keyword = keyword;
        this.arg = arg;
        this.help = help;
    }

    public static Token keyword(String word, String help) {
        return new Token(word, null, help);
    }

    public static Token param(Arg<?> arg, String help) {
        return new Token(null, arg, help);
    }

    public boolean isKeyword() {
        return keyword != null;
    }

    public ParamType<?> type() {
        return arg == null ? null : arg.type();
    }

    /** True for a parameter that takes the rest of the line. */
    public boolean restOfLine() {
        return arg != null && arg.type().restOfLine();
    }

    /** The word shown in {@code ?} output and the man page. */
    public String display() {
        return isKeyword() ? keyword : arg.type().display();
    }

    /** Two tokens with the same key share one node of the token graph. */
    String key() {
        return isKeyword() ? "k:" + keyword : "p:" + arg.type().display() + ":" + arg.name();
    }

    @Override
    public String toString() {
        return display();
    }
}
