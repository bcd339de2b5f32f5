package swsh.core;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import swsh.kernel.StormPlanner;
import swsh.kernel.StormTc;
import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.StormControl;
import swsh.model.StormControl.Kind;

/**
 * Storm control at run time (in swshd): once a second it reads the counters of swsh's policers
 * ({@code tc -s -j filter show}); a policer that dropped frames since the last look means a storm on that
 * port: with {@code storm-control action shutdown} the port is err-disabled
 * ({@code %STORM_CONTROL-3-SHUTDOWN}, then {@code %PM-4-ERR_DISABLE}), with {@code action trap} the storm is
 * logged once as it starts ({@code %STORM_CONTROL-3-FILTERED}); either way the policer drops the excess.
 * It also keeps the rate each class was seen at over the last second, for {@code show storm-control}.
 */
public final class StormWatch {
    /** One class of one port over the last second: frames and bytes seen, and whether the policer dropped any. */
    public record Rate(double pps, double bps, boolean blocking) {
        public static final Rate NONE = new Rate(0, 0, false);
    }

    private static final ScheduledExecutorService TICK = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "swsh-storm-control");
        t.setDaemon(true);
        return t;
    });

    private final Engine engine;
    private volatile Consumer<String> log = m -> {};
    private ScheduledFuture<?> ticker;
    private Map<String, StormTc.Filter> last = new TreeMap<>();
    private long lastAt;
    private final Map<String, Rate> rates = new TreeMap<>();
    private final Set<String> storming = new java.util.TreeSet<>();

    StormWatch(Engine engine) {
        this.engine = engine;
    }

    void onLog(Consumer<String> l) {
        log = l;
    }

    /** Polls the policers once a second from now on (swshd). */
    public synchronized void watch() {
        if (ticker == null) ticker = TICK.scheduleWithFixedDelay(this::poll, 0, 1, TimeUnit.SECONDS);
    }

    public synchronized void stop() {
        if (ticker != null) ticker.cancel(false);
        ticker = null;
    }

    /** The rate of class {@code k} on {@code port} over the last second (none when not polled). */
    public synchronized Rate rate(String port, Kind k) {
        return rates.getOrDefault(port + "/" + k, Rate.NONE);
    }

    /** Reads the policers' counters once and acts on the storms they show. */
    public void poll() {
        try {
            Config cfg = engine.running();
            Set<String> ports = StormPlanner.ports(cfg, null);
            if (ports.isEmpty()) return;
            StormTc tc = engine.kernel.stormTc(ports);
            if (tc == null) return;
            long now = System.nanoTime();
            Map<String, StormTc.Filter> seen = new TreeMap<>();
            Set<String> stormy = new java.util.TreeSet<>();
            synchronized (this) {
                double secs = lastAt == 0 ? 1 : Math.max(0.001, (now - lastAt) / 1e9);
                rates.clear();
                for (String port : ports) {
                    for (Map.Entry<Integer, StormTc.Filter> e : tc.dev(port).filters().entrySet()) {
                        Kind k = StormPlanner.kindOf(e.getKey());
                        String key = port + "/" + k;
                        StormTc.Filter f = e.getValue(), before = last.get(key);
                        seen.put(key, f);
                        if (before == null || !before.cookie().equals(f.cookie()) || f.packets() < before.packets()) continue;
                        boolean dropped = f.drops() > before.drops();
                        rates.put(key, new Rate((f.packets() - before.packets()) / secs, (f.bytes() - before.bytes()) * 8 / secs, dropped));
                        Iface i = cfg.ifaces().get(port);
                        if (dropped && i != null && i.storm() != null && i.storm().level(k) != null) stormy.add(port);
                    }
                }
                last = seen;
                lastAt = now;
            }
            act(cfg, stormy);
        } catch (RuntimeException e) {
            // the kernel could not be read now: the next poll tries again
        }
    }

    private void act(Config cfg, Set<String> stormy) {
        Set<String> started;
        synchronized (this) {
            started = new java.util.TreeSet<>(stormy);
            started.removeAll(storming);
            storming.clear();
            storming.addAll(stormy);
        }
        for (String port : stormy) {
            StormControl s = cfg.ifaces().get(port).storm();
            if (s.shutdown()) {
                if (engine.errdisable.has(port)) continue;
                log.accept("%STORM_CONTROL-3-SHUTDOWN: A packet storm was detected on " + port + ". The interface has been disabled.");
                engine.errdisable.trip(port, ErrDisable.Cause.STORM_CONTROL);
            } else if (s.trap() && started.contains(port)) {
                log.accept("%STORM_CONTROL-3-FILTERED: A packet storm was detected on " + port
                        + ". A packet filter action has been applied on the interface.");
            }
        }
    }
}
