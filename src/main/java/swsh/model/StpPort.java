package swsh.model;

/**
 * A port's rapid-spanning-tree settings (issue 10): {@code spanning-tree portfast [disable]}
 * (null: follow {@code spanning-tree portfast default}) and {@code spanning-tree link-type}
 * (null: auto, from duplex).
 */
public record StpPort(Boolean portfast, LinkType linkType) {
    public enum LinkType { POINT_TO_POINT, SHARED }

    public static final StpPort NONE = new StpPort(null, null);

    public StpPort withPortfast(Boolean v) { return new StpPort(v, linkType); }
    public StpPort withLinkType(LinkType v) { return new StpPort(portfast, v); }

    public boolean isDefault() {
        return portfast == null && linkType == null;
    }
}
