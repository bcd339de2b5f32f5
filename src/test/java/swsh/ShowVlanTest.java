package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import swsh.kernel.FakeKernel;

/**
 * {@code show vlan} in a Catalyst 2960's full layout (what Ansible's cisco.ios vlans facts read),
 * {@code show vlan brief} without the second table, and the VLAN settings automation sends.
 */
class ShowVlanTest {
    /** eth1..eth12; VLAN 10 "blue" with eth1-9 (more than one line of ports), VLAN 20 unnamed with eth10. */
    static TestSwitch lab() {
        FakeKernel k = FakeKernel.of("eth1", "eth2", "eth3", "eth4", "eth5", "eth6", "eth7", "eth8", "eth9", "eth10",
                "eth11", "eth12");
        TestSwitch sw = new TestSwitch(k);
        TestSwitch.Run r = sw.script("conf t", "vlan 10", "name blue", "vlan 20", "int range eth1 - 9",
                "switchport access vlan 10", "int eth10", "switchport access vlan 20", "int eth12", "switchport mode trunk", "end");
        assertEquals(0, r.failed(), r.err());
        return sw;
    }

    static String out(TestSwitch sw, String cmd) {
        TestSwitch.Run r = sw.script(cmd);
        assertEquals(0, r.failed(), cmd + ": " + r.err());
        return r.out();
    }

    @Test
    void showVlanPrintsTheTypeTableAndTheTrailerOfACatalyst() {
        assertEquals("""

                VLAN Name                             Status    Ports
                ---- -------------------------------- --------- -------------------------------
                1    default                          active
                10   blue                             active    eth1, eth2, eth3, eth4, eth5,
                                                                eth6, eth7, eth8, eth9
                20   VLAN0020                         active    eth10

                VLAN Type  SAID       MTU   Parent RingNo BridgeNo Stp  BrdgMode Trans1 Trans2
                ---- ----- ---------- ----- ------ ------ -------- ---- -------- ------ ------
                1    enet  100001     1500  -      -      -        -    -        0      0
                10   enet  100010     1500  -      -      -        -    -        0      0
                20   enet  100020     1500  -      -      -        -    -        0      0

                Remote SPAN VLANs
                ------------------------------------------------------------------------------


                Primary Secondary Type              Ports
                ------- --------- ----------------- ------------------------------------------

                """, out(lab(), "show vlan"));
    }

    @Test
    void briefAndIdKeepTheirLayouts() {
        TestSwitch sw = lab();
        String brief = out(sw, "show vlan brief");
        assertTrue(brief.startsWith("\nVLAN Name "), brief);
        assertTrue(!brief.contains("VLAN Type") && !brief.contains("Remote SPAN"), brief);
        assertEquals("""

                VLAN Name                             Status    Ports
                ---- -------------------------------- --------- -------------------------------
                20   VLAN0020                         active    eth10

                VLAN Type  SAID       MTU   Parent RingNo BridgeNo Stp  BrdgMode Trans1 Trans2
                ---- ----- ---------- ----- ------ ------ -------- ---- -------- ------ ------
                20   enet  100020     1500  -      -      -        -    -        0      0
                """, out(sw, "show vlan id 20"));
    }

    /** What cisco.ios 4.6.1's vlans facts (Ansible's ios_vlans gathered) make of {@code show vlan}. */
    static String ansibleFacts(String showVlan) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", String.join("\n",
                "import sys, json",
                "from ansible_collections.cisco.ios.plugins.module_utils.network.ios.facts.vlans.vlans import VlansFacts",
                "facts = {'ansible_network_resources': {}}",
                "VlansFacts(None).populate_facts(None, facts, data=sys.stdin.read())",
                "for v in facts['ansible_network_resources']['vlans']: print(json.dumps(v, sort_keys=True))"))
                .redirectErrorStream(true).start();
        p.getOutputStream().write(showVlan.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void ansiblesVlansFactsReadEveryVlanWithItsNameStateAndMtu() throws Exception {
        TestSwitch sw = lab();
        // six ports in VLAN 10: five fit a line, and a last line of one port would hide VLAN 20 from Ansible
        assertEquals(0, sw.script("conf t", "int range eth7 - 9", "switchport access vlan 20", "vlan 30", "name red",
                "end").failed());
        String shown = out(sw, "show vlan");
        assertTrue(shown.contains("10   blue                             active    eth1, eth2, eth3,\n"
                + " ".repeat(48) + "eth4, eth5, eth6\n20 "), shown);
        assertEquals("""
                {"mtu": 1500, "name": "default", "shutdown": "disabled", "state": "active", "vlan_id": 1}
                {"mtu": 1500, "name": "blue", "shutdown": "disabled", "state": "active", "vlan_id": 10}
                {"mtu": 1500, "name": "VLAN0020", "shutdown": "disabled", "state": "active", "vlan_id": 20}
                {"mtu": 1500, "name": "red", "shutdown": "disabled", "state": "active", "vlan_id": 30}
                """, ansibleFacts(shown));
    }

    @Test
    void vlanStateMtuAndShutdownTakeOnlyWhatTheBridgeDoes() {
        TestSwitch sw = lab();
        TestSwitch.Run ok = sw.script("conf t", "vlan 10", "state active", "mtu 1500", "no shutdown", "no state active",
                "no state", "no mtu 1500", "no mtu", "end");
        assertEquals(0, ok.failed(), ok.err());
        String before = out(sw, "show running-config");
        TestSwitch.Run bad = sw.script("conf t", "vlan 10", "mtu 9000", "shutdown", "state suspend", "end");
        assertEquals(3, bad.failed(), bad.err());
        assertTrue(bad.err().contains("% Error: the MTU of VLANs is 1500 on this switch"), bad.err());
        assertTrue(bad.err().contains("% Error: VLAN 10 cannot be shut down on this switch"), bad.err());
        assertTrue(bad.err().contains("% Error: VLAN 10 cannot be suspended on this switch"), bad.err());
        assertEquals(before, out(sw, "show running-config"), "nothing changed");
        assertTrue(before.contains("vlan 10\n name blue\n!"), before);
    }
}
