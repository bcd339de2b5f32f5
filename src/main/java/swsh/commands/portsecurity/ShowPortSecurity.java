package swsh.commands.portsecurity;

import static swsh.commands.Modes.EXECS;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.Interfaces;
import swsh.commands.Types;
import swsh.core.SecureMacs;
import swsh.grammar.Arg;
import swsh.model.Iface;
import swsh.model.PortSecurity;

/** {@code show port-security [interface X] [address]} in the Catalyst layouts. */
final class ShowPortSecurity {
    private ShowPortSecurity() {}

    /** The limit IOS prints under the tables; the kernel has none of its own. */
    static final int SYSTEM_LIMIT = 4096;

    static void define(Defs d, String portSecurity, Arg<String> iface) {
        d.cmd(EXECS, "show port-security [interface $interface] [address]", Help.SHOW, portSecurity, Help.INTERFACE_KEYWORD,
                        Help.IFNAME, "Show secure address").bind(iface).filterable()
                .run((x, a) -> {
                    String only = a.opt(iface) == null ? null : Interfaces.existing(x, a.opt(iface), a.column(iface));
                    if (a.has("address")) addresses(x, only);
                    else if (only != null) port(x, only);
                    else summary(x);
                });
    }

    private static List<Iface> secured(Context x, String only) {
        List<Iface> out = new ArrayList<>();
        for (Iface i : x.config().ifaces().values()) {
            if (PortSecurity.active(i) && (only == null || only.equals(i.name()))) out.add(i);
        }
        return out;
    }

    private static int count(Context x, Iface i) {
        return i.security().configured().size() + x.engine().secure.dynamic(i.name()).size();
    }

    static void summary(Context x) {
        SecureMacs s = x.engine().secure;
        x.println("Secure Port  MaxSecureAddr  CurrentAddr  SecurityViolation  Security Action");
        x.println("                (Count)       (Count)          (Count)");
        x.println("---------------------------------------------------------------------------");
        int total = 0;
        for (Iface i : secured(x, null)) {
            int n = count(x, i);
            total += Math.max(0, n - 1);
            x.println(String.format("%11s %14d %12d %18d %16s", i.name(), i.security().maximum(), n, s.violations(i.name()),
                    i.security().violation().shown));
        }
        x.println("---------------------------------------------------------------------------");
        footer(x, total);
    }

    private static void footer(Context x, int total) {
        x.println("Total Addresses in System (excluding one mac per port)     : " + total);
        x.println("Max Addresses limit in System (excluding one mac per port) : " + SYSTEM_LIMIT);
    }

    static void port(Context x, String name) {
        Iface i = x.config().ifaces().get(name);
        PortSecurity s = i == null || i.security() == null ? PortSecurity.NONE : i.security();
        boolean on = PortSecurity.active(i);
        String status = !on ? "Secure-down" : x.engine().errdisable.has(name) ? "Secure-shutdown"
                : up(x, name) ? "Secure-up" : "Secure-down";
        String last = x.engine().secure.lastSource(name);
        x.println("Port Security              : " + (on ? "Enabled" : "Disabled"));
        x.println("Port Status                : " + status);
        x.println("Violation Mode             : " + s.violation().shown);
        x.println("Aging Time                 : " + s.agingMinutes() + " mins");
        x.println("Aging Type                 : Absolute");
        x.println("SecureStatic Address Aging : Disabled");
        x.println("Maximum MAC Addresses      : " + s.maximum());
        x.println("Total MAC Addresses        : " + (on ? count(x, i) : s.configured().size()));
        x.println("Configured MAC Addresses   : " + s.macs().size());
        x.println("Sticky MAC Addresses       : " + s.stickyMacs().size());
        x.println("Last Source Address:Vlan   : " + (last == null ? "0000.0000.0000:0" : Types.ciscoMac(last.substring(0, 17))
                + last.substring(17)));
        x.println("Security Violation Count   : " + x.engine().secure.violations(name));
    }

    private static boolean up(Context x, String name) {
        var l = x.engine().kernel.read().link(name);
        return l != null && l.adminUp() && l.lowerUp();
    }

    static void addresses(Context x, String only) {
        x.println("               Secure Mac Address Table");
        x.println("-----------------------------------------------------------------------------");
        x.println("Vlan    Mac Address       Type                          Ports   Remaining Age");
        x.println("                                                                   (mins)    ");
        x.println("----    -----------       ----                          -----   -------------");
        int total = 0;
        for (Iface i : secured(x, only)) {
            PortSecurity s = i.security();
            for (String m : s.macs()) row(x, i, m, "SecureConfigured", "-");
            for (String m : s.stickyMacs()) row(x, i, m, "SecureSticky", "-");
            for (Map.Entry<String, Instant> e : x.engine().secure.dynamic(i.name()).entrySet()) {
                String age = "-";
                if (s.agingMinutes() > 0) {
                    long left = s.agingMinutes() - Duration.between(e.getValue(), Instant.now()).toMinutes();
                    age = Long.toString(Math.max(0, left));
                }
                row(x, i, e.getKey(), "SecureDynamic", age);
            }
            total += Math.max(0, count(x, i) - 1);
        }
        x.println("-----------------------------------------------------------------------------");
        footer(x, total);
    }

    private static void row(Context x, Iface i, String mac, String type, String age) {
        x.println(String.format("%4d    %-17s %-29s %-7s %8s", i.accessVlan(), Types.ciscoMac(mac), type, i.name(), age));
    }
}
