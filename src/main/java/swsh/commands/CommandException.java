package swsh.commands;

/** A command refused with an IOS-worded message, and the column of the caret (-1 for none). */
public final class CommandException extends RuntimeException {
    public final int caret;

    public CommandException(String message) {
        this(message, -1);
    }

    public CommandException(String message, int caret) {
        super(message, null, false, false);
        this.caret = caret;
    }
}
