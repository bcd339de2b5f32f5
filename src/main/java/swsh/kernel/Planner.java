package swsh.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.StaticMac;
import swsh.model.Stp;
import swsh.model.VlanSet;

/**
 * The pure planner: (desired config, actual kernel state) to the minimal ordered change set.
 * Phases: links and bridge attributes ({@code ip}), then VLAN membership, port flags and static
 * MACs ({@code bridge}, deletes before adds), then VLAN host ports, addresses and link states
 * ({@code ip}). Applying the plan and planning again yields an empty plan.
 */
public final class Planner {
    public static final int DEFAULT_MTU = 1500;

    private Planner() {}

    /** Kernel name of the host port into VLAN {@code vid}. */
    public static String sviDevice(String bridge, int vid) {
        return bridge + "." + vid;
    }

    public static Plan plan(Config cfg, State actual, String bridge) {
        Plan.Builder b = new Plan.Builder();
        List<String> links = b.batch("ip");
        List<String> bridgeCmds = b.batch("bridge");
        List<String> late = b.batch("ip");

        State.Link br = actual.link(bridge);
        bridgeAttrs(cfg, br, bridge, links);

        Map<String, Iface> ports = new LinkedHashMap<>();
        Map<Integer, Iface> svis = new TreeMap<>();
        for (Iface i : cfg.ifaces().values()) {
            if (i.svi()) {
                if (i.ip() != null) svis.put(i.sviVlan(), i);
            } else if (i.switchport() && actual.link(i.name()) != null) {
                ports.put(i.name(), i);
            }
        }

        // VLAN host ports no longer wanted go first, then ports leaving the bridge.
        for (State.Link l : actual.links().values()) {
            if ("vlan".equals(l.kind()) && bridge.equals(l.vlanLink()) && !svis.containsKey(l.vlanId())) {
                links.add("link del dev " + l.name());
            }
        }
        for (State.Link l : actual.links().values()) {
            if (bridge.equals(l.master()) && !ports.containsKey(l.name())) {
                links.add("link set dev " + l.name() + " nomaster");
            }
        }
        for (Iface i : ports.values()) {
            State.Link l = actual.link(i.name());
            if (!bridge.equals(l.master())) links.add("link set dev " + i.name() + " master " + bridge);
            int mtu = i.mtu() == null ? DEFAULT_MTU : i.mtu();
            if (l.mtu() != mtu) links.add("link set dev " + i.name() + " mtu " + mtu);
            String alias = i.description() == null ? "" : i.description();
            if (!alias.equals(l.alias() == null ? "" : l.alias())) {
                links.add("link set dev " + i.name() + " alias " + Quote.arg(alias));
            }
        }

        // VLAN membership of ports and of the bridge itself.
        Map<String, List<State.VlanEntry>> want = new LinkedHashMap<>();
        for (Iface i : ports.values()) want.put(i.name(), membership(cfg, i));
        List<State.VlanEntry> self = new ArrayList<>();
        for (int vid : svis.keySet()) if (cfg.hasVlan(vid)) self.add(new State.VlanEntry(vid, false, false));
        want.put(bridge, self);
        List<String> adds = new ArrayList<>();
        for (Map.Entry<String, List<State.VlanEntry>> e : want.entrySet()) {
            String dev = e.getKey();
            String suffix = dev.equals(bridge) ? " self" : "";
            boolean known = dev.equals(bridge) ? br != null : true;
            List<State.VlanEntry> have = known ? actual.vlansOf(dev) : List.of();
            Set<Integer> wantIds = new TreeSet<>();
            for (State.VlanEntry v : e.getValue()) wantIds.add(v.vid());
            List<Integer> del = new ArrayList<>();
            for (State.VlanEntry v : have) if (!wantIds.contains(v.vid())) del.add(v.vid());
            for (int[] r : VlanSet.of(del).ranges()) bridgeCmds.add("vlan del dev " + dev + " vid " + range(r) + suffix);
            List<State.VlanEntry> add = new ArrayList<>(e.getValue());
            add.removeAll(new java.util.HashSet<>(have));
            addRuns(dev, suffix, add, adds);
        }
        bridgeCmds.addAll(adds);

        for (Iface i : ports.values()) portFlags(i, actual.link(i.name()).port(), bridgeCmds);
        fdb(cfg, actual, ports.keySet(), bridgeCmds);

        for (Map.Entry<Integer, Iface> e : svis.entrySet()) {
            String dev = sviDevice(bridge, e.getKey());
            State.Link l = actual.link(dev);
            List<String> have = l == null ? List.of() : l.addrs();
            if (l == null) late.add("link add link " + bridge + " name " + dev + " type vlan id " + e.getKey());
            String ip = e.getValue().ip();
            for (String a : have) if (!a.equals(ip)) late.add("addr del " + a + " dev " + dev);
            if (!have.contains(ip)) late.add("addr add " + ip + " dev " + dev);
        }
        if (br == null || !br.adminUp()) late.add("link set dev " + bridge + " up");
        for (Iface i : ports.values()) upDown(i.name(), !i.shutdown(), actual.link(i.name()), late);
        for (Map.Entry<Integer, Iface> e : svis.entrySet()) {
            String dev = sviDevice(bridge, e.getKey());
            upDown(dev, !e.getValue().shutdown(), actual.link(dev), late);
        }
        return b.build();
    }

