package swsh.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import swsh.model.Config;

/**
 * The kernel as the engine sees it: read the actual state, apply a plan. Errors are {@link KernelException}s.
 * The state of {@link #read()} holds links, addresses and VLANs, never the forwarding database (which can
 * hold tens of thousands of learned MACs): {@link #fdb} streams that, for the shows and for the static
 * MACs a plan needs ({@link #forPlan}).
 */
public interface Kernel extends AutoCloseable {
    /**
     * The links with their details and IPv4 addresses, and the VLANs of the bridge and its ports, as the
     * kernel has them now; no FDB entries. Counters may be as old as the link's last change (see
     * {@link #readCounters()}).
     */
    State read();

    /** {@link #read()} with every link's counters as the kernel counts them now (for the shows of counters). */
    default State readCounters() {
        return read();
    }

    /**
     * Streams the bridge's FDB entries that match {@code q} to {@code each}, one at a time, holding none.
     * Nothing when the bridge, or the port asked for, is not there.
     */
    void fdb(FdbQuery q, Consumer<State.Fdb> each);

    /**
     * What a plan from {@code owned} to {@code cfg} needs: {@link #read()} and the static entries of the
     * ports either config has static MACs on (none read when neither has any).
     */
    default State forPlan(Config cfg, Config owned) {
        State s = read();
        State.Link br = s.link(bridge());
        // each VLAN's multicast options, when either config has them (the plan from one to the other compares them)
        if ((cfg.igmp().perVlan() || owned != null && owned.igmp().perVlan()) && br != null && br.bridge() != null) {
            java.util.Map<String, State.Link> links = new java.util.TreeMap<>(s.links());
            State.Mcast m = br.bridge().mcast();
            links.put(br.name(), br.withBridge(br.bridge().withMcast(new State.Mcast(m.snooping(), m.vlanSnooping(), vlanMcast()))));
            s = new State(links, s.vlans(), s.fdb(), s.tc());
        }
        Set<String> tcDevs = SpanPlanner.devices(cfg, owned, s);
        if (!tcDevs.isEmpty()) s = s.withTc(tc(tcDevs));
        Set<String> ports = Planner.staticMacPorts(cfg, owned);
        if (ports.isEmpty()) return s;
        List<State.Fdb> statics = new ArrayList<>();
        for (String p : ports) fdb(FdbQuery.staticOn(p), statics::add);
        return s.withFdb(statics);
    }

    /** What tc has on {@code devs} (existing devices of {@link #read()}): qdiscs, swsh's mirroring filters, others. */
    default TcState tc(Set<String> devs) {
        return TcState.EMPTY;
    }

    /**
     * The argv prefix that runs a program in the switch's network namespace ({@code ip netns exec NS}, or
     * none in the initial one), for ping and traceroute; null when this kernel is no real one (they cannot run).
     */
    default List<String> runIn() {
        return null;
    }

    /** The bridge's per-VLAN multicast options ({@code bridge vlan global show}); empty when there are none. */
    default java.util.Map<Integer, State.VlanMcast> vlanMcast() {
        return java.util.Map.of();
    }

    /** The multicast groups the bridge's ports joined ({@code bridge mdb show}). */
    default List<McastJson.Group> mdb() {
        return List.of();
    }

    /** The LLDP agent of a switch on this kernel keeping its files in {@code runDir}: one that only remembers, unless live. */
    default LldpAgent lldpAgent(java.nio.file.Path runDir) {
        return LldpAgent.memory();
    }

    /**
     * swsh's storm-control filters on ports {@code devs} and their counters, read now (see {@link StormPlanner});
     * null when this kernel view cannot read tc (a plan then leaves tc alone).
     */
    default StormTc stormTc(Set<String> devs) {
        return null;
    }

    /** The network namespace this kernel view works in (null: the process's own), for the programs a watcher runs there. */
    default String netns() {
        return null;
    }

    /** Runs the plan's ops in order; throws {@link KernelException} naming what the kernel refused. */
    void apply(Plan plan);

    /** Forgets the dynamically learned MACs of a port (optionally of one VLAN only). */
    void flushDynamic(String dev, Integer vlan);

    /**
     * Calls {@code r} (on a thread of the kernel view's own) whenever the kernel reports a change of links,
     * addresses or VLANs, whoever made it; a kernel view that follows no events never calls it.
     */
    default void onChange(Runnable r) {}

    /** The other network manager that drives link {@code dev} (see {@link Managers}), or null. */
    default String managedBy(String dev) {
        return null;
    }

    /** BPDU I/O on the bridge's ports for a spanning-tree engine (see {@link FrameIo}), or null when there is none. */
    default FrameIo frames() {
        return null;
    }

    /**
     * The bonding driver's report of bond {@code bond} ({@code /proc/net/bonding/BOND}: each member's LACP
     * partner, see {@link BondProc}), or null when there is none to read.
     */
    default String bondingStatus(String bond) {
        return null;
    }

    /** Name of the bridge this switch runs on. */
    String bridge();

    /** Stops whatever the kernel view keeps running (processes, threads); a later use may start them again. */
    @Override
    default void close() {}
}
