package swsh.model;

/** A port's {@code speed} (Mb/s) and {@code duplex} ({@code full}/{@code half}); null fields are auto. */
public record PortLink(Integer speed, String duplex) {
    public static final PortLink AUTO = new PortLink(null, null);

    public PortLink withSpeed(Integer s) {
        return new PortLink(s, duplex);
    }

    public PortLink withDuplex(String d) {
        return new PortLink(speed, d);
    }

    /** This setting as an interface keeps it: null when both are auto (nothing configured). */
    public PortLink orNull() {
        return speed == null && duplex == null ? null : this;
    }

    /** The setting of {@code i} (auto when it has none). */
    public static PortLink of(Iface i) {
        return i == null || i.link() == null ? AUTO : i.link();
    }
}
