package swsh.kernel;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An in-memory kernel that applies the planner's {@link Op}s directly. It backs {@code --dry-run}
 * (printing each op as its batch line) and the unit tests (recording every plan), so that
 * "apply, then plan again yields nothing" is checked without root. Like the real kernel it
 * refuses ops on devices that do not exist and VLANs on devices that are not bridge ports.
 */
public final class FakeKernel implements Kernel {
    /** What the kernel gives a new bridge (times in centiseconds). */
    static final State.BridgeAttrs NEW_BRIDGE = new State.BridgeAttrs(false, 1, 0, 32768, 200, 1500, 2000,
            30000, "8000.0:0:0:0:0:0", "8000.0:0:0:0:0:0", 0, 0);
    /** What the kernel gives a new bridge port (priority 32, cost 100, disabled). */
    static final State.PortAttrs NEW_PORT = new State.PortAttrs(3, 32, 100, false, false, false, null, null, 1,
            "0x8001");
    static final int NEW_LINK_MTU = 1500;

    private final String bridge;
    private final PrintStream echo;
    final Map<String, State.Link> links = new TreeMap<>();
    final Map<String, List<State.VlanEntry>> vlans = new TreeMap<>();
    final List<State.Fdb> fdb = new ArrayList<>();
    /** swsh's tc filters (storm control) per port, and the ports with an ingress qdisc. */
    StormTc storm = StormTc.EMPTY;
    private final List<Plan> applied = new ArrayList<>();
    final Map<String, Map<Integer, String>> vlanStates = new TreeMap<>();

    private FakeFrames frames;

    /** The BPDU side of this fake (one per fake, so a test can inject frames into what swsh reads). */
    @Override
    public synchronized FakeFrames frames() {
        if (frames == null) frames = new FakeFrames(this);
        return frames;
    }

    /** The spanning-tree state of a port in a VLAN, as {@code bridge -d vlan show} prints it. */
    public synchronized String vlanState(String dev, int vid) {
        boolean member = vlans.getOrDefault(dev, List.of()).stream().anyMatch(e -> e.vid() == vid);
        return member ? vlanStates.getOrDefault(dev, Map.of()).getOrDefault(vid, "forwarding") : null;
    }
    final FakeTc tc = new FakeTc();
    /** Each VLAN's multicast options that differ from the kernel's defaults. */
    final Map<Integer, State.VlanMcast> vlanMcast = new TreeMap<>();
    int nextIndex = 100;

    /** A kernel starting from {@code seed}; {@code echo} prints each op as {@code <tool> <line>} (or null). */
    public FakeKernel(String bridge, State seed, PrintStream echo) {
        this.bridge = bridge;
        this.echo = echo;
        links.putAll(seed.links());
        seed.vlans().forEach((k, v) -> vlans.put(k, new ArrayList<>(v)));
        fdb.addAll(seed.fdb());
    }

    /** A kernel with the given physical interfaces (up, carrier on) and no bridge. */
    public static FakeKernel of(String... nics) {
        FakeKernel k = new FakeKernel("swbr0", State.empty(), null);
        for (String n : nics) k.addLink(n, "veth", null, null);
        return k;
    }

    State.Link addLink(String name, String kind, Integer vlanId, String vlanLink) {
        State.Link l = new State.Link(name, nextIndex++, kind, null, false, true, NEW_LINK_MTU, null,
                String.format("02:00:00:00:00:%02x", nextIndex % 256), null, vlanId, vlanLink, null, List.of(),
                State.Hardware.ETHER, State.Stats.ZERO);
        links.put(name, l);
        return l;
    }

    @Override
    public synchronized StormTc stormTc(java.util.Set<String> devs) {
        Map<String, StormTc.Dev> m = new TreeMap<>();
        for (String d : devs) if (storm.devs().containsKey(d)) m.put(d, storm.dev(d));
        return new StormTc(m);
    }

    @Override
    public String bridge() {
        return bridge;
    }

    /** An LLDP agent that only remembers, printing what lldpd would be told where this kernel prints its ops. */
    @Override
    public LldpAgent lldpAgent(java.nio.file.Path runDir) {
        return LldpAgent.memory(echo);
    }

    /** Every non-empty plan applied so far, in order (a refused plan included). */
    public synchronized List<Plan> applied() {
        return List.copyOf(applied);
    }

