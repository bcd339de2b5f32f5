package swsh.commands.stp;

import static swsh.commands.Modes.EXECS;

import java.util.ArrayList;
import java.util.List;

import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.stp.StpTrees.Instance;
import swsh.commands.stp.StpTrees.PortRow;
import swsh.grammar.Args;
import swsh.model.Stp;

/** {@code show spanning-tree summary|root|blockedports|inconsistentports} in the Catalyst layouts. */
final class StpSummaries {
    private StpSummaries() {}

    static void define(Defs d) {
        d.cmd(EXECS, "show spanning-tree summary", Help.SHOW, ShowSpanningTree.TREE_HELP, "Summary of port states")
                .filterable().run(StpSummaries::summary);
        d.cmd(EXECS, "show spanning-tree root", Help.SHOW, ShowSpanningTree.TREE_HELP, "Report on root of each VLAN")
                .filterable().run(StpSummaries::root);
        d.cmd(EXECS, "show spanning-tree blockedports", Help.SHOW, ShowSpanningTree.TREE_HELP, "Show blocked ports")
                .filterable().run(StpSummaries::blocked);
        d.cmd(EXECS, "show spanning-tree inconsistentports", Help.SHOW, ShowSpanningTree.TREE_HELP, "Show inconsistent ports")
                .filterable().run(StpSummaries::inconsistent);
    }

    private static List<Instance> trees(Context x) {
        List<Instance> t = StpTrees.instances(x, null);
        List<Instance> out = new ArrayList<>();
        if (t != null) for (Instance i : t) if (!i.ports().isEmpty()) out.add(i);
        return out;
    }

    private static String vlan(Instance t) {
        return String.format("VLAN%04d", t.vlan());
    }

    private static String onOff(boolean b) {
        return b ? "enabled" : "disabled";
    }

    private static void summary(Context x, Args a) {
        Stp s = x.config().stp();
        List<Instance> trees = trees(x);
        x.println("Switch is in " + (s.enabled() ? s.mode().keyword : "pvst") + " mode" + (s.enabled() ? "" : " (spanning tree is off)"));
        List<String> rootFor = new ArrayList<>();
        for (Instance t : trees) if (t.isRoot()) rootFor.add(vlan(t));
        x.println("Root bridge for: " + (rootFor.isEmpty() ? "none" : String.join(", ", rootFor)));
        x.println("Extended system ID           is enabled");
        x.println("Portfast Default             is " + onOff(s.portfastDefault()));
        x.println("PortFast BPDU Guard Default  is " + onOff(s.bpduguardDefault()));
        x.println("Portfast BPDU Filter Default is disabled");
        x.println("Loopguard Default            is disabled");
        x.println("EtherChannel misconfig guard is disabled");
        x.println("UplinkFast                   is disabled");
        x.println("BackboneFast                 is disabled");
        x.println("Configured Pathcost method used is short");
        x.println("");
        x.println("Name                   Blocking Listening Learning Forwarding STP Active");
        x.println("---------------------- -------- --------- -------- ---------- ----------");
        int[] total = new int[4];
        for (Instance t : trees) {
            int[] n = new int[4];
            for (PortRow p : t.ports()) {
                switch (p.state()) {
                    case "LIS" -> n[1]++;
                    case "LRN" -> n[2]++;
                    case "FWD" -> n[3]++;
                    default -> n[0]++;
                }
            }
            for (int i = 0; i < 4; i++) total[i] += n[i];
            x.println(String.format("%-22s %8d %9d %8d %10d %10d", vlan(t), n[0], n[1], n[2], n[3], n[0] + n[1] + n[2] + n[3]));
        }
        x.println("---------------------- -------- --------- -------- ---------- ----------");
        x.println(String.format("%-22s %8d %9d %8d %10d %10d", trees.size() + " vlan" + (trees.size() == 1 ? "" : "s"),
                total[0], total[1], total[2], total[3], total[0] + total[1] + total[2] + total[3]));
    }

    private static void root(Context x, Args a) {
        List<Instance> trees = trees(x);
        if (trees.isEmpty()) {
            ShowSpanningTree.noTree(x, null);
            return;
        }
        x.println("");
        x.println("                                        Root    Hello Max Fwd");
        x.println("Vlan                   Root ID          Cost    Time  Age Dly  Root Port");
        x.println("---------------- -------------------- --------- ----- --- ---  ------------");
        for (Instance t : trees) {
            x.println(String.format("%-16s %5d %-14s %9d %5d %3d %3d  %s", vlan(t), t.rootPriority() + t.vlan(), t.rootMac(),
                    t.rootCost(), t.hello(), t.maxAge(), t.fwdDelay(), t.isRoot() ? "" : t.rootPortName()).stripTrailing());
        }
    }

    private static void blocked(Context x, Args a) {
        x.println("");
        x.println("Name                 Blocked Interfaces List");
        x.println("-------------------- ------------------------------------");
        int n = 0;
        for (Instance t : trees(x)) {
            List<String> ports = new ArrayList<>();
            for (PortRow p : t.ports()) if (p.state().startsWith("BLK") || p.state().startsWith("BKN")) ports.add(p.name());
            if (ports.isEmpty()) continue;
            n += ports.size();
            x.println(String.format("%-20s %s", vlan(t), String.join(", ", ports)));
        }
        x.println("");
        x.println("Number of blocked ports (segments) in the system : " + n);
    }

    private static void inconsistent(Context x, Args a) {
        x.println("");
        x.println("Name                 Interface                Inconsistency");
        x.println("-------------------- ------------------------ ------------------");
        int n = 0;
        for (Instance t : trees(x)) {
            for (PortRow p : t.ports()) {
                if (!p.inconsistent()) continue;
                n++;
                x.println(String.format("%-20s %-24s %s", vlan(t), p.name(), "Root Inconsistent"));
            }
        }
        x.println("");
        x.println("Number of inconsistent ports (segments) in the system : " + n);
    }
}
