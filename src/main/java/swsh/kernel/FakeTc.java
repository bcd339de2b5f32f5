package swsh.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** tc in memory for {@link FakeKernel}: qdiscs at {@code ffff:}, swsh's filters, and others' (counted). */
final class FakeTc {
    private final Map<String, String> qdiscs = new TreeMap<>();
    private final List<Mirror> filters = new ArrayList<>();
    private final Map<String, Integer> others = new TreeMap<>();

    TcState read(Set<String> devs) {
        Map<String, String> q = new TreeMap<>(qdiscs);
        q.keySet().retainAll(devs);
        Map<String, Integer> o = new TreeMap<>(others);
        o.keySet().retainAll(devs);
        return new TcState(q, filters.stream().filter(f -> devs.contains(f.dev())).toList(), o);
    }

    /** Test hook: a qdisc and a filter of someone else's on {@code dev}. */
    void foreign(String dev, String qdisc) {
        qdiscs.putIfAbsent(dev, qdisc);
        others.merge(dev, 1, Integer::sum);
    }

    /** A device gone: tc forgets its qdisc and filters. */
    void forget(String dev) {
        qdiscs.remove(dev);
        others.remove(dev);
        filters.removeIf(f -> f.dev().equals(dev));
    }

    /** Applies a tc op as the kernel would, refusing what it would refuse ({@code refused} words the error). */
    void qdisc(Op.TcQdisc o, Function<String, KernelException> refused) {
        if (o.add()) {
            if (qdiscs.containsKey(o.dev())) throw refused.apply("Exclusivity flag on, cannot modify.");
            qdiscs.put(o.dev(), "clsact");
        } else {
            if (!"clsact".equals(qdiscs.get(o.dev()))) throw refused.apply("Cannot find specified qdisc on specified device.");
            forget(o.dev());
        }
    }

    void filter(Op.TcFilter o, Set<String> devices, Function<String, KernelException> refused) {
        Mirror m = o.filter();
        String q = qdiscs.get(m.dev());
        if (q == null || m.egress() && !"clsact".equals(q)) throw refused.apply("Parent Qdisc doesn't exists.");
        boolean there = filters.stream().anyMatch(m::samePlace);
        if (o.add()) {
            if (there) throw refused.apply("Filter already exists");
            if (m.to() != null && !devices.contains(m.to())) throw refused.apply("Cannot find device \"" + m.to() + "\"");
            filters.add(m);
        } else {
            if (!there) throw refused.apply("Filter with specified priority/protocol not found.");
            filters.removeIf(m::samePlace);
        }
    }
}
