package swsh.kernel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import swsh.model.Channel;
import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.PortSecurity;
import swsh.model.StaticMac;
import swsh.model.Stp;
import swsh.model.VlanSet;

/**
 * The pure planner: (desired config, actual kernel state) to the minimal ordered list of
 * {@link Op}s. Phases: links and bridge attributes ({@code ip}), then VLAN membership (deletes
 * before adds), port flags and static MACs ({@code bridge}), then VLAN host ports, addresses and
 * link states ({@code ip}). Applying the plan and planning again yields an empty plan.
 */
public final class Planner {
    private Planner() {}

    /** Kernel name of the host port into VLAN {@code vid}. */
    public static String sviDevice(String bridge, int vid) {
        return bridge + "." + vid;
    }

    /** The kernel's bridge port priority (0-63) for an IOS port priority (0-240, steps of 16). */
    static int kernelPortPriority(int iosPriority) {
        return iosPriority / 4;
    }

    /** The plan from a kernel that already runs {@code cfg} (swsh owns what {@code cfg} names). */
    public static Plan plan(Config cfg, State actual, String bridge) {
        return plan(cfg, cfg, actual, bridge);
    }

    /**
     * The plan that brings the kernel to {@code cfg}. {@code owned} is the config swsh applied
     * before (the running config): ports, SVIs and static MACs are only ever removed when
     * {@code owned} or {@code cfg} names them, so what an admin added by hand (a port put on the
     * bridge with {@code ip link}, a static MAC with {@code bridge fdb}) is never touched.
     */
    public static Plan plan(Config cfg, Config owned, State actual, String bridge) {
        return plan(cfg, owned, actual, bridge, PortRuntime.NONE);
    }

