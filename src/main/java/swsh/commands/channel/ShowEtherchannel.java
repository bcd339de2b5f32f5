package swsh.commands.channel;

import static swsh.commands.Modes.EXECS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.Types;
import swsh.commands.port.ShowInterfaces;
import swsh.grammar.Arg;
import swsh.kernel.Bond;
import swsh.kernel.BondProc;
import swsh.kernel.State;
import swsh.model.Channel;
import swsh.model.Config;
import swsh.model.Iface;

/**
 * {@code show etherchannel summary}, {@code show lacp neighbor} and {@code show interfaces port-channel N}
 * in Catalyst layouts. A member's flags come from the bonding driver's view of it ({@code ip -d}: the
 * LACP state bits of both sides); the partner's details from {@code /proc/net/bonding/Port-channelN}.
 */
public final class ShowEtherchannel {
    private ShowEtherchannel() {}

    private static final Arg<Integer> NUM = Arg.of("num", ChannelCommands.GROUP);

    public static void define(Defs d) {
        d.cmd(EXECS, "show etherchannel summary", Help.SHOW, "EtherChannel information", "One-line summary per channel-group")
                .filterable().run((x, a) -> summary(x));
        d.cmd(EXECS, "show lacp neighbor", Help.SHOW, "LACP information", "LACP neighbors").filterable().run((x, a) -> neighbor(x));
        d.cmd(EXECS, "show interfaces port-channel $num", Help.SHOW, Help.INTERFACES, "Ethernet Channel of interfaces",
                "Port-channel interface number").bind(NUM).filterable()
                .run((x, a) -> ShowInterfaces.detail(x, Channel.name(a.get(NUM)), a.column(NUM)));
    }

    private static final List<String> LEGEND = List.of(
            "Flags:  D - down        P - bundled in port-channel",
            "        I - stand-alone s - suspended",
            "        H - Hot-standby (LACP only)",
            "        R - Layer3      S - Layer2",
            "        U - in use      N - not in use, no aggregation",
            "        f - failed to allocate aggregator",
            "",
            "        M - not in use, minimum links not met",
            "        m - not in use, port not aggregated due to minimum links not met",
            "        u - unsuitable for bundling",
            "        w - waiting to be aggregated",
            "        d - default port",
            "",
            "        A - formed by Auto LAG",
            "",
            "");

    private static List<Iface> channels(Config c) {
        return c.ifaces().values().stream().filter(i -> Channel.isPortChannel(i.name())).toList();
    }

    private static void summary(Context x) {
        Config cfg = x.config();
        State st = x.engine().kernel.readCounters(); // read in full: LACP state changes come with no link event
        List<Iface> channels = channels(cfg);
        LEGEND.forEach(x::println);
        x.println("Number of channel-groups in use: " + channels.size());
        x.println("Number of aggregators:           " + channels.size());
        x.println("");
        x.println("Group  Port-channel  Protocol    Ports");
        x.println("------+-------------+-----------+-----------------------------------------------");
        for (Iface po : channels) {
            int n = Channel.number(po.name());
            List<Iface> members = Channel.members(cfg, n);
            State.Link bond = st.link(po.name());
            String flags = (po.switchport() ? "S" : "R") + (bond != null && bond.adminUp() && bond.lowerUp() ? "U" : "D");
            String proto = members.isEmpty() || !members.get(0).channel().mode().lacp() ? "-" : "LACP";
            List<String> ports = new ArrayList<>();
            for (Iface m : members) ports.add(m.name() + "(" + flag(po.name(), m, st.link(m.name())) + ")");
            String head = String.format("%-7s%-16s%-10s", n, Channel.shortName(po.name()) + "(" + flags + ")", proto);
            if (ports.isEmpty()) x.println(head.stripTrailing());
            for (int i = 0; i < ports.size(); i += 4) {
                StringBuilder sb = new StringBuilder(i == 0 ? head : " ".repeat(33));
                for (String p : ports.subList(i, Math.min(ports.size(), i + 4))) sb.append(String.format("%-12s", p));
                x.println(sb.toString().stripTrailing());
            }
        }
    }

    /**
     * A member's flag: D without link (or shut down, or absent); in a static channel P once in the bond; in
     * an LACP channel P when both sides agree and collect and distribute, I (stand-alone) while no partner
     * answers (the actor's state is defaulted), s when it is in another aggregator than the bond's, else w.
     */
    static String flag(String po, Iface m, State.Link l) {
        if (l == null || m.shutdown() || !l.adminUp() || !l.lowerUp()) return "D";
        if (!po.equals(l.master())) return "s";
        if (!m.channel().mode().lacp()) return "P";
        Bond.Member b = l.bond() == null ? null : l.bond().member();
        if (b == null) return "w";
        if (b.bundled()) return "P";
        if ((b.actorState() & Bond.Member.DEFAULTED) != 0) return "I";
        return "w";
    }

    private static void neighbor(Context x) {
        Config cfg = x.config();
        State st = x.engine().kernel.readCounters(); // read in full: LACP state changes come with no link event
        x.println("Flags:  S - Device is requesting Slow LACPDUs");
        x.println("        F - Device is requesting Fast LACPDUs");
        x.println("        A - Device is in Active mode       P - Device is in Passive mode");
        for (Iface po : channels(cfg)) {
            int n = Channel.number(po.name());
            List<Iface> members = Channel.members(cfg, n);
            if (members.isEmpty() || !members.get(0).channel().mode().lacp()) continue;
            Map<String, BondProc.Member> report = BondProc.members(x.engine().kernel.bondingStatus(po.name()));
            x.println("");
            x.println("Channel group " + n + " neighbors");
            x.println("");
            x.println("Partner's information:");
            x.println("");
            x.println("                  LACP port                        Admin  Oper   Port    Port");
            x.println("Port      Flags   Priority  Dev ID          Age    key    Key    Number  State");
            for (Iface m : members) {
                State.Link l = st.link(m.name());
                BondProc.Member r = report.get(m.name());
                BondProc.Lacp p = r == null ? null : r.partner();
                Bond.Member b = l == null || l.bond() == null ? null : l.bond().member();
                if (p == null || b == null || (b.actorState() & Bond.Member.DEFAULTED) != 0 || isZero(p.systemMac())) {
                    continue; // no LACPDU from a partner on this port
                }
                String flags = ((p.state() & Bond.Member.TIMEOUT) != 0 ? "F" : "S") + ((p.state() & Bond.Member.ACTIVITY) != 0 ? "A" : "P");
                x.println(String.format("%-9s %-7s %-9d %-15s %-6s %-6s %-6s %-7s %s", m.name(), flags, p.portPriority(),
                        Types.ciscoMac(p.systemMac()), "-", "0x0", hex(p.key()), hex(p.portNumber()), hex(p.state())).stripTrailing());
            }
        }
    }

    private static boolean isZero(String mac) {
        return mac == null || !mac.matches("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}") || mac.equals("00:00:00:00:00:00");
    }

    private static String hex(int v) {
        return "0x" + Integer.toHexString(v).toUpperCase();
    }
}
