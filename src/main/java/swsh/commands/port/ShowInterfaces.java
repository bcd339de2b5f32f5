package swsh.commands.port;

import static swsh.commands.Modes.EXECS;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.Interfaces;
import swsh.commands.Types;
import swsh.core.Counters;
import swsh.grammar.Arg;
import swsh.grammar.Args;
import swsh.kernel.State;
import swsh.model.Channel;
import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.Vlan;
import swsh.model.VlanSet;

/**
 * {@code show interfaces [X] [status|counters|switchport]}, {@code show interfaces trunk} and
 * {@code show ip interface brief} in Catalyst layouts. The interfaces listed are those of
 * {@link SwitchPorts}: every port the switch can use, configured or not, and the SVIs; all state,
 * speed and counters come from the kernel of the switch's namespace.
 */
public final class ShowInterfaces {
    private ShowInterfaces() {}

    /** Help of {@code show ip}. */
    public static final String SHOW_IP = "IP information";

    static final Arg<String> NAME = Arg.of("name", Types.IFNAME);
    private static final Arg<Integer> VLAN = Arg.of("vlan", Types.VLAN_ID);

    public static void define(Defs d) {
        d.cmd(EXECS, "show interfaces [$name]", Help.SHOW, Help.INTERFACES, Help.IFNAME).bind(NAME).filterable()
                .run(ShowInterfaces::detail);
        d.cmd(EXECS, "show interfaces vlan $vlan", Help.SHOW, Help.INTERFACES, "Catalyst Vlans", "Vlan interface number")
                .bind(VLAN).filterable()
                .run((x, a) -> InterfaceDetail.svi(svi(x, x.engine().counters.read(), "Vlan" + a.get(VLAN), a.column(VLAN)),
                        x.engine().counters).forEach(x::println));
        d.cmd(EXECS, "show interfaces [$name] status", Help.SHOW, Help.INTERFACES, Help.IFNAME, "Show interface line status")
                .bind(NAME).filterable().json(InterfacesJson::status).run(ShowInterfaces::status);
        d.cmd(EXECS, "show interfaces [$name] counters", Help.SHOW, Help.INTERFACES, Help.IFNAME, "Show interface counters")
                .bind(NAME).filterable().json(InterfacesJson::counters).run(ShowInterfaces::counters);
        d.cmd(EXECS, "show interfaces [$name] switchport", Help.SHOW, Help.INTERFACES, Help.IFNAME,
                "Show interface switchport information").bind(NAME).filterable().json(InterfacesJson::switchport)
                .run(ShowInterfaces::switchport);
        d.cmd(EXECS, "show interfaces trunk", Help.SHOW, Help.INTERFACES, "Show interface trunk information").filterable()
                .run(ShowInterfaces::trunk);
        // defined here rather than in a definer of its own: it lists the same interfaces
        d.cmd(EXECS, "show ip interface brief", Help.SHOW, SHOW_IP, "IP interface status and configuration",
                "Brief summary of IP status and configuration").filterable().run(ShowInterfaces::ipBrief);
    }

    /** What one {@code show interfaces X} names: a switch port, an SVI, or another kernel link. */
    private record Target(SwitchPorts.Port port, SwitchPorts.Svi svi) {}

    private static Target target(Context x, State st, String name, int column) {
        String bridge = x.engine().kernel.bridge();
        Matcher m = Pattern.compile(Pattern.quote(bridge) + "\\.([0-9]{1,4})").matcher(name);
        if (m.matches()) name = "Vlan" + Integer.parseInt(m.group(1)); // the kernel's name of an SVI
        if (Iface.isSvi(name)) return new Target(null, svi(x, st, name, column));
        for (SwitchPorts.Port p : SwitchPorts.marked(x, SwitchPorts.ports(x.config(), st, bridge))) {
            if (p.name().equals(name)) return new Target(p, null);
        }
        State.Link l = st.link(name);
        if (l == null) throw new CommandException("% Invalid input: interface " + name + " not found", column);
        return new Target(new SwitchPorts.Port(name, null, l), null); // lo, the bridge, the management port
    }

    private static SwitchPorts.Svi svi(Context x, State st, String name, int column) {
        for (SwitchPorts.Svi s : SwitchPorts.svis(x.config(), st, x.engine().kernel.bridge())) {
            if (s.name().equals(name)) return s;
        }
        throw new CommandException("% Invalid input: interface " + name + " not found", column);
    }

