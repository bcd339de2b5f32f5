package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import swsh.shell.Session;

/** Safe mode: a session that drops without a logout has its changes rolled back; a logout keeps them. */
class SafeModeTest {
    @Test
    void aDroppedSessionInSafeModeIsRolledBack() {
        TestSwitch sw = new TestSwitch();
        Session s = sw.session();
        TestSwitch.Run r = sw.script(s, "terminal safe-mode", "configure terminal", "vlan 20", "interface eth1", "shutdown", "end");
        assertEquals(0, r.failed(), r.err());
        assertTrue(r.out().contains("% Safe mode on"), r.out());
        assertFalse(sw.kernel.read().link("eth1").adminUp());
        s.dropped();
        assertFalse(sw.engine.running().hasVlan(20));
        assertTrue(sw.shell.audit.recent().stream().anyMatch(l -> l.contains("%SWSH-5-SAFE_MODE_ROLLBACK")));
    }

    @Test
    void leavingSafeModeKeepsTheChanges() {
        TestSwitch sw = new TestSwitch();
        Session s = sw.session();
        sw.script(s, "terminal safe-mode", "configure terminal", "vlan 20", "end", "terminal no safe-mode");
        s.dropped();
        assertTrue(sw.engine.running().hasVlan(20));
    }

    @Test
    void changesOfOtherSessionsAfterwardsAreNotUndone() {
        TestSwitch sw = new TestSwitch();
        Session s = sw.session();
        sw.script(s, "terminal safe-mode", "configure terminal", "vlan 20", "end");
        sw.script("configure terminal", "vlan 30", "end"); // someone else, later
        s.dropped();
        assertTrue(sw.engine.running().hasVlan(20) && sw.engine.running().hasVlan(30), "nothing rolled back");
        assertTrue(sw.shell.audit.recent().stream().anyMatch(l -> l.contains("%SWSH-4-SAFE_MODE_KEPT")));
    }
}
