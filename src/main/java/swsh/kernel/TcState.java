package swsh.kernel;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What tc has on the devices a plan with port mirroring looks at ({@link Kernel#tc}): the qdisc at
 * {@code ffff:} of each device ({@code clsact}, {@code ingress}; a device without one is absent), swsh's
 * own filters ({@link Mirror}), and how many other filters each device holds (never touched).
 */
public record TcState(Map<String, String> qdiscs, List<Mirror> ours, Map<String, Integer> others) {
    public static final TcState EMPTY = new TcState(Map.of(), List.of(), Map.of());

    public TcState {
        qdiscs = new TreeMap<>(qdiscs);
        ours = List.copyOf(ours);
        others = new TreeMap<>(others);
    }

    public String qdisc(String dev) {
        return qdiscs.get(dev);
    }

    public int others(String dev) {
        return others.getOrDefault(dev, 0);
    }
}
