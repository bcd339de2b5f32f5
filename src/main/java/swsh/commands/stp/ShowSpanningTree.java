package swsh.commands.stp;

import static swsh.commands.Modes.EXECS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.grammar.Args;
import swsh.kernel.State;
import swsh.model.Config;
import swsh.model.Iface;

/** {@code show spanning-tree}: the kernel's 802.1D tree, shown per VLAN in the Catalyst layout. */
public final class ShowSpanningTree {
    private ShowSpanningTree() {}

    private static final Arg<Integer> VLAN = Arg.of("vlan", Types.VLAN_ID);

    public static void define(Defs d) {
        d.cmd(EXECS, "show spanning-tree [vlan $vlan]", Help.SHOW, "Spanning tree topology", "VLAN Switch Spanning Trees",
                "Spanning tree VLAN id").bind(VLAN).filterable().json(ShowSpanningTree::json).run(ShowSpanningTree::spanningTree);
    }

    private static final String[] STP_STATE = {"BLK", "LIS", "LRN", "FWD", "BLK"};

    /** {@code 8000.2:0:0:0:0:1} (kernel bridge id) to its priority and dotted MAC. */
    private static String[] bridgeId(String id) {
        if (id == null || !id.contains(".")) return new String[] {"32768", "0000.0000.0000"};
        String[] p = id.split("\\.", 2);
        String[] bytes = p[1].split(":");
        StringBuilder hex = new StringBuilder();
        for (String b : bytes) hex.append(b.length() == 1 ? "0" + b : b);
        String h = hex.toString();
        while (h.length() < 12) h = "0" + h;
        return new String[] {Integer.toString(Integer.parseInt(p[0], 16)), Types.ciscoMac(h)};
    }

    /** One port's line of a tree: as the table shows it. */
    record PortRow(String name, String role, String state, int cost, int priority, int number) {}

    /** One VLAN's view of the bridge's tree (the same 802.1D tree in every VLAN), or a VLAN with none. */
    record Instance(int vlan, String[] root, String[] self, int rootPort, String rootPortName, int rootCost,
                    State.BridgeAttrs bridge, List<PortRow> ports) {}

    /** The trees {@code show spanning-tree [vlan N]} shows; null when spanning tree is off. */
    private static List<Instance> instances(Context x, Integer only) {
        Config cfg = x.config();
        State st = x.engine().kernel.read();
        State.Link br = st.link(x.engine().kernel.bridge());
        if (!cfg.stp().enabled() || br == null || br.bridge() == null) return null;
        State.BridgeAttrs b = br.bridge();
        String[] root = bridgeId(b.rootId()), self = bridgeId(b.bridgeId());
        String rootPort = st.links().values().stream().filter(l -> l.port() != null && l.port().portNo() == b.rootPort()
                && x.engine().kernel.bridge().equals(l.master())).map(State.Link::name).findFirst().orElse("?");
        List<Instance> out = new ArrayList<>();
        for (int vid : cfg.vlans().keySet()) {
            if (only != null && vid != only) continue;
            List<PortRow> rows = new ArrayList<>();
            for (Iface i : cfg.ifaces().values()) {
                if (i.svi() || !i.switchport() || st.link(i.name()) == null) continue;
                if (st.vlansOf(i.name()).stream().noneMatch(v -> v.vid() == vid)) continue;
                State.PortAttrs p = st.link(i.name()).port();
                if (p == null) continue;
                String role = p.portNo() == b.rootPort() ? "Root" : p.state() == 4 ? "Altn" : p.state() == 0 ? "Disa" : "Desg";
                String sts = p.state() >= 0 && p.state() < STP_STATE.length ? STP_STATE[p.state()] : "BLK";
                rows.add(new PortRow(i.name(), role, sts, p.cost(), p.priority() * 4, p.portNo()));
            }
            out.add(new Instance(vid, root, self, b.rootPort(), rootPort, b.rootPathCost(), b, rows));
        }
        return out;
    }

