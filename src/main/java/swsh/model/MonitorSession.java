package swsh.model;

import java.util.List;

/**
 * {@code monitor session N source interface X [rx|tx|both]} / {@code source vlan V} and
 * {@code destination interface Y} (issue 11).
 */
public record MonitorSession(int id, List<Source> sources, List<Integer> sourceVlans, String destination) {
    public enum Direction { RX, TX, BOTH }

    public record Source(String iface, Direction direction) {}

    public MonitorSession {
        sources = sources == null ? List.of() : List.copyOf(sources);
        sourceVlans = sourceVlans == null ? List.of() : List.copyOf(sourceVlans);
    }
}
