package swsh.model;

/**
 * A port's {@code storm-control} settings (issue 10): a level per traffic class (null: none)
 * and the action beyond it. A level is a percentage of the link speed, packets or bits per second.
 */
public record StormControl(Level broadcast, Level multicast, Level unicast, boolean shutdown) {
    public enum Unit { PERCENT, PPS, BPS }

    public record Level(Unit unit, double value) {}

    public static final StormControl NONE = new StormControl(null, null, null, false);
}
