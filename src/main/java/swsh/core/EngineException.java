package swsh.core;

/** The engine could not lock, read or write the switch's files; the message says which and why. */
public final class EngineException extends RuntimeException {
    public EngineException(String message) {
        super(message, null, false, false);
    }
}