    /** Every op applied so far, in order. */
    public synchronized List<Op> appliedOps() {
        List<Op> out = new ArrayList<>();
        for (Plan p : applied) out.addAll(p.ops());
        return out;
    }

    /** Links and VLANs; like the live kernel's, no FDB (see {@link #fdb}). */
    @Override
    public synchronized State read() {
        Map<String, List<State.VlanEntry>> v = new TreeMap<>();
        vlans.forEach((k, l) -> v.put(k, List.copyOf(l)));
        return new State(new TreeMap<>(links), v, List.of());
    }

    /** The VLANs' multicast options, of the VLANs some port or the bridge has (the others are gone, as in the kernel). */
    @Override
    public synchronized Map<Integer, State.VlanMcast> vlanMcast() {
        Map<Integer, State.VlanMcast> out = new TreeMap<>();
        vlans.values().forEach(l -> l.forEach(e -> out.put(e.vid(), vlanMcast.getOrDefault(e.vid(), State.VlanMcast.DEFAULT))));
        vlanMcast.keySet().retainAll(out.keySet());
        return out;
    }

    @Override
    public void fdb(FdbQuery q, Consumer<State.Fdb> each) {
        List<State.Fdb> all;
        synchronized (this) {
            all = List.copyOf(fdb);
        }
        for (State.Fdb f : all) if (q.matches(f)) each.accept(f);
    }

    /** Test hook: every FDB entry. */
    public List<State.Fdb> fdbEntries() {
        List<State.Fdb> out = new ArrayList<>();
        fdb(FdbQuery.ALL, out::add);
        return out;
    }

    /** Applies op after op; an op the kernel would refuse throws, leaving the earlier ones applied. */
    @Override
    public synchronized void apply(Plan plan) {
        if (plan.isEmpty()) return;
        if (echo != null) {
            List<String> lines = plan.lines();
            lines.forEach(echo::println);
        }
        applied.add(plan);
        for (Op op : plan.ops()) {
            if (refuse.test(op)) throw refused(op, "Invalid argument");
            op.accept(applier);
        }
    }

    private java.util.function.Predicate<Op> refuse = op -> false;
    private final Map<String, String> managers = new TreeMap<>();

    /** Test hook: another network manager drives {@code dev}. */
    public synchronized void managedBy(String dev, String manager) {
        managers.put(dev, manager);
    }

    @Override
    public synchronized String managedBy(String dev) {
        return managers.get(dev);
    }

    /**
     * Makes this kernel refuse the ops {@code p} picks as well (a test's stand-in for what the real kernel
     * refuses and this one does not model, such as a static MAC on a VLAN its port is not in).
     */
    public synchronized void refuse(java.util.function.Predicate<Op> p) {
        refuse = p;
    }

    State.Link need(String dev, Op op) {
        State.Link l = links.get(dev);
        if (l == null) throw refused(op, "Cannot find device \"" + dev + "\"");
        return l;
    }

    /** A port of this kernel's bridge, or the bridge itself when {@code self}. */
    State.Link port(String dev, boolean self, Op op) {
        State.Link l = need(dev, op);
        boolean ok = self ? dev.equals(bridge) && "bridge".equals(l.kind()) : bridge.equals(l.master());
        if (!ok) throw refused(op, dev + (self ? " is not the bridge" : " is not a bridge port"));
        return l;
    }

    static KernelException refused(Op op, String why) {
        return new KernelException("% Error: the kernel refused '" + BatchText.text(op) + "': " + why);
    }

    void put(State.Link l) {
        links.put(l.name(), l);
    }

    static State.Link withMaster(State.Link l, String master, State.PortAttrs port) {
        return new State.Link(l.name(), l.ifindex(), l.kind(), master, l.adminUp(), l.lowerUp(), l.mtu(), l.alias(),
                l.mac(), l.bridge(), l.vlanId(), l.vlanLink(), port, l.addrs(), l.hw(), l.stats(), l.bond());
    }

    static State.Link withBridge(State.Link l, State.BridgeAttrs a) {
        return new State.Link(l.name(), l.ifindex(), "bridge", l.master(), l.adminUp(), l.lowerUp(), l.mtu(), l.alias(),
                l.mac(), a, null, null, null, l.addrs(), l.hw(), l.stats(), l.bond());
    }

