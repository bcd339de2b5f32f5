package swsh.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import swsh.kernel.KernelException;
import swsh.kernel.Op;
import swsh.kernel.Plan;
import swsh.kernel.SourceWatch;
import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.PortSecurity;

/**
 * Port security at run time (in swshd): the kernel holds a secured port locked, so only MACs with an FDB
 * entry on it may send (the planner adds the configured and sticky ones); a {@link SourceWatch} per port
 * reports frames from other MACs. Below the maximum such a MAC becomes secure: sticky (a config line, so
 * {@code write memory} keeps it) when sticky learning is on, else dynamic (a static FDB entry swsh adds and
 * forgets when it ages out, the port goes down or security is turned off). Beyond the maximum it is a
 * violation: protect drops silently (the lock does), restrict also counts and logs
 * {@code %PORT_SECURITY-2-PSECURE_VIOLATION}, shutdown also err-disables the port.
 */
public final class SecureMacs {
    /** One port's runtime: dynamic secure MACs (when learned), violations, last source. */
    private static final class PortState {
        final Map<String, Instant> dynamic = new LinkedHashMap<>();
        long violations;
        String lastSource;
        long lastLog;
        SourceWatch watch;
    }

    private static final ScheduledExecutorService TICK = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "swsh-port-security");
        t.setDaemon(true);
        return t;
    });

    private final Engine engine;
    private volatile Consumer<String> log = m -> {};
    private final Map<String, PortState> ports = new TreeMap<>(Config.IFACE_ORDER);
    private ScheduledFuture<?> ticker;
    private volatile Duration minute = Duration.ofMinutes(1);

    SecureMacs(Engine engine) {
        this.engine = engine;
        engine.errdisable.listen((e, down) -> {
            if (down) forgetDynamic(e.port());
            sync();
        });
    }

    void onLog(Consumer<String> l) {
        log = l;
    }

    /** How long an aging minute lasts: a minute, shorter in tests. */
    public void minute(Duration d) {
        minute = d;
    }

    /** Watches the secured ports from now on (swshd): checks them once a second. */
    public synchronized void watch() {
        if (ticker == null) ticker = TICK.scheduleWithFixedDelay(this::tick, 100, 1000, TimeUnit.MILLISECONDS);
    }

    /** Stops watching (the watches' tcpdumps end). */
    public synchronized void stop() {
        if (ticker != null) ticker.cancel(false);
        ticker = null;
        for (PortState p : ports.values()) if (p.watch != null) p.watch.close();
        ports.values().forEach(p -> p.watch = null);
    }

    /** Whether the watch of {@code port} is listening (waits up to {@code ms}): for tests and the show. */
    public boolean listening(String port, long ms) {
        long end = System.currentTimeMillis() + ms;
        while (true) {
            SourceWatch w;
            synchronized (this) {
                PortState p = ports.get(port);
                w = p == null ? null : p.watch;
            }
            long left = end - System.currentTimeMillis();
            if (w != null && w.awaitListening(Math.max(1, Math.min(left, 200)))) return true;
            if (left <= 0) return false;
            try {
                Thread.sleep(Math.min(left, 100));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void tick() {
        try {
            sync();
        } catch (RuntimeException e) {
            log.accept("%SWSH-3-PSECURE_WATCH: port security cannot watch its ports: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** Starts and stops watches so the active, up ports have one that knows their secure MACs; ages dynamic MACs. */
    public void sync() {
        Config cfg;
        try {
            cfg = engine.running();
        } catch (RuntimeException e) {
            return;
        }
        List<String> aged = new ArrayList<>();
        synchronized (this) {
            for (Map.Entry<String, PortState> e : ports.entrySet()) {
                Iface i = cfg.ifaces().get(e.getKey());
                if (!PortSecurity.active(i)) forgetDynamicLocked(e.getKey(), e.getValue(), i);
                else if (i.security().agingMinutes() > 0) {
                    Instant limit = Instant.now().minus(minute.multipliedBy(i.security().agingMinutes()));
                    for (Map.Entry<String, Instant> d : e.getValue().dynamic.entrySet()) {
                        if (d.getValue().isBefore(limit)) aged.add(e.getKey() + " " + d.getKey());
                    }
                }
            }
        }
        for (String a : aged) {
            String[] pm = a.split(" ");
            removeDynamic(pm[0], pm[1]);
        }
        if (ticker == null) return;
        synchronized (this) {
            Set<String> want = new TreeSet<>();
            for (Iface i : cfg.ifaces().values()) {
                if (PortSecurity.active(i) && !i.shutdown() && !engine.errdisable.has(i.name())) want.add(i.name());
            }
            for (Map.Entry<String, PortState> e : ports.entrySet()) {
                PortState p = e.getValue();
                if (p.watch != null && (!want.contains(e.getKey()) || !p.watch.alive())) {
                    p.watch.close();
                    p.watch = null;
                }
            }
            for (String port : want) {
                PortState p = ports.computeIfAbsent(port, k -> new PortState());
                Set<String> known = new TreeSet<>(cfg.ifaces().get(port).security().configured());
                known.addAll(p.dynamic.keySet());
                if (p.watch != null && p.watch.known().equals(known)) continue;
                if (p.watch != null) p.watch.close();
                try {
                    p.watch = new SourceWatch(engine.kernel.netns(), port, known, this::frame);
                } catch (KernelException e) {
                    p.watch = null;
                }
            }
        }
    }

    /** A frame from {@code mac} arrived on {@code port}, a MAC the port's watch did not know. */
    public void frame(String port, String mac) {
        Config cfg = engine.running();
        Iface i = cfg.ifaces().get(port);
        if (!PortSecurity.active(i) || engine.errdisable.has(port)) return;
        PortSecurity s = i.security();
        boolean learn;
        boolean violation = false;
        synchronized (this) {
            PortState p = ports.computeIfAbsent(port, k -> new PortState());
            if (s.configured().contains(mac) || p.dynamic.containsKey(mac)) return;
            p.lastSource = mac + ":" + i.accessVlan();
            learn = s.configured().size() + p.dynamic.size() < s.maximum();
            if (learn && !s.sticky()) p.dynamic.put(mac, Instant.now());
            if (!learn && s.violation() != PortSecurity.Violation.PROTECT) {
                p.violations++;
                long now = System.currentTimeMillis();
                violation = s.violation() == PortSecurity.Violation.SHUTDOWN || now - p.lastLog >= 1000;
                if (violation) p.lastLog = now;
            }
        }
        if (learn) {
            learn(port, mac, i);
            return;
        }
        if (violation) {
            log.accept("%PORT_SECURITY-2-PSECURE_VIOLATION: Security violation occurred, caused by MAC address " + dotted(mac)
                    + " on port " + port + ".");
        }
        if (s.violation() == PortSecurity.Violation.SHUTDOWN) engine.errdisable.trip(port, ErrDisable.Cause.PSECURE_VIOLATION);
    }

    private void learn(String port, String mac, Iface i) {
        try {
            if (i.security().sticky()) {
                engine.commit(c -> c.editIface(port, x -> {
                    PortSecurity s = x.security();
                    List<String> l = new ArrayList<>(s.stickyMacs());
                    if (!l.contains(mac)) l.add(mac);
                    return x.withSecurity(s.withStickyMacs(l));
                }));
            } else {
                engine.kernel.apply(new Plan(List.of(new Op.FdbAdd(mac, port, i.accessVlan()))));
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                PortState p = ports.get(port);
                if (p != null) p.dynamic.remove(mac);
            }
            log.accept("%SWSH-3-PSECURE_LEARN: cannot make " + dotted(mac) + " secure on " + port + ": "
                    + (e.getMessage() == null ? "internal error" : e.getMessage()));
        }
        sync();
    }

    /** The dynamic secure MACs of {@code port}, oldest first, with when each was learned. */
    public synchronized Map<String, Instant> dynamic(String port) {
        PortState p = ports.get(port);
        return p == null ? Map.of() : new LinkedHashMap<>(p.dynamic);
    }

    public synchronized long violations(String port) {
        PortState p = ports.get(port);
        return p == null ? 0 : p.violations;
    }

    /** {@code MAC:VLAN} of the last frame from an unknown source, or null. */
    public synchronized String lastSource(String port) {
        PortState p = ports.get(port);
        return p == null ? null : p.lastSource;
    }

    /** {@code clear port-security dynamic}: forgets the dynamic secure MACs of {@code port} (null: every port). */
    public void clearDynamic(String port) {
        List<String> names;
        synchronized (this) {
            names = new ArrayList<>(ports.keySet());
        }
        for (String n : names) if (port == null || port.equals(n)) forgetDynamic(n);
        sync();
    }

    private void forgetDynamic(String port) {
        Iface i = engine.running().ifaces().get(port);
        synchronized (this) {
            PortState p = ports.get(port);
            if (p != null) forgetDynamicLocked(port, p, i);
        }
    }

    private void removeDynamic(String port, String mac) {
        Iface i = engine.running().ifaces().get(port);
        synchronized (this) {
            PortState p = ports.get(port);
            if (p == null || p.dynamic.remove(mac) == null || i == null) return;
            deleteEntries(port, List.of(mac), i.accessVlan());
        }
    }

    private void forgetDynamicLocked(String port, PortState p, Iface i) {
        if (p.dynamic.isEmpty()) return;
        List<String> macs = new ArrayList<>(p.dynamic.keySet());
        p.dynamic.clear();
        if (i != null) deleteEntries(port, macs, i.accessVlan());
    }

    private void deleteEntries(String port, List<String> macs, int vlan) {
        List<Op> ops = new ArrayList<>();
        for (String m : macs) ops.add(new Op.FdbDel(m, port, vlan));
        try {
            engine.kernel.apply(new Plan(ops));
        } catch (RuntimeException e) {
            // the entry is gone already (the port left the bridge or went down)
        }
    }

    /** {@code 0050.7966.6800}: IOS's form of a MAC in messages. */
    static String dotted(String mac) {
        String h = mac.replace(":", "");
        return h.substring(0, 4) + "." + h.substring(4, 8) + "." + h.substring(8, 12);
    }
}
