package swsh.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Linux kernel through iproute2: reads with {@code ip -s -s -j -d addr} (links, details, addresses and
 * counters in one process) and {@code bridge -j}, applies each
 * run of same-tool ops of a plan as one {@code ip -batch -} or {@code bridge -batch -} process (the
 * lines rendered by {@link BatchText}), optionally inside a network namespace. Errors are
 * {@link KernelException}s.
 */
public final class LiveKernel implements Kernel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FAILED = Pattern.compile("Command failed -:(\\d+)");

    private final String bridge;
    private final String netns;

    public LiveKernel(String bridge, String netns) {
        this.bridge = bridge;
        this.netns = netns;
    }

    @Override
    public String bridge() {
        return bridge;
    }

    /** Output of one process; throws with its stderr when it fails. */
    record Result(int status, String out, String err) {}

    private List<String> argv(String tool, String... args) {
        List<String> a = new ArrayList<>(List.of(tool));
        if (netns != null) a.addAll(List.of("-n", netns));
        a.addAll(List.of(args));
        return a;
    }

    static Result exec(List<String> argv, String stdin) {
        try {
            Process p = new ProcessBuilder(argv).start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> slurp(p.getErrorStream()));
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> slurp(p.getInputStream()));
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            int st = p.waitFor();
            return new Result(st, out.join(), err.join());
        } catch (IOException e) {
            throw new KernelException("% Error: cannot run " + argv.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelException("% Error: interrupted while running " + argv.get(0));
        }
    }

    private static String slurp(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private JsonNode json(String tool, String... args) {
        Result r = exec(argv(tool, args), null);
        if (r.status != 0) {
            throw new KernelException("% Error: cannot read the kernel state (" + tool + " " + String.join(" ", args) + "): " + r.err.strip());
        }
        try {
            String text = r.out.isBlank() ? "[]" : r.out;
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new KernelException("% Error: cannot parse " + tool + " output: " + e.getMessage());
        }
    }

    @Override
    public State read() {
        // one read gives every link with its details (master, alias, bridge and port data), addresses and counters
        Map<String, State.Link> links = links(json("ip", "-s", "-s", "-j", "-d", "addr", "show"));
        withModes(links);
        Map<String, List<State.VlanEntry>> vlans = new TreeMap<>();
        for (JsonNode d : json("bridge", "-j", "vlan", "show")) {
            String dev = d.path("ifname").asText();
            State.Link l = links.get(dev);
            if (l == null || !(bridge.equals(l.master()) || dev.equals(bridge))) continue;
            List<State.VlanEntry> list = new ArrayList<>();
            for (JsonNode v : d.path("vlans")) {
                int lo = v.path("vlan").asInt();
                int hi = v.has("vlanEnd") ? v.path("vlanEnd").asInt() : lo;
                boolean pvid = false, untagged = false;
                for (JsonNode f : v.path("flags")) {
                    pvid |= f.asText().equals("PVID");
                    untagged |= f.asText().equals("Egress Untagged");
                }
                for (int id = lo; id <= hi; id++) list.add(new State.VlanEntry(id, pvid, untagged));
            }
            vlans.put(dev, list);
        }
        List<State.Fdb> fdb = new ArrayList<>();
        if (links.containsKey(bridge)) {
            for (JsonNode f : json("bridge", "-j", "fdb", "show", "br", bridge)) {
                if (!bridge.equals(f.path("master").asText()) && !f.path("ifname").asText().equals(bridge)) continue;
                String st = f.path("state").asText("");
                Integer vlan = f.has("vlan") ? f.path("vlan").asInt() : null;
                // learned entries show no state, or "stale" once they age; "static" ones are the user's
                fdb.add(new State.Fdb(f.path("mac").asText(), f.path("ifname").asText(), vlan,
                        !st.equals("static") && !st.equals("permanent"), st.equals("permanent")));
            }
        }
        return new State(links, vlans, fdb);
    }

    private static final List<String> STP_STATES = List.of("disabled", "listening", "learning", "forwarding", "blocking");

    /** The links of an {@code ip -s -s -j -d addr show} answer, by name (speed and duplex not yet known). */
    static Map<String, State.Link> links(JsonNode array) {
        Map<String, State.Link> links = new TreeMap<>();
        for (JsonNode l : array) {
            State.Link link = link(l);
            links.put(link.name(), link);
        }
        return links;
    }

    /** {@link #links(JsonNode)} of a JSON text. */
    static Map<String, State.Link> links(String json) {
        try {
            return links(JSON.readTree(json));
        } catch (IOException e) {
            throw new KernelException("% Error: cannot parse ip output: " + e.getMessage());
        }
    }

    /** The {@code stats64} object of a link (absent counters read as 0). */
    static State.Stats stats(JsonNode s) {
        JsonNode rx = s.path("rx"), tx = s.path("tx");
        return new State.Stats(rx.path("bytes").asLong(), rx.path("packets").asLong(), rx.path("errors").asLong(),
                rx.path("dropped").asLong(), rx.path("multicast").asLong(), rx.path("over_errors").asLong(),
                rx.path("crc_errors").asLong(), rx.path("frame_errors").asLong(), rx.path("length_errors").asLong(),
                rx.path("missed_errors").asLong(), tx.path("bytes").asLong(), tx.path("packets").asLong(),
                tx.path("errors").asLong(), tx.path("dropped").asLong(), tx.path("carrier_errors").asLong(),
                tx.path("collisions").asLong(), tx.path("fifo_errors").asLong(), tx.path("window_errors").asLong());
    }

    private static State.Link link(JsonNode l) {
        String name = l.path("ifname").asText();
        List<String> addrs = new ArrayList<>();
        for (JsonNode ai : l.path("addr_info")) {
            if (ai.path("family").asText().equals("inet")) addrs.add(ai.path("local").asText() + "/" + ai.path("prefixlen").asInt());
        }
        JsonNode info = l.path("linkinfo");
        String kind = info.path("info_kind").asText(null);
        boolean adminUp = false, lowerUp = false;
        for (JsonNode f : l.path("flags")) {
            adminUp |= f.asText().equals("UP");
            lowerUp |= f.asText().equals("LOWER_UP");
        }
        State.BridgeAttrs br = null;
        Integer vlanId = null;
        String vlanLink = null;
        JsonNode d = info.path("info_data");
        if ("bridge".equals(kind)) {
            br = new State.BridgeAttrs(d.path("vlan_filtering").asInt() == 1, d.path("vlan_default_pvid").asInt(),
                    d.path("stp_state").asInt(), d.path("priority").asInt(), d.path("hello_time").asInt(),
                    d.path("forward_delay").asInt(), d.path("max_age").asInt(), d.path("ageing_time").asInt(),
                    d.path("bridge_id").asText(), d.path("root_id").asText(), d.path("root_port").asInt(),
                    d.path("root_path_cost").asInt());
        } else if ("vlan".equals(kind)) {
            vlanId = d.path("id").asInt();
            vlanLink = l.path("link").asText(null);
        }
        State.PortAttrs port = null;
        JsonNode s = info.path("info_slave_data");
        if ("bridge".equals(info.path("info_slave_kind").asText())) {
            port = new State.PortAttrs(Math.max(0, STP_STATES.indexOf(s.path("state").asText())), s.path("priority").asInt(),
                    s.path("cost").asInt(), s.path("guard").asBoolean(), s.path("root_block").asBoolean(),
                    s.path("isolated").asBoolean(), s.path("designated_root").asText(), s.path("designated_bridge").asText(),
                    Integer.decode(s.path("no").asText("0")), s.path("id").asText());
        }
        String alias = l.has("ifalias") ? l.path("ifalias").asText() : null;
        State.Hardware hw = new State.Hardware(l.path("link_type").asText(null), l.path("txqlen").asInt(),
                l.path("qdisc").asText(null), null, null);
        return new State.Link(name, l.path("ifindex").asInt(), kind, l.path("master").asText(null), adminUp, lowerUp,
                l.path("mtu").asInt(), alias, l.path("address").asText(), br, vlanId, vlanLink, port,
                List.copyOf(addrs), hw, stats(l.path("stats64")));
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
     * (which mounts that namespace's sysfs) reads every NIC at once, and only when there is a NIC to read.
     * Each NIC's ifindex is read beside, so a namesake of another namespace is never taken for it. Best
     * effort: what cannot be read stays unknown ({@code auto}).
     */
    private void withModes(Map<String, State.Link> links) {
        List<State.Link> nics = links.values().stream().filter(LiveKernel::hasMode).toList();
        if (nics.isEmpty()) return;
        List<String> paths = new ArrayList<>();
        for (State.Link l : nics) {
            for (String f : List.of("ifindex", "speed", "duplex")) paths.add(SYS_NET + l.name() + "/" + f);
        }
        Map<String, String> files;
        try {
            files = netns == null ? readFiles(paths) : grepped(exec(grepArgv(netns, paths), null).out);
        } catch (KernelException e) {
            return;
        }
        for (State.Link l : nics) {
            State.Hardware m = mode(l, files);
            if (m != null) links.put(l.name(), l.withHardware(m));
        }
    }

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

    private static Map<String, String> readFiles(List<String> paths) {
        Map<String, String> m = new TreeMap<>();
        for (String p : paths) {
            try {
                m.put(p, Files.readString(Path.of(p)).strip());
            } catch (IOException | RuntimeException e) {
                // no speed while the link negotiates, or no such file: unknown
            }
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

    /**
     * Runs one {@code ip -batch -} or {@code bridge -batch -} per batch of the plan. Every line is
     * rendered before anything runs, so an op that cannot be passed safely changes nothing.
     */
    @Override
    public void apply(Plan plan) {
        List<Plan.Batch> batches = plan.batches();
        List<List<String>> text = new ArrayList<>(batches.size());
        for (Plan.Batch b : batches) text.add(b.lines());
        for (int i = 0; i < batches.size(); i++) {
            String tool = batches.get(i).tool().command();
            List<String> lines = text.get(i);
            Result r = exec(argv(tool, "-batch", "-"), String.join("\n", lines) + "\n");
            if (r.status != 0) throw refused(tool, lines, r.err);
        }
    }

    /** The error for a failed batch, naming the line iproute2 reports as {@code Command failed -:N}. */
    static KernelException refused(String tool, List<String> lines, String err) {
        Matcher m = FAILED.matcher(err);
        String what = "";
        if (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n >= 1 && n <= lines.size()) what = " '" + tool + " " + lines.get(n - 1) + "'";
        }
        String msg = err.replaceAll("Command failed -:\\d+", "").strip().replace('\n', ' ');
        return new KernelException("% Error: the kernel refused" + what + ": " + msg);
    }

    @Override
    public void flushDynamic(String dev, Integer vlan) {
        List<String> a = new ArrayList<>(List.of("fdb", "flush", "dev", dev));
        if (vlan != null) a.addAll(List.of("vlan", vlan.toString()));
        a.addAll(List.of("master", "dynamic"));
        Result r = exec(argv("bridge", a.toArray(new String[0])), null);
        if (r.status != 0) throw new KernelException("% Error: cannot clear MAC addresses of " + dev + ": " + r.err.strip());
    }
}
