package swsh.commands.lldp;

import static swsh.commands.Modes.EXECS;

import java.util.ArrayList;
import java.util.List;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.commands.Interfaces;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.model.Iface;
import swsh.model.PortLldp;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.kernel.LldpNeighbor;
import swsh.model.Config;
import swsh.model.Lldp;

/**
 * {@code show lldp [neighbors [detail]]} and {@code show cdp [neighbors [detail]]} in the Catalyst
 * layouts, from what the switch's lldpd heard ({@code lldpcli show neighbors details}); with the
 * protocol off they answer as a Catalyst does ({@code % LLDP is not enabled}).
 */
public final class ShowLldp {
    private ShowLldp() {}

    public static void define(Defs d) {
        d.cmd(EXECS, "show cdp", Help.SHOW, "CDP information").filterable().run((x, a) -> cdp(x));
        d.cmd(EXECS, "show cdp neighbors [detail]", Help.SHOW, "CDP information", "CDP neighbor entries",
                "Show detailed information").filterable().run((x, a) -> cdpNeighbors(x, a.has("detail")));
        d.cmd(EXECS, "show lldp", Help.SHOW, "LLDP information").filterable().run((x, a) -> lldp(x));
        d.cmd(EXECS, "show lldp neighbors [detail]", Help.SHOW, "LLDP information", "LLDP neighbor entries",
                "Show detailed information").filterable().run((x, a) -> lldpNeighbors(x, null, a.has("detail")));
        d.cmd(EXECS, "show lldp neighbors $interface [detail]", Help.SHOW, "LLDP information", "LLDP neighbor entries", Help.IFNAME,
                "Show detailed information").bind(IFACE).filterable()
                .run((x, a) -> lldpNeighbors(x, Interfaces.resolve(x, a.get(IFACE)), a.has("detail")));
        d.cmd(EXECS, "show lldp interface [$interface]", Help.SHOW, "LLDP information", "LLDP interface status and configuration",
                Help.IFNAME).bind(IFACE).filterable().run((x, a) -> lldpInterfaces(x, Interfaces.resolve(x, a.opt(IFACE))));
    }

    private static final Arg<String> IFACE = Arg.of("interface", Types.IFNAME);

    /** {@code show lldp interface}: each port of the config with its transmit and receive setting. */
    private static void lldpInterfaces(Context x, String only) {
        if (!x.config().lldp().run()) {
            x.println("% LLDP is not enabled");
            return;
        }
        if (only != null && !x.config().ifaces().containsKey(only)) {
            throw new CommandException("% Error: interface " + only + " is not in the configuration");
        }
        x.println("");
        for (Iface i : x.config().ifaces().values()) {
            if (i.svi() || only != null && !only.equals(i.name())) continue;
            PortLldp p = LldpCommands.lldp(i);
            x.println(i.name() + ":");
            x.println("    Tx: " + (p.transmit() ? "enabled" : "disabled"));
            x.println("    Rx: " + (p.receive() ? "enabled" : "disabled"));
            x.println("    Tx state: " + (p.transmit() ? "IDLE" : "INIT"));
            x.println("    Rx state: " + (p.receive() ? "WAIT FOR FRAME" : "INIT"));
            x.println("");
        }
    }

    private static void lldp(Context x) {
        Lldp l = x.config().lldp();
        if (!l.run()) {
            x.println("% LLDP is not enabled");
            return;
        }
        x.println("");
        x.println("Global LLDP Information:");
        x.println("    Status: ACTIVE");
        x.println("    LLDP advertisements are sent every " + l.timer() + " seconds");
        x.println("    LLDP hold time advertised is " + l.txHold() * l.timer() + " seconds");
        x.println("    LLDP interface reinitialisation delay is 2 seconds");
    }

    private static void cdp(Context x) {
        Lldp l = x.config().lldp();
        if (!l.cdp()) {
            x.println("% CDP is not enabled");
            return;
        }
        x.println("Global CDP information:");
        x.println("        Sending CDP packets every " + l.timer() + " seconds");
        x.println("        Sending a holdtime value of " + l.txHold() * l.timer() + " seconds");
        x.println("        Sending CDPv2 advertisements is  enabled");
    }

    /** The neighbours heard over LLDP (or over CDP), sorted by local port then name. */
    private static List<LldpNeighbor> heard(Context x, boolean cdp) {
        List<LldpNeighbor> out = new ArrayList<>();
        for (LldpNeighbor n : x.engine().lldp.neighbors()) if (n.via().startsWith("CDP") == cdp) out.add(n);
        out.sort((a, b) -> {
            int c = Config.IFACE_ORDER.compare(a.localPort(), b.localPort());
            return c != 0 ? c : a.systemName().compareTo(b.systemName());
        });
        return out;
    }

    private static long remaining(LldpNeighbor n) {
        return Math.max(0, n.ttl() - n.age());
    }

    /** IOS's one-letter LLDP capability codes. */
    private static String codes(List<String> caps) {
        StringBuilder sb = new StringBuilder();
        for (String c : caps) {
            String k = switch (c) {
                case "Router" -> "R";
                case "Bridge" -> "B";
                case "Tel" -> "T";
                case "Docsis" -> "C";
                case "Wlan" -> "W";
                case "Repeater" -> "P";
                case "Station" -> "S";
                default -> "O";
            };
            if (sb.indexOf(k) < 0) sb.append(sb.length() == 0 ? "" : ",").append(k);
        }
        return sb.toString();
    }

