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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Linux kernel through iproute2, optionally inside a network namespace, kept resident: the state is
 * read once (links with details, addresses and counters from {@code ip -s -s -j -d addr show}, VLANs from
 * {@code bridge -j vlan show}) and afterwards only what changed, as told by a {@link Monitor} of link and
 * address events and by this kernel's own changes ({@link Dirty}): the devices named, one by one, or all
 * when many changed or the change reshaped the switch. Reads and changes go through iproute2 programs
 * kept open in batch mode ({@link BatchPipe}), so neither starts a process: a plan's
 * run of same-tool ops is one batch (the lines rendered by {@link BatchText}). The FDB is not resident:
 * {@link #fdb} streams it from the kernel when asked. Errors are {@link KernelException}s.
 */
public final class LiveKernel implements Kernel {
    /** How long a monitor that would not start is left before the next try. */
    private static final long MONITOR_RETRY_MS = 10_000;

    private final String bridge;
    private final String netns;
    private final AtomicLong processes = new AtomicLong();
    /** What changed since the state was read: the devices named by events and own changes, or all. */
    private final Dirty dirty = new Dirty();
    private volatile Runnable listener;
    private final BatchPipe ip;
    private final BatchPipe br;
    /** {@code bridge vlan show dev D} only (the same filter keyword each time). */
    private final BatchPipe devVlans;
    /** {@code bridge fdb show br B brport P state static} only: bridge keeps a show's filters for the next. */
    private final BatchPipe statics;
    /** {@code tc -j -batch -}: the qdiscs and filters of port mirroring ({@link TcRead}, {@link SpanPlanner}). */
    private final BatchPipe tc;
    private final BatchPipe stormTc; // storm control's filters with their counters (TcReader)
    private final Monitor monitor;
    /** The monitor joined its groups before the state was last read in full: its silence means no change. */
    private boolean watched;
    /** When a monitor was last started (0: never). */
    private long monitorTried;
    private final AtomicLong fullReads = new AtomicLong();
    private final AtomicLong deviceReads = new AtomicLong();
    private State state;
    private final LinkModes modes;

    public LiveKernel(String bridge, String netns) {
        this.bridge = bridge;
        this.netns = netns;
        this.modes = new LinkModes(netns);
        Runnable started = processes::incrementAndGet;
        // the marker is an addr show: after a "link show", ip 6.1 in batch mode keeps showing links without
        // their addresses ("addr show dev D" answers with no addr_info: the link show's family stays set)
        ip = new BatchPipe("ip", argv("ip", "-s", "-s", "-d", "-j", "-batch", "-"), "addr show dev lo", started);
        // no filtered show goes to br (its filters would stay for the next show), so its marker is a link show
        // -compressvlans: a port's VLANs as ranges (4094 VLANs on 48 ports are 200 bytes, not 56 kB a port);
        // not -c, which iproute2 6.1 takes for -color
        br = new BatchPipe("bridge", argv("bridge", "-compressvlans", "-j", "-batch", "-"), "link show dev lo", started);
        statics = new BatchPipe("bridge", argv("bridge", "-j", "-batch", "-"), "link show dev lo", started);
        devVlans = new BatchPipe("bridge", argv("bridge", "-compressvlans", "-j", "-batch", "-"), "link show dev lo", started);
        tc = TcRead.pipe(netns, started);
        stormTc = TcReader.pipe(argv("tc", "-s", "-j", "-batch", "-"), started);
        monitor = new Monitor(argv("ip", "-o", "monitor", "link", "address"), line -> {
            dirty.event(line);
            Runnable l = listener;
            if (l != null) l.run();
        }, started);
    }

    @Override
    public String bridge() {
        return bridge;
    }

    @Override
    public FrameIo frames() { return new swsh.kernel.packet.PacketIo(netns); }

    /** Only in the initial namespace: another namespace's links have no manager's state files here. */
    @Override
    public synchronized String managedBy(String dev) {
        State.Link l = read().link(dev);
        return netns != null || l == null ? null : Managers.of(Path.of("/run"), l.ifindex());
    }

    @Override
    public List<String> runIn() {
        return netns == null ? List.of() : List.of("ip", "netns", "exec", netns);
    }

    @Override
    public synchronized TcState tc(java.util.Set<String> devs) {
        read(); // the program learns of devices gone
        return TcRead.read(tc, devs);
    }

    /** Follows the events from now on (the monitor starts if it does not run yet); null stops telling. */
    @Override
    public synchronized void onChange(Runnable r) {
        listener = r;
        if (r != null) watch();
    }

    /** How many times this kernel has read the links and VLANs in full (once, then when many devices changed). */
    public long fullReads() {
        return fullReads.get();
    }

    /** How many times this kernel has read single devices again after they changed. */
    public long deviceReads() {
        return deviceReads.get();
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
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> Io.slurp(p.getErrorStream()));
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> Io.slurp(p.getInputStream()));
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

    /**
     * The resident state, with what changed since read again first: the devices events named (and this
     * kernel's own changes touched) one by one, or everything when that is quicker or not known.
     */
    @Override
    public synchronized State read() {
        watch();
        java.util.Set<String> devs = dirty.take();
        if (state == null || devs == null || !watched) refresh();
        else if (!devs.isEmpty()) refreshDevices(devs);
        return state;
    }

    @Override
    public synchronized State readCounters() {
        watch();
        dirty.take();
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
            devVlans.start();
        });
        dirty.all();
    }

    /** Reads links and VLANs in full; a failure leaves the state marked changed, to be read again. */
    private void refresh() {
        fullReads.incrementAndGet();
        try {
            Map<String, State.Link> links = ip.show("addr show", p -> KernelJson.links((JsonNode) p.readValueAsTree()));
            if (!links.containsKey("lo")) {
                // every namespace has lo: an answer without it is not this show's (the program's output slipped)
                ip.close();
                throw new KernelException("% Error: cannot read the kernel state: ip answered out of turn");
            }
            modes.fill(links, argv -> run(argv, null).out);
            Map<String, List<State.VlanEntry>> vlans = br.show("vlan show", p -> KernelJson.vlans(p.readValueAsTree(), links, bridge));
            state = new State(Collections.unmodifiableMap(links), Collections.unmodifiableMap(vlans), List.of());
            tellNames(links);
        } catch (RuntimeException e) {
            dirty.all();
            throw e;
        }
    }

    /**
     * Reads again only the devices that changed (their links with {@code ip addr show dev D}, their VLANs
     * with {@code bridge vlan show dev D}); falls back to a full read when one cannot be read (such as a
     * device that is gone) or has a name a batch line cannot carry.
     */
    private void refreshDevices(java.util.Set<String> devs) {
        deviceReads.incrementAndGet();
        Map<String, State.Link> links = new TreeMap<>(state.links());
        Map<String, List<State.VlanEntry>> vlans = new TreeMap<>(state.vlans());
        devs = new java.util.TreeSet<>(devs);
        // a port's events may come of the bridge's spanning tree (root, root port), of which the bridge tells none
        if (links.containsKey(bridge)) devs.add(bridge);
        try {
            for (String dev : devs) {
                if (!BatchText.safeName(dev)) throw new KernelException("unsafe name");
                Map<String, State.Link> one = ip.show("addr show dev " + dev, p -> KernelJson.links((JsonNode) p.readValueAsTree()));
                State.Link l = one.get(dev);
                if (l == null || one.size() != 1) throw new KernelException("no " + dev);
                links.put(dev, l);
            }
            modes.fill(links, argv -> run(argv, null).out);
            for (String dev : devs) {
                vlans.remove(dev);
                State.Link l = links.get(dev);
                if (bridge.equals(l.master()) || dev.equals(bridge)) {
                    vlans.putAll(devVlans.show("vlan show dev " + dev, p -> KernelJson.vlans(p.readValueAsTree(), links, bridge)));
                }
            }
        } catch (KernelException e) {
            refresh();
            return;
        }
        state = new State(Collections.unmodifiableMap(links), Collections.unmodifiableMap(vlans), List.of());
        tellNames(links); // a device gone and back under a new index (a bridge made again by another process)
    }

    /** Tells the kept-open programs what devices are there now, so none addresses a device by an index it no longer has. */
    private void tellNames(Map<String, State.Link> links) {
        Map<String, Integer> names = new HashMap<>();
        for (State.Link l : links.values()) names.put(l.name(), l.ifindex());
        for (BatchPipe p : List.of(ip, br, statics, devVlans, tc, stormTc)) p.names(names);
    }

    @Override
    public synchronized StormTc stormTc(java.util.Set<String> devs) {
        return devs.isEmpty() ? StormTc.EMPTY : TcReader.read(stormTc, read(), devs);
    }

    @Override
    public String netns() {
        return netns;
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
            KernelJson.fdbEntries(p, q.dev(), bridge, f -> {
                if (q.matches(f)) each.accept(f);
            });
            return Boolean.TRUE;
        });
    }

    /** {@code bridge -j vlan global show dev BRIDGE}, {@code bridge -j mdb show} (see {@link McastJson}). */
    @Override public Map<Integer, State.VlanMcast> vlanMcast() {
        return McastJson.vlanGlobal(run(argv("bridge", "-j", "vlan", "global", "show", "dev", bridge), null).out, bridge);
    }
    @Override public LldpAgent lldpAgent(Path runDir) {
        return new Lldpd(netns, runDir);
    }
    @Override public List<McastJson.Group> mdb() {
        return McastJson.mdb(run(argv("bridge", "-j", "mdb", "show"), null).out, bridge);
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
                Op.Tool t = batches.get(i).tool();
                if (t == Op.Tool.ETHTOOL) Ethtool.run(runIn(), text.get(i));
                else (t == Op.Tool.IP ? ip : t == Op.Tool.BRIDGE ? br : tc).run(text.get(i));
            }
        } finally {
            List<Op> ops = new ArrayList<>();
            for (Plan.Batch b : batches) ops.addAll(b.ops());
            dirty.touched(ops, bridge);
        }
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

    /** {@code /proc/net/bonding/BOND} of this kernel's namespace ({@link BondProc}), or null. */
    @Override public String bondingStatus(String bond) { return BondProc.read(netns, bond, processes); }

    /** Ends the kept-open programs and the monitor; the next use starts them again. */
    @Override
    public synchronized void close() {
        monitor.close();
        ip.close();
        br.close();
        statics.close();
        devVlans.close();
        tc.close();
        stormTc.close();
        state = null;
        watched = false;
        monitorTried = 0;
    }
}
