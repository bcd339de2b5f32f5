package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import swsh.kernel.Op;
import swsh.kernel.Plan;

/** configure replace: the running config becomes the file's in one plan touching only what differs, or stays as it was. */
class ConfigureReplaceTest {
    static final String STARTUP = String.join("\n", "hostname edge", "!", "vlan 10,20", "!",
            "interface eth1", " switchport access vlan 10", "!", "interface eth2", " switchport access vlan 10", "!",
            "interface eth3", " switchport access vlan 20", "!", "end", "");

    static TestSwitch booted() throws Exception {
        TestSwitch sw = new TestSwitch();
        sw.engine.store.saveStartup(STARTUP);
        assertEquals(0, sw.script("copy startup-config running-config").failed());
        return sw;
    }

    @Test
    void replacesInOnePlanThatTouchesOnlyWhatDiffers() throws Exception {
        TestSwitch sw = booted();
        String startupRunning = sw.script("show running-config").out();
        sw.script("configure terminal", "vlan 30", "interface eth2", "switchport access vlan 30", "interface eth3",
                "description uplink", "end");
        int plans = sw.kernel.applied().size();
        TestSwitch.Run r = sw.script("configure replace nvram:startup-config list force");
        assertEquals(0, r.failed(), r.err());
        assertEquals(String.join("\n", "!Pass 1", "", "!List of Commands:", "no vlan 30", "interface eth2",
                " no switchport access vlan 30", " switchport access vlan 10", "interface eth3", " no description uplink",
                "end", "", "Total number of passes: 1", "Rollback Done", ""), r.out());
        assertEquals(startupRunning, sw.script("show running-config").out(), "running-config is the file's again");
        assertEquals(plans + 1, sw.kernel.applied().size(), "one plan");
        Plan plan = sw.kernel.applied().get(sw.kernel.applied().size() - 1);
        for (Plan.Batch b : plan.batches()) {
            for (Op op : b.ops()) {
                assertFalse(op.toString().contains("eth1"), "eth1 did not differ and is not touched: " + op);
            }
        }
        assertEquals(10, sw.engine.running().ifaces().get("eth2").accessVlan());
    }

    @Test
    void aFileWithAFailingLineReplacesNothing() throws Exception {
        TestSwitch sw = booted();
        sw.engine.store.saveStartup(STARTUP.replace("vlan 10,20", "vlan 10,20\n!\nspanning-tree bogus"));
        sw.script("configure terminal", "vlan 30", "end");
        String before = sw.script("show running-config").out();
        int plans = sw.kernel.applied().size();
        TestSwitch.Run r = sw.script("configure replace nvram:startup-config force");
        assertEquals(1, r.failed());
        assertTrue(r.err().contains("line 5: spanning-tree bogus"), r.err());
        assertTrue(r.err().contains("% Configuration replace aborted: 1 line(s) of nvram:startup-config failed; the running-config is unchanged"), r.err());
        assertEquals(before, sw.script("show running-config").out());
        assertEquals(plans, sw.kernel.applied().size(), "the kernel was not touched");
    }

    @Test
    void asksFirstAScriptTakesTheDefaultNoAndAYesReplaces() throws Exception {
        TestSwitch sw = booted();
        sw.script("configure terminal", "vlan 30", "end");
        TestSwitch.Run r = sw.script("configure replace nvram:startup-config");
        assertTrue(r.out().contains("Enter Y if you are sure you want to proceed. ? [no]:"), r.out());
        assertTrue(sw.engine.running().hasVlan(30), "a script takes the default answer, no: nothing replaced");
        String screen = sw.typed("enable\nconfigure replace nvram:startup-config\ny\nexit\n");
        assertTrue(screen.contains("Rollback Done"), screen);
        assertFalse(sw.engine.running().hasVlan(30), "answered y on the terminal: replaced");
    }
}
