package swsh.core.rstp;

import java.util.List;

/**
 * The tree as {@code show spanning-tree} prints it: the root's vector and times, the bridge's own
 * settings, and each port's role, state, cost, ID and link type. {@code sinceChange} is in seconds,
 * -1 when no topology change happened.
 */
public record TreeView(Rstp.BridgeConf bridge, Vec root, String rootPort, int rootPortId, int maxAge, int hello, int fwdDelay,
                       long topologyChanges, long sinceChange, String lastChangePort, List<Port> ports) {
    public record Port(String name, Rstp.Role role, Rstp.PortState state, int cost, int portId, boolean pointToPoint,
                       boolean edge, boolean stpPeer, boolean rootInconsistent, Vec designated) {}

    public boolean isRoot() {
        return rootPort == null;
    }
}
