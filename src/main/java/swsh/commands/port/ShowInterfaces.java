package swsh.commands.port;

import static swsh.commands.Modes.EXECS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.grammar.Args;
import swsh.kernel.State;
import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.Vlan;
import swsh.model.VlanSet;

/** {@code show interfaces status|switchport|trunk} in Catalyst layouts. */
public final class ShowInterfaces {
    private ShowInterfaces() {}

    private static final Arg<String> NAME = Arg.of("name", Types.IFNAME);

    public static void define(Defs d) {
        d.cmd(EXECS, "show interfaces status", Help.SHOW, Help.INTERFACES, "Show interface line status").filterable()
                .run(ShowInterfaces::status);
        d.cmd(EXECS, "show interfaces [$name] switchport", Help.SHOW, Help.INTERFACES, Help.IFNAME,
                "Show interface switchport information").bind(NAME).filterable().run(ShowInterfaces::switchport);
        d.cmd(EXECS, "show interfaces trunk", Help.SHOW, Help.INTERFACES, "Show interface trunk information").filterable()
                .run(ShowInterfaces::trunk);
    }

    private static String sysfs(String dev, String file) {
        try {
            return Files.readString(Path.of("/sys/class/net", dev, file)).strip();
        } catch (Exception e) {
            return null;
        }
    }

    private static void status(Context x, Args a) {
        Config cfg = x.config();
        State st = x.engine().kernel.read();
        x.println("");
        x.println("Port      Name               Status       Vlan       Duplex  Speed Type");
        for (Iface i : cfg.ifaces().values()) {
            if (i.svi()) continue;
            State.Link l = st.link(i.name());
            String status = l == null ? "notpresent" : i.shutdown() || !l.adminUp() ? "disabled"
                    : l.lowerUp() ? "connected" : "notconnect";
            String speed = l == null ? null : sysfs(i.name(), "speed");
            String duplex = l == null ? null : sysfs(i.name(), "duplex");
            speed = speed == null || speed.startsWith("-") ? "auto" : speed;
            duplex = duplex == null || duplex.equals("unknown") ? "auto" : duplex;
            String name = i.description() == null ? "" : i.description();
            if (name.length() > 18) name = name.substring(0, 18);
            x.println(String.format("%-9s %-18s %-12s %-10s %6s %6s %s", i.name(), name, status,
                    i.switchport() ? (i.trunk() ? "trunk" : Integer.toString(i.accessVlan())) : "routed", duplex, speed,
                    l == null ? "" : l.kind() == null ? "Ethernet" : l.kind()));
        }
    }

    private static void switchport(Context x, Args a) {
        Config cfg = x.config();
        String only = a.opt(NAME);
        if (only != null && !cfg.ifaces().containsKey(only)) throw new CommandException("% Error: interface " + only + " is not a switchport");
        for (Iface i : cfg.ifaces().values()) {
            if (i.svi() || (only != null && !only.equals(i.name()))) continue;
            x.println("Name: " + i.name());
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
            x.println("Voice VLAN: none");
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
        List<Iface> trunks = cfg.ifaces().values().stream().filter(i -> !i.svi() && i.switchport() && i.trunk()).toList();
        if (trunks.isEmpty()) return;
        x.println("");
        x.println("Port        Mode             Encapsulation  Status        Native vlan");
        for (Iface i : trunks) {
            x.println(String.format("%-11s %-16s %-14s %-13s %d", i.name(), "on", "802.1q", i.shutdown() ? "disabled" : "trunking", i.nativeVlan()));
        }
        x.println("");
        x.println("Port        Vlans allowed on trunk");
        for (Iface i : trunks) x.println(String.format("%-11s %s", i.name(), i.allowed() == null ? "1-4094" : i.allowed()));
        x.println("");
        x.println("Port        Vlans allowed and active in management domain");
        for (Iface i : trunks) x.println(String.format("%-11s %s", i.name(), VlanSet.of(cfg.vlans().keySet()).intersect(i.allowedOrAll())));
    }
}
