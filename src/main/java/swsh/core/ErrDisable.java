package swsh.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import swsh.model.Config;
import swsh.model.ErrdisableRecovery;
import swsh.model.Iface;

/**
 * The err-disabled ports of the switch: runtime state of the engine (in swshd, the service), never
 * config. A feature that detects an error on a port ({@link #trip}: BPDU guard, port security, storm
 * control) puts the port in err-disable state: the engine applies the running config again with the port
 * held down ({@code ip link set dev P down}; every later plan, re-apply and drift check keeps it down),
 * {@code show interfaces status} says {@code err-disabled}, and {@code %PM-4-ERR_DISABLE} is logged.
 * The port comes back when {@code errdisable recovery cause C} covers its cause and the recovery
 * interval has passed ({@code %PM-4-ERR_RECOVER}), or by hand with {@code shutdown} then
 * {@code no shutdown} (a shut-down port is no longer err-disabled: {@link #clearShutdown}). Like the
 * revert timer it is not kept across a restart of swshd.
 */
public final class ErrDisable {
    /**
     * Why a port was err-disabled, by its IOS name, with the help of its {@code errdisable recovery cause}
     * keyword (a new cause here is a new keyword there and a new row of {@code show errdisable recovery}).
     */
    public enum Cause {
        BPDUGUARD("bpduguard", "Enable timer to recover from BPDU Guard error"),
        PSECURE_VIOLATION("psecure-violation", "Enable timer to recover from psecure violation error"),
        STORM_CONTROL("storm-control", "Enable timer to recover from storm-control error");

        public final String ios, help;

        Cause(String ios, String help) {
            this.ios = ios;
            this.help = help;
        }

        /** The cause of an IOS name, or null. */
        public static Cause of(String ios) {
            for (Cause c : values()) if (c.ios.equals(ios)) return c;
            return null;
        }

        @Override
        public String toString() {
            return ios;
        }
    }

    /** One err-disabled port: why and since when. */
    public record Entry(String port, Cause cause, Instant since) {}

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "swsh-errdisable");
        t.setDaemon(true);
        return t;
    });

    private final Engine engine;
    private volatile Consumer<String> log = m -> {};
    private final Map<String, Entry> ports = new TreeMap<>(Config.IFACE_ORDER);
    private final List<BiConsumer<Entry, Boolean>> listeners = new CopyOnWriteArrayList<>();
    private Duration second = Duration.ofSeconds(1);
    private ScheduledFuture<?> ticker;

    ErrDisable(Engine engine) {
        this.engine = engine;
    }

    void onLog(Consumer<String> l) {
        log = l;
    }

    /** How long a recovery-interval second lasts: a second, shorter in tests. */
    public synchronized void second(Duration d) {
        second = d;
    }

    /**
     * Puts {@code port} in err-disable state for {@code cause}: logs {@code %PM-4-ERR_DISABLE} and brings
     * its link down in the kernel. Safe to call from any thread (a BPDU receiver, a watcher); nothing
     * happens when the port is already err-disabled or is not a port of the running config. Returns
     * whether the port was err-disabled now.
     */
    public boolean trip(String port, Cause cause) {
        Entry e;
        Iface i = engine.running().ifaces().get(port); // outside this lock: the engine's comes first
        if (i == null || i.svi() || i.shutdown()) return false;
        synchronized (this) {
            if (ports.containsKey(port)) return false;
            e = new Entry(port, cause, Instant.now());
            ports.put(port, e);
            schedule();
        }
        log.accept("%PM-4-ERR_DISABLE: " + cause.ios + " error detected on " + port + ", putting " + port + " in err-disable state");
        apply();
        for (BiConsumer<Entry, Boolean> l : listeners) l.accept(e, true);
        return true;
    }

    /** Whether {@code port} is err-disabled now. */
    public synchronized boolean has(String port) {
        return ports.containsKey(port);
    }

    /** The err-disabled ports now, in interface order. */
    public synchronized List<Entry> entries() {
        return List.copyOf(ports.values());
    }

    /** The names of the err-disabled ports (what every plan holds down). */
    public synchronized Set<String> ports() {
        return Collections.unmodifiableSet(new TreeSet<>(ports.keySet()));
    }

    /** Seconds until {@code e} recovers under {@code r}, or -1 when its cause is not recovered automatically. */
    public synchronized long secondsLeft(Entry e, ErrdisableRecovery r) {
        if (!r.causes().contains(e.cause().ios)) return -1;
        long elapsed = Duration.between(e.since(), Instant.now()).toMillis() / Math.max(1, second.toMillis());
        return Math.max(0, r.interval() - elapsed);
    }

    /** Told of every port err-disabled ({@code true}) and recovered or cleared ({@code false}). */
    public void listen(BiConsumer<Entry, Boolean> l) {
        listeners.add(l);
    }

    /**
     * Forgets the err-disable state of the ports {@code cfg} shuts down or no longer has (IOS: {@code shutdown}
     * on an err-disabled port clears it, so {@code no shutdown} brings it up); the engine calls it before it
     * plans {@code cfg}. Nothing is logged.
     */
    void clearShutdown(Config cfg) {
        List<Entry> cleared = new ArrayList<>();
        synchronized (this) {
            for (Entry e : List.copyOf(ports.values())) {
                Iface i = cfg.ifaces().get(e.port());
                if (i == null || i.shutdown() || !i.switchport()) {
                    ports.remove(e.port());
                    cleared.add(e);
                }
            }
        }
        for (Entry e : cleared) for (BiConsumer<Entry, Boolean> l : listeners) l.accept(e, false);
    }

    /** The recovery check, once a second while a port is err-disabled. */
    private void schedule() {
        if (ticker != null || ports.isEmpty()) return;
        long ms = Math.max(10, second.toMillis());
        ticker = TIMER.scheduleAtFixedRate(this::tick, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        List<Entry> due = new ArrayList<>();
        try {
            ErrdisableRecovery r = engine.running().errdisable();
            synchronized (this) {
                for (Entry e : ports.values()) if (secondsLeft(e, r) == 0) due.add(e);
                for (Entry e : due) ports.remove(e.port());
                if (ports.isEmpty() && ticker != null) {
                    ticker.cancel(false);
                    ticker = null;
                }
            }
        } catch (RuntimeException ex) {
            return; // the running config could not be read: the next tick tries again
        }
        if (due.isEmpty()) return;
        for (Entry e : due) {
            log.accept("%PM-4-ERR_RECOVER: Attempting to recover from " + e.cause().ios + " err-disable state on " + e.port());
        }
        apply();
        for (Entry e : due) for (BiConsumer<Entry, Boolean> l : listeners) l.accept(e, false);
    }

    /** Puts the kernel to the running config with the err-disabled ports held down. */
    private void apply() {
        try {
            engine.restore();
        } catch (RuntimeException ex) {
            log.accept("%SWSH-3-ERR_DISABLE_APPLY: cannot apply the err-disable state to the kernel: "
                    + (ex.getMessage() == null ? "internal error" : ex.getMessage()));
        }
    }
}
