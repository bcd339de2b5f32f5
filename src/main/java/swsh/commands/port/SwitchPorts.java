package swsh.commands.port;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import swsh.kernel.Planner;
import swsh.kernel.State;
import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.PortLink;

/**
 * The interfaces the show commands list, and the state words of each.
 *
 * <p>The <b>switch ports</b> are every interface in the config that is not an SVI, present in the
 * kernel or not, and every kernel link that could become one:
 * <ul>
 * <li>a physical NIC (a link without a kind, of link type {@code ether}), a veth or a bond;
 * <li>not {@code lo}, not the bridge, not a VLAN device (the bridge's {@code bridge.N} host ports
 *     included), and not enslaved to another master (a veth of docker0 or a bond's member belongs to
 *     something else);
 * <li>not the <b>management port</b>: an interface that is not in the config and holds an IPv4
 *     address, such as the host's eth0 carrying its SSH address. The switch never puts an address on
 *     a switch port, so an address there is the host's own; once the user configures that interface
 *     it is listed (and enslaved) like any other.
 * </ul>
 * The <b>SVIs</b> ({@code VlanN}) are those of the config and the bridge's VLAN devices in the kernel.
 */
public final class SwitchPorts {
    private SwitchPorts() {}

    /**
     * A switch port: its config block (null when unconfigured), its kernel link (null when absent), and whether
     * it is err-disabled (the engine's runtime state, see {@link #marked}).
     */
    public record Port(String name, Iface cfg, State.Link link, boolean errDisabled) {
        public Port(String name, Iface cfg, State.Link link) {
            this(name, cfg, link, false);
        }
    }

    /** The ports with their err-disable state from the engine. */
    public static List<Port> marked(swsh.commands.Context x, List<Port> ports) {
        java.util.Set<String> down = x.engine().errdisable.ports();
        if (down.isEmpty()) return ports;
        List<Port> out = new ArrayList<>(ports.size());
        for (Port p : ports) out.add(new Port(p.name(), p.cfg(), p.link(), down.contains(p.name())));
        return out;
    }

    /** An SVI: its VLAN, config block (null when only the kernel has it) and kernel device (null when absent). */
    public record Svi(int vlan, Iface cfg, State.Link link) {
        public String name() {
            return "Vlan" + vlan;
        }
    }

    /** Whether a kernel link could be a switch port (the management port included). */
    public static boolean candidate(State.Link l, String bridge) {
        boolean physical = l.kind() == null && "ether".equals(l.hw().linkType());
        if (!physical && !"veth".equals(l.kind()) && !"bond".equals(l.kind())) return false;
        if (l.name().equals(bridge) || l.name().startsWith(bridge + ".")) return false;
        return l.master() == null || l.master().equals(bridge);
    }

    /** Whether a kernel link is the management port: not the switch's (not in the config), holding an IPv4 address. */
    public static boolean management(State.Link l, Config cfg) {
        return !cfg.ifaces().containsKey(l.name()) && !l.addrs().isEmpty();
    }

    /** Every switch port, in interface order. */
    public static List<Port> ports(Config cfg, State st, String bridge) {
        TreeMap<String, Port> out = new TreeMap<>(Config.IFACE_ORDER);
        for (State.Link l : st.links().values()) {
            if (candidate(l, bridge) && !management(l, cfg)) out.put(l.name(), new Port(l.name(), null, l));
        }
        for (Iface i : cfg.ifaces().values()) {
            if (!i.svi()) out.put(i.name(), new Port(i.name(), i, st.link(i.name())));
        }
        return new ArrayList<>(out.values());
    }

    /** Every SVI, by VLAN. */
    public static List<Svi> svis(Config cfg, State st, String bridge) {
        Set<Integer> vlans = new TreeSet<>();
        for (Iface i : cfg.ifaces().values()) if (i.svi()) vlans.add(i.sviVlan());
        for (State.Link l : st.links().values()) {
            if ("vlan".equals(l.kind()) && bridge.equals(l.vlanLink()) && l.vlanId() != null) vlans.add(l.vlanId());
        }
        List<Svi> out = new ArrayList<>();
        for (int v : vlans) out.add(new Svi(v, cfg.ifaces().get("Vlan" + v), st.link(Planner.sviDevice(bridge, v))));
        return out;
    }

