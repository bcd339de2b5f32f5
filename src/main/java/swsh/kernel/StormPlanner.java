package swsh.kernel;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.StormControl;
import swsh.model.StormControl.Kind;
import swsh.model.StormControl.Level;

/**
 * Storm control in tc: per port an {@code ingress} qdisc and one flower filter per traffic class with a
 * police action that drops what exceeds the level. swsh's filters are known by their priority on the
 * ingress hook, chain 0: {@link #PREFS} (49001 broadcast, 49002 multicast, 49003 unicast); no other filter
 * or qdisc is ever touched, and the ingress qdisc is added when missing but never deleted. The first filter
 * that matches ends classification, so broadcasts meet only the broadcast filter; with a multicast level and
 * no broadcast level, a broadcast filter without police (action {@code pass}) keeps broadcasts out of the
 * multicast one. Each filter carries a cookie that names its settings, so planning again finds it current.
 * A percentage is of the link's speed, {@link #DEFAULT_SPEED_MBPS} when the kernel knows none (veth).
 */
public final class StormPlanner {
    private StormPlanner() {}

    /** swsh's filter priorities, by traffic class. */
    public static final Map<Kind, Integer> PREFS = Map.of(Kind.BROADCAST, 49001, Kind.MULTICAST, 49002, Kind.UNICAST, 49003);
    /** The dst_mac match of each class. */
    static final Map<Kind, String> MATCH = Map.of(Kind.BROADCAST, "ff:ff:ff:ff:ff:ff",
            Kind.MULTICAST, "01:00:00:00:00:00/01:00:00:00:00:00", Kind.UNICAST, "00:00:00:00:00:00/01:00:00:00:00:00");
    /** The speed a percentage is of when the kernel knows none (veth reports no negotiated speed): 10 Gb/s. */
    public static final int DEFAULT_SPEED_MBPS = 10_000;
    /** The police burst: a tenth of a second of the rate, at least {@link #MIN_BURST_BYTES} or 5 packets. */
    static final long MIN_BURST_BYTES = 3028;
    private static final Pattern MAC_MATCH = Pattern.compile("[0-9a-f:]{17}(/[0-9a-f:]{17})?");

    /** The ports whose tc a plan from {@code owned} to {@code cfg} reads: those with storm control in either. */
    public static Set<String> ports(Config cfg, Config owned) {
        Set<String> out = new TreeSet<>();
        for (Iface i : cfg.ifaces().values()) if (i.storm() != null && i.storm().any()) out.add(i.name());
        if (owned != null) for (Iface i : owned.ifaces().values()) if (i.storm() != null && i.storm().any()) out.add(i.name());
        return out;
    }

    /** The priority of a filter of swsh's, or null when {@code pref} is not one. */
    public static Kind kindOf(int pref) {
        for (Map.Entry<Kind, Integer> e : PREFS.entrySet()) if (e.getValue() == pref) return e.getKey();
        return null;
    }

    /** The filters a port should have, by priority. */
    static Map<Integer, Op.StormFilterAdd> want(String dev, StormControl s, State.Link l) {
        Map<Integer, Op.StormFilterAdd> out = new TreeMap<>();
        if (s == null || !s.any()) return out;
        int speed = l != null && l.hw() != null && l.hw().speed() != null ? l.hw().speed() : DEFAULT_SPEED_MBPS;
        for (Kind k : Kind.values()) {
            Level lv = s.level(k);
            if (lv == null) continue;
            Long bps = null, pps = null;
            long burst;
            switch (lv.unit()) {
                case PPS -> {
                    pps = Math.max(1, Math.round(lv.upper()));
                    burst = Math.max(5, pps / 10);
                }
                case BPS -> {
                    bps = Math.max(8, Math.round(lv.upper()));
                    burst = Math.max(MIN_BURST_BYTES, bps / 80);
                }
                default -> {
                    bps = Math.max(8, Math.round(lv.upper() / 100.0 * speed * 1_000_000L));
                    burst = Math.max(MIN_BURST_BYTES, bps / 80);
                }
            }
            out.put(PREFS.get(k), filter(dev, k, bps, pps, burst));
        }
        if (s.broadcast() == null && s.multicast() != null) {
            out.put(PREFS.get(Kind.BROADCAST), filter(dev, Kind.BROADCAST, null, null, 0));
        }
        return out;
    }

    private static Op.StormFilterAdd filter(String dev, Kind k, Long bps, Long pps, long burst) {
        String spec = MATCH.get(k) + "|" + bps + "|" + pps + "|" + burst;
        return new Op.StormFilterAdd(dev, PREFS.get(k), MATCH.get(k), bps, pps, burst, String.format("%08x", spec.hashCode()));
    }

    /**
     * The tc ops that bring the ports' filters to {@code cfg}: an ingress qdisc where one is missing, then for
     * each of swsh's priorities a delete where the filter is not wanted or is stale and an add where it is
     * wanted and not current. {@code tc} null: nothing (tc was not read).
     */
    static void plan(Config cfg, Config owned, State actual, StormTc tc, Set<String> ports, List<Op> out) {
        if (tc == null) return;
        for (String dev : ports(cfg, owned)) {
            if (!ports.contains(dev) || actual.link(dev) == null) continue;
            Iface i = cfg.ifaces().get(dev);
            Map<Integer, Op.StormFilterAdd> want = want(dev, i == null ? null : i.storm(), actual.link(dev));
            StormTc.Dev have = tc.dev(dev);
            if (!have.ingress()) {
                if (want.isEmpty()) continue;
                out.add(new Op.IngressQdisc(dev));
            }
            for (int pref : new TreeSet<>(PREFS.values())) {
                StormTc.Filter f = have.filters().get(pref);
                Op.StormFilterAdd w = want.get(pref);
                boolean current = f != null && w != null && w.cookie().equals(f.cookie());
                if (f != null && !current) out.add(new Op.StormFilterDel(dev, pref));
                if (w != null && !current) out.add(w);
            }
        }
    }

    /** The tc batch line of a filter; {@code dev} already checked. */
    static String line(Op.StormFilterAdd o, String dev) {
        if (!MAC_MATCH.matcher(o.dstMac()).matches() || !o.cookie().matches("[0-9a-f]{2,32}")) {
            throw new KernelException("% Error: a storm-control filter cannot be passed to tc safely");
        }
        StringBuilder sb = new StringBuilder("filter add dev ").append(dev).append(" ingress pref ").append(o.pref())
                .append(" protocol all flower dst_mac ").append(o.dstMac()).append(" action ");
        if (o.packetsPerSecond() != null) {
            sb.append("police pkts_rate ").append(o.packetsPerSecond()).append(" pkts_burst ").append(o.burst())
                    .append(" conform-exceed drop/ok");
        } else if (o.bitsPerSecond() != null) {
            sb.append("police rate ").append(o.bitsPerSecond()).append("bit burst ").append(o.burst())
                    .append(" conform-exceed drop/ok");
        } else {
            sb.append("pass");
        }
        return sb.append(" cookie ").append(o.cookie()).toString();
    }
}