    /** {@code show interfaces [X]}: every SVI then every switch port (a Catalyst lists its Vlan interfaces first). */
    private static void detail(Context x, Args a) {
        String only = Interfaces.resolve(x, a.opt(NAME));
        if (only != null) {
            detail(x, only, a.column(NAME));
            return;
        }
        State st = x.engine().counters.read();
        Counters k = x.engine().counters;
        Config cfg = x.config();
        String bridge = x.engine().kernel.bridge();
        for (SwitchPorts.Svi s : SwitchPorts.svis(cfg, st, bridge)) InterfaceDetail.svi(s, k).forEach(x::println);
        for (SwitchPorts.Port p : SwitchPorts.marked(x, SwitchPorts.ports(cfg, st, bridge))) InterfaceDetail.port(p, k).forEach(x::println);
    }

    /** {@code show interfaces X} of one interface; a bond's with its members (also {@code show interfaces port-channel N}). */
    public static void detail(Context x, String only, int column) {
        State st = x.engine().counters.read();
        Counters k = x.engine().counters;
        Target t = target(x, st, only, column);
        if (t.svi() != null) {
            InterfaceDetail.svi(t.svi(), k).forEach(x::println);
            return;
        }
        List<String> members = null;
        if (t.port().link() != null && "bond".equals(t.port().link().kind())) {
            members = st.links().values().stream().filter(l -> only.equals(l.master())).map(State.Link::name).toList();
        }
        InterfaceDetail.port(t.port(), k, members).forEach(x::println);
    }

    /** The switch ports one command shows: all of them, or the one named (none for an SVI); with counters read now or not. */
    static List<SwitchPorts.Port> ports(Context x, Args a, boolean counters) {
        String only = Interfaces.resolve(x, a.opt(NAME));
        State st = counters ? x.engine().counters.read() : x.engine().kernel.read();
        if (only == null) return SwitchPorts.marked(x, SwitchPorts.ports(x.config(), st, x.engine().kernel.bridge()));
        Target t = target(x, st, only, a.column(NAME));
        return t.port() == null ? List.of() : List.of(t.port());
    }

    private static void status(Context x, Args a) {
        List<SwitchPorts.Port> ports = ports(x, a, false);
        x.println("");
        x.println("Port      Name               Status       Vlan       Duplex  Speed Type");
        for (SwitchPorts.Port p : ports) {
            String name = SwitchPorts.description(p.cfg(), p.link());
            name = name == null ? "" : name.length() > 18 ? name.substring(0, 18) : name;
            x.println(String.format("%-9s %-18s %-12s %-10s %6s %6s %s", Channel.shortName(p.name()), name, SwitchPorts.line(p).status,
                    SwitchPorts.vlanColumn(asChannel(x.config(), p)), SwitchPorts.duplexColumn(p.cfg(), p.link()), SwitchPorts.speedColumn(p.cfg(), p.link()),
                    SwitchPorts.type(p.link())).stripTrailing());
        }
    }

    /** A channel's member as its channel: its VLANs are the channel's. Other ports as they are. */
    static SwitchPorts.Port asChannel(Config cfg, SwitchPorts.Port p) {
        if (p.cfg() == null || p.cfg().channel() == null) return p;
        Iface po = cfg.ifaces().get(Channel.name(p.cfg().channel().group()));
        return po == null ? p : new SwitchPorts.Port(p.name(), po, p.link());
    }

    /**
     * {@code show interfaces [X] counters}: a Catalyst's two tables, from the kernel's counters. The
     * kernel counts bytes and packets each way and received multicasts (as the driver counts them;
     * veth, like most virtual drivers, counts none), no broadcasts and no transmitted multicasts. So:
     * InOctets and OutOctets are the bytes; InMcastPkts the received multicasts; InUcastPkts the
     * other received packets, broadcasts included; OutUcastPkts every transmitted packet; the
     * broadcast columns and OutMcastPkts 0. Ports absent from the kernel have no counters and no row.
     */
    private static void counters(Context x, Args a) {
        List<State.Link> links = new ArrayList<>();
        for (SwitchPorts.Port p : ports(x, a, true)) if (p.link() != null) links.add(p.link());
        x.println(String.format("%-8s%16s%15s%15s%15s", "Port", "InOctets", "InUcastPkts", "InMcastPkts", "InBcastPkts"));
        for (State.Link l : links) {
            State.Stats c = l.stats();
            x.println(String.format("%-8s%16d%15d%15d%15d", l.name(), c.rxBytes(), Math.max(0, c.rxPackets() - c.rxMulticast()),
                    c.rxMulticast(), 0));
        }
        x.println("");
        x.println(String.format("%-8s%16s%15s%15s%15s", "Port", "OutOctets", "OutUcastPkts", "OutMcastPkts", "OutBcastPkts"));
        for (State.Link l : links) {
            State.Stats c = l.stats();
            x.println(String.format("%-8s%16d%15d%15d%15d", l.name(), c.txBytes(), c.txPackets(), 0, 0));
        }
    }