    /**
     * As {@link #plan(Config, Config, State, String)}, with the err-disabled ports held down and swsh's tc
     * filters (storm control) brought to {@code cfg} when {@code rt} has them.
     */
    public static Plan plan(Config cfg, Config owned, State actual, String bridge, PortRuntime rt) {
        List<Op> links = new ArrayList<>();
        List<Op> bridgeCmds = new ArrayList<>();
        List<Op> late = new ArrayList<>();

        State.Link br = actual.link(bridge);
        bridgeAttrs(cfg, br, bridge, links);
        BondPlan.Result bonds = BondPlan.plan(cfg, owned, actual); // port-channels; members are no bridge ports
        links.addAll(bonds.ops());
        actual = bonds.state();

        Map<String, Iface> ports = new LinkedHashMap<>();
        Map<Integer, Iface> svis = new TreeMap<>();
        Set<String> spanDestinations = SpanPlanner.destinations(cfg); // no bridge ports while they are (IOS)
        for (Iface i : cfg.ifaces().values()) {
            if (i.svi()) {
                if (i.ip() != null) svis.put(i.sviVlan(), i);
            } else if (i.switchport() && i.channel() == null && actual.link(i.name()) != null && !spanDestinations.contains(i.name())) {
                ports.put(i.name(), i);
            }
        }

        // VLAN host ports no longer wanted go first, then ports leaving the bridge.
        for (State.Link l : actual.links().values()) {
            if ("vlan".equals(l.kind()) && bridge.equals(l.vlanLink()) && l.vlanId() != null && !svis.containsKey(l.vlanId())
                    && l.name().equals(sviDevice(bridge, l.vlanId())) && names(cfg, owned, "Vlan" + l.vlanId())) {
                links.add(new Op.DeleteLink(l.name()));
            }
        }
        for (State.Link l : actual.links().values()) {
            if (bridge.equals(l.master()) && !ports.containsKey(l.name()) && names(cfg, owned, l.name())) {
                links.add(new Op.Release(l.name()));
            }
        }
        for (Iface i : ports.values()) {
            State.Link l = actual.link(i.name());
            if (!bridge.equals(l.master())) links.add(new Op.Enslave(i.name(), bridge));
            if (l.mtu() != i.effectiveMtu()) links.add(new Op.SetMtu(i.name(), i.effectiveMtu()));
            String alias = i.description() == null ? "" : i.description();
            if (!alias.equals(l.alias() == null ? "" : l.alias())) links.add(new Op.SetAlias(i.name(), alias));
        }

        // VLAN membership of ports and of the bridge itself.
        Map<String, List<State.VlanEntry>> want = new LinkedHashMap<>();
        for (Iface i : ports.values()) want.put(i.name(), membership(cfg, i));
        List<State.VlanEntry> self = new ArrayList<>();
        for (int vid : svis.keySet()) if (cfg.hasVlan(vid)) self.add(new State.VlanEntry(vid, false, false));
        want.put(bridge, self);
        List<Op> adds = new ArrayList<>();
        for (Map.Entry<String, List<State.VlanEntry>> e : want.entrySet()) {
            String dev = e.getKey();
            boolean isSelf = dev.equals(bridge);
            boolean known = isSelf ? br != null : true;
            List<State.VlanEntry> have = known ? actual.vlansOf(dev) : List.of();
            Set<Integer> wantIds = new TreeSet<>();
            for (State.VlanEntry v : e.getValue()) wantIds.add(v.vid());
            List<Integer> del = new ArrayList<>();
            for (State.VlanEntry v : have) if (!wantIds.contains(v.vid())) del.add(v.vid());
            for (int[] r : VlanSet.of(del).ranges()) bridgeCmds.add(new Op.VlanDel(dev, r[0], r[1], isSelf));
            List<State.VlanEntry> add = new ArrayList<>(e.getValue());
            add.removeAll(new HashSet<>(have));
            addRuns(dev, isSelf, add, adds);
        }
        bridgeCmds.addAll(adds);
        McastPlanner.plan(cfg.igmp(), actual, bridge, McastPlanner.vids(want.values()), links, bridgeCmds);

        for (Iface i : ports.values()) portFlags(i, actual.link(i.name()).port(), bridgeCmds);
        for (Iface i : ports.values()) portLock(i, actual.link(i.name()).port(), bridgeCmds);
        fdb(cfg, owned, actual, ports.keySet(), bridgeCmds);
        List<Op> tc = new ArrayList<>();
        StormPlanner.plan(cfg, owned, actual, rt.tc(), ports.keySet(), tc);

        for (Map.Entry<Integer, Iface> e : svis.entrySet()) {
            String dev = sviDevice(bridge, e.getKey());
            State.Link l = actual.link(dev);
            List<String> have = l == null ? List.of() : l.addrs();
            if (l == null) late.add(new Op.AddVlanDevice(bridge, dev, e.getKey()));
            String ip = e.getValue().ip();
            for (String a : have) if (!a.equals(ip)) late.add(new Op.AddrDel(dev, a));
            if (!have.contains(ip)) late.add(new Op.AddrAdd(dev, ip));
        }
        if (br == null || !br.adminUp()) late.add(new Op.SetUp(bridge, true));
        for (Iface i : ports.values()) upDown(i.name(), !i.shutdown() && !rt.errDisabled().contains(i.name()), actual.link(i.name()), late);
        // routed ports (no switchport): off the bridge, but their shutdown is still theirs
        for (Iface i : cfg.ifaces().values()) {
            if (i.svi() || i.switchport() || i.channel() != null || Channel.isPortChannel(i.name()) || spanDestinations.contains(i.name())) continue;
            if (actual.link(i.name()) != null) upDown(i.name(), !i.shutdown() && !rt.errDisabled().contains(i.name()), actual.link(i.name()), late);
        }
        for (Map.Entry<Integer, Iface> e : svis.entrySet()) {
            String dev = sviDevice(bridge, e.getKey());
            upDown(dev, !e.getValue().shutdown(), actual.link(dev), late);
        }

        List<Op> all = new ArrayList<>(links.size() + bridgeCmds.size() + tc.size() + late.size());
        all.addAll(links);
        all.addAll(bridgeCmds);
        all.addAll(tc);
        all.addAll(late);
        all.addAll(LinkPlanner.plan(cfg, owned, actual));
        all.addAll(SpanPlanner.plan(cfg, actual, ports));
        return new Plan(all);
    }