    static State.Link withPort(State.Link l, State.PortAttrs p) {
        return new State.Link(l.name(), l.ifindex(), l.kind(), l.master(), l.adminUp(), l.lowerUp(), l.mtu(), l.alias(),
                l.mac(), l.bridge(), l.vlanId(), l.vlanLink(), p, l.addrs(), l.hw(), l.stats(), l.bond());
    }

    static State.Link withAddrs(State.Link l, List<String> addrs) {
        return new State.Link(l.name(), l.ifindex(), l.kind(), l.master(), l.adminUp(), l.lowerUp(), l.mtu(), l.alias(),
                l.mac(), l.bridge(), l.vlanId(), l.vlanLink(), l.port(), List.copyOf(addrs), l.hw(), l.stats(), l.bond());
    }

    static State.BridgeAttrs settle(State.BridgeAttrs a, Op.BridgeSettings s) {
        return new State.BridgeAttrs(or(s.vlanFiltering(), a.vlanFiltering()), or(s.defaultPvid(), a.defaultPvid()),
                or(s.stpState(), a.stpState()), or(s.priority(), a.priority()), or(s.helloTime(), a.helloTime()),
                or(s.forwardDelay(), a.forwardDelay()), or(s.maxAge(), a.maxAge()), or(s.ageingTime(), a.ageingTime()),
                a.bridgeId(), a.rootId(), a.rootPort(), a.rootPathCost(), a.mcast());
    }

    static <T> T or(T value, T dflt) {
        return value == null ? dflt : value;
    }

    /** Forgets what the kernel forgets when a device leaves the bridge or disappears. */
    void forgetPort(String dev) {
        vlans.remove(dev);
        fdb.removeIf(f -> f.dev().equals(dev));
    }

    private final FakeOps applier = new FakeOps(this);

    @Override
    public synchronized TcState tc(java.util.Set<String> devs) {
        return tc.read(devs);
    }

    /** Test hook: a qdisc ({@code clsact} or {@code ingress}) and a filter someone else put on {@code dev}. */
    public synchronized void foreignTc(String dev, String qdisc) {
        tc.foreign(dev, qdisc);
    }

    static boolean same(State.Fdb f, String mac, String dev, int vlan) {
        return f.mac().equals(mac) && f.dev().equals(dev) && f.vlan() != null && f.vlan() == vlan;
    }

    @Override
    public synchronized void flushDynamic(String dev, Integer vlan) {
        fdb.removeIf(f -> f.dynamic() && f.dev().equals(dev) && (vlan == null || vlan.equals(f.vlan())));
    }

    /**
     * Test hook: a physical NIC (no link kind), up with carrier, running at {@code speed} Mb/s and
     * {@code duplex} (both null when the kernel does not know them).
     */
    public synchronized void nic(String name, Integer speed, String duplex) {
        State.Link l = addLink(name, null, null, null);
        put(l.with(null, true, null, null).withHardware(State.Hardware.ETHER.withMode(speed, duplex)));
    }

    /** Test hook: an IPv4 address on a link that the switch did not put there (a management port's). */
    public synchronized void address(String dev, String cidr) {
        State.Link l = links.get(dev);
        List<String> addrs = new ArrayList<>(l.addrs());
        addrs.add(cidr);
        put(withAddrs(l, addrs));
    }

    /** Test hook: the carrier of a link comes or goes (a cable plugged or pulled). */
    public synchronized void carrier(String dev, boolean on) {
        State.Link l = links.get(dev);
        put(new State.Link(l.name(), l.ifindex(), l.kind(), l.master(), l.adminUp(), on, l.mtu(), l.alias(), l.mac(),
                l.bridge(), l.vlanId(), l.vlanLink(), l.port(), l.addrs(), l.hw(), l.stats(), l.bond()));
    }

    /** Test hook: the counters of a link, as traffic would make them. */
    public synchronized void count(String dev, State.Stats stats) {
        put(links.get(dev).withStats(stats));
    }

    /** Test hook: the kernel learns a MAC on a port, as traffic would make it. */
    public synchronized void learn(String mac, String dev, int vlan) {
        fdb.add(new State.Fdb(mac, dev, vlan, true, false));
    }
}