    /**
     * {@code show ip interface brief}: every SVI, then every switch port. The address is the kernel's
     * (the first IPv4 one), {@code unassigned} without one; Method {@code manual} for an address,
     * {@code unset} without.
     */
    private static void ipBrief(Context x, Args a) {
        Config cfg = x.config();
        State st = x.engine().kernel.read();
        String bridge = x.engine().kernel.bridge();
        x.println("Interface              IP-Address      OK? Method Status                Protocol");
        for (SwitchPorts.Svi s : SwitchPorts.svis(cfg, st, bridge)) {
            String[] line = SwitchPorts.line(s);
            ipRow(x, s.name(), s.link(), line[0], line[1]);
        }
        for (SwitchPorts.Port p : SwitchPorts.ports(cfg, st, bridge)) {
            SwitchPorts.Line line = SwitchPorts.line(p);
            ipRow(x, p.name(), p.link(), line.link, line.protocol);
        }
    }

    private static void ipRow(Context x, String name, State.Link l, String status, String protocol) {
        String ip = l == null || l.addrs().isEmpty() ? null : l.addrs().get(0).split("/")[0];
        x.println(String.format("%-22s %-15s %-3s %-6s %-21s %s", name, ip == null ? "unassigned" : ip, "YES",
                ip == null ? "unset" : "manual", status, protocol));
    }

    private static void switchport(Context x, Args a) {
        Config cfg = x.config();
        String only = Interfaces.resolve(x, a.opt(NAME));
        if (only != null && !cfg.ifaces().containsKey(only)) throw new CommandException("% Error: interface " + only + " is not a switchport");
        for (Iface c : cfg.ifaces().values()) {
            if (c.svi() || (only != null && !only.equals(c.name()))) continue;
            x.println("Name: " + Channel.shortName(c.name()));
            SwitchPorts.Port p = asChannel(cfg, new SwitchPorts.Port(c.name(), c, null));
            Iface i = p.cfg() == c ? c : Channel.switchport(p.cfg(), c).withShutdown(c.shutdown()); // a member runs as its channel
            x.println("Switchport: " + (i.switchport() ? "Enabled" : "Disabled"));
            if (!i.switchport()) {
                x.println("");
                continue;
            }
            x.println("Administrative Mode: " + (i.trunk() ? "trunk" : "static access"));
            x.println("Operational Mode: " + (i.shutdown() ? "down" : i.trunk() ? "trunk" : "static access"));
            x.println("Administrative Trunking Encapsulation: dot1q");
            x.println("Negotiation of Trunking: Off");
            x.println("Access Mode VLAN: " + i.accessVlan() + " (" + vlanName(cfg, i.accessVlan()) + ")");
            x.println("Trunking Native Mode VLAN: " + i.nativeVlan() + " (" + vlanName(cfg, i.nativeVlan()) + ")");
            x.println("Administrative Native VLAN tagging: disabled");
            x.println("Voice VLAN: " + swsh.commands.voice.VoiceVlanCommands.shown(cfg, i));
            x.println("Protected: " + (i.isolated() ? "true" : "false"));
            x.println("Trunking VLANs Enabled: " + (i.allowed() == null ? "ALL" : i.allowed().toString().toUpperCase()));
            x.println("Pruning VLANs Enabled: 2-1001");
            x.println("");
        }
    }

    private static String vlanName(Config cfg, int id) {
        Vlan v = cfg.vlans().get(id);
        return v == null ? "Inactive" : v.displayName();
    }

    private static void trunk(Context x, Args a) {
        Config cfg = x.config();
        List<Iface> trunks = cfg.ifaces().values().stream()
                .filter(i -> !i.svi() && i.switchport() && i.trunk() && i.channel() == null).toList(); // a channel's members: its own line
        if (trunks.isEmpty()) return;
        x.println("");
        x.println("Port        Mode             Encapsulation  Status        Native vlan");
        for (Iface i : trunks) {
            x.println(String.format("%-11s %-16s %-14s %-13s %d", Channel.shortName(i.name()), "on", "802.1q", i.shutdown() ? "disabled" : "trunking", i.nativeVlan()));
        }
        x.println("");
        x.println("Port        Vlans allowed on trunk");
        for (Iface i : trunks) x.println(String.format("%-11s %s", Channel.shortName(i.name()), i.allowed() == null ? "1-4094" : i.allowed()));
        x.println("");
        x.println("Port        Vlans allowed and active in management domain");
        for (Iface i : trunks) x.println(String.format("%-11s %s", Channel.shortName(i.name()), VlanSet.of(cfg.vlans().keySet()).intersect(i.allowedOrAll())));
    }
}
