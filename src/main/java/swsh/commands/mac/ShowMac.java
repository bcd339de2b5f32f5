package swsh.commands.mac;

import static swsh.commands.Modes.EXEC;
import static swsh.commands.Modes.EXECS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.Interfaces;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.grammar.Args;
import swsh.kernel.FdbQuery;
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
                .filterable().json(ShowMac::json).run(ShowMac::table);
        d.cmd(EXECS, "show mac address-table count", Help.SHOW, Help.MAC, Help.MAC_TABLE, "Count of MAC addresses")
                .filterable().run(ShowMac::count);
        d.cmd(EXEC, "clear mac address-table dynamic [vlan $vlan] [interface $interface]", Help.CLEAR,
                Help.MAC_TABLE, Help.MAC_TABLE, "dynamic entry type", Help.VLAN_KEYWORD, "VLAN number",
                Help.INTERFACE_KEYWORD, Help.IFNAME).bind(VLAN, IFACE)
                .run((x, a) -> {
                    String only = Interfaces.resolve(x, a.opt(IFACE));
                    Integer vlan = a.opt(VLAN);
                    for (Iface i : x.config().ifaces().values()) {
                        if (i.svi() || !i.switchport() || (only != null && !only.equals(i.name()))) continue;
                        x.engine().kernel.flushDynamic(i.name(), vlan);
                    }
                });
    }

    /**
     * The entries shown that pass {@code keep}: learned ones and the user's static ones on our switchports,
     * sorted by VLAN then MAC. The table streams from the kernel (filtered there by port and VLAN when
     * asked): only the entries kept are held.
     */
    private static List<State.Fdb> entries(Context x, FdbQuery q, Predicate<State.Fdb> keep) {
        List<State.Fdb> out = new ArrayList<>();
        each(x, q, f -> {
            if (keep.test(f)) out.add(f);
        });
        out.sort((p, r) -> p.vlan().equals(r.vlan()) ? p.mac().compareTo(r.mac()) : p.vlan() - r.vlan());
        return out;
    }

    /** Every entry shown of the query (one of our switchports, a VLAN, not the bridge's own), unsorted. */
    private static void each(Context x, FdbQuery q, Consumer<State.Fdb> each) {
        Config cfg = x.config();
        x.engine().kernel.fdb(q, f -> {
            Iface i = cfg.ifaces().get(f.dev());
            if (i == null || i.svi() || f.permanent() || f.vlan() == null) return;
            each.accept(f);
        });
    }

    /** The entries {@code show mac address-table} with these arguments shows, in its order. */
    private static List<State.Fdb> shown(Context x, Args a) {
        String dev = Interfaces.resolve(x, a.opt(IFACE)), mac = a.opt(ADDRESS);
        Integer vlan = a.opt(VLAN);
        boolean dynamicOnly = a.has("dynamic");
        return entries(x, new FdbQuery(dev, vlan, a.has("static")),
                f -> !(dynamicOnly && !f.dynamic()) && (mac == null || mac.equals(f.mac())));
    }

    /**
     * {@code | json}: {"unicastTable": {"tableEntries": [{"vlanId", "macAddress", "entryType" (dynamic or static),
     * "interface"}]}, "totalEntries": N}, in the table's order.
     */
    private static Object json(Context x, Args a) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (State.Fdb f : shown(x, a)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vlanId", f.vlan());
            m.put("macAddress", Types.ciscoMac(f.mac()));
            m.put("entryType", f.dynamic() ? "dynamic" : "static");
            m.put("interface", f.dev());
            rows.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("unicastTable", Map.of("tableEntries", rows));
        out.put("totalEntries", rows.size());
        return out;
    }

    private static void table(Context x, Args a) {
        List<State.Fdb> shown = shown(x, a);
        x.println("          Mac Address Table");
        x.println("-------------------------------------------");
        x.println("");
        x.println("Vlan    Mac Address       Type        Ports");
        x.println("----    -----------       --------    -----");
        for (State.Fdb f : shown) {
            x.println(String.format("%4d    %s    %-8s    %s", f.vlan(), Types.ciscoMac(f.mac()),
                    f.dynamic() ? "DYNAMIC" : "STATIC", f.dev()));
        }
        x.println("Total Mac Addresses for this criterion: " + shown.size());
    }

    private static void count(Context x, Args a) {
        long[] n = {0, 0};
        each(x, FdbQuery.ALL, f -> n[f.dynamic() ? 0 : 1]++);
        x.println("");
        x.println("Mac Entries for all vlans :");
        x.println("---------------------------");
        x.println("Dynamic Address Count  : " + n[0]);
        x.println("Static  Address Count  : " + n[1]);
        x.println("Total Mac Addresses    : " + (n[0] + n[1]));
    }
}