    private static void upDown(String dev, boolean up, State.Link l, List<Op> out) {
        if (l == null || l.adminUp() != up) out.add(new Op.SetUp(dev, up));
    }

    /** Creates the bridge with every attribute, or sets the attributes that differ. */
    private static void bridgeAttrs(Config cfg, State.Link br, String bridge, List<Op> out) {
        Stp s = cfg.stp();
        int stp = s.mode() == Stp.Mode.PVST ? 1 : 0; // rapid modes run in swshd, with kernel STP off
        int hello = s.helloTime() * 100, fwd = s.forwardTime() * 100, maxAge = s.maxAge() * 100;
        int ageing = cfg.agingTime() * 100;
        if (br == null) {
            out.add(new Op.CreateBridge(bridge,
                    new Op.BridgeSettings(true, 0, stp, s.treePriority(), hello, fwd, maxAge, ageing)));
            return;
        }
        State.BridgeAttrs a = br.bridge();
        Op.BridgeSettings set = new Op.BridgeSettings(
                a.vlanFiltering() ? null : Boolean.TRUE,
                a.defaultPvid() != 0 ? 0 : null,
                differ(stp, a.stpState() == 0 ? 0 : 1),
                differ(s.treePriority(), a.priority()),
                differ(hello, a.helloTime()),
                differ(fwd, a.forwardDelay()),
                differ(maxAge, a.maxAge()),
                differ(ageing, a.ageingTime()));
        if (!set.isEmpty()) out.add(new Op.SetBridge(bridge, set));
    }

    /** {@code want} when it differs from {@code have}, else null (leave unchanged). */
    private static Integer differ(int want, int have) {
        return want == have ? null : want;
    }

    /** The VLAN entries a switchport should have. */
    static List<State.VlanEntry> membership(Config cfg, Iface i) {
        List<State.VlanEntry> out = new ArrayList<>();
        if (i.trunk()) {
            for (int vid : cfg.vlans().keySet()) {
                if (!i.allowedOrAll().contains(vid)) continue;
                boolean nat = vid == i.nativeVlan();
                out.add(new State.VlanEntry(vid, nat, nat));
            }
        } else {
            if (cfg.hasVlan(i.accessVlan())) out.add(new State.VlanEntry(i.accessVlan(), true, true));
            // switchport voice vlan: tagged beside the untagged access VLAN
            Integer voice = i.voiceVlan();
            if (voice != null && voice != i.accessVlan() && cfg.hasVlan(voice)) out.add(new State.VlanEntry(voice, false, false));
        }
        return out;
    }

    /** Adds entries grouped into runs of consecutive ids with the same flags; a PVID entry stands alone. */
    private static void addRuns(String dev, boolean self, List<State.VlanEntry> add, List<Op> out) {
        add.sort((x, y) -> Integer.compare(x.vid(), y.vid()));
        int i = 0;
        while (i < add.size()) {
            State.VlanEntry first = add.get(i);
            int j = i;
            while (!first.pvid() && j + 1 < add.size() && add.get(j + 1).vid() == add.get(j).vid() + 1
                    && !add.get(j + 1).pvid() && add.get(j + 1).untagged() == first.untagged()) {
                j++;
            }
            out.add(new Op.VlanAdd(dev, first.vid(), add.get(j).vid(), first.pvid(), first.untagged(), self));
            i = j + 1;
        }
    }

