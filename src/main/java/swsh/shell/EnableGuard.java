package swsh.shell;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Paces {@code enable} secrets per user, across all of that user's sessions: after the n-th wrong
 * secret in a row the next one is checked no sooner than {@code base * 2^(n-1)} later (1 s, 2 s,
 * 4 s, ... up to {@code cap}, 30 s); a right one resets the count, and so do {@link #FORGET} minutes
 * without a wrong one. Checks of one user are serialized, so parallel sessions gain nothing.
 */
public final class EnableGuard {
    /** Sleeps the calling thread; a test swaps in one that only moves its clock. */
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** After this long without a wrong secret, a user's count starts again from zero. */
    public static final long FORGET = 15 * 60_000L;

    private static final class Tries {
        int failures;
        long last;
        long notBefore;
    }

    private final Map<String, Tries> users = new ConcurrentHashMap<>();
    private volatile long base = 1000;
    private volatile long cap = 30_000;
    private volatile LongSupplier clock = System::currentTimeMillis;
    private volatile Sleeper sleeper = Thread::sleep;

    /** Changes the pace (milliseconds) and the clock: tests run the schedule scaled down or on a fake clock. */
    public EnableGuard pace(long baseMillis, long capMillis, LongSupplier clockMillis, Sleeper sleep) {
        this.base = baseMillis;
        this.cap = capMillis;
        this.clock = clockMillis;
        this.sleeper = sleep;
        return this;
    }

    /** The wait after the {@code failures}-th wrong secret in a row. */
    public long delayAfter(int failures) {
        if (failures <= 0) return 0;
        long d = base << Math.min(failures - 1, 30);
        return d < 0 || d > cap ? cap : d;
    }

    /**
     * Waits until {@code user} may try again, then runs {@code check} (whether the secret is right)
     * and books the outcome. False also when the wait was interrupted.
     */
    public boolean attempt(String user, BooleanSupplier check) {
        Tries t = users.computeIfAbsent(user, u -> new Tries());
        synchronized (t) {
            long wait = t.notBefore - clock.getAsLong();
            if (wait > 0) {
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            boolean ok = check.getAsBoolean();
            long now = clock.getAsLong();
            if (ok) {
                t.failures = 0;
                t.notBefore = 0;
            } else {
                if (now - t.last > FORGET) t.failures = 0;
                t.failures++;
                t.last = now;
                t.notBefore = now + delayAfter(t.failures);
            }
            return ok;
        }
    }

    /** Wrong secrets in a row so far for {@code user}. */
    public int failures(String user) {
        Tries t = users.get(user);
        if (t == null) return 0;
        synchronized (t) {
            return t.failures;
        }
    }

    /**
     * {@code enable} for a user who is not an admin: a member of the swsh group gets three tries at the
     * enable secret (each wrong one paced per user across sessions and logged, as IOS logs it); anyone else
     * is refused. Returns on success, else throws the IOS error.
     */
    void authenticate(User user, String hash, swsh.client.Cli.Asker asker, Audit audit) {
        if (!user.member()) {
            throw new CliException("% Error in authentication: " + user.name() + " is not in group "
                    + User.MEMBER_GROUP + " or " + User.ADMIN_GROUP);
        }
        if (hash == null) throw new CliException("% Error: No password set");
        boolean ok = false;
        for (int i = 0; i < 3 && !ok; i++) {
            String secret = asker.ask("Password: ", true);
            ok = attempt(user.name(), () -> swsh.model.Secret.matches(secret, hash));
            if (!ok) audit.log(Audit.privAuthFail(user));
        }
        if (!ok) throw new CliException("% Bad secrets");
    }
}
