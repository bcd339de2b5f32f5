package swsh.model;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One SPAN session: {@code monitor session N source interface X [rx|tx|both]} (any number of ports, each
 * with its direction) or {@code source vlan V [rx]} (a VLAN list; a session mixes no ports and VLANs, as
 * IOS), and {@code destination interface Y}. A session without a destination or a source mirrors nothing.
 */
public record MonitorSession(int id, List<Source> sources, List<Integer> sourceVlans, String destination) {
    /** IOS's session numbers (a Catalyst 2960's range). */
    public static final int MAX_ID = 66;

    public enum Direction {
        RX("rx", "Rx"), TX("tx", "Tx"), BOTH("both", "Both");

        public final String keyword;
        public final String shown;

        Direction(String keyword, String shown) {
            this.keyword = keyword;
            this.shown = shown;
        }

        public boolean rx() {
            return this != TX;
        }

        public boolean tx() {
            return this != RX;
        }
    }

    public record Source(String iface, Direction direction) {}

    public MonitorSession {
        sources = sources == null ? List.of() : List.copyOf(sources);
        sourceVlans = sourceVlans == null ? List.of() : List.copyOf(new TreeSet<>(sourceVlans));
    }

    public static MonitorSession empty(int id) {
        return new MonitorSession(id, List.of(), List.of(), null);
    }

    /** This session with {@code iface} as a source in {@code dir} (replacing its earlier direction). */
    public MonitorSession withSource(String iface, Direction dir) {
        List<Source> l = new ArrayList<>(sources);
        l.removeIf(s -> s.iface().equals(iface));
        l.add(new Source(iface, dir));
        l.sort((a, b) -> Config.IFACE_ORDER.compare(a.iface(), b.iface()));
        return new MonitorSession(id, l, sourceVlans, destination);
    }

    public MonitorSession withoutSource(String iface) {
        List<Source> l = new ArrayList<>(sources);
        l.removeIf(s -> s.iface().equals(iface));
        return new MonitorSession(id, l, sourceVlans, destination);
    }

    public MonitorSession withSourceVlans(List<Integer> vlans) {
        return new MonitorSession(id, sources, vlans, destination);
    }

    public MonitorSession withDestination(String dest) {
        return new MonitorSession(id, sources, sourceVlans, dest);
    }

    /** Nothing configured: the session is gone. */
    public boolean unused() {
        return sources.isEmpty() && sourceVlans.isEmpty() && destination == null;
    }

    /** It mirrors: a destination and at least one source. */
    public boolean active() {
        return destination != null && (!sources.isEmpty() || !sourceVlans.isEmpty());
    }
}
