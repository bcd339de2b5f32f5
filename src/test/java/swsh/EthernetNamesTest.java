package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import swsh.kernel.FakeKernel;

/**
 * {@code EthernetN} and its abbreviations (what Ansible's cisco.ios modules turn {@code ethN}
 * into) configure and show the kernel port {@code ethN}; the kernel's name is the only one printed.
 */
class EthernetNamesTest {
    /** Ports eth1..eth3, eth5, a port literally named e5, and enp3s0f1. */
    static TestSwitch lab() {
        return new TestSwitch(FakeKernel.of("eth1", "eth2", "eth3", "eth5", "e5", "enp3s0f1"));
    }

    static String out(TestSwitch sw, String... lines) {
        TestSwitch.Run r = sw.script(lines);
        assertEquals(0, r.failed(), r.err());
        return r.out();
    }

    @Test
    void ethernetNConfiguresEthNAndRunningConfigNamesOnlyTheKernelPort() {
        TestSwitch sw = lab();
        out(sw, "conf t", "interface Ethernet2", "description by ansible", "switchport access vlan 20",
                "interface range Ethernet1 - 2", "switchport mode access", "interface range Ethernet 3 , ETH1",
                "spanning-tree bpduguard enable", "interface Et3", "description three", "end");
        String run = out(sw, "show running-config");
        assertTrue(run.contains("interface eth2\n description by ansible\n switchport access vlan 20\n switchport mode access\n"), run);
        assertTrue(run.contains("interface eth3\n description three\n"), run);
        assertTrue(run.contains("interface eth1\n switchport mode access\n spanning-tree bpduguard enable\n"), run);
        assertFalse(run.toLowerCase().contains("ethernet"), "never a second spelling:\n" + run);
        assertEquals(out(sw, "show running-config interface eth2"), out(sw, "show running-config interface Ethernet2"));
        String status = out(sw, "show interfaces Eth2 status");
        assertTrue(status.contains("\neth2 ") && status.contains("by ansible") && !status.contains("eth1"), status);
    }

    @Test
    void aPortOfTheSpelledNameWinsAndOtherKernelNamesStayAsTheyAre() {
        TestSwitch sw = lab();
        out(sw, "conf t", "interface e5", "description literal", "interface Ethernet5", "description alias",
                "interface enp3s0f1", "description pci", "end");
        String run = out(sw, "show running-config");
        assertTrue(run.contains("interface e5\n description literal\n"), run);
        assertTrue(run.contains("interface eth5\n description alias\n"), run);
        assertTrue(run.contains("interface enp3s0f1\n description pci\n"), run);
    }

    @Test
    void anEthernetNumberWithoutAnEthPortIsNotFoundAndChangesNothing() {
        TestSwitch sw = lab();
        String before = out(sw, "show running-config");
        TestSwitch.Run r = sw.script("conf t", "interface Ethernet9", "description x", "interface range Ethernet3 - 4", "end");
        assertTrue(r.err().contains("% Invalid input: interface Ethernet9 not found"), r.err());
        assertTrue(r.err().contains("% Invalid input: interface Ethernet4 not found"), r.err());
        assertEquals(before, out(sw, "show running-config"));
    }
}