    private static void spanningTree(Context x, Args a) {
        Integer only = a.opt(VLAN);
        List<Instance> trees = instances(x, only);
        if (trees == null) {
            x.println("No spanning tree instance exists.");
            return;
        }
        for (Instance t : trees) {
            if (t.ports().isEmpty() && only != null) {
                x.println("Spanning tree instance(s) for vlan " + t.vlan() + " does not exist.");
                continue;
            }
            if (t.ports().isEmpty()) continue;
            State.BridgeAttrs b = t.bridge();
            x.println("");
            x.println(String.format("VLAN%04d", t.vlan()));
            x.println("  Spanning tree enabled protocol ieee");
            x.println(String.format("  Root ID    Priority    %s", t.root()[0]));
            x.println(String.format("             Address     %s", t.root()[1]));
            if (t.rootPort() == 0) {
                x.println("             This bridge is the root");
            } else {
                x.println(String.format("             Cost        %d", t.rootCost()));
                x.println(String.format("             Port        %d (%s)", t.rootPort(), t.rootPortName()));
            }
            x.println(String.format("             Hello Time  %2d sec  Max Age %2d sec  Forward Delay %2d sec",
                    b.helloTime() / 100, b.maxAge() / 100, b.forwardDelay() / 100));
            x.println("");
            x.println(String.format("  Bridge ID  Priority    %s", t.self()[0]));
            x.println(String.format("             Address     %s", t.self()[1]));
            x.println(String.format("             Hello Time  %2d sec  Max Age %2d sec  Forward Delay %2d sec",
                    b.helloTime() / 100, b.maxAge() / 100, b.forwardDelay() / 100));
            x.println(String.format("             Aging Time  %d sec", b.ageingTime() / 100));
            x.println("");
            x.println("Interface           Role Sts Cost      Prio.Nbr Type");
            x.println("------------------- ---- --- --------- -------- --------------------------------");
            for (PortRow p : t.ports()) {
                x.println(String.format("%-19s %-4s %-3s %-9d %3d.%-4d %s", p.name(), p.role(), p.state(), p.cost(),
                        p.priority(), p.number(), "P2p"));
            }
        }
    }

    /**
     * {@code | json}: {"spanningTreeInstances": {"VL0010": {"protocol", "rootBridge": {"priority", "macAddress",
     * "thisBridgeIsRoot", "cost", "rootPort"}, "bridge": {"priority", "macAddress", "helloTime", "maxAge",
     * "forwardDelay"}, "interfaces": {"ethN": {"role", "state", "cost", "priority", "portNumber"}}}}}; empty
     * when spanning tree is off.
     */
    private static Object json(Context x, Args a) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Instance> trees = instances(x, a.opt(VLAN));
        for (Instance t : trees == null ? List.<Instance>of() : trees) {
            if (t.ports().isEmpty()) continue;
            Map<String, Object> root = new LinkedHashMap<>(), self = new LinkedHashMap<>(), ports = new LinkedHashMap<>();
            root.put("priority", Integer.parseInt(t.root()[0]));
            root.put("macAddress", t.root()[1]);
            root.put("thisBridgeIsRoot", t.rootPort() == 0);
            root.put("cost", t.rootCost());
            root.put("rootPort", t.rootPort() == 0 ? null : t.rootPortName());
            self.put("priority", Integer.parseInt(t.self()[0]));
            self.put("macAddress", t.self()[1]);
            self.put("helloTime", t.bridge().helloTime() / 100);
            self.put("maxAge", t.bridge().maxAge() / 100);
            self.put("forwardDelay", t.bridge().forwardDelay() / 100);
            for (PortRow p : t.ports()) {
                Map<String, Object> port = new LinkedHashMap<>();
                port.put("role", p.role());
                port.put("state", p.state());
                port.put("cost", p.cost());
                port.put("priority", p.priority());
                port.put("portNumber", p.number());
                ports.put(p.name(), port);
            }
            Map<String, Object> inst = new LinkedHashMap<>();
            inst.put("protocol", "ieee");
            inst.put("rootBridge", root);
            inst.put("bridge", self);
            inst.put("interfaces", ports);
            out.put(String.format("VL%04d", t.vlan()), inst);
        }
        return Map.of("spanningTreeInstances", out);
    }
}
