package swsh.commands.svi;

import static swsh.commands.Modes.CONFIG;
import static swsh.commands.Modes.PORT;

import java.util.List;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Guards;
import swsh.commands.Help;
import swsh.commands.Types;
import swsh.commands.port.InterfaceCommands;
import swsh.grammar.Arg;
import swsh.model.Iface;

/** The switch's own interfaces into its VLANs: {@code interface vlan N} and its IP address. */
public final class SviCommands {
    private SviCommands() {}

    private static final Arg<Integer> ID = Arg.of("id", Types.VLAN_ID);
    private static final Arg<String> ADDR = Arg.of("addr", Types.IPV4);
    private static final Arg<String> MASK = Arg.of("mask", Types.IPV4);
    private static final Arg<String> PREFIX = Arg.of("prefix", Types.IPV4_PREFIX);

    public static void define(Defs d) {
        d.cmd(CONFIG, "interface vlan $id", Help.INTERFACE, "Catalyst Vlans", "Vlan interface number").bind(ID)
                .run((x, a) -> InterfaceCommands.enter(x, "Vlan" + a.get(ID)))
                .noWithArgs((x, a) -> x.edit(c -> c.withoutIface("Vlan" + a.get(ID))));
        d.cmd(PORT, "ip address $addr $mask", Help.IP, Help.IP_ADDRESS, "IP address", "IP subnet mask").bind(ADDR, MASK)
                .guard(Guards.SVI_ONLY)
                .run((x, a) -> {
                    int len = Types.maskLength(a.get(MASK));
                    if (len < 0) throw new CommandException("% Bad mask " + a.get(MASK) + " for address " + a.get(ADDR), a.column(MASK));
                    setIp(x, a.get(ADDR), len);
                })
                .no((x, a) -> x.editIfaces(i -> i.withIp(null)))
                .renders(Iface.class, i -> i.ip() == null ? List.of() : List.of("ip address " + i.ip().split("/")[0] + " "
                        + Types.mask(Integer.parseInt(i.ip().split("/")[1]))));
        d.cmd(PORT, "ip address $prefix", Help.IP, Help.IP_ADDRESS, "IP address with prefix length").bind(PREFIX)
                .guard(Guards.SVI_ONLY)
                .run((x, a) -> {
                    String[] p = a.get(PREFIX).split("/");
                    setIp(x, p[0], Integer.parseInt(p[1]));
                });
    }

    private static void setIp(Context x, String addr, int len) {
        x.editIfaces(i -> i.withIp(addr + "/" + len));
    }
}
