package swsh.core.rstp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import swsh.kernel.FrameIo;
import swsh.kernel.Kernel;
import swsh.kernel.KernelException;
import swsh.kernel.Op;
import swsh.kernel.Plan;
import swsh.kernel.State;
import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.Stp;
import swsh.model.StpPort;
import swsh.model.VlanSet;

/**
 * Runs the rapid spanning tree ({@link Rstp}) in swshd for {@code spanning-tree mode rapid-pvst}
 * (or {@code mst}): one thread takes BPDUs from the ports ({@link FrameIo}), drives the timers,
 * watches the links, and sets each port's state in all its VLANs ({@code bridge vlan set ... state},
 * kernel STP off). Only a resident engine (swshd, an in-process test switch) runs it:
 * {@link #start()}; a one-shot process never does.
 */
public final class StpService {
    private final Kernel kernel;
    private volatile boolean resident;
    private volatile Config config;
    private volatile Thread thread;
    private volatile TreeView view;
    private final Map<String, Rstp.PortState> states = new ConcurrentHashMap<>();
    private volatile Consumer<String> log = s -> {};
    private volatile Consumer<String> guard;

    public StpService(Kernel kernel) {
        this.kernel = kernel;
    }

    public void onLog(Consumer<String> l) {
        log = l;
    }

    /**
     * What a BPDU on a port with BPDU guard does (err-disable); by default the port's link is taken
     * down and logged as IOS does.
     */
    public void onBpduGuard(Consumer<String> g) {
        guard = g;
    }

    /** From now on the tree runs whenever the config asks for a rapid mode; {@code running} is the config of now. */
    public synchronized void start(Config running) {
        resident = true;
        configured(running);
    }

    /** The tree as it is now, or null when none runs. */
    public TreeView view() {
        return thread == null ? null : view;
    }

    /** Called after every applied change: starts, reconfigures or stops the tree. */
    public synchronized void configured(Config cfg) {
        config = cfg;
        if (!resident) return;
        Stp.Mode mode = cfg.stp().mode();
        if (mode == null || !mode.rapid()) {
            stop();
            return;
        }
        if (thread == null) {
            FrameIo io = kernel.frames();
            if (io == null) return;
            Thread t = new Thread(() -> loop(io), "swsh-rstp");
            t.setDaemon(true);
            thread = t;
            t.start();
        } else {
            reassert(cfg); // VLANs a change added to a blocked port start forwarding in the kernel
        }
    }

    /** Stops the tree: every port forwards again in every VLAN, BPDUs are the bridge's again. */
    public synchronized void stop() {
        Thread t = thread;
        if (t == null) return;
        thread = null;
        t.interrupt();
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Op> ops = new ArrayList<>();
        State st = kernel.read();
        for (String p : states.keySet()) stateOps(st, p, Rstp.PortState.FORWARDING, java.util.Set.of(), ops);
        states.clear();
        view = null;
        applyQuietly(ops);
    }

    private void loop(FrameIo io) {
        Out out = new Out(io);
        Rstp rstp = new Rstp(out);
        Config applied = null;
        long lastLinks = 0;
        try (io) {
            while (thread == Thread.currentThread()) {
                long now = System.nanoTime() / 1_000_000;
                Config cfg = config;
                if (cfg != applied) {
                    Map<String, Rstp.PortConf> ports = portConfs(cfg, io);
                    io.ports(new ArrayList<>(ports.keySet()));
                    rstp.configure(bridgeConf(cfg, io), ports, now);
                    applied = cfg;
                    lastLinks = 0;
                }
                if (now - lastLinks >= 100) {
                    lastLinks = now;
                    for (String p : rstp.portNames()) {
                        FrameIo.PortLink l = io.link(p);
                        rstp.link(p, l != null && l.up(), now);
                    }
                }
                for (FrameIo.Frame f : io.receive(50)) {
                    Bpdu b = Bpdu.parse(f.data());
                    if (b != null) rstp.receive(f.port(), b, System.nanoTime() / 1_000_000);
                }
                now = System.nanoTime() / 1_000_000;
                rstp.tick(now);
                out.flushOps(cfg);
                view = rstp.view(now);
            }
        } catch (RuntimeException e) {
            log.accept("%SWSH-3-STP: the spanning-tree engine stopped: " + e.getMessage());
        }
    }

    private Rstp.BridgeConf bridgeConf(Config cfg, FrameIo io) {
        Stp s = cfg.stp();
        byte[] mac = io.mac(kernel.bridge());
        if (mac == null) mac = new byte[6];
        // one tree, sent as VLAN 1's (the common spanning tree a Catalyst's rapid-pvst shares)
        return new Rstp.BridgeConf(Vec.bridgeId(s.treePriority() + 1, mac), s.helloTime(), s.maxAge(), s.forwardTime());
    }

