package swsh.shell;

import swsh.client.CliError;

/**
 * An error as the shell shows it: IOS wording, and the column of the caret (-1 for none). Never a
 * stack trace. The shell's front ends (swsh.client) catch it as the {@link CliError} it is.
 */
public final class CliException extends CliError {
    public CliException(String message) {
        super(message);
    }

    public CliException(String message, int caret) {
        super(message, caret);
    }
}
