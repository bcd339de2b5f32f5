package swsh.grammar;

/** An error shown to the user in IOS form; never a stack trace. */
public class CliException extends RuntimeException {
    /** Column of the offending character in the typed line, or -1 when no caret is drawn. */
    public final int caret;

    public CliException(String message) {
        this(message, -1);
    }

    public CliException(String message, int caret) {
        super(message, null, false, false);
        this.caret = caret;
    }

    public static CliException invalid(int caret) {
        return new CliException("% Invalid input detected at '^' marker.", caret);
    }

    public static CliException incomplete() {
        return new CliException("% Incomplete command.");
    }

    public static CliException ambiguous(String line) {
        return new CliException("% Ambiguous command:  \"" + line.strip() + "\"");
    }
}
