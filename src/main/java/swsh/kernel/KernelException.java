package swsh.kernel;

/**
 * What the kernel layer throws: the kernel refused an operation, could not be read, or an
 * operation cannot be passed to iproute2 safely. The message is already IOS-worded
 * ({@code % Error: ...}) and is shown to the user as it is; no stack trace is captured.
 */
public final class KernelException extends RuntimeException {
    public KernelException(String message) {
        super(message, null, false, false);
    }
}
