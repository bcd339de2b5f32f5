package swsh.client;

/**
 * An error as the shell shows it: IOS wording, and the column of the caret (-1 for none). Never a
 * stack trace. swsh.shell.CliException, which the commands throw, is one.
 */
public class CliError extends RuntimeException {
    public final int caret;

    public CliError(String message) {
        this(message, -1);
    }

    public CliError(String message, int caret) {
        super(message, null, false, false);
        this.caret = caret;
    }
}
