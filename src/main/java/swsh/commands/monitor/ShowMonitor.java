package swsh.commands.monitor;

import java.util.List;

import swsh.commands.Context;
import swsh.model.MonitorSession;
import swsh.model.MonitorSession.Direction;
import swsh.model.VlanSet;

/** {@code show monitor [session N]} in a Catalyst's layout (local sessions; frames keep their tags, as IOS's encapsulation replicate; ingress off). */
final class ShowMonitor {
    private ShowMonitor() {}

    static void show(Context x, Integer only) {
        boolean first = true;
        for (MonitorSession m : x.config().monitors()) {
            if (only != null && m.id() != only) continue;
            if (!first) x.println("");
            first = false;
            x.println("Session " + m.id());
            x.println("---------");
            x.println(row("Type", "Local Session"));
            if (!m.sources().isEmpty()) {
                x.println(row("Source Ports", ""));
                ports(x, m, Direction.RX, "RX Only");
                ports(x, m, Direction.TX, "TX Only");
                ports(x, m, Direction.BOTH, "Both");
            }
            if (!m.sourceVlans().isEmpty()) {
                x.println(row("Source VLANs", ""));
                x.println(row("    RX Only", VlanSet.of(m.sourceVlans()).toString()));
            }
            if (m.destination() != null) {
                x.println(row("Destination Ports", m.destination()));
                x.println(row("    Encapsulation", "Replicate")); // tagged frames keep their tag (tc mirred)
                x.println(row("          Ingress", "Disabled"));
            }
            if (!m.active()) x.println(row("Status", "Inactive (" + (m.destination() == null ? "no destination" : "no source") + ")"));
        }
    }

    private static void ports(Context x, MonitorSession m, Direction d, String label) {
        List<String> l = m.sources().stream().filter(s -> s.direction() == d).map(MonitorSession.Source::iface).toList();
        if (!l.isEmpty()) x.println(row("    " + label, String.join(",", l)));
    }

    private static String row(String label, String value) {
        return String.format("%-25s: %s", label, value).stripTrailing();
    }
}
