package swsh.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The speed and duplex of the physical NICs, read from sysfs and kept per NIC until its carrier changes. */
final class LinkModes {
    private final String netns;
    private final Map<String, ModeCache> modes = new TreeMap<>();

    LinkModes(String netns) {
        this.netns = netns;
    }

    /**
     * Whether the kernel knows the speed and duplex of a link: a physical NIC (no link kind, Ethernet)
     * with carrier. A down NIC has none, and veth reports a constant of its driver (10000/full), not a
     * negotiated mode, so veth ports show {@code auto} like a port that never negotiated.
     */
    static boolean hasMode(State.Link l) {
        return l.kind() == null && "ether".equals(l.hw().linkType()) && l.lowerUp();
    }

    /**
     * Fills in speed and duplex of the physical NICs with carrier. rtnetlink does not carry them (they are
     * ethtool's), so they come from sysfs, which shows the devices of the namespace that mounted it: the
     * JVM's /sys is right only without {@code --netns}; inside a namespace one {@code ip netns exec NS grep}
     * (which mounts that namespace's sysfs; {@code run} runs it) reads every NIC at once, and only when there is a NIC to read.
     * Each NIC's ifindex is read beside, so a namesake of another namespace is never taken for it. Best
     * effort: what cannot be read stays unknown ({@code auto}). A NIC's mode changes only with its carrier,
     * which is a link event: what was read is kept per NIC (ifindex, carrier), so a state read again after
     * an unrelated change reads no file and starts no process.
     */
    void fill(Map<String, State.Link> links, Function<List<String>, String> run) {
        List<State.Link> nics = links.values().stream().filter(LinkModes::hasMode).toList();
        modes.keySet().retainAll(nics.stream().map(State.Link::name).toList());
        List<State.Link> unknown = new ArrayList<>();
        for (State.Link l : nics) {
            ModeCache c = modes.get(l.name());
            if (c != null && c.ifindex == l.ifindex()) {
                if (c.hw != null) links.put(l.name(), l.withHardware(c.hw));
            } else {
                unknown.add(l);
            }
        }
        if (unknown.isEmpty()) return;
        List<String> paths = new ArrayList<>();
        for (State.Link l : unknown) {
            for (String f : List.of("ifindex", "speed", "duplex")) paths.add(SYS_NET + l.name() + "/" + f);
        }
        Map<String, String> files;
        try {
            files = netns == null ? Io.readFiles(paths) : grepped(run.apply(grepArgv(netns, paths)));
        } catch (KernelException e) {
            return;
        }
        for (State.Link l : unknown) {
            State.Hardware m = mode(l, files);
            modes.put(l.name(), new ModeCache(l.ifindex(), m));
            if (m != null) links.put(l.name(), l.withHardware(m));
        }
    }

    /** The mode read for a NIC with carrier ({@code hw} null: none of its own). */
    private record ModeCache(int ifindex, State.Hardware hw) {}

    static final String SYS_NET = "/sys/class/net/";

    /** {@code ip netns exec NS grep -sH . FILE...}: each readable file as {@code FILE:VALUE} (grep fails on the rest). */
    static List<String> grepArgv(String ns, List<String> paths) {
        List<String> a = new ArrayList<>(List.of("ip", "netns", "exec", ns, "grep", "-sH", "."));
        a.addAll(paths);
        return a;
    }

    /** grep's {@code FILE:VALUE} lines to a map (device names cannot hold a colon). */
    static Map<String, String> grepped(String out) {
        Map<String, String> m = new TreeMap<>();
        for (String line : out.split("\n")) {
            int c = line.indexOf(':');
            if (c > 0) m.put(line.substring(0, c), line.substring(c + 1).strip());
        }
        return m;
    }

    /** The hardware of {@code l} with the speed and duplex of the sysfs files, or null when they are not its own. */
    static State.Hardware mode(State.Link l, Map<String, String> files) {
        String dir = SYS_NET + l.name() + "/";
        if (!Integer.toString(l.ifindex()).equals(files.get(dir + "ifindex"))) return null;
        Integer speed = null;
        try {
            int s = Integer.parseInt(files.getOrDefault(dir + "speed", "-1"));
            if (s > 0) speed = s; // SPEED_UNKNOWN is -1 (older kernels print it unsigned, which does not parse)
        } catch (NumberFormatException e) {
            // unknown
        }
        String duplex = files.get(dir + "duplex");
        if (!"full".equals(duplex) && !"half".equals(duplex)) duplex = null;
        return l.hw().withMode(speed, duplex);
    }

}
