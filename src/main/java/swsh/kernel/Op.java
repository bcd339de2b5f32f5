package swsh.kernel;

/**
 * One change to the kernel, as the {@link Planner} decides it. Values are in kernel terms
 * (times in centiseconds, port priority 0-63); a null field of an optional setting means
 * "leave as it is". {@link BatchText} turns an op into its iproute2 batch line for the live
 * kernel; {@link FakeKernel} applies it directly.
 */
public sealed interface Op {

    /** The iproute2 program that runs an op. */
    enum Tool {
        IP("ip"), BRIDGE("bridge"), TC("tc"), ETHTOOL("ethtool");

        private final String command;

        Tool(String command) {
            this.command = command;
        }

        /** The program name, as run and as printed before a batch line. */
        public String command() {
            return command;
        }

        @Override
        public String toString() {
            return command;
        }
    }

    /** Which program runs this op. */
    Tool tool();

    /** An op {@code ip} runs. */
    sealed interface IpOp extends Op {
        @Override
        default Tool tool() {
            return Tool.IP;
        }
    }

    /** An op {@code bridge} runs. */
    sealed interface BridgeOp extends Op {
        @Override
        default Tool tool() {
            return Tool.BRIDGE;
        }
    }

    /** An op {@code tc} runs. */
    sealed interface TcOp extends Op {
        @Override
        default Tool tool() {
            return Tool.TC;
        }
    }

    /** An op {@code ethtool} runs (one process each: ethtool has no batch mode). */
    sealed interface EthtoolOp extends Op {
        @Override
        default Tool tool() {
            return Tool.ETHTOOL;
        }
    }

    /**
     * One method per kind of op. Java 17 has no pattern-matching switch over a sealed type; a
     * visitor gives the same guarantee: adding an op fails to compile until every user handles it.
     */
    interface Visitor<R> {
        R createBridge(CreateBridge o);

        R setBridge(SetBridge o);

        R enslave(Enslave o);

        R release(Release o);

        R setMtu(SetMtu o);

        R setAlias(SetAlias o);

        R vlanAdd(VlanAdd o);

        R vlanDel(VlanDel o);

        R portFlags(PortFlags o);

        R fdbAdd(FdbAdd o);

        R fdbDel(FdbDel o);

        R addVlanDevice(AddVlanDevice o);

        R deleteLink(DeleteLink o);

        R addrAdd(AddrAdd o);

        R addrDel(AddrDel o);

        R setUp(SetUp o);

        R vlanState(VlanState o);

        R createBond(CreateBond o);

        R joinBond(JoinBond o);

        R setBond(SetBond o);

        R tcQdisc(TcQdisc o);

        R tcFilter(TcFilter o);

        R linkMode(LinkMode o);

        R setMcast(SetMcast o);

        R vlanMcast(VlanMcast o);

        R portLock(PortLock o);

        R ingressQdisc(IngressQdisc o);

        R stormFilterAdd(StormFilterAdd o);

        R stormFilterDel(StormFilterDel o);
    }

    /** Calls the visitor method for this kind of op. */
    <R> R accept(Visitor<R> v);

    /**
     * Bridge-wide attributes; null leaves one unchanged. {@code stpState} is 0 or 1, times are
     * centiseconds.
     */
    record BridgeSettings(Boolean vlanFiltering, Integer defaultPvid, Integer stpState, Integer priority,
                          Integer helloTime, Integer forwardDelay, Integer maxAge, Integer ageingTime) {
        public static final BridgeSettings NONE = new BridgeSettings(null, null, null, null, null, null, null, null);

        public boolean isEmpty() {
            return equals(NONE);
        }
    }

