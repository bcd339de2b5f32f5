package swsh.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import swsh.model.Channel;

/**
 * The bonding driver's text report, {@code /proc/net/bonding/BOND}: the only place the kernel (6.1) tells
 * a member's LACP partner in full (system priority and MAC, key, port priority and number, state);
 * rtnetlink tells only the partner's state bits and the aggregator's partner key and MAC. {@code /proc/net}
 * is the reading process's namespace's, so in another namespace it is read with {@code ip netns exec}.
 */
public final class BondProc {
    private BondProc() {}

    /** One side of a member's LACP exchange, as the report's {@code details actor/partner lacp pdu} say it. */
    public record Lacp(int systemPriority, String systemMac, int key, int portPriority, int portNumber, int state) {}

    /** A member of the report: its name, aggregator, and both sides of its LACP exchange (null outside 802.3ad). */
    public record Member(String name, int aggregatorId, Lacp actor, Lacp partner) {}

    /** The report of bond {@code bond} in namespace {@code netns} (null: this one), or null when it cannot be read. */
    static String read(String netns, String bond, AtomicLong processes) {
        if (!Channel.isPortChannel(bond)) return null; // only swsh's own bonds, whose names are safe words
        String path = "/proc/net/bonding/" + bond;
        if (netns == null) {
            try {
                return Files.readString(Path.of(path));
            } catch (IOException e) {
                return null;
            }
        }
        processes.incrementAndGet();
        try {
            LiveKernel.Result r = LiveKernel.exec(List.of("ip", "netns", "exec", netns, "cat", path), null);
            return r.status() == 0 ? r.out() : null;
        } catch (KernelException e) {
            return null;
        }
    }

    /** The members of a report, by name, in its order. */
    public static Map<String, Member> members(String report) {
        Map<String, Member> out = new LinkedHashMap<>();
        if (report == null) return out;
        String name = null;
        int agg = 0;
        Lacp actor = null;
        String[] lines = report.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("Slave Interface:")) {
                if (name != null) out.put(name, new Member(name, agg, actor, null));
                name = value(l);
                agg = 0;
                actor = null;
            } else if (name != null && l.startsWith("Aggregator ID:")) {
                agg = number(value(l));
            } else if (name != null && (l.startsWith("details actor lacp pdu:") || l.startsWith("details partner lacp pdu:"))) {
                Lacp side = side(lines, i + 1);
                if (l.startsWith("details actor")) {
                    actor = side;
                } else {
                    out.put(name, new Member(name, agg, actor, side));
                    name = null;
                }
                i += 6;
            }
        }
        if (name != null) out.put(name, new Member(name, agg, actor, null));
        return out;
    }

    /** The six lines after a {@code details ... lacp pdu:} line. */
    private static Lacp side(String[] lines, int from) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = from; i < Math.min(lines.length, from + 6); i++) {
            int c = lines[i].indexOf(':');
            if (c > 0) m.put(lines[i].substring(0, c).strip(), lines[i].substring(c + 1).strip());
        }
        String key = m.containsKey("port key") ? m.get("port key") : m.get("oper key");
        return new Lacp(number(m.get("system priority")), m.get("system mac address"), number(key), number(m.get("port priority")),
                number(m.get("port number")), number(m.get("port state")));
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).strip();
    }

    private static int number(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
