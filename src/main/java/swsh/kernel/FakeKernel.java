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
    private static final State.BridgeAttrs NEW_BRIDGE = new State.BridgeAttrs(false, 1, 0, 32768, 200, 1500, 2000,
            30000, "8000.0:0:0:0:0:0", "8000.0:0:0:0:0:0", 0, 0);
    /** What the kernel gives a new bridge port (priority 32, cost 100, disabled). */
    private static final State.PortAttrs NEW_PORT = new State.PortAttrs(3, 32, 100, false, false, false, null, null, 1,
            "0x8001");
    private static final int NEW_LINK_MTU = 1500;

    private final String bridge;
    private final PrintStream echo;
    private final Map<String, State.Link> links = new TreeMap<>();
    private final Map<String, List<State.VlanEntry>> vlans = new TreeMap<>();
    private final List<State.Fdb> fdb = new ArrayList<>();
    /** swsh's tc filters (storm control) per port, and the ports with an ingress qdisc. */
    private StormTc storm = StormTc.EMPTY;
    private final List<Plan> applied = new ArrayList<>();
    private final Map<String, Map<Integer, String>> vlanStates = new TreeMap<>();

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
    private final FakeTc tc = new FakeTc();
    /** Each VLAN's multicast options that differ from the kernel's defaults. */
    private final Map<Integer, State.VlanMcast> vlanMcast = new TreeMap<>();
    private int nextIndex = 100;

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

    private State.Link addLink(String name, String kind, Integer vlanId, String vlanLink) {
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

    private State.Link need(String dev, Op op) {
        State.Link l = links.get(dev);
        if (l == null) throw refused(op, "Cannot find device \"" + dev + "\"");
        return l;
    }

    /** A port of this kernel's bridge, or the bridge itself when {@code self}. */
    private State.Link port(String dev, boolean self, Op op) {
        State.Link l = need(dev, op);
        boolean ok = self ? dev.equals(bridge) && "bridge".equals(l.kind()) : bridge.equals(l.master());
        if (!ok) throw refused(op, dev + (self ? " is not the bridge" : " is not a bridge port"));
        return l;
    }

    private static KernelException refused(Op op, String why) {
        return new KernelException("% Error: the kernel refused '" + BatchText.text(op) + "': " + why);
    }

    private void put(State.Link l) {
        links.put(l.name(), l);
    }

    private static State.Link withMaster(State.Link l, String master, State.PortAttrs port) {
        return new State.Link(l.name(), l.ifindex(), l.kind(), master, l.adminUp(), l.lowerUp(), l.mtu(), l.alias(),
                l.mac(), l.bridge(), l.vlanId(), l.vlanLink(), port, l.addrs(), l.hw(), l.stats(), l.bond());
    }

    private static State.Link withBridge(State.Link l, State.BridgeAttrs a) {
        return new State.Link(l.name(), l.ifindex(), "bridge", l.master(), l.adminUp(), l.lowerUp(), l.mtu(), l.alias(),
                l.mac(), a, null, null, null, l.addrs(), l.hw(), l.stats(), l.bond());
    }

    private static State.Link withPort(State.Link l, State.PortAttrs p) {
        return new State.Link(l.name(), l.ifindex(), l.kind(), l.master(), l.adminUp(), l.lowerUp(), l.mtu(), l.alias(),
                l.mac(), l.bridge(), l.vlanId(), l.vlanLink(), p, l.addrs(), l.hw(), l.stats(), l.bond());
    }

    private static State.Link withAddrs(State.Link l, List<String> addrs) {
        return new State.Link(l.name(), l.ifindex(), l.kind(), l.master(), l.adminUp(), l.lowerUp(), l.mtu(), l.alias(),
                l.mac(), l.bridge(), l.vlanId(), l.vlanLink(), l.port(), List.copyOf(addrs), l.hw(), l.stats(), l.bond());
    }

    private static State.BridgeAttrs settle(State.BridgeAttrs a, Op.BridgeSettings s) {
        return new State.BridgeAttrs(or(s.vlanFiltering(), a.vlanFiltering()), or(s.defaultPvid(), a.defaultPvid()),
                or(s.stpState(), a.stpState()), or(s.priority(), a.priority()), or(s.helloTime(), a.helloTime()),
                or(s.forwardDelay(), a.forwardDelay()), or(s.maxAge(), a.maxAge()), or(s.ageingTime(), a.ageingTime()),
                a.bridgeId(), a.rootId(), a.rootPort(), a.rootPathCost(), a.mcast());
    }

    private static <T> T or(T value, T dflt) {
        return value == null ? dflt : value;
    }

    /** Forgets what the kernel forgets when a device leaves the bridge or disappears. */
    private void forgetPort(String dev) {
        vlans.remove(dev);
        fdb.removeIf(f -> f.dev().equals(dev));
    }

    private final Op.Visitor<Void> applier = new Op.Visitor<>() {
        @Override
        public Void createBridge(Op.CreateBridge o) {
            if (links.containsKey(o.name())) throw refused(o, "File exists");
            State.Link l = addLink(o.name(), "bridge", null, null);
            put(withBridge(l, settle(NEW_BRIDGE, o.settings())));
            return null;
        }

        @Override
        public Void setBridge(Op.SetBridge o) {
            State.Link l = need(o.name(), o);
            if (l.bridge() == null) throw refused(o, o.name() + " is not a bridge");
            put(withBridge(l, settle(l.bridge(), o.settings())));
            return null;
        }

        @Override
        public Void enslave(Op.Enslave o) {
            State.Link l = need(o.dev(), o);
            State.Link m = need(o.master(), o);
            if (m.bridge() == null) throw refused(o, o.master() + " is not a bridge");
            if (o.master().equals(l.master())) return null;
            forgetPort(o.dev());
            put(withMaster(l, o.master(), NEW_PORT));
            return null;
        }

        @Override
        public Void release(Op.Release o) {
            State.Link l = need(o.dev(), o);
            forgetPort(o.dev());
            State.Link m = l.master() == null ? null : links.get(l.master());
            boolean bond = m != null && "bond".equals(m.kind());
            put(bond ? FakeBonds.released(l) : withMaster(l, null, null)); // a bond closes the ports it lets go
            return null;
        }

        @Override
        public Void setMtu(Op.SetMtu o) {
            State.Link l = need(o.dev(), o);
            put(l.with(l.master(), null, o.mtu(), l.alias()));
            return null;
        }

        @Override
        public Void setAlias(Op.SetAlias o) {
            State.Link l = need(o.dev(), o);
            put(l.with(l.master(), null, null, o.alias().isEmpty() ? null : o.alias()));
            return null;
        }

        @Override
        public Void vlanAdd(Op.VlanAdd o) {
            port(o.dev(), o.self(), o);
            List<State.VlanEntry> list = vlans.computeIfAbsent(o.dev(), k -> new ArrayList<>());
            if (o.pvid()) list.replaceAll(e -> new State.VlanEntry(e.vid(), false, e.untagged()));
            list.removeIf(e -> e.vid() >= o.lo() && e.vid() <= o.hi());
            for (int vid = o.lo(); vid <= o.hi(); vid++) list.add(new State.VlanEntry(vid, o.pvid(), o.untagged()));
            list.sort((x, y) -> Integer.compare(x.vid(), y.vid()));
            return null;
        }

        @Override
        public Void vlanState(Op.VlanState o) {
            port(o.dev(), false, o);
            for (int vid = o.lo(); vid <= o.hi(); vid++) vlanStates.computeIfAbsent(o.dev(), k -> new TreeMap<>()).put(vid, o.state());
            return null;
        }

        @Override
        public Void vlanDel(Op.VlanDel o) {
            port(o.dev(), o.self(), o);
            List<State.VlanEntry> list = vlans.get(o.dev());
            if (list != null) list.removeIf(e -> e.vid() >= o.lo() && e.vid() <= o.hi());
            Map<Integer, String> st = vlanStates.get(o.dev());
            if (st != null) st.keySet().removeIf(v -> v >= o.lo() && v <= o.hi()); // a new entry starts forwarding
            return null;
        }

        @Override
        public Void portFlags(Op.PortFlags o) {
            State.Link l = port(o.dev(), false, o);
            State.PortAttrs p = l.port();
            put(withPort(l, new State.PortAttrs(p.state(), or(o.priority(), p.priority()), or(o.cost(), p.cost()),
                    or(o.guard(), p.guard()), or(o.rootBlock(), p.rootBlock()), or(o.isolated(), p.isolated()),
                    p.designatedRoot(), p.designatedBridge(), p.portNo(), p.portId())));
            return null;
        }

        @Override
        public Void fdbAdd(Op.FdbAdd o) {
            port(o.dev(), false, o);
            // as the kernel's bridge: no entry for the zero address or a multicast address
            if (o.mac().equals("00:00:00:00:00:00") || (Integer.parseInt(o.mac().substring(0, 2), 16) & 1) != 0) {
                throw refused(o, "Invalid argument");
            }
            fdb.removeIf(f -> same(f, o.mac(), o.dev(), o.vlan()));
            fdb.add(new State.Fdb(o.mac(), o.dev(), o.vlan(), false, false));
            return null;
        }

        @Override
        public Void fdbDel(Op.FdbDel o) {
            port(o.dev(), false, o);
            fdb.removeIf(f -> same(f, o.mac(), o.dev(), o.vlan()));
            return null;
        }

        @Override
        public Void setMcast(Op.SetMcast o) {
            State.Link l = need(o.bridge(), o);
            if (l.bridge() == null) throw refused(o, o.bridge() + " is not a bridge");
            State.Mcast m = l.bridge().mcast();
            put(l.withBridge(l.bridge().withMcast(new State.Mcast(or(o.snooping(), m.snooping()),
                    or(o.vlanSnooping(), m.vlanSnooping()), m.vlans()))));
            return null;
        }

        @Override
        public Void vlanMcast(Op.VlanMcast o) {
            port(o.bridge(), true, o);
            boolean present = vlans.values().stream().anyMatch(l -> l.stream().anyMatch(e -> e.vid() == o.vid()));
            if (!present) throw refused(o, "No such file or directory");
            vlanMcast.put(o.vid(), new State.VlanMcast(o.snooping(), o.querier()));
            return null;
        }

        @Override
        public Void addVlanDevice(Op.AddVlanDevice o) {
            need(o.bridge(), o);
            if (links.containsKey(o.name())) throw refused(o, "File exists");
            addLink(o.name(), "vlan", o.vid(), o.bridge());
            return null;
        }

        @Override
        public Void deleteLink(Op.DeleteLink o) {
            State.Link gone = need(o.dev(), o);
            if ("bond".equals(gone.kind())) {
                for (State.Link l : List.copyOf(links.values())) if (o.dev().equals(l.master())) put(FakeBonds.released(l));
            }
            links.remove(o.dev());
            forgetPort(o.dev());
            tc.forget(o.dev());
            return null;
        }

        @Override
        public Void addrAdd(Op.AddrAdd o) {
            State.Link l = need(o.dev(), o);
            if (l.addrs().contains(o.addr())) throw refused(o, "File exists");
            List<String> addrs = new ArrayList<>(l.addrs());
            addrs.add(o.addr());
            put(withAddrs(l, addrs));
            return null;
        }

        @Override
        public Void addrDel(Op.AddrDel o) {
            State.Link l = need(o.dev(), o);
            List<String> addrs = new ArrayList<>(l.addrs());
            if (!addrs.remove(o.addr())) throw refused(o, "Cannot assign requested address");
            put(withAddrs(l, addrs));
            return null;
        }

        @Override
        public Void setUp(Op.SetUp o) {
            State.Link l = need(o.dev(), o);
            put(l.with(l.master(), o.up(), null, l.alias()));
            return null;
        }

        @Override
        public Void createBond(Op.CreateBond o) {
            if (links.containsKey(o.name())) throw refused(o, "File exists");
            put(FakeBonds.bond(addLink(o.name(), "bond", null, null), o));
            return null;
        }

        @Override
        public Void portLock(Op.PortLock o) {
            State.Link l = port(o.dev(), false, o);
            put(withPort(l, l.port().withLock(o.locked(), !o.locked())));
            return null;
        }

        @Override
        public Void tcQdisc(Op.TcQdisc o) {
            need(o.dev(), o);
            tc.qdisc(o, why -> refused(o, why));
            return null;
        }

        @Override
        public Void ingressQdisc(Op.IngressQdisc o) {
            need(o.dev(), o);
            if (storm.dev(o.dev()).ingress()) throw refused(o, "Exclusivity flag on, cannot modify");
            storm = storm.with(o.dev(), new StormTc.Dev(true, Map.of()));
            return null;
        }

        @Override
        public Void setBond(Op.SetBond o) {
            State.Link b = need(o.name(), o);
            if (!"bond".equals(b.kind())) throw refused(o, o.name() + " is not a bond");
            if (links.values().stream().anyMatch(l -> o.name().equals(l.master()))) {
                throw refused(o, "unable to set option because the bond device has slaves.");
            }
            if (b.adminUp()) throw refused(o, "unable to set option because the bond is up.");
            put(FakeBonds.set(b, o));
            return null;
        }

        @Override
        public Void stormFilterAdd(Op.StormFilterAdd o) {
            StormTc.Dev d = storm.dev(o.dev());
            if (!d.ingress()) throw refused(o, "Cannot find specified qdisc on specified device");
            if (d.filters().containsKey(o.pref())) throw refused(o, "Filter already exists");
            Map<Integer, StormTc.Filter> f = new TreeMap<>(d.filters());
            f.put(o.pref(), new StormTc.Filter(o.pref(), o.cookie(), 0, 0, 0));
            storm = storm.with(o.dev(), new StormTc.Dev(true, f));
            return null;
        }

        @Override
        public Void tcFilter(Op.TcFilter o) {
            need(o.filter().dev(), o);
            tc.filter(o, links.keySet(), why -> refused(o, why));
            return null;
        }

        @Override
        public Void joinBond(Op.JoinBond o) {
            State.Link l = need(o.dev(), o);
            State.Link b = need(o.bond(), o);
            if (!"bond".equals(b.kind())) throw refused(o, o.bond() + " is not a bond");
            if (l.adminUp()) throw refused(o, "Device can not be enslaved while up.");
            forgetPort(o.dev());
            put(FakeBonds.joined(l, b));
            return null;
        }

        @Override
        public Void linkMode(Op.LinkMode o) {
            State.Link l = need(o.dev(), o);
            if (l.kind() != null) throw refused(o, "netlink error: Operation not supported");
            State.Hardware hw = l.hw();
            if (o.speed() != null || o.duplex() != null) {
                put(l.withHardware(hw.withMode(o.speed() == null ? hw.speed() : o.speed(), o.duplex() == null ? hw.duplex() : o.duplex())));
            }
            return null;
        }

        @Override
        public Void stormFilterDel(Op.StormFilterDel o) {
            StormTc.Dev d = storm.dev(o.dev());
            if (!d.filters().containsKey(o.pref())) throw refused(o, "Filter with specified priority/protocol not found");
            Map<Integer, StormTc.Filter> f = new TreeMap<>(d.filters());
            f.remove(o.pref());
            storm = storm.with(o.dev(), new StormTc.Dev(true, f));
            return null;
        }
    };

    @Override
    public synchronized TcState tc(java.util.Set<String> devs) {
        return tc.read(devs);
    }

    /** Test hook: a qdisc ({@code clsact} or {@code ingress}) and a filter someone else put on {@code dev}. */
    public synchronized void foreignTc(String dev, String qdisc) {
        tc.foreign(dev, qdisc);
    }

    private static boolean same(State.Fdb f, String mac, String dev, int vlan) {
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
