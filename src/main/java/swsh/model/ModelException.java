package swsh.model;

/** A value the model cannot hold (a VLAN list out of range, a malformed hash); the message says why in words. */
public final class ModelException extends RuntimeException {
    public ModelException(String message) {
        super(message, null, false, false);
    }
}
