package swsh.commands.stp;

import static swsh.commands.Modes.EXECS;

import java.util.ArrayList;
import java.util.List;

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
                "Spanning tree VLAN id").bind(VLAN).filterable().run(ShowSpanningTree::spanningTree);
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

    private static void spanningTree(Context x, Args a) {
        Config cfg = x.config();
        State st = x.engine().kernel.read();
        State.Link br = st.link(x.engine().kernel.bridge());
        if (!cfg.stp().enabled() || br == null || br.bridge() == null) {
            x.println("No spanning tree instance exists.");
            return;
        }
        State.BridgeAttrs b = br.bridge();
        List<Integer> vlans = new ArrayList<>();
        Integer only = a.opt(VLAN);
        for (int vid : cfg.vlans().keySet()) if (only == null || vid == only) vlans.add(vid);
        // one 802.1D tree for the whole bridge: its identity is the same in every VLAN's block
        String[] root = bridgeId(b.rootId()), self = bridgeId(b.bridgeId());
        String rootPort = st.links().values().stream().filter(l -> l.port() != null && l.port().portNo() == b.rootPort()
                && x.engine().kernel.bridge().equals(l.master())).map(State.Link::name).findFirst().orElse("?");
        for (int vid : vlans) {
            List<Iface> ports = new ArrayList<>();
            for (Iface i : cfg.ifaces().values()) {
                if (i.svi() || !i.switchport() || st.link(i.name()) == null) continue;
                boolean member = st.vlansOf(i.name()).stream().anyMatch(v -> v.vid() == vid);
                if (member) ports.add(i);
            }
            if (ports.isEmpty() && only != null) {
                x.println("Spanning tree instance(s) for vlan " + vid + " does not exist.");
                continue;
            }
            if (ports.isEmpty()) continue;
            x.println("");
            x.println(String.format("VLAN%04d", vid));
            x.println("  Spanning tree enabled protocol ieee");
            x.println(String.format("  Root ID    Priority    %s", root[0]));
            x.println(String.format("             Address     %s", root[1]));
            if (b.rootPort() == 0) {
                x.println("             This bridge is the root");
            } else {
                x.println(String.format("             Cost        %d", b.rootPathCost()));
                x.println(String.format("             Port        %d (%s)", b.rootPort(), rootPort));
            }
            x.println(String.format("             Hello Time  %2d sec  Max Age %2d sec  Forward Delay %2d sec",
                    b.helloTime() / 100, b.maxAge() / 100, b.forwardDelay() / 100));
            x.println("");
            x.println(String.format("  Bridge ID  Priority    %s", self[0]));
            x.println(String.format("             Address     %s", self[1]));
            x.println(String.format("             Hello Time  %2d sec  Max Age %2d sec  Forward Delay %2d sec",
                    b.helloTime() / 100, b.maxAge() / 100, b.forwardDelay() / 100));
            x.println(String.format("             Aging Time  %d sec", b.ageingTime() / 100));
            x.println("");
            x.println("Interface           Role Sts Cost      Prio.Nbr Type");
            x.println("------------------- ---- --- --------- -------- --------------------------------");
            for (Iface i : ports) {
                State.PortAttrs p = st.link(i.name()).port();
                if (p == null) continue;
                String role = p.portNo() == b.rootPort() ? "Root" : p.state() == 4 ? "Altn"
                        : p.state() == 0 ? "Disa" : "Desg";
                String sts = p.state() >= 0 && p.state() < STP_STATE.length ? STP_STATE[p.state()] : "BLK";
                x.println(String.format("%-19s %-4s %-3s %-9d %3d.%-4d %s", i.name(), role, sts, p.cost(),
                        p.priority() * 4, p.portNo(), "P2p"));
            }
        }
    }

}
