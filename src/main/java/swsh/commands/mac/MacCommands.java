package swsh.commands.mac;

import static swsh.commands.Modes.CONFIG;

import java.util.ArrayList;
import java.util.List;

import swsh.commands.CommandException;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.Interfaces;
import swsh.commands.RunningConfig;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.grammar.ParamType;
import swsh.model.Config;
import swsh.model.StaticMac;

/** The MAC address table's settings: aging time and static entries. */
public final class MacCommands {
    private MacCommands() {}

    private static final Arg<Integer> AGING = Arg.of("seconds", ParamType.range(10, 1000000));
    private static final Arg<String> MAC = Arg.of("mac", Types.MAC);
    private static final Arg<Integer> VLAN = Arg.of("vlan", Types.VLAN_ID);
    private static final Arg<String> IFACE = Arg.of("interface", Types.IFNAME);

    public static void define(Defs d) {
        d.cmd(CONFIG, "mac address-table aging-time $seconds", Help.MAC, Help.ADDRESS_TABLE,
                "Set MAC address table entry maximum age", "Maximum age in seconds").bind(AGING)
                .run((x, a) -> x.edit(c -> c.withAgingTime(a.get(AGING))))
                .no((x, a) -> x.edit(c -> c.withAgingTime(Config.DEFAULT_AGING)))
                .renders(Config.class, c -> RunningConfig.lineIf(c.agingTime() != Config.DEFAULT_AGING,
                        "mac address-table aging-time " + c.agingTime()));
        d.cmd(CONFIG, "mac address-table static $mac vlan $vlan interface $interface", Help.MAC, Help.ADDRESS_TABLE,
                "static keyword", "48 bit mac address", Help.VLAN_KEYWORD, "VLAN id of mac address", Help.INTERFACE_KEYWORD,
                Help.IFNAME).bind(MAC, VLAN, IFACE)
                .run((x, a) -> {
                    // the kernel bridge keeps no FDB entry for the zero address or a group address (those are its mdb's)
                    if ((Integer.parseInt(a.get(MAC).substring(0, 2), 16) & 1) != 0 || a.get(MAC).equals("00:00:00:00:00:00")) {
                        throw new CommandException("% Error: " + Types.ciscoMac(a.get(MAC))
                                + " is not a unicast address; only unicast addresses can be static entries");
                    }
                    StaticMac m = new StaticMac(a.get(MAC), a.get(VLAN), Interfaces.existing(x, a.get(IFACE), a.column(IFACE)));
                    x.edit(c -> {
                        List<StaticMac> l = new ArrayList<>(c.statics());
                        l.removeIf(s -> s.mac().equals(m.mac()) && s.vlan() == m.vlan());
                        l.add(m);
                        return c.withStatics(l);
                    });
                })
                .noWithArgs((x, a) -> x.edit(c -> {
                    List<StaticMac> l = new ArrayList<>(c.statics());
                    l.removeIf(s -> s.mac().equals(a.get(MAC)) && s.vlan() == a.get(VLAN));
                    return c.withStatics(l);
                }))
                .renders(Config.class, c -> c.statics().stream().map(s -> "mac address-table static "
                        + Types.ciscoMac(s.mac()) + " vlan " + s.vlan() + " interface " + s.iface()).toList());
    }
}
