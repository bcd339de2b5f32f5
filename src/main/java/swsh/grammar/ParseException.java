package swsh.grammar;

/** A line the grammar cannot take: what went wrong and in which column (-1 when no column applies). */
public final class ParseException extends RuntimeException {
    /** Why a line did not parse. */
    public enum Kind {
        /** a word no command accepts here */
        INVALID,
        /** the line stops before a command is complete */
        INCOMPLETE,
        /** a word that starts several keywords */
        AMBIGUOUS,
        /** a parameter of the right shape whose value is refused (the message says why) */
        BAD_VALUE
    }

    public final Kind kind;
    public final int column;

    public ParseException(Kind kind, int column, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
        this.column = column;
    }
}
