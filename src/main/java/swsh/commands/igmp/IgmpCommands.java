package swsh.commands.igmp;

import static swsh.commands.Modes.CONFIG;
import static swsh.commands.Modes.EXECS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.kernel.McastJson;
import swsh.kernel.State;
import swsh.model.Config;
import swsh.model.Igmp;

/**
 * IGMP snooping on the kernel bridge: {@code ip igmp snooping} (on by default, as on a Catalyst: the
 * kernel's {@code mcast_snooping}), {@code no ip igmp snooping vlan N}, {@code ip igmp snooping querier}
 * (switch-wide, or {@code vlan N querier}); a VLAN that differs from the others gets a multicast context
 * of its own ({@code mcast_vlan_snooping}). The shows read the bridge's groups ({@code bridge mdb}).
 */
public final class IgmpCommands {
    private IgmpCommands() {}

    private static final Arg<Integer> VLAN = Arg.of("vlan", Types.VLAN_ID);
    static final String IGMP = "Internet Group Management Protocol";
    static final String SNOOPING = "Global IGMP Snooping enable for Catalyst Vlans";
    static final String QUERIER = "IGMP querier configuration";

    public static void define(Defs d) {
        d.cmd(CONFIG, "ip igmp snooping", Help.IP_GLOBAL, IGMP, SNOOPING)
                .run((x, a) -> x.edit(c -> c.withIgmp(c.igmp().withSnooping(true))))
                .no((x, a) -> x.edit(c -> c.withIgmp(c.igmp().withSnooping(false))))
                .renders(Config.class, c -> lines(c.igmp()));
        d.cmd(CONFIG, "ip igmp snooping querier", Help.IP_GLOBAL, IGMP, SNOOPING, QUERIER)
                .run((x, a) -> x.edit(c -> c.withIgmp(c.igmp().withQuerier(true))))
                .no((x, a) -> x.edit(c -> c.withIgmp(c.igmp().withQuerier(false))));
        d.cmd(CONFIG, "ip igmp snooping vlan $vlan", Help.IP_GLOBAL, IGMP, SNOOPING, "IGMP Snooping enable for Catalyst Vlan",
                "Vlan number").bind(VLAN)
                .run((x, a) -> x.edit(c -> c.withIgmp(c.igmp().withVlan(a.get(VLAN), true))))
                .noWithArgs((x, a) -> x.edit(c -> c.withIgmp(c.igmp().withVlan(a.get(VLAN), false))));
        d.cmd(CONFIG, "ip igmp snooping vlan $vlan querier", Help.IP_GLOBAL, IGMP, SNOOPING,
                "IGMP Snooping enable for Catalyst Vlan", "Vlan number", QUERIER).bind(VLAN)
                .run((x, a) -> x.edit(c -> c.withIgmp(c.igmp().withVlanQuerier(a.get(VLAN), true))))
                .noWithArgs((x, a) -> x.edit(c -> c.withIgmp(c.igmp().withVlanQuerier(a.get(VLAN), false))));
    }

    /** running-config: only what differs from the defaults, together (one block, as a Catalyst prints it). */
    static List<String> lines(Igmp g) {
        List<String> l = new ArrayList<>();
        if (!g.snooping()) l.add("no ip igmp snooping");
        for (int v : g.offVlans()) l.add("no ip igmp snooping vlan " + v);
        if (g.querier()) l.add("ip igmp snooping querier");
        for (int v : g.querierVlans()) l.add("ip igmp snooping vlan " + v + " querier");
        return l;
    }

    public static void shows(Defs d) {
        d.cmd(EXECS, "show ip igmp snooping [vlan $vlan]", Help.SHOW, Help.SHOW_IP, IGMP, "Snooping information",
                Help.VLAN_KEYWORD, "Vlan number").bind(VLAN).filterable()
                .run((x, a) -> snooping(x, a.opt(VLAN)));
        d.cmd(EXECS, "show ip igmp snooping groups [vlan $vlan]", Help.SHOW, Help.SHOW_IP, IGMP, "Snooping information",
                "IGMP snooping group membership information", Help.VLAN_KEYWORD, "Vlan number").bind(VLAN).filterable()
                .run((x, a) -> groups(x, a.opt(VLAN)));
    }

    private static String onOff(boolean b) {
        return b ? "Enabled" : "Disabled";
    }

    /** The Catalyst layout of {@code show ip igmp snooping}, with what the kernel bridge does. */
    private static void snooping(Context x, Integer only) {
        Config c = x.config();
        Igmp g = c.igmp();
        State.Link br = x.engine().kernel.read().link(x.engine().kernel.bridge());
        boolean kernelOn = br == null || br.bridge() == null || br.bridge().mcast().snooping();
        if (only == null) {
            x.println("Global IGMP Snooping configuration:");
            x.println("-------------------------------------------");
            x.println("IGMP snooping                : " + onOff(g.snooping() && kernelOn));
            x.println("IGMPv3 snooping (minimal)    : " + onOff(g.snooping() && kernelOn));
            x.println("IGMP querier                 : " + onOff(g.querier()));
            x.println("Per-VLAN multicast contexts  : " + onOff(g.perVlan()));
            x.println("Last member query count      : 2");
            x.println("Last member query interval   : 1000");
            x.println("");
        } else if (!c.hasVlan(only)) {
            x.println("% Vlan " + only + " not found");
            return;
        }
        for (int v : c.vlans().keySet()) {
            if (only != null && only != v) continue;
            x.println("Vlan " + v + ":");
            x.println("--------");
            x.println("IGMP snooping                       : " + onOff(g.snoops(v) && kernelOn));
            x.println("IGMP querier                        : " + onOff(g.queries(v)));
            x.println("IGMPv2 immediate leave              : Disabled");
            x.println("Last member query count             : 2");
            x.println("Last member query interval          : 1000");
            x.println("");
        }
    }

    /** {@code show ip igmp snooping groups}: the IPv4 groups the ports joined, one line per VLAN and group. */
    private static void groups(Context x, Integer only) {
        String bridge = x.engine().kernel.bridge();
        Map<String, List<String>> ports = new TreeMap<>();
        for (McastJson.Group grp : x.engine().kernel.mdb()) {
            if (grp.port().equals(bridge) || !grp.group().matches("[0-9.]+") || only != null && grp.vid() != only) continue;
            String key = String.format("%04d %s", grp.vid(), sortable(grp.group()));
            ports.computeIfAbsent(key + "\t" + grp.vid() + "\t" + grp.group(), k -> new ArrayList<>()).add(grp.port());
        }
        x.println("Vlan      Group                    Type        Version     Port List");
        x.println("-----------------------------------------------------------------------");
        for (Map.Entry<String, List<String>> e : ports.entrySet()) {
            String[] k = e.getKey().split("\t");
            List<String> p = new ArrayList<>(e.getValue());
            p.sort(Config.IFACE_ORDER);
            x.println(String.format("%-9s %-24s %-11s %-11s %s", k[1], k[2], "igmp", "v2", String.join(", ", p)));
        }
    }

    private static String sortable(String ip) {
        StringBuilder sb = new StringBuilder();
        for (String o : ip.split("\\.")) sb.append(String.format("%03d", Integer.parseInt(o)));
        return sb.toString();
    }
}
