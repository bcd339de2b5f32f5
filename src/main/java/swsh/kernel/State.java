package swsh.kernel;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the kernel actually has, as read back from iproute2's JSON output. {@code fdb} holds only what a
 * plan asked for (see {@link Kernel#forPlan}), never the whole learned table.
 */
public record State(Map<String, Link> links, Map<String, List<VlanEntry>> vlans, List<Fdb> fdb, TcState tc) {

    /** A state without tc (read only for plans with port mirroring, {@link Kernel#forPlan}). */
    public State(Map<String, Link> links, Map<String, List<VlanEntry>> vlans, List<Fdb> fdb) {
        this(links, vlans, fdb, TcState.EMPTY);
    }

    /** Bridge attributes; times in centiseconds as the kernel reports them; {@code mcast} its IGMP snooping. */
    public record BridgeAttrs(boolean vlanFiltering, int defaultPvid, int stpState, int priority, int helloTime,
                              int forwardDelay, int maxAge, int ageingTime, String bridgeId, String rootId,
                              int rootPort, int rootPathCost, Mcast mcast) {
        /** Attributes with the kernel's multicast defaults. */
        public BridgeAttrs(boolean vlanFiltering, int defaultPvid, int stpState, int priority, int helloTime,
                           int forwardDelay, int maxAge, int ageingTime, String bridgeId, String rootId,
                           int rootPort, int rootPathCost) {
            this(vlanFiltering, defaultPvid, stpState, priority, helloTime, forwardDelay, maxAge, ageingTime, bridgeId,
                    rootId, rootPort, rootPathCost, Mcast.DEFAULT);
        }

        public BridgeAttrs withMcast(Mcast m) {
            return new BridgeAttrs(vlanFiltering, defaultPvid, stpState, priority, helloTime, forwardDelay, maxAge,
                    ageingTime, bridgeId, rootId, rootPort, rootPathCost, m);
        }
    }

    /**
     * A bridge's IGMP snooping ({@code mcast_snooping}), whether each VLAN has its own multicast context
     * ({@code mcast_vlan_snooping}), and the VLANs' options ({@code bridge vlan global show}; only read
     * for a plan that needs them, else empty).
     */
    public record Mcast(boolean snooping, boolean vlanSnooping, Map<Integer, VlanMcast> vlans) {
        /** A new bridge's. */
        public static final Mcast DEFAULT = new Mcast(true, false, Map.of());

        public Mcast {
            vlans = Map.copyOf(vlans);
        }

        /** The options of VLAN {@code vid} (the kernel's defaults when not read). */
        public VlanMcast vlan(int vid) {
            return vlans.getOrDefault(vid, VlanMcast.DEFAULT);
        }
    }

    /** A VLAN's multicast options: snooping and querier. */
    public record VlanMcast(boolean snooping, boolean querier) {
        public static final VlanMcast DEFAULT = new VlanMcast(true, false);
    }

    /** Attributes of a bridge port (kernel priority 0-63); {@code locked} and {@code learning} as port security sets them. */
    public record PortAttrs(int state, int priority, int cost, boolean guard, boolean rootBlock, boolean isolated,
                            String designatedRoot, String designatedBridge, int portNo, String portId, boolean locked,
                            boolean learning) {
        /** A port as the kernel makes it: not locked, learning. */
        public PortAttrs(int state, int priority, int cost, boolean guard, boolean rootBlock, boolean isolated,
                         String designatedRoot, String designatedBridge, int portNo, String portId) {
            this(state, priority, cost, guard, rootBlock, isolated, designatedRoot, designatedBridge, portNo, portId, false, true);
        }

        public PortAttrs withLock(boolean newLocked, boolean newLearning) {
            return new PortAttrs(state, priority, cost, guard, rootBlock, isolated, designatedRoot, designatedBridge, portNo,
                    portId, newLocked, newLearning);
        }
    }

    /**
     * Link-layer facts of a link: iproute2's {@code link_type} ({@code ether}, {@code loopback}...), its
     * transmit queue length and queueing discipline, and its speed (Mb/s) and duplex ({@code full}/{@code half}) when the kernel
     * knows them, else null. Only physical NICs with carrier have a speed: a down NIC reports none and
     * veth reports a constant of its driver, which is not read.
     */
    public record Hardware(String linkType, int txqlen, String qdisc, Integer speed, String duplex) {
        /** What a new veth has. */
        public static final Hardware ETHER = new Hardware("ether", 1000, "noqueue", null, null);

        public Hardware withMode(Integer newSpeed, String newDuplex) {
            return new Hardware(linkType, txqlen, qdisc, newSpeed, newDuplex);
        }
    }

    /**
     * The counters the kernel keeps for a link, as {@code ip -s -s -j} prints them under
     * {@code stats64} ({@code rx.bytes}, {@code rx.over_errors}, {@code tx.carrier_errors}...). The
     * kernel counts no broadcasts and most virtual drivers no multicasts either.
     */
    public record Stats(long rxBytes, long rxPackets, long rxErrors, long rxDropped, long rxMulticast,
                        long rxOverErrors, long rxCrcErrors, long rxFrameErrors, long rxLengthErrors, long rxMissedErrors,
                        long txBytes, long txPackets, long txErrors, long txDropped, long txCarrierErrors,
                        long collisions, long txFifoErrors, long txWindowErrors) {
        public static final Stats ZERO = new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** Traffic only: packets and bytes each way, every error and drop counter zero. */
        public static Stats traffic(long rxPackets, long rxBytes, long txPackets, long txBytes) {
            return new Stats(rxBytes, rxPackets, 0, 0, 0, 0, 0, 0, 0, 0, txBytes, txPackets, 0, 0, 0, 0, 0, 0);
        }
    }

    public record Link(String name, int ifindex, String kind, String master, boolean adminUp, boolean lowerUp,
                       int mtu, String alias, String mac, BridgeAttrs bridge, Integer vlanId, String vlanLink,
                       PortAttrs port, List<String> addrs, Hardware hw, Stats stats, Bond bond) {
        /** A link that is neither a bond nor a bond's member. */
        public Link(String name, int ifindex, String kind, String master, boolean adminUp, boolean lowerUp, int mtu,
                    String alias, String mac, BridgeAttrs bridge, Integer vlanId, String vlanLink, PortAttrs port,
                    List<String> addrs, Hardware hw, Stats stats) {
            this(name, ifindex, kind, master, adminUp, lowerUp, mtu, alias, mac, bridge, vlanId, vlanLink, port, addrs, hw, stats, null);
        }

        public Link with(String newMaster, Boolean up, Integer newMtu, String newAlias) {
            return new Link(name, ifindex, kind, newMaster, up == null ? adminUp : up, lowerUp,
                    newMtu == null ? mtu : newMtu, newAlias, mac, bridge, vlanId, vlanLink, port, addrs, hw, stats, bond);
        }

        /** This link with other bonding facts (see {@link Bond}). */
        public Link withBond(Bond b) {
            return new Link(name, ifindex, kind, master, adminUp, lowerUp, mtu, alias, mac, bridge, vlanId, vlanLink,
                    port, addrs, hw, stats, b);
        }

        public Link withHardware(Hardware h) {
            return new Link(name, ifindex, kind, master, adminUp, lowerUp, mtu, alias, mac, bridge, vlanId, vlanLink,
                    port, addrs, h, stats, bond);
        }

        public Link withBridge(BridgeAttrs b) {
            return new Link(name, ifindex, kind, master, adminUp, lowerUp, mtu, alias, mac, b, vlanId, vlanLink,
                    port, addrs, hw, stats);
        }

        public Link withStats(Stats s) {
            return new Link(name, ifindex, kind, master, adminUp, lowerUp, mtu, alias, mac, bridge, vlanId, vlanLink,
                    port, addrs, hw, s, bond);
        }
    }

    public record VlanEntry(int vid, boolean pvid, boolean untagged) {}

    /** A forwarding database entry; {@code dynamic} is false for static and permanent entries. */
    public record Fdb(String mac, String dev, Integer vlan, boolean dynamic, boolean permanent) {}

    public static State empty() {
        return new State(new TreeMap<>(), new TreeMap<>(), List.of());
    }

    /** This state with {@code entries} as its FDB. */
    public State withFdb(List<State.Fdb> entries) {
        return new State(links, vlans, List.copyOf(entries), tc);
    }

    /** This state with {@code t} as what tc has. */
    public State withTc(TcState t) {
        return new State(links, vlans, fdb, t);
    }

    public Link link(String name) {
        return links.get(name);
    }

    public List<VlanEntry> vlansOf(String dev) {
        return vlans.getOrDefault(dev, List.of());
    }
}
