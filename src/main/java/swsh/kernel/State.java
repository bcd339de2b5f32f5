package swsh.kernel;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the kernel actually has, as read back from iproute2's JSON output. */
public record State(Map<String, Link> links, Map<String, List<VlanEntry>> vlans, List<Fdb> fdb) {

    /** Bridge attributes; times in centiseconds as the kernel reports them. */
    public record BridgeAttrs(boolean vlanFiltering, int defaultPvid, int stpState, int priority, int helloTime,
                              int forwardDelay, int maxAge, int ageingTime, String bridgeId, String rootId,
                              int rootPort, int rootPathCost) {}

    /** Attributes of a bridge port (kernel priority 0-63). */
    public record PortAttrs(int state, int priority, int cost, boolean guard, boolean rootBlock, boolean isolated,
                            String designatedRoot, String designatedBridge, int portNo, String portId) {}

    public record Link(String name, int ifindex, String kind, String master, boolean adminUp, boolean lowerUp,
                       int mtu, String alias, String mac, BridgeAttrs bridge, Integer vlanId, String vlanLink,
                       PortAttrs port, List<String> addrs) {
        public Link with(String newMaster, Boolean up, Integer newMtu, String newAlias) {
            return new Link(name, ifindex, kind, newMaster, up == null ? adminUp : up, lowerUp,
                    newMtu == null ? mtu : newMtu, newAlias, mac, bridge, vlanId, vlanLink, port, addrs);
        }
    }

    public record VlanEntry(int vid, boolean pvid, boolean untagged) {}

    /** A forwarding database entry; {@code dynamic} is false for static and permanent entries. */
    public record Fdb(String mac, String dev, Integer vlan, boolean dynamic, boolean permanent) {}

    public static State empty() {
        return new State(new TreeMap<>(), new TreeMap<>(), List.of());
    }

    public Link link(String name) {
        return links.get(name);
    }

    public List<VlanEntry> vlansOf(String dev) {
        return vlans.getOrDefault(dev, List.of());
    }
}
