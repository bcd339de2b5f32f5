package swsh.kernel;

/** What the kernel refused or could not tell us, worded for the user. */
public final class KernelException extends RuntimeException {
    public KernelException(String message) {
        super(message, null, false, false);
    }
}