    private static void lldpNeighbors(Context x, String port, boolean detail) {
        if (!x.config().lldp().run()) {
            x.println("% LLDP is not enabled");
            return;
        }
        List<LldpNeighbor> ns = heard(x, false);
        if (port != null) ns.removeIf(n -> !n.localPort().equals(port));
        if (detail) {
            for (LldpNeighbor n : ns) lldpDetail(x, n);
        } else {
            x.println("Capability codes:");
            x.println("    (R) Router, (B) Bridge, (T) Telephone, (C) DOCSIS Cable Device");
            x.println("    (W) WLAN Access Point, (P) Repeater, (S) Station, (O) Other");
            x.println("");
            x.println("Device ID           Local Intf     Hold-time  Capability      Port ID");
            for (LldpNeighbor n : ns) {
                String id = n.systemName().isEmpty() ? n.chassisId() : n.systemName();
                x.println(String.format("%-20s%-15s%-11s%-16s%s", cut(id, 20), cut(n.localPort(), 14), n.ttl(), codes(n.enabled()),
                        n.portId()).stripTrailing());
            }
        }
        x.println("");
        x.println("Total entries displayed: " + ns.size());
    }

    private static void lldpDetail(Context x, LldpNeighbor n) {
        x.println("------------------------------------------------");
        x.println("Local Intf: " + n.localPort());
        x.println("Chassis id: " + n.chassisId());
        x.println("Port id: " + n.portId());
        x.println("Port Description: " + (n.portDescr().isEmpty() ? "- not advertised" : n.portDescr()));
        x.println("System Name: " + (n.systemName().isEmpty() ? "- not advertised" : n.systemName()));
        x.println("");
        x.println("System Description: ");
        x.println(n.systemDescr().isEmpty() ? "- not advertised" : n.systemDescr());
        x.println("");
        x.println("Time remaining: " + remaining(n) + " seconds");
        x.println("System Capabilities: " + codes(n.capabilities()));
        x.println("Enabled Capabilities: " + codes(n.enabled()));
        x.println("Management Addresses:");
        if (n.mgmtAddresses().isEmpty()) x.println("    - not advertised");
        for (String a : n.mgmtAddresses()) x.println("    " + (a.contains(":") ? "IPV6: " : "IP: ") + a);
        x.println("Auto Negotiation - not supported");
        x.println("Physical media capabilities - not advertised");
        x.println("Media Attachment Unit type - not advertised");
        x.println("Vlan ID: - not advertised");
        if (!n.policies().isEmpty()) {
            x.println("");
            x.println("MED Information:");
            x.println("");
            for (String p : n.policies()) x.println("    Network Policy(" + p + ")");
        }
        x.println("");
    }

    private static void cdpNeighbors(Context x, boolean detail) {
        if (!x.config().lldp().cdp()) {
            x.println("% CDP is not enabled");
            return;
        }
        List<LldpNeighbor> ns = heard(x, true);
        if (detail) {
            for (LldpNeighbor n : ns) {
                x.println("-------------------------");
                x.println("Device ID: " + (n.systemName().isEmpty() ? n.chassisId() : n.systemName()));
                x.println("Entry address(es): ");
                for (String a : n.mgmtAddresses()) if (!a.contains(":")) x.println("  IP address: " + a);
                x.println("Platform: " + platform(n) + ",  Capabilities: " + cdpCaps(n.enabled()));
                x.println("Interface: " + n.localPort() + ",  Port ID (outgoing port): " + n.portId());
                x.println("Holdtime : " + remaining(n) + " sec");
                x.println("");
                x.println("Version :");
                x.println(n.systemDescr());
                x.println("");
            }
            x.println("");
            x.println("Total cdp entries displayed : " + ns.size());
            return;
        }
        x.println("Capability Codes: R - Router, T - Trans Bridge, B - Source Route Bridge");
        x.println("                  S - Switch, H - Host, I - IGMP, r - Repeater, P - Phone, ");
        x.println("                  D - Remote, C - CVTA, M - Two-port Mac Relay ");
        x.println("");
        x.println("Device ID        Local Intrfce     Holdtme    Capability  Platform  Port ID");
        for (LldpNeighbor n : ns) {
            String id = n.systemName().isEmpty() ? n.chassisId() : n.systemName();
            x.println(String.format("%-17s%-18s%-11s%-12s%-10s%s", cut(id, 16), cut(n.localPort(), 17), remaining(n),
                    cdpCaps(n.enabled()), cut(platform(n), 9), n.portId()).stripTrailing());
        }
        x.println("");
        x.println("Total cdp entries displayed : " + ns.size());
    }

    /** The platform lldpd reports for a CDP neighbour is in its system description's first word. */
    private static String platform(LldpNeighbor n) {
        String d = n.systemDescr().strip();
        return d.isEmpty() ? "" : d.split("\\s+")[0];
    }

    /** CDP's capability letters: a bridge is a switch (S), a router R, a station a host (H). */
    private static String cdpCaps(List<String> caps) {
        StringBuilder sb = new StringBuilder();
        for (String c : caps) {
            String k = switch (c) {
                case "Router" -> "R";
                case "Bridge" -> "S";
                case "Station" -> "H";
                case "Repeater" -> "r";
                case "Tel" -> "P";
                default -> "";
            };
            if (!k.isEmpty() && sb.indexOf(k) < 0) sb.append(sb.length() == 0 ? "" : " ").append(k);
        }
        return sb.toString();
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}
