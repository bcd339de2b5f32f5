package swsh.kernel;

import java.util.Map;
import java.util.TreeMap;

/**
 * The storm-control filters swsh made, as the kernel has them ({@code tc -s -j filter show dev D ingress}):
 * per port, whether it has an ingress hook ({@code ingress} or {@code clsact} qdisc) and swsh's filters on
 * it, known by their priority ({@link StormPlanner#PREFS}); other filters are not read.
 */
public record StormTc(Map<String, Dev> devs) {
    public static final StormTc EMPTY = new StormTc(Map.of());

    /** One filter of swsh's: its priority, the cookie of its settings, and its police action's counters. */
    public record Filter(int pref, String cookie, long packets, long bytes, long drops) {}

    /** One port: whether it has an ingress qdisc, and swsh's filters on it by priority. */
    public record Dev(boolean ingress, Map<Integer, Filter> filters) {
        public static final Dev NONE = new Dev(false, Map.of());

        public Dev {
            filters = Map.copyOf(filters);
        }
    }

    public StormTc {
        devs = Map.copyOf(devs);
    }

    public Dev dev(String name) {
        return devs.getOrDefault(name, Dev.NONE);
    }

    /** This state with {@code d} for port {@code name}. */
    public StormTc with(String name, Dev d) {
        Map<String, Dev> m = new TreeMap<>(devs);
        m.put(name, d);
        return new StormTc(m);
    }
}
