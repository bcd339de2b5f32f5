package swsh.commands.vlan;

import static swsh.commands.Modes.EXECS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.model.Channel;
import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.Vlan;

/**
 * {@code show vlan} in the Catalyst 2960 layout: the VLAN table, then (unless {@code brief}) the
 * table of VLAN types and MTUs, the Remote SPAN VLANs and the private VLANs (none here), which
 * Ansible's cisco.ios vlans facts read.
 */
public final class ShowVlan {
    private ShowVlan() {}

    private static final Arg<Integer> ID = Arg.of("id", Types.VLAN_ID);

    public static void define(Defs d) {
        d.cmd(EXECS, "show vlan", Help.SHOW, "VTP VLAN status").filterable().json((x, a) -> json(x, null))
                .run((x, a) -> {
                    vlans(x, null, true);
                    types(x, null);
                    trailer(x);
                });
        d.cmd(EXECS, "show vlan brief", Help.SHOW, "VTP VLAN status", "VTP all VLAN status in brief").filterable()
                .json((x, a) -> json(x, null))
                .run((x, a) -> vlans(x, null, false));
        d.cmd(EXECS, "show vlan id $id", Help.SHOW, "VTP VLAN status", "VTP VLAN status by VLAN id", "VLAN id").bind(ID)
                .filterable().json((x, a) -> {
                    if (!x.config().hasVlan(a.get(ID))) throw new CommandException("VLAN id " + a.get(ID) + " not found in current VLAN database");
                    return json(x, a.get(ID));
                })
                .run((x, a) -> {
                    int id = a.get(ID);
                    if (!x.config().hasVlan(id)) throw new CommandException("VLAN id " + id + " not found in current VLAN database");
                    vlans(x, id, true);
                    types(x, id);
                });
    }

    /**
     * {@code | json}: {"vlans": {"ID": {"name", "status", "mtu", "interfaces": [access ports],
     * "taggedInterfaces": [trunks carrying it], "nativeInterfaces": [trunks with it as native VLAN]}}}.
     */
    private static Object json(Context x, Integer only) {
        Config cfg = x.config();
        Map<String, Object> vlans = new LinkedHashMap<>();
        for (Vlan v : cfg.vlans().values()) {
            if (only != null && v.id() != only) continue;
            List<String> access = new ArrayList<>(), tagged = new ArrayList<>(), nativ = new ArrayList<>();
            for (Iface i : cfg.ifaces().values()) {
                if (i.svi() || !i.switchport() || i.channel() != null) continue; // a channel's members are in it
                if (!i.trunk() && i.accessVlan() == v.id()) access.add(i.name());
                if (i.trunk() && i.allowedOrAll().contains(v.id())) (i.nativeVlan() == v.id() ? nativ : tagged).add(i.name());
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.displayName());
            m.put("status", "active");
            m.put("mtu", Vlan.MTU);
            m.put("interfaces", access);
            m.put("taggedInterfaces", tagged);
            m.put("nativeInterfaces", nativ);
            vlans.put(Integer.toString(v.id()), m);
        }
        return Map.of("vlans", vlans);
    }

    /** The VLAN table; {@code balanced}: no last line of one or two ports (see {@link #balance}). */
    private static void vlans(Context x, Integer only, boolean balanced) {
        Config cfg = x.config();
        x.println("");
        x.println("VLAN Name                             Status    Ports");
        x.println("---- -------------------------------- --------- -------------------------------");
        for (Vlan v : cfg.vlans().values()) {
            if (only != null && v.id() != only) continue;
            List<String> ports = new ArrayList<>();
            for (Iface i : cfg.ifaces().values()) {
                if (!i.svi() && i.switchport() && !i.trunk() && i.accessVlan() == v.id() && i.channel() == null) {
                    ports.add(Channel.shortName(i.name())); // a channel's members are in it
                }
            }
            String head = String.format("%-4d %-32s %-9s ", v.id(), v.displayName(), "active");
            List<String> lines = balanced ? balance(wrap(ports, 31), 31) : wrap(ports, 31);
            if (lines.isEmpty()) x.println(head.stripTrailing());
            for (int n = 0; n < lines.size(); n++) x.println((n == 0 ? head : " ".repeat(48)) + lines.get(n));
        }
    }

    /** The SAID a Catalyst gives an Ethernet VLAN: 100000 plus its id. */
    static final int SAID_BASE = 100000;

    /** The second table: each VLAN's type, SAID and MTU (the bridge's VLANs are all Ethernet, of MTU 1500). */
    private static void types(Context x, Integer only) {
        x.println("");
        x.println("VLAN Type  SAID       MTU   Parent RingNo BridgeNo Stp  BrdgMode Trans1 Trans2");
        x.println("---- ----- ---------- ----- ------ ------ -------- ---- -------- ------ ------");
        for (Vlan v : x.config().vlans().values()) {
            if (only != null && v.id() != only) continue;
            x.println(String.format("%-4d %-5s %-10d %-5d %-6s %-6s %-8s %-4s %-8s %-6d %d", v.id(), "enet",
                    SAID_BASE + v.id(), Vlan.MTU, "-", "-", "-", "-", "-", 0, 0));
        }
    }

    /** What a Catalyst 2960 prints after the tables when it has no Remote SPAN and no private VLANs. */
    private static void trailer(Context x) {
        x.println("");
        x.println("Remote SPAN VLANs");
        x.println("------------------------------------------------------------------------------");
        x.println("");
        x.println("");
        x.println("Primary Secondary Type              Ports");
        x.println("------- --------- ----------------- ------------------------------------------");
        x.println("");
    }

    /**
     * Moves ports down from the line before so that the last continuation line holds at least
     * three (when they fit in {@code width}): a continuation of one or two words is read by
     * Ansible's cisco.ios vlans facts as the start of the next VLAN's line, losing that VLAN.
     */
    static List<String> balance(List<String> lines, int width) {
        if (lines.size() < 2) return lines;
        List<String> out = new ArrayList<>(lines);
        int last = out.size() - 1;
        while (words(out.get(last)) < 3) {
            String prev = out.get(last - 1);
            int cut = prev.lastIndexOf(' ');
            // the line before keeps a port; a continuation line before keeps three
            if (cut < 0 || (last - 1 > 0 && words(prev) <= 3)) break;
            String moved = prev.substring(cut + 1) + " " + out.get(last);
            if (moved.length() > width) break;
            out.set(last - 1, prev.substring(0, cut));
            out.set(last, moved);
        }
        return out;
    }

    private static int words(String line) {
        return line.isBlank() ? 0 : line.strip().split(" +").length;
    }

    /** Joins names with ", " in lines no wider than {@code width}. */
    static List<String> wrap(List<String> names, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            String item = names.get(i) + (i < names.size() - 1 ? "," : "");
            if (sb.length() > 0 && sb.length() + 1 + item.length() > width) {
                out.add(sb.toString());
                sb.setLength(0);
            }
            if (sb.length() > 0) sb.append(' ');
            sb.append(item);
        }
        if (sb.length() > 0) out.add(sb.toString());
        return out;
    }
}