    /** {@code ip link add name NAME type bridge ...}. */
    record CreateBridge(String name, BridgeSettings settings) implements IpOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.createBridge(this);
        }
    }

    /** {@code ip link set dev NAME type bridge ...}: only the settings that differ. */
    record SetBridge(String name, BridgeSettings settings) implements IpOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.setBridge(this);
        }
    }

    /** {@code ip link set dev DEV master MASTER}: the port joins the bridge. */
    record Enslave(String dev, String master) implements IpOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.enslave(this);
        }
    }

    /** {@code ip link set dev DEV nomaster}: the port leaves the bridge. */
    record Release(String dev) implements IpOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.release(this);
        }
    }

    /** {@code ip link set dev DEV mtu MTU}. */
    record SetMtu(String dev, int mtu) implements IpOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.setMtu(this);
        }
    }

    /** {@code ip link set dev DEV alias "TEXT"}; the empty text clears the alias. */
    record SetAlias(String dev, String alias) implements IpOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.setAlias(this);
        }
    }

    /**
     * {@code bridge vlan add dev DEV vid LO[-HI] [pvid] [untagged] [self]}; a PVID entry is a
     * single VLAN. {@code self} addresses the bridge device itself.
     */
    record VlanAdd(String dev, int lo, int hi, boolean pvid, boolean untagged, boolean self) implements BridgeOp {
        public VlanAdd {
            if (hi < lo || (pvid && hi != lo)) throw new IllegalArgumentException("bad VLAN range " + lo + "-" + hi);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.vlanAdd(this);
        }
    }

    /** {@code bridge vlan del dev DEV vid LO[-HI] [self]}. */
    record VlanDel(String dev, int lo, int hi, boolean self) implements BridgeOp {
        public VlanDel {
            if (hi < lo) throw new IllegalArgumentException("bad VLAN range " + lo + "-" + hi);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.vlanDel(this);
        }
    }

    /**
     * {@code bridge link set dev DEV [cost N] [priority N] [guard on|off] [root_block on|off]
     * [isolated on|off]}: only the flags that differ (priority in kernel terms, 0-63).
     */
    record PortFlags(String dev, Integer cost, Integer priority, Boolean guard, Boolean rootBlock, Boolean isolated)
            implements BridgeOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.portFlags(this);
        }
    }

    /** {@code bridge fdb add MAC dev DEV master static vlan VLAN}. */
    record FdbAdd(String mac, String dev, int vlan) implements BridgeOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.fdbAdd(this);
        }
    }

    /** {@code bridge fdb del MAC dev DEV master vlan VLAN}. */
    record FdbDel(String mac, String dev, int vlan) implements BridgeOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.fdbDel(this);
        }
    }

    /** {@code ip link add link BRIDGE name NAME type vlan id VID}: the switch's host port into a VLAN. */
    record AddVlanDevice(String bridge, String name, int vid) implements IpOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.addVlanDevice(this);
        }
    }

    /** {@code ip link del dev DEV}. */
    record DeleteLink(String dev) implements IpOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.deleteLink(this);
        }
    }

    /** {@code ip addr add ADDR dev DEV}; the address is {@code a.b.c.d/len}. */
    record AddrAdd(String dev, String addr) implements IpOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.addrAdd(this);
        }
    }

    /** {@code ip addr del ADDR dev DEV}. */
    record AddrDel(String dev, String addr) implements IpOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.addrDel(this);
        }
    }

    /** {@code ip link set dev DEV up|down}. */
    record SetUp(String dev, boolean up) implements IpOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.setUp(this);
        }
    }

    /**
     * {@code bridge vlan set dev DEV vid LO[-HI] state STATE}: the spanning-tree state of a port in
     * VLANs (kernel STP off: per-VLAN states are the ones that stay as set).
     */
    record VlanState(String dev, int lo, int hi, String state) implements BridgeOp {
        public VlanState {
            if (hi < lo) throw new IllegalArgumentException("bad VLAN range " + lo + "-" + hi);
            if (!java.util.Set.of("blocking", "learning", "forwarding").contains(state)) throw new IllegalArgumentException("bad state " + state);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.vlanState(this);
        }
    }

    /** {@code tc qdisc add|del dev DEV clsact}: the hooks swsh's mirroring filters hang on. */
    record TcQdisc(String dev, boolean add) implements TcOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.tcQdisc(this);
        }
    }

    /** {@code tc filter add|del dev DEV ingress|egress pref P ...}: one of swsh's mirroring filters ({@link Mirror}). */
    record TcFilter(Mirror filter, boolean add) implements TcOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.tcFilter(this);
        }
    }

    /**
     * {@code bridge link set dev DEV locked on learning off} (port security: only MACs with an FDB entry on the
     * port may send) or {@code locked off learning on}.
     */
    record PortLock(String dev, boolean locked) implements BridgeOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.portLock(this);
        }
    }

    /** {@code tc qdisc add dev DEV ingress}: where storm control's filters hang. */
    record IngressQdisc(String dev) implements TcOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.ingressQdisc(this);
        }
    }

    /**
     * {@code ip link add name NAME type bond mode MODE miimon MS [lacp_rate RATE lacp_active on|off]}: a
     * port-channel's bond; the LACP settings only for mode {@code 802.3ad} (null otherwise).
     */
    record CreateBond(String name, String mode, int miimon, String lacpRate, Boolean lacpActive) implements IpOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.createBond(this);
        }
    }

    /**
     * {@code ip link set dev NAME type bond mode MODE miimon MS [lacp_rate RATE lacp_active on|off]}: a bond's
     * settings changed in place, which the kernel takes only while the bond is down and has no members.
     */
    record SetBond(String name, String mode, int miimon, String lacpRate, Boolean lacpActive) implements IpOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.setBond(this);
        }
    }

    /** {@code ip link set dev DEV master BOND}: a member joins its port-channel's bond (the kernel wants it down first). */
    record JoinBond(String dev, String bond) implements IpOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.joinBond(this);
        }
    }

    /**
     * {@code ethtool -s DEV ...}: a NIC's speed (Mb/s) and duplex ({@code full}/{@code half}); null is auto.
     * Both set: {@code speed S duplex D autoneg off}; one set: autonegotiation advertising only it; none:
     * {@code autoneg on}.
     */
    record LinkMode(String dev, Integer speed, String duplex) implements EthtoolOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.linkMode(this);
        }
    }

    /**
     * {@code ip link set dev BRIDGE type bridge [mcast_snooping 0|1] [mcast_vlan_snooping 0|1]}: IGMP
     * snooping of the bridge, and whether each VLAN has a multicast context of its own; null leaves one.
     */
    record SetMcast(String bridge, Boolean snooping, Boolean vlanSnooping) implements IpOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.setMcast(this);
        }
    }

    /** {@code bridge vlan global set dev BRIDGE vid VID mcast_snooping 0|1 mcast_querier 0|1}. */
    record VlanMcast(String bridge, int vid, boolean snooping, boolean querier) implements BridgeOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.vlanMcast(this);
        }
    }

    /**
     * {@code tc filter add dev DEV ingress pref PREF protocol all flower dst_mac MAC[/MASK] action police
     * rate Nbit burst B | pkts_rate N pkts_burst B conform-exceed drop/ok cookie C}; with neither rate, the
     * action is {@code pass}. The cookie says which settings the filter was made for.
     */
    record StormFilterAdd(String dev, int pref, String dstMac, Long bitsPerSecond, Long packetsPerSecond, long burst, String cookie)
            implements TcOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.stormFilterAdd(this);
        }
    }

    /** {@code tc filter del dev DEV ingress pref PREF}. */
    record StormFilterDel(String dev, int pref) implements TcOp {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.stormFilterDel(this);
        }
    }
}
