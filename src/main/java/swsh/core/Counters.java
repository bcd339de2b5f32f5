package swsh.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import swsh.kernel.Kernel;
import swsh.kernel.KernelException;
import swsh.kernel.State;

/**
 * The interface counters as {@code show interfaces} gives them, kept in swshd: {@code clear counters}
 * never resets the kernel's counters (other tools read them); it keeps each link's counters of that
 * moment as an offset, which the shows subtract. Offsets belong to a link by name and ifindex (a link
 * deleted and made again starts afresh) and live as long as swshd (not across its restarts).
 *
 * <p>Rates ({@code 5 minute input rate N bits/sec, N packets/sec}) as IOS computes its load: a sample of
 * every link's byte and packet totals every {@link #SAMPLE_S} seconds (and at every show of counters, at
 * most one a second); between two samples the rate is the difference over the time, and the shown rate
 * an exponentially weighted average of those with a time constant of 5 minutes
 * ({@code avg = avg * e^(-dt/300) + rate * (1 - e^(-dt/300))}). A link's first sample gives no rate yet
 * (0); a counter that went back (the driver reset it) starts its average again.
 */
public final class Counters {
    /** Seconds between samples taken in the background. */
    public static final int SAMPLE_S = 5;
    static final double WINDOW_S = 300;

    /** The counters at {@code clear counters}, of the link with {@code ifindex}, and when. */
    private record Offset(int ifindex, State.Stats stats, Instant at) {}

    /** Rates of a link: bits and packets per second each way. */
    public record Rate(long inBits, long inPackets, long outBits, long outPackets) {
        public static final Rate ZERO = new Rate(0, 0, 0, 0);
    }

    private record Sample(int ifindex, long nanos, State.Stats stats, double inBits, double inPkts, double outBits, double outPkts) {}

    private final Kernel kernel;
    private final java.util.function.LongSupplier clock;
    private final Map<String, Offset> offsets = new HashMap<>();
    private final Map<String, Sample> samples = new HashMap<>();
    private ScheduledExecutorService sampler;
    private long lastSampleNanos;

    public Counters(Kernel kernel) {
        this(kernel, System::nanoTime);
    }

    /** With its own clock (nanoseconds), for tests. */
    Counters(Kernel kernel, java.util.function.LongSupplier clock) {
        this.kernel = kernel;
        this.clock = clock;
    }

    /** Samples every {@link #SAMPLE_S} seconds from now on (swshd), on a thread of its own. */
    public synchronized void start() {
        if (sampler != null) return;
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "swsh-counters");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleWithFixedDelay(() -> {
            try {
                read();
            } catch (KernelException | IllegalStateException e) {
                // the next sample tries again
            }
        }, 0, SAMPLE_S, TimeUnit.SECONDS);
    }

    /** The kernel's state with its counters read now, each minus its offset; a sample for the rates on the way. */
    public State read() {
        State s = kernel.readCounters();
        synchronized (this) {
            long now = clock.getAsLong();
            if (now - lastSampleNanos >= 1_000_000_000L || lastSampleNanos == 0) {
                lastSampleNanos = now;
                for (State.Link l : s.links().values()) sample(l, now);
            }
            Map<String, State.Link> links = new TreeMap<>(s.links());
            for (Map.Entry<String, Offset> e : offsets.entrySet()) {
                State.Link l = links.get(e.getKey());
                if (l != null && l.ifindex() == e.getValue().ifindex()) links.put(l.name(), l.withStats(minus(l.stats(), e.getValue().stats())));
            }
            return new State(Collections.unmodifiableMap(links), s.vlans(), s.fdb(), s.tc());
        }
    }

    /** {@code clear counters [dev]}: the counters of every link (or of {@code dev}) count from now. */
    public void clear(String dev) {
        State s = kernel.readCounters();
        synchronized (this) {
            Instant now = Instant.now();
            for (State.Link l : s.links().values()) {
                if (dev == null || dev.equals(l.name())) offsets.put(l.name(), new Offset(l.ifindex(), l.stats(), now));
            }
        }
    }

    /** How long ago the counters of {@code l} were cleared, or null: never. */
    public synchronized Duration sinceCleared(State.Link l) {
        Offset o = offsets.get(l.name());
        return o == null || o.ifindex() != l.ifindex() ? null : Duration.between(o.at(), Instant.now());
    }

    public synchronized Rate rate(State.Link l) {
        Sample s = samples.get(l.name());
        if (s == null || s.ifindex() != l.ifindex()) return Rate.ZERO;
        return new Rate(Math.round(s.inBits()), Math.round(s.inPkts()), Math.round(s.outBits()), Math.round(s.outPkts()));
    }

    private void sample(State.Link l, long now) {
        Sample old = samples.get(l.name());
        State.Stats c = l.stats();
        if (old == null || old.ifindex() != l.ifindex() || c.rxBytes() < old.stats().rxBytes() || c.txBytes() < old.stats().txBytes()) {
            samples.put(l.name(), new Sample(l.ifindex(), now, c, 0, 0, 0, 0));
            return;
        }
        double dt = (now - old.nanos()) / 1e9;
        if (dt <= 0) return;
        double keep = Math.exp(-dt / WINDOW_S);
        samples.put(l.name(), new Sample(l.ifindex(), now, c,
                avg(old.inBits(), (c.rxBytes() - old.stats().rxBytes()) * 8 / dt, keep),
                avg(old.inPkts(), (c.rxPackets() - old.stats().rxPackets()) / dt, keep),
                avg(old.outBits(), (c.txBytes() - old.stats().txBytes()) * 8 / dt, keep),
                avg(old.outPkts(), (c.txPackets() - old.stats().txPackets()) / dt, keep)));
    }

    private static double avg(double avg, double rate, double keep) {
        return avg * keep + rate * (1 - keep);
    }

    private static long d(long now, long then) {
        return Math.max(0, now - then);
    }

    /** {@code a - b}, each counter at least 0. */
    static State.Stats minus(State.Stats a, State.Stats b) {
        return new State.Stats(d(a.rxBytes(), b.rxBytes()), d(a.rxPackets(), b.rxPackets()), d(a.rxErrors(), b.rxErrors()),
                d(a.rxDropped(), b.rxDropped()), d(a.rxMulticast(), b.rxMulticast()), d(a.rxOverErrors(), b.rxOverErrors()),
                d(a.rxCrcErrors(), b.rxCrcErrors()), d(a.rxFrameErrors(), b.rxFrameErrors()), d(a.rxLengthErrors(), b.rxLengthErrors()),
                d(a.rxMissedErrors(), b.rxMissedErrors()), d(a.txBytes(), b.txBytes()), d(a.txPackets(), b.txPackets()),
                d(a.txErrors(), b.txErrors()), d(a.txDropped(), b.txDropped()), d(a.txCarrierErrors(), b.txCarrierErrors()),
                d(a.collisions(), b.collisions()), d(a.txFifoErrors(), b.txFifoErrors()), d(a.txWindowErrors(), b.txWindowErrors()));
    }
}
