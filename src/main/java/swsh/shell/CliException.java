package swsh.shell;

/** An error as the shell shows it: IOS wording, and the column of the caret (-1 for none). Never a stack trace. */
public final class CliException extends RuntimeException {
    public final int caret;

    public CliException(String message) {
        this(message, -1);
    }

    public CliException(String message, int caret) {
        super(message, null, false, false);
        this.caret = caret;
    }
}
