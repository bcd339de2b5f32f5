package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import swsh.shell.Session;

/** configure session: edits collect in a candidate, the kernel sees nothing until commit, then one plan. */
class ConfigSessionTest {
    @Test
    void editsWaitForCommitThenApplyAsOnePlan() {
        TestSwitch sw = new TestSwitch();
        Session s = sw.session();
        int plans = sw.kernel.applied().size();
        TestSwitch.Run r = sw.script(s, "configure session s1", "vlan 20", "interface eth1", "switchport access vlan 20",
                "interface eth2", "shutdown", "end");
        assertEquals(0, r.failed(), r.err());
        assertEquals(plans, sw.kernel.applied().size(), "nothing reached the kernel");
        assertFalse(sw.engine.running().hasVlan(20), "nor the running-config");
        assertFalse(sw.script(s, "show running-config").out().contains("vlan 20"), "outside the session, running-config is shown");
        String diffs = sw.script(s, "show session-config diffs").out();
        assertEquals(String.join("\n", "", "!Contextual Config Diffs (session s1):", "+vlan 20", "+interface eth1",
                " +switchport access vlan 20", "+interface eth2", " +shutdown", "", ""), diffs);
        sw.script(s, "configure session s1", "interface eth1");
        assertEquals("Switch(config-s-s1-if)#", s.prompt());
        TestSwitch.Run c = sw.script(s, "commit");
        assertEquals(0, c.failed(), c.err());
        assertEquals("Switch#", s.prompt());
        assertEquals(plans + 1, sw.kernel.applied().size(), "one plan at commit");
        assertEquals(20, sw.engine.running().ifaces().get("eth1").accessVlan());
        assertFalse(sw.kernel.read().link("eth2").adminUp());
    }

    @Test
    void abortDropsTheCandidateAndOneSessionAtATime() {
        TestSwitch sw = new TestSwitch();
        Session s = sw.session();
        sw.script(s, "configure session a", "vlan 30", "end");
        TestSwitch.Run other = sw.script(s, "configure session b");
        assertEquals(1, other.failed());
        assertTrue(other.err().contains("% Error: configuration session a is pending"), other.err());
        sw.script(s, "configure session a", "abort");
        assertFalse(sw.engine.running().hasVlan(30));
        TestSwitch.Run none = sw.script(s, "show session-config diffs");
        assertTrue(none.err().contains("% Error: no configuration session is pending"), none.err());
        TestSwitch.Run commit = sw.script(s, "configure terminal", "commit");
        assertTrue(commit.err().contains("% Error: not in a configuration session"), commit.err());
    }

    @Test
    void commitTimerRollsBackUnlessConfirmed() throws Exception {
        TestSwitch sw = new TestSwitch();
        sw.engine.rollback.minute(java.time.Duration.ofMillis(600));
        Session s = sw.session();
        sw.script(s, "configure session t", "vlan 40", "commit timer 00:00:30");
        assertTrue(sw.engine.running().hasVlan(40), "committed");
        assertTrue(sw.script("show archive config rollback timer").out().contains("Timer value               : 00:00:30"));
        for (int i = 0; i < 100 && sw.engine.running().hasVlan(40); i++) Thread.sleep(20);
        assertFalse(sw.engine.running().hasVlan(40), "not confirmed: rolled back");
        sw.script(s, "configure session u", "vlan 50", "commit timer 00:00:30", "configure confirm");
        Thread.sleep(600);
        assertTrue(sw.engine.running().hasVlan(50), "confirmed: kept");
        TestSwitch.Run bad = sw.script(s, "configure session v", "commit timer 25:00:00", "abort");
        assertTrue(bad.err().contains("% Invalid input") || bad.err().contains("at most 24:00:00"), bad.err());
    }
}
