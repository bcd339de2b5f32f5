package swsh.commands.mac;

import static swsh.commands.Modes.EXEC;
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

/** {@code show mac address-table} in the classic Catalyst layout, and {@code clear mac address-table}. */
public final class ShowMac {
    private ShowMac() {}

    private static final Arg<Integer> VLAN = Arg.of("vlan", Types.VLAN_ID);
    private static final Arg<String> IFACE = Arg.of("interface", Types.IFNAME);
    private static final Arg<String> ADDRESS = Arg.of("address", Types.MAC);

    public static void define(Defs d) {
        d.cmd(EXECS, "show mac address-table [{dynamic|static}] [vlan $vlan] [interface $interface] [address $address]",
                Help.SHOW, Help.MAC, Help.MAC_TABLE, "dynamic entry type", "static entry type", Help.VLAN_KEYWORD, "VLAN number",
                Help.INTERFACE_KEYWORD, Help.IFNAME, "address keyword", "48 bit mac address").bind(VLAN, IFACE, ADDRESS)
                .filterable().run(ShowMac::table);
        d.cmd(EXECS, "show mac address-table count", Help.SHOW, Help.MAC, Help.MAC_TABLE, "Count of MAC addresses")
                .filterable().run(ShowMac::count);
        d.cmd(EXEC, "clear mac address-table dynamic [vlan $vlan] [interface $interface]", Help.CLEAR,
                Help.MAC_TABLE, Help.MAC_TABLE, "dynamic entry type", Help.VLAN_KEYWORD, "VLAN number",
                Help.INTERFACE_KEYWORD, Help.IFNAME).bind(VLAN, IFACE)
                .run((x, a) -> {
                    String only = a.opt(IFACE);
                    Integer vlan = a.opt(VLAN);
                    for (Iface i : x.config().ifaces().values()) {
                        if (i.svi() || !i.switchport() || (only != null && !only.equals(i.name()))) continue;
                        x.engine().kernel.flushDynamic(i.name(), vlan);
                    }
                });
    }

    /** The entries shown: learned ones and the user's static ones on our switchports. */
    private static List<State.Fdb> entries(Context x) {
        Config cfg = x.config();
        List<State.Fdb> out = new ArrayList<>();
        for (State.Fdb f : x.engine().kernel.read().fdb()) {
            Iface i = cfg.ifaces().get(f.dev());
            if (i == null || i.svi() || f.permanent() || f.vlan() == null) continue;
            out.add(f);
        }
        out.sort((p, q) -> p.vlan().equals(q.vlan()) ? p.mac().compareTo(q.mac()) : p.vlan() - q.vlan());
        return out;
    }

    private static void table(Context x, Args a) {
        String dev = a.opt(IFACE), mac = a.opt(ADDRESS);
        Integer vlan = a.opt(VLAN);
        x.println("          Mac Address Table");
        x.println("-------------------------------------------");
        x.println("");
        x.println("Vlan    Mac Address       Type        Ports");
        x.println("----    -----------       --------    -----");
        int n = 0;
        for (State.Fdb f : entries(x)) {
            if (a.has("dynamic") && !f.dynamic() || a.has("static") && f.dynamic()) continue;
            if (vlan != null && !f.vlan().equals(vlan)) continue;
            if (dev != null && !dev.equals(f.dev()) || mac != null && !mac.equals(f.mac())) continue;
            x.println(String.format("%4d    %s    %-8s    %s", f.vlan(), Types.ciscoMac(f.mac()),
                    f.dynamic() ? "DYNAMIC" : "STATIC", f.dev()));
            n++;
        }
        x.println("Total Mac Addresses for this criterion: " + n);
    }

    private static void count(Context x, Args a) {
        List<State.Fdb> all = entries(x);
        long dyn = all.stream().filter(State.Fdb::dynamic).count();
        x.println("");
        x.println("Mac Entries for all vlans :");
        x.println("---------------------------");
        x.println("Dynamic Address Count  : " + dyn);
        x.println("Static  Address Count  : " + (all.size() - dyn));
        x.println("Total Mac Addresses    : " + all.size());
    }
}
