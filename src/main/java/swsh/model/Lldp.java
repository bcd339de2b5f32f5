package swsh.model;

/** Global {@code lldp run} and {@code cdp run} (issue 11). */
public record Lldp(boolean run, boolean cdp) {
    public static final Lldp DEFAULT = new Lldp(false, false);
}
