package swsh.commands.stp;

import static swsh.commands.Modes.EXECS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.Types;
import swsh.commands.stp.StpTrees.Instance;
import swsh.commands.stp.StpTrees.PortRow;
import swsh.grammar.Arg;
import swsh.grammar.Args;

/** {@code show spanning-tree [vlan N] [interface X] [detail]}: the tree per VLAN in the Catalyst layouts. */
public final class ShowSpanningTree {
    private ShowSpanningTree() {}

    private static final Arg<Integer> VLAN = Arg.of("vlan", Types.VLAN_ID);
    private static final Arg<String> IFACE = Arg.of("interface", Types.IFNAME);
    static final String TREE_HELP = "Spanning tree topology";

    public static void define(Defs d) {
        d.cmd(EXECS, "show spanning-tree [vlan $vlan]", Help.SHOW, TREE_HELP, "VLAN Switch Spanning Trees",
                "Spanning tree VLAN id").bind(VLAN).filterable().json(ShowSpanningTree::json).run(ShowSpanningTree::spanningTree);
        d.cmd(EXECS, "show spanning-tree [vlan $vlan] detail", Help.SHOW, TREE_HELP, "VLAN Switch Spanning Trees",
                "Spanning tree VLAN id", "Detailed information").bind(VLAN).filterable().run(ShowSpanningTree::detail);
        d.cmd(EXECS, "show spanning-tree interface $interface", Help.SHOW, TREE_HELP, "Spanning Tree interface status and configuration",
                "Interface name").bind(IFACE).filterable().run(ShowSpanningTree::byInterface);
        StpSummaries.define(d);
    }

    static void noTree(Context x, Integer only) {
        if (only != null) x.println("Spanning tree instance(s) for vlan " + only + " does not exist.");
        else x.println("No spanning tree instance exists.");
    }

    private static void times(Context x, int hello, int maxAge, int fwd) {
        x.println(String.format("             Hello Time  %2d sec  Max Age %2d sec  Forward Delay %2d sec", hello, maxAge, fwd));
    }

    /** The trees with ports of the VLAN asked for (or all); null, said, when there are none. */
    private static List<Instance> shown(Context x, Integer only) {
        List<Instance> trees = StpTrees.instances(x, only);
        if (trees == null || trees.stream().allMatch(t -> t.ports().isEmpty())) {
            noTree(x, only);
            return null;
        }
        return trees;
    }

    private static void spanningTree(Context x, Args a) {
        List<Instance> trees = shown(x, a.opt(VLAN));
        if (trees == null) return;
        for (Instance t : trees) {
            if (t.ports().isEmpty()) continue;
            x.println("");
            x.println(String.format("VLAN%04d", t.vlan()));
            x.println("  Spanning tree enabled protocol " + t.protocol());
            x.println(String.format("  Root ID    Priority    %d", t.rootPriority() + t.vlan()));
            x.println(String.format("             Address     %s", t.rootMac()));
            if (t.isRoot()) {
                x.println("             This bridge is the root");
            } else {
                x.println(String.format("             Cost        %d", t.rootCost()));
                x.println(String.format("             Port        %d (%s)", t.rootPortId() & 0xfff, t.rootPortName()));
            }
            times(x, t.hello(), t.maxAge(), t.fwdDelay());
            x.println("");
            x.println(String.format("  Bridge ID  Priority    %d  (priority %d sys-id-ext %d)", t.selfPriority() + t.vlan(), t.selfPriority(), t.vlan()));
            x.println(String.format("             Address     %s", t.selfMac()));
            times(x, t.selfHello(), t.selfMaxAge(), t.selfFwd());
            x.println(String.format("             Aging Time  %d sec", t.aging()));
            x.println("");
            table(x, "Interface", t.ports().stream().map(p -> new Object[] {p.name(), p}).toList());
        }
    }

    /** The port table under a tree, or of one port's trees ({@code rows}: first column and port). */
    static void table(Context x, String first, List<Object[]> rows) {
        x.println(String.format("%-19s Role Sts Cost      Prio.Nbr Type", first));
        x.println("------------------- ---- --- --------- -------- --------------------------------");
        for (Object[] r : rows) {
            PortRow p = (PortRow) r[1];
            x.println(String.format("%-19s %-4s %-3s %-9d %3d.%-4d %s", r[0], p.role(), p.state(), p.cost(), p.priority(), p.number(), p.type()));
        }
    }

    private static void byInterface(Context x, Args a) {
        String name = a.get(IFACE);
        List<Instance> trees = StpTrees.instances(x, null);
        List<Object[]> rows = new java.util.ArrayList<>();
        for (Instance t : trees == null ? List.<Instance>of() : trees) {
            for (PortRow p : t.ports()) if (p.name().equals(name)) rows.add(new Object[] {String.format("VLAN%04d", t.vlan()), p});
        }
        if (rows.isEmpty()) {
            x.println("no spanning tree info available for " + name);
            return;
        }
        x.println("");
        table(x, "Vlan", rows);
    }