    /** The switchports in the tree, with their IDs, costs, edge and guard settings. */
    private Map<String, Rstp.PortConf> portConfs(Config cfg, FrameIo io) {
        State st = kernel.read();
        Stp s = cfg.stp();
        Map<String, Rstp.PortConf> out = new LinkedHashMap<>();
        for (Iface i : cfg.ifaces().values()) {
            State.Link l = st.link(i.name());
            if (i.svi() || !i.switchport() || l == null || !kernel.bridge().equals(l.master())) continue;
            StpPort sp = i.stpPort() == null ? StpPort.NONE : i.stpPort();
            boolean edge = sp.portfast() == StpPort.Portfast.TRUNK
                    || sp.portfast() == StpPort.Portfast.EDGE && !i.trunk()
                    || sp.portfast() == null && s.portfastDefault() && !i.trunk();
            boolean guard = Boolean.TRUE.equals(i.bpduguard()) || i.bpduguard() == null && s.bpduguardDefault() && edge;
            FrameIo.PortLink link = io.link(i.name());
            int cost = i.stpCost() != null ? i.stpCost() : shortCost(link == null ? 0 : link.speed());
            int portId = (i.effectiveStpPriority() / 16) << 12 | (l.ifindex() & 0xfff);
            out.put(i.name(), new Rstp.PortConf(portId, cost, edge, sp.linkType() != StpPort.LinkType.SHARED, guard, i.rootGuard()));
        }
        return out;
    }

    /** IOS's short path-cost method: 10 Mb/s 100, 100 Mb/s 19, 1 Gb/s 4, 10 Gb/s and faster (or unknown) 2. */
    static int shortCost(int mbps) {
        if (mbps <= 0 || mbps >= 10000) return 2;
        if (mbps >= 1000) return 4;
        if (mbps >= 100) return 19;
        return 100;
    }

    private void reassert(Config cfg) {
        List<Op> ops = new ArrayList<>();
        State st = kernel.read();
        states.keySet().removeIf(p -> st.link(p) == null || !kernel.bridge().equals(st.link(p).master()));
        states.forEach((p, s) -> {
            if (s != Rstp.PortState.FORWARDING || !cfg.stp().offVlans().isEmpty()) stateOps(st, p, s, cfg.stp().offVlans(), ops);
        });
        applyQuietly(ops);
    }

    /** The ops that put port {@code p} in state {@code s} in each of its VLANs (forwarding where STP is off). */
    private void stateOps(State st, String p, Rstp.PortState s, java.util.Set<Integer> off, List<Op> ops) {
        State.Link l = st.link(p);
        if (l == null || !kernel.bridge().equals(l.master())) return; // gone, or no longer a port of the bridge
        String want = switch (s) {
            case DISCARDING -> "blocking";
            case LEARNING -> "learning";
            case FORWARDING -> "forwarding";
        };
        VlanSet member = VlanSet.of(st.vlansOf(p).stream().map(State.VlanEntry::vid).toList()), offSet = VlanSet.of(off);
        for (int[] r : member.minus(offSet).ranges()) ops.add(new Op.VlanState(p, r[0], r[1], want));
        for (int[] r : member.intersect(offSet).ranges()) ops.add(new Op.VlanState(p, r[0], r[1], "forwarding"));
    }

    private void applyQuietly(List<Op> ops) {
        if (ops.isEmpty()) return;
        try {
            kernel.apply(new Plan(ops));
        } catch (KernelException e) {
            log.accept("%SWSH-3-STP: cannot set port states: " + e.getMessage().replaceFirst("^% Error: ", ""));
        }
    }

    /** The tree's effects, gathered during one turn of the loop and applied at its end. */
    private final class Out implements Rstp.Out {
        private final FrameIo io;
        private final Map<String, Rstp.PortState> changed = new LinkedHashMap<>();
        private final List<String> flushes = new ArrayList<>();

        Out(FrameIo io) {
            this.io = io;
        }

        @Override
        public void send(String port, Bpdu bpdu) {
            byte[] mac = io.mac(port);
            if (mac != null) io.send(port, bpdu.frame(mac));
        }

        @Override
        public void state(String port, Rstp.PortState s) {
            changed.put(port, s);
        }

        @Override
        public void flush(String port) {
            if (!flushes.contains(port)) flushes.add(port);
        }

        @Override
        public void bpduGuard(String port) {
            log.accept("%SPANTREE-2-BLOCK_BPDUGUARD: Received BPDU on port " + port + " with BPDU Guard enabled. Disabling port.");
            Consumer<String> g = guard;
            if (g != null) {
                g.accept(port);
                return;
            }
            log.accept("%PM-4-ERR_DISABLE: bpduguard error detected on " + port + ", putting " + port + " in err-disable state");
            applyQuietly(List.of(new Op.SetUp(port, false)));
        }

        @Override
        public void log(String line) {
            log.accept(line);
        }

        void flushOps(Config cfg) {
            if (changed.isEmpty() && flushes.isEmpty()) return;
            List<Op> ops = new ArrayList<>();
            State st = kernel.read();
            // blocking first, so no moment has two forwarding paths
            for (Rstp.PortState want : Rstp.PortState.values()) {
                changed.forEach((p, s) -> {
                    if (s == want) stateOps(st, p, s, cfg.stp().offVlans(), ops);
                });
            }
            states.putAll(changed);
            changed.clear();
            applyQuietly(ops);
            for (String p : flushes) {
                try {
                    kernel.flushDynamic(p, null);
                } catch (KernelException e) {
                    // the port went away
                }
            }
            flushes.clear();
        }
    }
}
