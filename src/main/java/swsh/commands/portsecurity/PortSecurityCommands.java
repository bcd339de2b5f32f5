package swsh.commands.portsecurity;

import static swsh.commands.Modes.EXEC;
import static swsh.commands.Modes.PORT;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Guards;
import swsh.commands.Help;
import swsh.commands.Interfaces;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.grammar.ParamType;
import swsh.model.Iface;
import swsh.model.PortSecurity;
import swsh.model.PortSecurity.Violation;

/**
 * {@code switchport port-security ...} on access ports, and {@code clear port-security}. Enforced by the
 * planner (port locked, secure MACs as static FDB entries) and by the engine's {@link swsh.core.SecureMacs}
 * (learning and violations); the shows are {@link ShowPortSecurity}.
 */
public final class PortSecurityCommands {
    private PortSecurityCommands() {}

    static final String PORT_SECURITY = "Security related command";
    private static final Arg<Integer> MAXIMUM = Arg.of("maximum", ParamType.range(1, 4096));
    private static final Arg<String> MAC = Arg.of("mac", Types.MAC);
    private static final Arg<Integer> AGING = Arg.of("aging", ParamType.range(1, 1440));
    private static final Arg<String> IFACE = Arg.of("interface", Types.IFNAME);
    private static final String MAC_ADDRESS = "Secure mac address";
    private static final String STICKY = "Configure dynamic secure addresses as sticky";

    public static void define(Defs d) {
        d.cmd(PORT, "switchport port-security maximum $maximum", Help.SWITCHPORT, PORT_SECURITY, "Max secure addresses",
                        "Maximum addresses").bind(MAXIMUM).guard(Guards.PHYSICAL)
                .run((x, a) -> edit(x, s -> s.withMaximum(a.get(MAXIMUM))))
                .no((x, a) -> edit(x, s -> s.withMaximum(PortSecurity.DEFAULT_MAXIMUM)))
                .renders(Iface.class, i -> i.security() == null || i.security().maximum() == PortSecurity.DEFAULT_MAXIMUM ? List.of()
                        : List.of("switchport port-security maximum " + i.security().maximum()));
        d.cmd(PORT, "switchport port-security", Help.SWITCHPORT, PORT_SECURITY).guard(Guards.PHYSICAL)
                .run((x, a) -> {
                    for (String n : x.ifaces()) {
                        Iface i = x.config().ifaces().get(n);
                        if (i != null && i.mode() == Iface.PortMode.TRUNK) throw new CommandException("Command rejected: " + n + " is a trunk port.");
                        if (i == null || i.mode() != Iface.PortMode.ACCESS || !i.switchport()) {
                            throw new CommandException("Command rejected: " + n + " is a dynamic port.");
                        }
                    }
                    edit(x, s -> s.withEnabled(true));
                })
                .no((x, a) -> edit(x, s -> s.withEnabled(false)))
                .renders(Iface.class, i -> i.security() != null && i.security().enabled() ? List.of("switchport port-security") : List.of());
        d.cmd(PORT, "switchport port-security violation {protect|restrict|shutdown}", Help.SWITCHPORT, PORT_SECURITY,
                        "Security violation mode", "Security violation protect mode", "Security violation restrict mode",
                        "Security violation shutdown mode").guard(Guards.PHYSICAL)
                .run((x, a) -> edit(x, s -> s.withViolation(a.has("protect") ? Violation.PROTECT
                        : a.has("restrict") ? Violation.RESTRICT : Violation.SHUTDOWN)))
                .no((x, a) -> edit(x, s -> s.withViolation(Violation.SHUTDOWN)))
                .renders(Iface.class, i -> i.security() == null || i.security().violation() == Violation.SHUTDOWN ? List.of()
                        : List.of("switchport port-security violation " + i.security().violation().ios));
        d.cmd(PORT, "switchport port-security aging time $aging", Help.SWITCHPORT, PORT_SECURITY,
                        "Port-security aging commands", "Port-security aging time", "Aging time in minutes. Enter a value between 1 and 1440")
                .bind(AGING).guard(Guards.PHYSICAL)
                .run((x, a) -> edit(x, s -> s.withAging(a.get(AGING))))
                .no((x, a) -> edit(x, s -> s.withAging(0)))
                .renders(Iface.class, i -> i.security() == null || i.security().agingMinutes() == 0 ? List.of()
                        : List.of("switchport port-security aging time " + i.security().agingMinutes()));
        d.cmd(PORT, "switchport port-security mac-address sticky", Help.SWITCHPORT, PORT_SECURITY, MAC_ADDRESS, STICKY)
                .guard(Guards.PHYSICAL)
                .run((x, a) -> edit(x, s -> s.withSticky(true)))
                .no((x, a) -> edit(x, s -> s.withSticky(false).withStickyMacs(List.of())))
                .renders(Iface.class, i -> i.security() != null && i.security().sticky()
                        ? List.of("switchport port-security mac-address sticky") : List.of());
        d.cmd(PORT, "switchport port-security mac-address sticky $mac", Help.SWITCHPORT, PORT_SECURITY, MAC_ADDRESS, STICKY,
                        "48 bit mac address").bind(MAC).guard(Guards.PHYSICAL)
                .run((x, a) -> addMac(x, a.get(MAC), true))
                .noWithArgs((x, a) -> edit(x, s -> s.withStickyMacs(without(s.stickyMacs(), a.get(MAC)))))
                .renders(Iface.class, i -> i.security() == null ? List.of()
                        : i.security().stickyMacs().stream().map(m -> "switchport port-security mac-address sticky " + Types.ciscoMac(m)).toList());
        d.cmd(PORT, "switchport port-security mac-address $mac", Help.SWITCHPORT, PORT_SECURITY, MAC_ADDRESS, "48 bit mac address")
                .bind(MAC).guard(Guards.PHYSICAL)
                .run((x, a) -> addMac(x, a.get(MAC), false))
                .noWithArgs((x, a) -> edit(x, s -> s.withMacs(without(s.macs(), a.get(MAC)))))
                .renders(Iface.class, i -> i.security() == null ? List.of()
                        : i.security().macs().stream().map(m -> "switchport port-security mac-address " + Types.ciscoMac(m)).toList());
    }

