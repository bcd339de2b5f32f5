package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import swsh.commands.Modes;
import swsh.shell.EnableGuard;
import swsh.shell.Session;
import swsh.shell.User;

/**
 * Wrong enable secrets are paced per user across sessions (1 s, 2 s, 4 s ... 30 s after each wrong
 * one in a row), each is logged as IOS logs it, and a right one afterwards works and resets the count.
 */
class EnableBackoffTest {
    static final User OP = new User("op", false, true, "vty 3", "192.0.2.7?");

    /** A switch with an enable secret, whose guard sleeps on a fake clock and records each wait. */
    static TestSwitch switchWithSecret(AtomicLong clock, List<Long> waits) {
        TestSwitch sw = new TestSwitch();
        sw.script("configure terminal", "enable secret s3cr3t", "end");
        sw.shell.enableGuard.pace(1000, 30_000, clock::get, ms -> {
            waits.add(ms);
            clock.addAndGet(ms);
        });
        return sw;
    }

    static Session session(TestSwitch sw) {
        return new Session(sw.shell, OP, false);
    }

    @Test
    void tenWrongSecretsWaitOneTwoFourUpToThirtySecondsThenARightOneWorks() {
        AtomicLong clock = new AtomicLong(1_000_000);
        List<Long> waits = Collections.synchronizedList(new ArrayList<>());
        TestSwitch sw = switchWithSecret(clock, waits);
        Session s = session(sw);
        long t0 = clock.get();
        // each enable asks three times; a script answers with its next lines
        TestSwitch.Run r = sw.script(s, "enable", "w1", "w2", "w3", "enable", "w4", "w5", "w6", "enable", "w7", "w8", "w9",
                "enable", "w10", "s3cr3t");
        assertEquals(3, r.failed(), r.err());
        assertEquals(Modes.EXEC, s.mode(), "the right secret after the back-off works");
        assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L, 30000L, 30000L), waits);
        assertEquals(181_000, clock.get() - t0, "the ten wrong secrets cost 181 s");
        List<String> fails = sw.shell.audit.recent().stream().filter(l -> l.contains("PRIV_AUTH_FAIL")).toList();
        assertEquals(10, fails.size(), String.join("\n", sw.shell.audit.recent()));
        assertTrue(fails.get(0).endsWith(
                ": %SYS-5-PRIV_AUTH_FAIL: Authentication to Privilege level 15 failed by op on vty 3 (192.0.2.7?)"), fails.get(0));
        assertEquals(0, sw.shell.enableGuard.failures("op"), "a right secret resets the count");
        s.close();
    }

    @Test
    void theCountIsSharedByAllSessionsOfTheUser() {
        AtomicLong clock = new AtomicLong(5_000_000);
        List<Long> waits = Collections.synchronizedList(new ArrayList<>());
        TestSwitch sw = switchWithSecret(clock, waits);
        Session a = session(sw), b = session(sw);
        sw.script(a, "enable", "x", "y", "z");
        assertEquals(3, sw.shell.enableGuard.failures("op"));
        // a fresh session does not start afresh: it waits out a's back-off first
        sw.script(b, "enable", "s3cr3t");
        assertEquals(Modes.EXEC, b.mode());
        assertEquals(List.of(1000L, 2000L, 4000L), waits);
        // someone else is not slowed by op's mistakes
        Session other = new Session(sw.shell, new User("op2", false, true, "vty 4", ""), false);
        sw.script(other, "enable", "s3cr3t");
        assertEquals(Modes.EXEC, other.mode());
        assertEquals(3, waits.size());
        a.close();
        b.close();
        other.close();
    }

    @Test
    void onARealClockTheScheduleTakesItsTime() {
        TestSwitch sw = new TestSwitch();
        sw.script("configure terminal", "enable secret s3cr3t", "end");
        // the production schedule scaled down a thousand times: 1 ms, 2 ms, ... at most 30 ms
        sw.shell.enableGuard.pace(1, 30, System::currentTimeMillis, Thread::sleep);
        Session s = session(sw);
        long t0 = System.nanoTime();
        sw.script(s, "enable", "a", "b", "c", "enable", "d", "e", "f", "enable", "g", "h", "i", "enable", "j", "s3cr3t");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Modes.EXEC, s.mode());
        assertTrue(ms >= 181, "took " + ms + " ms");
        s.close();
    }

    @Test
    void theDelayDoublesUpToTheCapAndNeverOverflows() {
        EnableGuard g = new EnableGuard();
        assertEquals(0, g.delayAfter(0));
        assertEquals(1000, g.delayAfter(1));
        assertEquals(16000, g.delayAfter(5));
        assertEquals(30000, g.delayAfter(6));
        assertEquals(30000, g.delayAfter(Integer.MAX_VALUE));
    }
}