    private static void upDown(String dev, boolean up, State.Link l, List<String> out) {
        if (l == null || l.adminUp() != up) out.add("link set dev " + dev + (up ? " up" : " down"));
    }

    private static void bridgeAttrs(Config cfg, State.Link br, String bridge, List<String> out) {
        Stp s = cfg.stp();
        Map<String, Integer> want = new LinkedHashMap<>();
        want.put("stp_state", s.enabled() ? 1 : 0);
        want.put("priority", s.priority());
        want.put("hello_time", s.helloTime() * 100);
        want.put("forward_delay", s.forwardTime() * 100);
        want.put("max_age", s.maxAge() * 100);
        want.put("ageing_time", cfg.agingTime() * 100);
        StringBuilder sb = new StringBuilder();
        if (br == null) {
            sb.append("link add name ").append(bridge).append(" type bridge vlan_filtering 1 vlan_default_pvid 0");
            want.forEach((k, v) -> sb.append(' ').append(k).append(' ').append(v));
            out.add(sb.toString());
            return;
        }
        State.BridgeAttrs a = br.bridge();
        Map<String, Integer> have = new LinkedHashMap<>();
        have.put("stp_state", a.stpState() == 0 ? 0 : 1);
        have.put("priority", a.priority());
        have.put("hello_time", a.helloTime());
        have.put("forward_delay", a.forwardDelay());
        have.put("max_age", a.maxAge());
        have.put("ageing_time", a.ageingTime());
        if (!a.vlanFiltering()) sb.append(" vlan_filtering 1");
        if (a.defaultPvid() != 0) sb.append(" vlan_default_pvid 0");
        want.forEach((k, v) -> {
            if (!v.equals(have.get(k))) sb.append(' ').append(k).append(' ').append(v);
        });
        if (sb.length() > 0) out.add("link set dev " + bridge + " type bridge" + sb);
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
        } else if (cfg.hasVlan(i.accessVlan())) {
            out.add(new State.VlanEntry(i.accessVlan(), true, true));
        }
        return out;
    }

    /** Adds entries grouped into runs of consecutive ids with the same flags. */
    private static void addRuns(String dev, String suffix, List<State.VlanEntry> add, List<String> out) {
        add.sort((x, y) -> Integer.compare(x.vid(), y.vid()));
        int i = 0;
        while (i < add.size()) {
            State.VlanEntry first = add.get(i);
            int j = i;
            while (!first.pvid() && j + 1 < add.size() && add.get(j + 1).vid() == add.get(j).vid() + 1
                    && !add.get(j + 1).pvid() && add.get(j + 1).untagged() == first.untagged()) {
                j++;
            }
            int[] r = {first.vid(), add.get(j).vid()};
            out.add("vlan add dev " + dev + " vid " + range(r) + (first.pvid() ? " pvid" : "")
                    + (first.untagged() ? " untagged" : "") + suffix);
            i = j + 1;
        }
    }

    private static String range(int[] r) {
        return r[0] == r[1] ? Integer.toString(r[0]) : r[0] + "-" + r[1];
    }

    private static void portFlags(Iface i, State.PortAttrs p, List<String> out) {
        StringBuilder sb = new StringBuilder();
        if (i.stpCost() != null && (p == null || p.cost() != i.stpCost())) sb.append(" cost ").append(i.stpCost());
        int prio = (i.stpPriority() == null ? 128 : i.stpPriority()) / 4;
        if (p == null || p.priority() != prio) sb.append(" priority ").append(prio);
        boolean guard = Boolean.TRUE.equals(i.bpduguard());
        if (p == null || p.guard() != guard) sb.append(" guard ").append(guard ? "on" : "off");
        if (p == null || p.rootBlock() != i.rootGuard()) sb.append(" root_block ").append(i.rootGuard() ? "on" : "off");
        if (p == null || p.isolated() != i.isolated()) sb.append(" isolated ").append(i.isolated() ? "on" : "off");
        if (sb.length() > 0) out.add("link set dev " + i.name() + sb);
    }

    private static void fdb(Config cfg, State actual, Set<String> ports, List<String> out) {
        List<String> adds = new ArrayList<>();
        Set<String> want = new TreeSet<>();
        for (StaticMac m : cfg.statics()) {
            if (!ports.contains(m.iface())) continue;
            want.add(m.mac() + "/" + m.iface() + "/" + m.vlan());
            boolean present = actual.fdb().stream().anyMatch(f -> !f.dynamic() && !f.permanent()
                    && f.mac().equals(m.mac()) && f.dev().equals(m.iface()) && Objects.equals(f.vlan(), m.vlan()));
            if (!present) adds.add("fdb add " + m.mac() + " dev " + m.iface() + " master static vlan " + m.vlan());
        }
        for (State.Fdb f : actual.fdb()) {
            if (f.dynamic() || f.permanent() || !ports.contains(f.dev()) || f.vlan() == null) continue;
            if (!want.contains(f.mac() + "/" + f.dev() + "/" + f.vlan())) {
                out.add("fdb del " + f.mac() + " dev " + f.dev() + " master vlan " + f.vlan());
            }
        }
        out.addAll(adds);
    }
}
