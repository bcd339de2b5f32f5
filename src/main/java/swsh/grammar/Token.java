package swsh.grammar;

/** One token of a command: a keyword or a typed parameter, with its help line. */
public final class Token {
    public final String keyword;   // null for a parameter
    public final ParamType type;   // null for a keyword
    public final String name;      // argument name of a parameter
    public final String help;

    private Token(String keyword, ParamType type, String name, String help) {
        this.keyword = keyword;
        this.type = type;
        this.name = name;
        this.help = help;
    }

    public static Token keyword(String word, String help) {
        return new Token(word, null, null, help);
    }

    public static Token param(ParamType type, String name, String help) {
        return new Token(null, type, name, help);
    }

    public boolean isKeyword() {
        return keyword != null;
    }

    /** The word shown in {@code ?} output. */
    public String display() {
        return isKeyword() ? keyword : type.display;
    }

    /** Two tokens with the same key share one node of the token graph. */
    public String key() {
        return isKeyword() ? "k:" + keyword : "p:" + type.display + ":" + name;
    }
}
