package swsh.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import swsh.model.Config;

/**
 * IOS's Rollback Confirmed Change ({@code configure terminal revert timer N}): a snapshot of the running
 * config taken when the timer is armed is put back, as one replace, unless {@code configure confirm}
 * comes first. The timer belongs to the engine (in swshd, the service), not to the session that armed
 * it: a client that dies or a dropped SSH connection does not stop it. It is not kept across a restart
 * of swshd (the kernel keeps its state; the startup-config is what a restart replays).
 */
public final class Rollback {
    /** A pending rollback: the config to go back to, who armed it, when the timer was (re)set and its length. */
    public record Pending(Config snapshot, String user, Instant set, int seconds) {
        /** The length as IOS shows it: {@code N min}, or {@code hh:mm:ss} when not whole minutes. */
        public String shown() {
            return seconds % 60 == 0 ? seconds / 60 + " min"
                    : String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
    }

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "swsh-revert-timer");
        t.setDaemon(true);
        return t;
    });

    private final Engine engine;
    private volatile Consumer<String> log = m -> {};
    private Duration minute = Duration.ofMinutes(1);
    private Pending pending;
    private ScheduledFuture<?> task;

    Rollback(Engine engine) {
        this.engine = engine;
    }

    /** Where the rollback's log messages go (the switch's log). */
    public void onLog(Consumer<String> l) {
        log = l;
    }

    /** How long a timer minute lasts: a minute, shorter in tests. */
    public synchronized void minute(Duration d) {
        minute = d;
    }

    /**
     * Arms the timer ({@code seconds} long) with the running config as the snapshot; when one is pending, only its timer is set
     * anew (the snapshot stays the first one, as on IOS).
     */
    public synchronized void arm(int seconds, String user) {
        if (pending == null) {
            pending = new Pending(engine.running(), user, Instant.now(), seconds);
            log.accept("%ARCHIVE_DIFF-5-ROLLBK_CNFMD_CHG_BACKUP: Backup config for rollback at expiration of timer");
        } else {
            pending = new Pending(pending.snapshot(), user, Instant.now(), seconds);
        }
        schedule();
        log.accept("%ARCHIVE_DIFF-5-ROLLBK_CNFMD_CHG_START_ABSTIMER: User: " + user
                + ": Scheduled to rollback to config system:rollback-snapshot in " + pending.shown());
    }

    /** {@code configure revert timer N}: the pending timer set to N seconds from now; false when none is pending. */
    public synchronized boolean reset(int seconds, String user) {
        if (pending == null) return false;
        pending = new Pending(pending.snapshot(), pending.user(), Instant.now(), seconds);
        schedule();
        log.accept("%ARCHIVE_DIFF-5-ROLLBK_CNFMD_CHG_TIMER_RESET: User: " + user + ": Rollback timer reset to " + pending.shown());
        return true;
    }

    /** Drops a pending rollback without a word (a commit that armed it and then failed). */
    public synchronized void forget() {
        cancel();
    }

    /** {@code configure confirm}: keeps the changes; false when nothing was pending. */
    public synchronized boolean confirm(String user) {
        if (pending == null) return false;
        cancel();
        log.accept("%ARCHIVE_DIFF-5-ROLLBK_CNFMD_CHG_CONFIRM: User: " + user + ": Confirm the configuration change");
        return true;
    }

    /** {@code configure revert now}: rolls back at once; false when nothing was pending. */
    public boolean now() {
        Config snapshot;
        synchronized (this) {
            if (pending == null) return false;
            snapshot = pending.snapshot();
            cancel();
        }
        revert(snapshot);
        return true;
    }

    public synchronized Optional<Pending> pending() {
        return Optional.ofNullable(pending);
    }

    private void schedule() {
        if (task != null) task.cancel(false);
        Pending armed = pending;
        task = TIMER.schedule(() -> expire(armed), minute.toMillis() * armed.seconds() / 60, TimeUnit.MILLISECONDS);
    }

    private void expire(Pending armed) {
        synchronized (this) {
            if (pending != armed) return; // confirmed or reset meanwhile
            cancel();
        }
        revert(armed.snapshot());
    }

    private void cancel() {
        if (task != null) task.cancel(false);
        task = null;
        pending = null;
    }

    private void revert(Config snapshot) {
        log.accept("%ARCHIVE_DIFF-5-ROLLBK_CNFMD_CHG_ROLLBACK_START: Start rolling to: system:rollback-snapshot");
        try {
            engine.replace(snapshot);
            log.accept("%ARCHIVE_DIFF-5-ROLLBK_CNFMD_CHG_ROLLBACK_DONE: Rollback to system:rollback-snapshot done");
        } catch (RuntimeException e) {
            log.accept("%ARCHIVE_DIFF-3-ROLLBK_CNFMD_CHG_ROLLBACK_FAIL: Rollback failed: "
                    + (e.getMessage() == null ? "internal error" : e.getMessage()));
        }
    }
}