    private static void detail(Context x, Args a) {
        List<Instance> trees = shown(x, a.opt(VLAN));
        if (trees == null) return;
        for (Instance t : trees) {
            if (t.ports().isEmpty()) continue;
            String name = String.format("VLAN%04d", t.vlan());
            x.println("");
            x.println(" " + name + " is executing the " + (t.protocol().equals("rstp") ? "rstp" : "ieee") + " compatible Spanning Tree protocol");
            x.println(String.format("  Bridge Identifier has priority %d, sysid %d, address %s", t.selfPriority(), t.vlan(), t.selfMac()));
            x.println(String.format("  Configured hello time %d, max age %d, forward delay %d, transmit hold-count 6",
                    t.selfHello(), t.selfMaxAge(), t.selfFwd()));
            if (t.isRoot()) {
                x.println("  We are the root of the spanning tree");
            } else {
                x.println(String.format("  Current root has priority %d, address %s", t.rootPriority() + t.vlan(), t.rootMac()));
                x.println(String.format("  Root port is %d (%s), cost of root path is %d", t.rootPortId() & 0xfff, t.rootPortName(), t.rootCost()));
            }
            if (t.changes() >= 0) {
                x.println(String.format("  Number of topology changes %d last change occurred %s ago", t.changes(), hms(t.sinceChange())));
                if (t.changePort() != null) x.println("          from " + t.changePort());
            }
            x.println(String.format("  Times:  hello %d, max age %d, forward delay %d", t.hello(), t.maxAge(), t.fwdDelay()));
            for (PortRow p : t.ports()) {
                x.println("");
                String role = switch (p.role()) {
                    case "Root" -> "root";
                    case "Desg" -> "designated";
                    case "Altn" -> "alternate";
                    case "Back" -> "backup";
                    default -> "disabled";
                };
                String state = switch (p.state()) {
                    case "FWD" -> "forwarding";
                    case "LRN" -> "learning";
                    default -> p.inconsistent() ? "broken  (Root Inconsistent)" : "blocking";
                };
                x.println(String.format(" Port %d (%s) of %s is %s %s", p.number(), p.name(), name, role, state));
                x.println(String.format("   Port path cost %d, Port priority %d, Port Identifier %d.%d.", p.cost(), p.priority(), p.priority(), p.number()));
                if (p.desigRoot() != null) {
                    x.println("   Designated root has priority " + p.desigRoot().replace(" ", ", address "));
                    x.println("   Designated bridge has priority " + p.desigBridge().replace(" ", ", address "));
                }
                if (p.edge()) x.println("   The port is in the portfast edge mode");
                x.println("   Link type is " + (p.type().startsWith("P2p") ? "point-to-point" : "shared") + " by default");
            }
        }
    }

    private static String hms(long s) {
        if (s < 0) return "00:00:00";
        return String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /**
     * {@code | json}: {"spanningTreeInstances": {"VL0010": {"protocol", "rootBridge": {"priority", "macAddress",
     * "thisBridgeIsRoot", "cost", "rootPort"}, "bridge": {"priority", "macAddress", "helloTime", "maxAge",
     * "forwardDelay"}, "interfaces": {"ethN": {"role", "state", "cost", "priority", "portNumber"}}}}}; empty
     * when spanning tree is off.
     */
    private static Object json(Context x, Args a) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Instance> trees = StpTrees.instances(x, a.opt(VLAN));
        for (Instance t : trees == null ? List.<Instance>of() : trees) {
            if (t.ports().isEmpty()) continue;
            Map<String, Object> root = new LinkedHashMap<>(), self = new LinkedHashMap<>(), ports = new LinkedHashMap<>();
            root.put("priority", t.rootPriority() + t.vlan());
            root.put("macAddress", t.rootMac());
            root.put("thisBridgeIsRoot", t.isRoot());
            root.put("cost", t.rootCost());
            root.put("rootPort", t.isRoot() ? null : t.rootPortName());
            self.put("priority", t.selfPriority() + t.vlan());
            self.put("macAddress", t.selfMac());
            self.put("helloTime", t.selfHello());
            self.put("maxAge", t.selfMaxAge());
            self.put("forwardDelay", t.selfFwd());
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
            inst.put("protocol", t.protocol());
            inst.put("rootBridge", root);
            inst.put("bridge", self);
            inst.put("interfaces", ports);
            out.put(String.format("VL%04d", t.vlan()), inst);
        }
        return Map.of("spanningTreeInstances", out);
    }
}
