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
import java.util.Collections;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Linux kernel through iproute2, optionally inside a network namespace, kept resident: the state is
 * read once (links with details, addresses and counters from {@code ip -s -s -j -d addr show}, VLANs from
 * {@code bridge -j vlan show}) and read again only after something changed, as told by a {@link Monitor}
 * of link and address events, or by this kernel's own changes. Reads and changes go through two
 * iproute2 programs kept open in batch mode ({@link BatchPipe}), so neither starts a process: a plan's
 * run of same-tool ops is one batch (the lines rendered by {@link BatchText}). The FDB is not resident:
 * {@link #fdb} streams it from the kernel when asked. Errors are {@link KernelException}s.
 */
public final class LiveKernel implements Kernel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FAILED = Pattern.compile("Command failed -:(\\d+)");
    /** How long a monitor that would not start is left before the next try. */
    private static final long MONITOR_RETRY_MS = 10_000;

    private final String bridge;
    private final String netns;
    private final AtomicLong processes = new AtomicLong();
    private final AtomicBoolean changed = new AtomicBoolean(true);
    private final BatchPipe ip;
    private final BatchPipe br;
    /** {@code bridge fdb show br B brport P state static} only: bridge keeps a show's filters for the next. */
    private final BatchPipe statics;
    private final Monitor monitor;
    /** The monitor joined its groups before the state was last read in full: its silence means no change. */
    private boolean watched;
    /** When a monitor was last started (0: never). */
    private long monitorTried;
    private final AtomicLong fullReads = new AtomicLong();
    private State state;
    private final Map<String, ModeCache> modes = new TreeMap<>();

    public LiveKernel(String bridge, String netns) {
        this.bridge = bridge;
        this.netns = netns;
        Runnable started = processes::incrementAndGet;
        ip = new BatchPipe("ip", argv("ip", "-s", "-s", "-d", "-j", "-batch", "-"), "link show dev lo", started);
        // no filtered show goes to br (its filters would stay for the next show), so its marker is a link show
        br = new BatchPipe("bridge", argv("bridge", "-j", "-batch", "-"), "link show dev lo", started);
        statics = new BatchPipe("bridge", argv("bridge", "-j", "-batch", "-"), "link show dev lo", started);
        monitor = new Monitor(argv("ip", "-o", "monitor", "link", "address"), () -> changed.set(true), started);
    }

    @Override
    public String bridge() {
        return bridge;
    }

    /** How many times this kernel has read the links and VLANs in full (once, then once per change seen). */
    public long fullReads() {
        return fullReads.get();
    }

    /** How many processes this kernel has started so far (the kept-open programs, restarts, fallbacks). */
    public long processStarts() {
        return processes.get();
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

    /** {@link #exec} of this kernel's own, counted. */
    private Result run(List<String> argv, String stdin) {
        processes.incrementAndGet();
        return exec(argv, stdin);
    }

    private static String slurp(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The resident state, read again first when something changed since (or when no monitor follows). */
    @Override
    public synchronized State read() {
        watch();
        boolean stale = changed.getAndSet(false);
        if (state == null || stale || !watched) refresh();
        return state;
    }

    @Override
    public synchronized State readCounters() {
        watch();
        changed.set(false);
        refresh();
        return state;
    }

    /** Keeps a monitor running; one that (re)starts means a full read, as events may have gone unseen. */
    private void watch() {
        if (monitor.running()) return;
        watched = false;
        long now = System.currentTimeMillis();
        if (monitorTried != 0 && now - monitorTried < MONITOR_RETRY_MS) return;
        monitorTried = now;
        watched = monitor.start(() -> {
            ip.start(); // while the monitor joins its groups
            br.start();
        });
        changed.set(true);
    }

    /** Reads links and VLANs in full; a failure leaves the state marked changed, to be read again. */
    private void refresh() {
        fullReads.incrementAndGet();
        try {
            Map<String, State.Link> links = ip.show("addr show", p -> links((JsonNode) p.readValueAsTree()));
            if (!links.containsKey("lo")) {
                // every namespace has lo: an answer without it is not this show's (the program's output slipped)
                ip.close();
                throw new KernelException("% Error: cannot read the kernel state: ip answered out of turn");
            }
            withModes(links);
            Map<String, List<State.VlanEntry>> vlans = br.show("vlan show", p -> vlans(p.readValueAsTree(), links, bridge));
            state = new State(Collections.unmodifiableMap(links), Collections.unmodifiableMap(vlans), List.of());
            Map<String, Integer> names = new HashMap<>();
            for (State.Link l : links.values()) names.put(l.name(), l.ifindex());
            for (BatchPipe p : List.of(ip, br, statics)) p.names(names);
        } catch (RuntimeException e) {
            changed.set(true);
            throw e;
        }
    }

    /** The VLANs of a {@code bridge -j vlan show} answer, of the bridge and its ports only. */
    static Map<String, List<State.VlanEntry>> vlans(JsonNode array, Map<String, State.Link> links, String bridge) {
        Map<String, List<State.VlanEntry>> vlans = new TreeMap<>();
        for (JsonNode d : array) {
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
            vlans.put(dev, List.copyOf(list));
        }
        return vlans;
    }

    /**
     * Streams the FDB with {@code bridge fdb show br BRIDGE} (port, VLAN and type filtered here), one entry
     * parsed at a time; the static entries of one port with {@code bridge fdb show br BRIDGE brport DEV
     * state static} (the port filtered by the kernel, the type by {@code bridge}) through a program of
     * their own, as {@code bridge} keeps a show's filters for the next.
     */
    @Override
    public synchronized void fdb(FdbQuery q, Consumer<State.Fdb> each) {
        State s = read();
        if (s.link(bridge) == null || !BatchText.safeName(bridge)) return;
        String line = "fdb show br " + bridge;
        BatchPipe pipe = br;
        if (q.dev() != null) {
            State.Link l = s.link(q.dev());
            if (l == null || !bridge.equals(l.master()) && !q.dev().equals(bridge)) return;
            if (q.staticOnly() && BatchText.safeName(q.dev()) && !q.dev().equals(bridge)) {
                line += " brport " + q.dev() + " state static";
                pipe = statics;
            }
        }
        pipe.show(line, p -> {
            fdbEntries(p, q.dev(), bridge, f -> {
                if (q.matches(f)) each.accept(f);
            });
            return Boolean.TRUE;
        });
    }

    /**
     * The entries of a {@code bridge -j fdb show} answer (the parser on its opening bracket) that are of
     * {@code bridge} (not a port's own), one at a time, token by token: no tree is built, and none is held.
     * With {@code brport}, iproute2 leaves out the port's name: {@code dev} is it.
     */
    static void fdbEntries(JsonParser p, String dev, String bridge, Consumer<State.Fdb> each) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) throw new IOException("not a JSON array");
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String mac = null, ifname = dev, master = null, st = "";
            Integer vlan = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "mac" -> mac = p.getText();
                    case "ifname" -> ifname = p.getText();
                    case "master" -> master = p.getText();
                    case "state" -> st = p.getText();
                    case "vlan" -> vlan = p.getIntValue();
                    default -> {
                        if (v.isStructStart()) p.skipChildren();
                    }
                }
            }
            if (mac == null || ifname == null || !bridge.equals(master) && !ifname.equals(bridge)) continue;
            // learned entries show no state, or "stale" once they age; "static" ones are the user's
            each.accept(new State.Fdb(mac, ifname, vlan, !st.equals("static") && !st.equals("permanent"), st.equals("permanent")));
        }
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
     * effort: what cannot be read stays unknown ({@code auto}). A NIC's mode changes only with its carrier,
     * which is a link event: what was read is kept per NIC (ifindex, carrier), so a state read again after
     * an unrelated change reads no file and starts no process.
     */
    private void withModes(Map<String, State.Link> links) {
        List<State.Link> nics = links.values().stream().filter(LiveKernel::hasMode).toList();
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
            files = netns == null ? readFiles(paths) : grepped(run(grepArgv(netns, paths), null).out);
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
     * Runs each batch of the plan through the kept-open {@code ip} or {@code bridge}. Every line is
     * rendered before anything runs, so an op that cannot be passed safely changes nothing. The state is
     * read again before its next use, whatever happened.
     */
    @Override
    public synchronized void apply(Plan plan) {
        List<Plan.Batch> batches = plan.batches();
        List<List<String>> text = new ArrayList<>(batches.size());
        for (Plan.Batch b : batches) text.add(b.lines());
        if (batches.isEmpty()) return;
        read(); // the programs learn of devices gone (normally read just now, for the plan: nothing to do)
        try {
            for (int i = 0; i < batches.size(); i++) {
                (batches.get(i).tool() == Op.Tool.IP ? ip : br).run(text.get(i));
            }
        } finally {
            changed.set(true);
        }
    }

    /** The error for a failed batch, naming the line iproute2 reports as {@code Command failed -:N}. */
    static KernelException refused(String tool, List<String> lines, String err) {
        return refused(tool, lines, err, 0);
    }

    /** As {@link #refused(String, List, String)}, for a batch after {@code before} lines of the same program. */
    static KernelException refused(String tool, List<String> lines, String err, long before) {
        Matcher m = FAILED.matcher(err);
        String what = "";
        if (m.find()) {
            long n = Long.parseLong(m.group(1)) - before;
            if (n >= 1 && n <= lines.size()) what = " '" + tool + " " + lines.get((int) n - 1) + "'";
        }
        String msg = err.replaceAll("Command failed -:\\d+", "").strip().replace('\n', ' ');
        return new KernelException("% Error: the kernel refused" + what + ": " + msg);
    }

    @Override
    public synchronized void flushDynamic(String dev, Integer vlan) {
        List<String> a = new ArrayList<>(List.of("fdb", "flush", "dev", dev));
        if (vlan != null) a.addAll(List.of("vlan", vlan.toString()));
        a.addAll(List.of("master", "dynamic"));
        read(); // the program learns of devices gone before it is given a name
        try {
            if (BatchText.safeName(dev)) {
                br.run(List.of(String.join(" ", a)));
                return;
            }
            Result r = run(argv("bridge", a.toArray(new String[0])), null); // a name a batch line would cut
            if (r.status != 0) throw new KernelException(r.err.strip());
        } catch (KernelException e) {
            String why = e.getMessage().replaceFirst("^% Error: the kernel refused '[^']*': ", "");
            throw new KernelException("% Error: cannot clear MAC addresses of " + dev + ": " + why);
        }
    }

    /** Ends the kept-open programs and the monitor; the next use starts them again. */
    @Override
    public synchronized void close() {
        monitor.close();
        ip.close();
        br.close();
        statics.close();
        state = null;
        watched = false;
        monitorTried = 0;
    }
}