    /** The port flags that differ from the kernel (all of them for a port the kernel does not report yet). */
    private static void portFlags(Iface i, State.PortAttrs p, List<Op> out) {
        Integer cost = i.stpCost() != null && (p == null || p.cost() != i.stpCost()) ? i.stpCost() : null;
        int prio = kernelPortPriority(i.effectiveStpPriority());
        boolean guard = i.effectiveBpduguard();
        Op.PortFlags f = new Op.PortFlags(i.name(), cost,
                p == null || p.priority() != prio ? prio : null,
                p == null || p.guard() != guard ? guard : null,
                p == null || p.rootBlock() != i.rootGuard() ? i.rootGuard() : null,
                p == null || p.isolated() != i.isolated() ? i.isolated() : null);
        if (f.cost() != null || f.priority() != null || f.guard() != null || f.rootBlock() != null || f.isolated() != null) {
            out.add(f);
        }
    }

    /** Port security: locked (only MACs with an FDB entry may send) and not learning, or as the kernel makes a port. */
    private static void portLock(Iface i, State.PortAttrs p, List<Op> out) {
        boolean lock = PortSecurity.active(i);
        if (p == null ? lock : p.locked() != lock || p.learning() == lock) out.add(new Op.PortLock(i.name(), lock));
    }

    /** The secure MACs of the config (configured and sticky) as static entries, on ports where port security is active. */
    static List<StaticMac> secureMacs(Config cfg) {
        List<StaticMac> out = new ArrayList<>();
        for (Iface i : cfg.ifaces().values()) {
            if (!PortSecurity.active(i)) continue;
            for (String m : i.security().configured()) out.add(new StaticMac(m, i.accessVlan(), i.name()));
        }
        return out;
    }

    /** The static entries a config asks for: {@code mac address-table static} and the secure MACs. */
    private static List<StaticMac> statics(Config cfg) {
        List<StaticMac> s = secureMacs(cfg);
        if (s.isEmpty()) return cfg.statics();
        List<StaticMac> all = new ArrayList<>(cfg.statics());
        all.addAll(s);
        return all;
    }

    /**
     * The ports whose static FDB entries a plan from {@code owned} to {@code cfg} compares: those either
     * config has a static MAC on (the only entries it adds or deletes). Empty: the plan reads no FDB.
     */
    public static Set<String> staticMacPorts(Config cfg, Config owned) {
        Set<String> out = new TreeSet<>();
        for (StaticMac m : statics(cfg)) out.add(m.iface());
        if (owned != null) for (StaticMac m : statics(owned)) out.add(m.iface());
        return out;
    }

    /** True when either config has a block for interface {@code name}: swsh owns it. */
    private static boolean names(Config cfg, Config owned, String name) {
        return cfg.ifaces().containsKey(name) || owned != null && owned.ifaces().containsKey(name);
    }

    private static void fdb(Config cfg, Config owned, State actual, Set<String> ports, List<Op> out) {
        List<Op> adds = new ArrayList<>();
        Set<String> want = new TreeSet<>();
        for (StaticMac m : statics(cfg)) {
            if (!ports.contains(m.iface())) continue;
            want.add(m.mac() + "/" + m.iface() + "/" + m.vlan());
            boolean present = actual.fdb().stream().anyMatch(f -> !f.dynamic() && !f.permanent()
                    && f.mac().equals(m.mac()) && f.dev().equals(m.iface()) && Objects.equals(f.vlan(), m.vlan()));
            if (!present) adds.add(new Op.FdbAdd(m.mac(), m.iface(), m.vlan()));
        }
        Set<String> ours = new TreeSet<>();
        if (owned != null) for (StaticMac m : statics(owned)) ours.add(m.mac() + "/" + m.iface() + "/" + m.vlan());
        for (State.Fdb f : actual.fdb()) {
            if (f.dynamic() || f.permanent() || !ports.contains(f.dev()) || f.vlan() == null) continue;
            String key = f.mac() + "/" + f.dev() + "/" + f.vlan();
            if (!want.contains(key) && ours.contains(key)) out.add(new Op.FdbDel(f.mac(), f.dev(), f.vlan()));
        }
        out.addAll(adds);
    }
}
