package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import swsh.shell.Session;

/** configure terminal revert timer: unconfirmed changes go back when the timer runs out, even with the session gone. */
class RevertTimerTest {
    static TestSwitch fast() {
        TestSwitch sw = new TestSwitch();
        sw.engine.rollback.minute(Duration.ofMillis(300));
        sw.script("configure terminal", "vlan 10", "interface eth1", "switchport access vlan 10", "interface eth2", "end");
        return sw;
    }

    @Test
    void unconfirmedChangesRollBackWhenTheTimerRunsOutAfterTheSessionIsGone() throws Exception {
        TestSwitch sw = fast();
        Session s = sw.session();
        TestSwitch.Run r = sw.script(s, "configure terminal revert timer 2", "vlan 20", "interface eth1",
                "switchport access vlan 20", "interface eth2", "shutdown", "end");
        assertEquals(0, r.failed(), r.err());
        assertEquals(20, sw.engine.running().ifaces().get("eth1").accessVlan());
        assertTrue(sw.script("show archive config rollback timer").out().contains("Timer value               : 2 min"));
        s.close(); // the session that armed it is gone
        assertTrue(TestSwitch.eventually(() -> !sw.engine.running().hasVlan(20)), "rolled back");
        assertEquals(10, sw.engine.running().ifaces().get("eth1").accessVlan());
        assertTrue(sw.kernel.read().link("eth2").adminUp(), "the kernel too: eth2 is up again");
        List<String> log = sw.shell.audit.recent();
        assertTrue(log.stream().anyMatch(l -> l.contains("%ARCHIVE_DIFF-5-ROLLBK_CNFMD_CHG_ROLLBACK_START")), log.toString());
        assertEquals(1, sw.script("show archive config rollback timer").failed(), "nothing pending any more");
    }

    @Test
    void confirmKeepsTheChanges() throws Exception {
        TestSwitch sw = fast();
        sw.script("configure terminal revert timer 1", "vlan 20", "end", "configure confirm");
        Thread.sleep(900);
        assertTrue(sw.engine.running().hasVlan(20), "confirmed: kept");
        TestSwitch.Run again = sw.script("configure confirm");
        assertEquals(1, again.failed());
        assertTrue(again.err().contains("% Error: no Rollback Confirmed Change is pending"), again.err());
    }

    @Test
    void revertNowAndTheFirstSnapshotWins() throws Exception {
        TestSwitch sw = fast();
        sw.script("configure terminal revert timer 60", "vlan 20", "end");
        // arming again resets the timer but keeps the first snapshot
        sw.script("configure terminal revert timer 60", "vlan 30", "end");
        TestSwitch.Run r = sw.script("configure revert now");
        assertEquals("Rollback Done\n", r.out());
        assertFalse(sw.engine.running().hasVlan(20));
        assertFalse(sw.engine.running().hasVlan(30));
        assertTrue(sw.engine.running().hasVlan(10));
    }
}
