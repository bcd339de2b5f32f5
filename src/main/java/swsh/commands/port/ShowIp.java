package swsh.commands.port;

import static swsh.commands.Modes.EXECS;

import java.util.List;

import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.kernel.State;
import swsh.model.Config;

/**
 * {@code show ip interface} and {@code show ipv6 interface}: the interfaces of
 * {@code show interfaces}, in the same order, with what the kernel holds of their IPv4 addresses
 * (Ansible's ios_facts reads every interface name from here too). swsh configures no IPv6, so
 * {@code show ipv6 interface} lists nothing, as IOS does when no interface has IPv6 enabled.
 */
public final class ShowIp {
    private ShowIp() {}

    public static void define(Defs d) {
        d.cmd(EXECS, "show ip interface", Help.SHOW, ShowInterfaces.SHOW_IP, "IP interface status and configuration")
                .filterable().run((x, a) -> ip(x));
        d.cmd(EXECS, "show ipv6 interface [brief]", Help.SHOW, "IPv6 information", "IPv6 interface status and configuration",
                "Brief summary of IPv6 status and configuration").filterable().run((x, a) -> {});
    }

    private static void ip(Context x) {
        Config cfg = x.config();
        State st = x.engine().kernel.read();
        String bridge = x.engine().kernel.bridge();
        for (SwitchPorts.Svi s : SwitchPorts.svis(cfg, st, bridge)) {
            x.println(InterfaceDetail.head(s));
            addresses(x, s.link());
        }
        for (SwitchPorts.Port p : SwitchPorts.marked(x, SwitchPorts.ports(cfg, st, bridge))) {
            x.println(InterfaceDetail.head(p));
            addresses(x, p.link());
        }
    }

    private static void addresses(Context x, State.Link l) {
        List<String> addrs = l == null ? List.of() : l.addrs();
        if (addrs.isEmpty()) {
            x.println("  Internet protocol processing disabled");
            return;
        }
        x.println("  Internet address is " + addrs.get(0));
        x.println("  Broadcast address is 255.255.255.255");
        x.println("  MTU is " + l.mtu() + " bytes");
        for (String a : addrs.subList(1, addrs.size())) x.println("  Secondary address " + a);
    }
}
