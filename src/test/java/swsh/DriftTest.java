package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import swsh.kernel.Op;
import swsh.kernel.Plan;

/** Drift: what the kernel lost behind swsh's back is shown, repaired on request, and never repaired silently. */
class DriftTest {
    static TestSwitch configured() {
        TestSwitch sw = new TestSwitch();
        sw.script("configure terminal", "vlan 10", "interface eth1", "switchport access vlan 10", "interface eth2", "end");
        return sw;
    }

    @Test
    void aVlanDeletedBehindSwshsBackIsShownInConfigTerms() {
        TestSwitch sw = configured();
        assertEquals("The kernel matches the running-config.\n", sw.script("show configuration drift").out());
        sw.kernel.apply(new Plan(List.of(new Op.VlanDel("eth1", 10, 10, false))));
        String out = sw.script("show configuration drift").out();
        assertTrue(out.contains("interface eth1\n switchport access vlan 10\n ! kernel lacks: bridge vlan add dev eth1 vid 10 pvid untagged\n"),
                out);
        assertTrue(sw.script("configure replace system:running-config force").out().contains("Rollback Done"));
        assertEquals("The kernel matches the running-config.\n", sw.script("show configuration drift").out());
    }

    @Test
    void aChangeThatAlsoRepairsDriftSaysSo() {
        TestSwitch sw = configured();
        sw.kernel.apply(new Plan(List.of(new Op.SetUp("eth2", false))));
        sw.script("configure terminal", "vlan 20", "end");
        assertTrue(sw.kernel.read().link("eth2").adminUp(), "the plan against the kernel put eth2 up again");
        assertTrue(sw.shell.audit.recent().stream().anyMatch(l -> l.contains("%SWSH-5-DRIFT_REPAIRED")
                && l.contains("ip link set dev eth2 up")), sw.shell.audit.recent().toString());
    }

    @Test
    void theFirstChangeOfANewSwitchIsNoDriftRepair() {
        TestSwitch sw = configured();
        assertTrue(sw.shell.audit.recent().stream().noneMatch(l -> l.contains("DRIFT")), sw.shell.audit.recent().toString());
    }

    @Test
    void thePolicyIsPartOfTheRunningConfig() {
        TestSwitch sw = configured();
        sw.script("configure terminal", "drift restore", "end");
        assertTrue(sw.script("show running-config").out().contains("\ndrift restore\n"));
        sw.script("configure terminal", "drift report", "end");
        assertTrue(!sw.script("show running-config").out().contains("drift"));
    }
}
