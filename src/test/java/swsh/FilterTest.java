package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import swsh.shell.Session;

/** Output filters: a catastrophic regular expression still answers at once (RE2/J, linear time). */
class FilterTest {
    @Test
    void aBacktrackingBombRunsInLinearTime() {
        TestSwitch sw = new TestSwitch();
        Session s = sw.session();
        s.execute("configure terminal");
        s.execute("hostname " + "x".repeat(40));
        s.execute("end");
        String out = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> s.execute("show running-config | include ((x+)+)+y"));
        assertEquals("", out);
        assertEquals("hostname " + "x".repeat(40) + "\n", s.execute("show running-config | include ^hostname (x+)+$"));
    }
}
