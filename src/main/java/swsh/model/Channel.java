package swsh.model;

/** A member port's {@code channel-group N mode active|passive|on} (issue 11). */
public record Channel(int group, Mode mode) {
    public enum Mode { ACTIVE, PASSIVE, ON }
}
