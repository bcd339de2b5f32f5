package swsh.model;

/**
 * A port's rapid-spanning-tree settings: {@code spanning-tree portfast [trunk|disable]} (null:
 * follow {@code spanning-tree portfast default}) and {@code spanning-tree link-type} (null: auto,
 * point-to-point on full duplex).
 */
public record StpPort(Portfast portfast, LinkType linkType) {
    public enum Portfast { EDGE, TRUNK, DISABLE }

    public enum LinkType { POINT_TO_POINT, SHARED }

    public static final StpPort NONE = new StpPort(null, null);

    public StpPort withPortfast(Portfast v) { return new StpPort(v, linkType); }
    public StpPort withLinkType(LinkType v) { return new StpPort(portfast, v); }

    public boolean isDefault() {
        return portfast == null && linkType == null;
    }
}