    /**
     * The state of an interface in IOS words: {@code show interfaces} says "{@link #link} is ..., line
     * protocol is {@link #protocol}", {@code show interfaces status} its {@link #status}.
     */
    public enum Line {
        /** Shut down in the config, or down in the kernel. */
        DISABLED("administratively down", "down", "disabled"),
        /** Up, without carrier. */
        NOTCONNECT("down", "down", "notconnect"),
        CONNECTED("up", "up", "connected"),
        /**
         * In the config, not in the kernel: notconnect, as the Catalyst status parsers know no
         * other word for it (TextFSM rejects "notpresent"); the Type column and the hardware line say
         * "not present".
         */
        NOTPRESENT("down", "down", "notconnect"),
        /** Held down by the switch after an error (BPDU guard, port security, storm control). */
        ERRDISABLED("down", "down", "err-disabled");

        public final String link, protocol, status;

        Line(String link, String protocol, String status) {
            this.link = link;
            this.protocol = protocol;
            this.status = status;
        }
    }

    public static Line line(Port p) {
        if (p.link() == null) return Line.NOTPRESENT;
        if (p.errDisabled()) return Line.ERRDISABLED;
        if (p.cfg() != null && p.cfg().shutdown() || !p.link().adminUp()) return Line.DISABLED;
        return p.link().lowerUp() ? Line.CONNECTED : Line.NOTCONNECT;
    }

    /**
     * An SVI's link and protocol state, as IOS says them ({@code up}/{@code down}): administratively
     * down when shut down; down without a kernel device (an SVI gets one with its IP address); the
     * protocol follows the device's carrier, which the bridge gives while one of its ports is up.
     */
    public static String[] line(Svi s) {
        if (s.cfg() != null && s.cfg().shutdown() || s.link() != null && !s.link().adminUp()) {
            return new String[] {"administratively down", "down"};
        }
        if (s.link() == null) return new String[] {"down", "down"};
        return new String[] {"up", s.link().lowerUp() ? "up" : "down"};
    }

    /**
     * The Vlan column of {@code show interfaces status}: the access VLAN, {@code trunk}, {@code routed}
     * for {@code no switchport}, and {@code unassigned} for a port nobody configured. A Catalyst would
     * say 1 there (its ports are switchports in VLAN 1 out of the box), but swsh enslaves only the
     * ports of the config: an unconfigured port forwards nothing, in no VLAN, so 1 would promise
     * traffic that never flows. {@code unassigned} says it is not part of the switch yet, and the
     * Catalyst status parsers accept it.
     */
    public static String vlanColumn(Port p) {
        Iface i = p.cfg();
        if (i == null) return "unassigned";
        if (!i.switchport()) return "routed";
        return i.trunk() ? "trunk" : Integer.toString(i.accessVlan());
    }

    /**
     * The Type column and the media type: the link kind ({@code veth}, {@code bond}), {@code Ethernet}
     * for a NIC, {@code not present} without a kernel device.
     */
    public static String type(State.Link l) {
        return l == null ? "not present" : l.kind() == null ? "Ethernet" : l.kind();
    }

    /** The description: the config's, else the kernel's alias. */
    public static String description(Iface cfg, State.Link l) {
        if (cfg != null) return cfg.description();
        return l == null ? null : l.alias();
    }

    /**
     * Speed as the status table shows it: the configured one ({@code 100}); else the kernel's, negotiated
     * ({@code a-1000}, {@code a-10G}); {@code auto} when the kernel knows none.
     */
    public static String speedColumn(Iface cfg, State.Link l) {
        Integer forced = PortLink.of(cfg).speed();
        if (forced != null) return Integer.toString(forced);
        Integer s = l == null ? null : l.hw().speed();
        if (s == null) return "auto";
        return "a-" + (s >= 10000 && s % 1000 == 0 ? s / 1000 + "G" : Integer.toString(s));
    }

    /** Duplex as the status table shows it: the configured one ({@code full}); else the kernel's ({@code a-full}); else {@code auto}. */
    public static String duplexColumn(Iface cfg, State.Link l) {
        String forced = PortLink.of(cfg).duplex();
        if (forced != null) return forced;
        String d = l == null ? null : l.hw().duplex();
        return d == null ? "auto" : "a-" + d;
    }
}
