package swsh.model;

/** A port's {@code speed} and {@code duplex} (issue 11); null fields are auto. */
public record PortLink(Integer speed, String duplex) {
    public static final PortLink AUTO = new PortLink(null, null);
}