    /** {@code clear port-security} and the shows. */
    public static void exec(Defs d) {
        d.cmd(EXEC, "clear port-security {all|configured|dynamic|sticky} [interface $interface]", Help.CLEAR, PORT_SECURITY,
                        "Clear all secure addresses", "Clear configured secure addresses", "Clear dynamic secure addresses",
                        "Clear sticky secure addresses", Help.INTERFACE_KEYWORD, Help.IFNAME).bind(IFACE)
                .run((x, a) -> {
                    String only = a.opt(IFACE) == null ? null : Interfaces.existing(x, a.opt(IFACE), a.column(IFACE));
                    boolean all = a.has("all");
                    if (all || a.has("dynamic")) x.engine().secure.clearDynamic(only);
                    if (all || a.has("sticky") || a.has("configured")) {
                        boolean sticky = all || a.has("sticky"), configured = all || a.has("configured");
                        x.edit(c -> {
                            var n = c;
                            for (Iface i : c.ifaces().values()) {
                                if (i.security() == null || only != null && !only.equals(i.name())) continue;
                                PortSecurity s = i.security();
                                if (sticky) s = s.withStickyMacs(List.of());
                                if (configured) s = s.withMacs(List.of());
                                n = n.withIface(i.withSecurity(s.orNull()));
                            }
                            return n;
                        });
                    }
                });
        ShowPortSecurity.define(d, PORT_SECURITY, IFACE);
    }

    private static void edit(Context x, UnaryOperator<PortSecurity> f) {
        x.editIfaces(i -> i.withSecurity(f.apply(i.security() == null ? PortSecurity.NONE : i.security()).orNull()));
    }

    private static void addMac(Context x, String mac, boolean sticky) {
        if ((Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0 || mac.equals("00:00:00:00:00:00")) {
            throw new CommandException("% Error: " + Types.ciscoMac(mac) + " is not a unicast address");
        }
        for (String n : x.ifaces()) {
            Iface i = x.config().ifaces().get(n);
            PortSecurity s = i == null || i.security() == null ? PortSecurity.NONE : i.security();
            if (!s.configured().contains(mac) && s.configured().size() >= s.maximum()) {
                throw new CommandException("% Error: Total secure mac-addresses on interface " + n + " has reached maximum limit.");
            }
        }
        edit(x, s -> sticky ? s.withStickyMacs(with(s.stickyMacs(), mac)) : s.withMacs(with(s.macs(), mac)));
    }

    private static List<String> with(List<String> l, String m) {
        List<String> out = new ArrayList<>(l);
        if (!out.contains(m)) out.add(m);
        return out;
    }

    private static List<String> without(List<String> l, String m) {
        List<String> out = new ArrayList<>(l);
        out.remove(m);
        return out;
    }
}
