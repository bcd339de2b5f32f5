package swsh.model;

/**
 * A port's {@code storm-control} settings (issue 10): a level per traffic class (null: none) and the
 * actions beyond it ({@code storm-control action shutdown} and/or {@code trap}; with neither, the
 * traffic above the level is only dropped, IOS's filter action).
 */
public record StormControl(Level broadcast, Level multicast, Level unicast, boolean shutdown, boolean trap) {
    public enum Unit { PERCENT, PPS, BPS }

    /** The traffic classes, in IOS's words. */
    public enum Kind {
        BROADCAST("broadcast"), MULTICAST("multicast"), UNICAST("unicast");

        public final String ios;

        Kind(String ios) {
            this.ios = ios;
        }
    }

    /** A rising level and the falling one (null: the same as the rising). */
    public record Level(Unit unit, double upper, Double lower) {
        /** The falling level: the one configured, else the rising level. */
        public double effectiveLower() {
            return lower == null ? upper : lower;
        }
    }

    public static final StormControl NONE = new StormControl(null, null, null, false, false);

    public Level level(Kind k) {
        return switch (k) {
            case BROADCAST -> broadcast;
            case MULTICAST -> multicast;
            case UNICAST -> unicast;
        };
    }

    public StormControl withLevel(Kind k, Level l) {
        return new StormControl(k == Kind.BROADCAST ? l : broadcast, k == Kind.MULTICAST ? l : multicast,
                k == Kind.UNICAST ? l : unicast, shutdown, trap);
    }

    public StormControl withShutdown(boolean v) {
        return new StormControl(broadcast, multicast, unicast, v, trap);
    }

    public StormControl withTrap(boolean v) {
        return new StormControl(broadcast, multicast, unicast, shutdown, v);
    }

    /** Whether any level is set (only then is the port policed). */
    public boolean any() {
        return broadcast != null || multicast != null || unicast != null;
    }

    /** Null when nothing is left configured. */
    public StormControl orNull() {
        return any() || shutdown || trap ? this : null;
    }
}
