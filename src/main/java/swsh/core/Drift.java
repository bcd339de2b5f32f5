package swsh.core;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import swsh.kernel.BatchText;
import swsh.kernel.Op;
import swsh.kernel.Plan;

/**
 * Drift: the kernel no longer has what the running config says (someone ran {@code bridge vlan del},
 * {@code ip link set nomaster}, deleted the bridge...). After the kernel's events settle, the engine plans
 * the running config against the kernel; a plan that is not empty is drift. It is logged
 * ({@code %SWSH-4-DRIFT}) once per new difference, and either put right at once ({@code drift restore})
 * or left for the admin ({@code configure replace system:running-config}); a change made meanwhile
 * repairs it and says so ({@code %SWSH-5-DRIFT_REPAIRED}). What swsh does not own is never drift.
 */
public final class Drift {
    /** How long the kernel's events must be quiet before the check (a burst of one change is one check). */
    static final long SETTLE_MS = 500;

    private static final ScheduledExecutorService CHECKS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "swsh-drift");
        t.setDaemon(true);
        return t;
    });

    private final Engine engine;
    private volatile Consumer<String> log = m -> {};
    private ScheduledFuture<?> pending;
    /** The drift last logged: the same one is not logged again. */
    private List<Op> reported = List.of();

    Drift(Engine engine) {
        this.engine = engine;
    }

    void onLog(Consumer<String> l) {
        log = l;
    }

    /** Follows the kernel's events from now on (swshd). */
    public void watch() {
        engine.kernel.onChange(this::changed);
        changed();
    }

    /** Stops following the kernel's events. */
    public synchronized void stop() {
        engine.kernel.onChange(null);
        if (pending != null) pending.cancel(false);
        pending = null;
    }

    private synchronized void changed() {
        if (pending != null) pending.cancel(false);
        pending = CHECKS.schedule(this::check, SETTLE_MS, TimeUnit.MILLISECONDS);
    }

    /** Plans the running config against the kernel; logs new drift, and restores it when so configured. */
    void check() {
        try {
            Plan repair = engine.repairPlan();
            synchronized (this) {
                if (repair.ops().equals(reported)) return;
                reported = repair.ops();
            }
            if (repair.isEmpty()) return;
            log.accept("%SWSH-4-DRIFT: the kernel differs from the running-config (" + summary(repair)
                    + "); see show configuration drift");
            if (engine.running().driftRestore()) {
                engine.restore();
                log.accept("%SWSH-5-DRIFT_RESTORED: the kernel was put back to the running-config (drift restore)");
                synchronized (this) {
                    reported = List.of();
                }
            }
        } catch (RuntimeException e) {
            log.accept("%SWSH-3-DRIFT_CHECK: cannot compare the kernel with the running-config: "
                    + (e.getMessage() == null ? "internal error" : e.getMessage()));
        }
    }

    /** After a change that also put drift right. */
    void repaired(Plan repair) {
        log.accept("%SWSH-5-DRIFT_REPAIRED: this change also put back what the kernel had lost (" + summary(repair) + ")");
        synchronized (this) {
            reported = List.of();
        }
    }

    /** The first few repair lines, in iproute2's words. */
    static String summary(Plan repair) {
        List<String> lines = repair.ops().stream().map(BatchText::text).toList();
        String s = String.join("; ", lines.subList(0, Math.min(3, lines.size())));
        return lines.size() > 3 ? s + "; and " + (lines.size() - 3) + " more" : s;
    }
}
