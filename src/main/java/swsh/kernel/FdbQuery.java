package swsh.kernel;

/**
 * Which FDB entries to stream: of one port or all ({@code dev} null), of one VLAN or all ({@code vlan}
 * null), only the static ones (neither learned nor permanent) or every one.
 */
public record FdbQuery(String dev, Integer vlan, boolean staticOnly) {
    public static final FdbQuery ALL = new FdbQuery(null, null, false);

    /** The static entries of one port. */
    public static FdbQuery staticOn(String dev) {
        return new FdbQuery(dev, null, true);
    }

    public boolean matches(State.Fdb f) {
        return (dev == null || dev.equals(f.dev())) && (vlan == null || vlan.equals(f.vlan()))
                && (!staticOnly || !f.dynamic() && !f.permanent());
    }
}
