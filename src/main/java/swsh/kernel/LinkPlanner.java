package swsh.kernel;

import java.util.ArrayList;
import java.util.List;

import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.PortLink;

/**
 * The part of the plan that sets ports' speed and duplex ({@code speed}, {@code duplex}) with ethtool.
 * The kernel tells a NIC's speed and duplex only while it has carrier, and never whether it negotiated
 * them, so a port's mode is set when its configured one changes (from {@code owned}, the config applied
 * before) and again when a NIC with carrier runs at another speed or duplex than the one forced; a port
 * never configured is never touched. Pure, like {@link Planner}.
 */
final class LinkPlanner {
    private LinkPlanner() {}

    static List<Op> plan(Config cfg, Config owned, State actual) {
        List<Op> out = new ArrayList<>();
        for (Iface i : cfg.ifaces().values()) {
            State.Link l = actual.link(i.name());
            if (i.svi() || l == null) continue;
            PortLink want = i.link() == null ? PortLink.AUTO : i.link();
            Iface o = owned == null ? null : owned.ifaces().get(i.name());
            PortLink had = o == null || o.link() == null ? PortLink.AUTO : o.link();
            boolean known = l.lowerUp() && l.hw().speed() != null;
            boolean differs = known && (want.speed() != null && !want.speed().equals(l.hw().speed())
                    || want.duplex() != null && !want.duplex().equals(l.hw().duplex()));
            if (!want.equals(had) || differs) out.add(new Op.LinkMode(i.name(), want.speed(), want.duplex()));
        }
        return out;
    }
}
