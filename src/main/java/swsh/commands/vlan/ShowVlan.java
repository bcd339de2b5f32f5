package swsh.commands.vlan;

import static swsh.commands.Modes.EXECS;

import java.util.ArrayList;
import java.util.List;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.Vlan;

/** {@code show vlan} in the Catalyst layout. */
public final class ShowVlan {
    private ShowVlan() {}

    private static final Arg<Integer> ID = Arg.of("id", Types.VLAN_ID);

    public static void define(Defs d) {
        d.cmd(EXECS, "show vlan [brief]", Help.SHOW, "VTP VLAN status", "VTP all VLAN status in brief").filterable()
                .run((x, a) -> vlans(x, null));
        d.cmd(EXECS, "show vlan id $id", Help.SHOW, "VTP VLAN status", "VTP VLAN status by VLAN id", "VLAN id").bind(ID)
                .filterable()
                .run((x, a) -> {
                    int id = a.get(ID);
                    if (!x.config().hasVlan(id)) throw new CommandException("VLAN id " + id + " not found in current VLAN database");
                    vlans(x, id);
                });
    }

    private static void vlans(Context x, Integer only) {
        Config cfg = x.config();
        x.println("");
        x.println("VLAN Name                             Status    Ports");
        x.println("---- -------------------------------- --------- -------------------------------");
        for (Vlan v : cfg.vlans().values()) {
            if (only != null && v.id() != only) continue;
            List<String> ports = new ArrayList<>();
            for (Iface i : cfg.ifaces().values()) {
                if (!i.svi() && i.switchport() && !i.trunk() && i.accessVlan() == v.id()) ports.add(i.name());
            }
            String head = String.format("%-4d %-32s %-9s ", v.id(), v.displayName(), "active");
            List<String> lines = wrap(ports, 31);
            if (lines.isEmpty()) x.println(head.stripTrailing());
            for (int n = 0; n < lines.size(); n++) x.println((n == 0 ? head : " ".repeat(48)) + lines.get(n));
        }
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
