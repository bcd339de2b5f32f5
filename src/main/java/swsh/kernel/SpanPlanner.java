package swsh.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.MonitorSession;

/**
 * The part of the plan that does port mirroring (SPAN) with tc: each active session's sources get
 * {@code matchall} filters with {@code action mirred egress mirror dev DEST} on the {@code clsact}
 * qdisc's ingress hook (rx) or egress hook (tx); a VLAN source becomes, on every switchport carrying the
 * VLAN, a {@code matchall} on the ingress of an access port of that VLAN, a {@code flower vlan_id V}
 * (protocol 802.1Q) on the ingress of a trunk where the VLAN is tagged, and a {@code flower num_of_vlans 0}
 * (untagged frames) on a trunk whose native VLAN it is; the destination is no bridge port
 * while it is one (see {@link Planner}) and drops what it receives ({@code matchall action drop}). Filters
 * are told apart from anyone else's as {@link Mirror} says; a {@code clsact} qdisc is added where a device
 * needs one and has none, and removed only when it holds swsh's filters and nothing else. Pure, like
 * {@link Planner}.
 */
public final class SpanPlanner {
    private SpanPlanner() {}

    /** The destinations of the sessions of {@code cfg} (active or not): ports that leave the bridge. */
    public static Set<String> destinations(Config cfg) {
        Set<String> out = new TreeSet<>();
        for (MonitorSession m : cfg.monitors()) if (m.destination() != null) out.add(m.destination());
        return out;
    }

    /**
     * The devices whose tc a plan from {@code owned} to {@code cfg} reads: none when neither config has a
     * session; else every existing device either config's sessions name, and every port of a config with
     * a VLAN source.
     */
    public static Set<String> devices(Config cfg, Config owned, State s) {
        Set<String> out = new TreeSet<>();
        for (Config c : owned == null ? List.of(cfg) : List.of(cfg, owned)) {
            for (MonitorSession m : c.monitors()) {
                for (MonitorSession.Source src : m.sources()) out.add(src.iface());
                if (m.destination() != null) out.add(m.destination());
                if (!m.sourceVlans().isEmpty()) for (Iface i : c.ifaces().values()) if (!i.svi()) out.add(i.name());
            }
        }
        out.removeIf(d -> s.link(d) == null || !BatchText.safeName(d));
        return out;
    }

    /** The filters {@code cfg} wants, on the devices of {@code actual}; {@code ports} are the bridge's switchports. */
    static List<Mirror> wanted(Config cfg, State actual, Map<String, Iface> ports) {
        Set<Mirror> out = new LinkedHashSet<>();
        for (MonitorSession m : cfg.monitors()) {
            String to = m.destination();
            if (!m.active() || actual.link(to) == null) continue;
            int pref = Mirror.pref(m.id());
            for (MonitorSession.Source s : m.sources()) {
                if (actual.link(s.iface()) == null || s.iface().equals(to)) continue;
                if (s.direction().rx()) out.add(Mirror.all(s.iface(), false, pref, to));
                if (s.direction().tx()) out.add(Mirror.all(s.iface(), true, pref, to));
            }
            for (Iface i : ports.values()) {
                if (m.sourceVlans().isEmpty() || i.name().equals(to)) continue;
                if (!i.trunk()) {
                    if (m.sourceVlans().contains(i.accessVlan()) && cfg.hasVlan(i.accessVlan())) {
                        out.add(Mirror.all(i.name(), false, pref, to));
                    }
                    continue;
                }
                for (int v : m.sourceVlans()) {
                    if (!cfg.hasVlan(v) || !i.allowedOrAll().contains(v)) continue;
                    if (v != i.nativeVlan()) out.add(new Mirror(i.name(), false, pref, v, v, false, to));
                    else out.add(new Mirror(i.name(), false, Mirror.untaggedPref(m.id()), Mirror.UNTAGGED_HANDLE, null, true, to));
                }
            }
            out.add(Mirror.all(to, false, Mirror.BASE_PREF, null));
        }
        return new ArrayList<>(out);
    }

    /** The ops: destinations up (or down when shut), swsh's filters not wanted gone, then qdiscs and filters added. */
    static List<Op> plan(Config cfg, State actual, Map<String, Iface> ports) {
        TcState tc = actual.tc();
        List<Mirror> want = wanted(cfg, actual, ports);
        Set<String> wantDevs = new TreeSet<>();
        for (Mirror w : want) wantDevs.add(w.dev());
        List<Op> out = new ArrayList<>();
        for (String dest : destinations(cfg)) {
            State.Link l = actual.link(dest);
            Iface i = cfg.ifaces().get(dest);
            boolean up = i == null || !i.shutdown();
            if (l != null && l.adminUp() != up) out.add(new Op.SetUp(dest, up));
        }
        Set<String> qdiscGone = new TreeSet<>();
        for (Mirror have : tc.ours()) {
            String dev = have.dev();
            if (!wantDevs.contains(dev) && "clsact".equals(tc.qdisc(dev)) && tc.others(dev) == 0 && qdiscGone.add(dev)) {
                out.add(new Op.TcQdisc(dev, false));
            }
        }
        for (Mirror have : tc.ours()) if (!qdiscGone.contains(have.dev()) && !want.contains(have)) out.add(new Op.TcFilter(have, false));
        for (String dev : wantDevs) {
            String q = tc.qdisc(dev);
            if (q == null) {
                out.add(new Op.TcQdisc(dev, true));
            } else if (!"clsact".equals(q) && want.stream().anyMatch(w -> w.dev().equals(dev) && w.egress())) {
                throw new KernelException("% Error: " + dev + " has an " + q + " qdisc swsh did not make; transmit (tx) mirroring"
                        + " needs the egress hook of clsact");
            }
        }
        for (Mirror w : want) if (!tc.ours().contains(w)) out.add(new Op.TcFilter(w, true));
        return out;
    }
}
