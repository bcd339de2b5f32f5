package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static swsh.kernel.Net.sh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Ansible's cisco.ios resource modules, unmodified, against a fresh swsh over real SSH on a real
 * kernel bridge: the playbooks under src/test/resources/ansible run each state twice and assert
 * the second run changes nothing; this test then checks the kernel's VLANs and ports.
 */
@Tag("kernel")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnsibleResourcesTest extends OverSsh {
    /** Runs the playbook of that name (from the test resources); asserts it passed. */
    static LiveKernel.Result play(String name) throws IOException {
        Path play = SshFixture.DIR.resolve(name);
        try (InputStream in = AnsibleResourcesTest.class.getResourceAsStream("/ansible/" + name)) {
            Files.write(play, in.readAllBytes());
        }
        LiveKernel.Result r = SshClientsTest.ansible(play);
        assertEquals(0, r.status(), r.out() + r.err());
        return r;
    }

    static String vlans(String port) {
        return sh("bridge", "-n", SshFixture.NS, "-j", "vlan", "show", "dev", port);
    }

    @Test
    @Order(1)
    void iosVlansEveryStateIdempotentAndVlanOneLeftAlone() throws Exception {
        play("vlans.yml");
        String brief = fx.ssh("swadmin", null, "show vlan brief").out();
        assertTrue(brief.contains("\n1    default ") && brief.contains("\n20   green ") && brief.contains("\n40   white "), brief);
        for (String gone : new String[] {"\n10 ", "\n30 ", "\n50 "}) assertTrue(!brief.contains(gone), brief);
    }

    @Test
    @Order(2)
    void iosL2InterfacesEveryStateIdempotentOnEthPorts() throws Exception {
        play("l2_interfaces.yml");
        assertTrue(vlans("eth1").contains("\"vlan\":40,\"flags\":[\"PVID\",\"Egress Untagged\"]"), vlans("eth1"));
        // overridden cleared eth2's trunk and deleted cleared eth3: both are back in VLAN 1
        for (String p : new String[] {"eth2", "eth3"}) {
            String v = vlans(p);
            assertTrue(v.contains("\"vlan\":1,\"flags\":[\"PVID\",\"Egress Untagged\"]") && !v.contains("\"vlan\":40"), p + ": " + v);
        }
        String run = fx.ssh("swadmin", null, "show running-config").out();
        assertTrue(run.contains("interface eth1\n switchport access vlan 40\n switchport mode access\n"), run);
        assertTrue(!run.toLowerCase().contains("ethernet"), "only the kernel's names:\n" + run);
        String brief = fx.ssh("swadmin", null, "show vlan brief").out();
        assertTrue(brief.contains("\n40   white                            active    eth1\n"), brief);
    }

    @Test
    @Order(3)
    void iosFactsAllSubsetsNameTheInterfacesAndVlans() throws Exception {
        play("facts.yml");
    }
}
