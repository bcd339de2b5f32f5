package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The show layouts automation clients parse (Catalyst column layouts, as TextFSM templates read
 * them), and that ordinary output never looks like an error to Ansible.
 */
class LayoutTest {
    static TestSwitch configured() {
        TestSwitch sw = new TestSwitch();
        sw.script("conf t", "spanning-tree", "vlan 10", "name blue", "vlan 20", "int range eth1 - 6", "sw acc vl 10",
                "int eth7", "sw mode trunk", "int eth8", "description uplink to core", "sw acc vl 20",
                "mac address-table static 0050.7966.6801 vlan 10 interface eth1", "end");
        sw.kernel.learn("02:00:00:00:00:aa", "eth2", 10);
        return sw;
    }

    @Test
    void showVlanBriefWrapsPortsUnderThePortsColumn() {
        assertEquals("""

                VLAN Name                             Status    Ports
                ---- -------------------------------- --------- -------------------------------
                1    default                          active
                10   blue                             active    eth1, eth2, eth3, eth4, eth5,
                                                                eth6
                20   VLAN0020                         active    eth8
                """, configured().script("show vlan brief").out());
    }

    @Test
    void showMacAddressTableIsTheClassicCatalystLayout() {
        assertEquals("""
                          Mac Address Table
                -------------------------------------------

                Vlan    Mac Address       Type        Ports
                ----    -----------       --------    -----
                  10    0050.7966.6801    STATIC      eth1
                  10    0200.0000.00aa    DYNAMIC     eth2
                Total Mac Addresses for this criterion: 2
                """, configured().script("show mac address-table").out());
    }

    @Test
    void showInterfacesStatusColumns() {
        String out = configured().script("show interfaces status").out();
        assertTrue(out.startsWith("\nPort      Name               Status       Vlan       Duplex  Speed Type\n"), out);
        assertTrue(out.contains("\neth7                         connected    trunk        auto   auto veth\n"), out);
        assertTrue(out.contains("\neth8      uplink to core     connected    20           auto   auto veth\n"), out);
    }

    @Test
    void showSpanningTreeRows() {
        String out = configured().script("show spanning-tree vlan 10").out();
        assertTrue(out.startsWith("\nVLAN0010\n  Spanning tree enabled protocol ieee\n"), out);
        assertTrue(out.contains("Interface           Role Sts Cost      Prio.Nbr Type\n"
                + "------------------- ---- --- --------- -------- --------------------------------\n"
                + "eth1                Desg FWD 100       128.1    P2p\n"), out);
    }

    @Test
    void showVersionHasTheLinesAnsibleReads() {
        String out = configured().script("show version").out();
        assertTrue(Pattern.compile("Version (\\S+)").matcher(out).find());
        assertTrue(Pattern.compile("(?m)^[Cc]isco (\\S+).+bytes of .*memory").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^Switch uptime is ").matcher(out).find(), out);
        assertTrue(Pattern.compile("image file is \"(.+)\"").matcher(out).find(), out);
        assertTrue(out.startsWith("Cisco IOS Software, swsh Software (swsh-LINUX-M), Version 0.1.0, RELEASE SOFTWARE (fc1)\n"));
    }

    /** Ansible's cisco.ios error patterns (terminal_stderr_re). */
    static final List<Pattern> ANSIBLE_ERRORS = List.of(
            Pattern.compile("% ?Error"), Pattern.compile("% ?Bad secret"),
            Pattern.compile("invalid input", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(?:incomplete|ambiguous) command", Pattern.CASE_INSENSITIVE),
            Pattern.compile("connection timed out", Pattern.CASE_INSENSITIVE), Pattern.compile("[^\\r\\n]+ not found"),
            Pattern.compile("Bad mask", Pattern.CASE_INSENSITIVE), Pattern.compile("[%\\S] ?Error: ?[\\s]+", Pattern.CASE_INSENSITIVE),
            Pattern.compile("Command authorization failed"), Pattern.compile("Command Rejected: ?[\\s]+", Pattern.CASE_INSENSITIVE),
            Pattern.compile("ERROR:"), Pattern.compile("% Invalid"));

    @Test
    void ordinaryOutputNeverLooksLikeAnErrorAndErrorsDo() {
        TestSwitch sw = configured();
        for (String cmd : List.of("show version", "show vlan brief", "show vlan", "show running-config", "show interfaces status",
                "show interfaces switchport", "show interfaces trunk", "show spanning-tree", "show mac address-table",
                "show mac address-table count", "show privilege", "terminal length 0", "terminal width 511", "write memory",
                "show startup-config", "show running-config | section ^interface", "show users", "show logging",
                "show interfaces", "show interfaces eth1", "show interfaces eth1 status", "show interfaces counters",
                "show ip interface brief")) {
            TestSwitch.Run r = sw.script(cmd);
            assertEquals(0, r.failed(), cmd + ": " + r.err());
            for (Pattern p : ANSIBLE_ERRORS) assertFalse(p.matcher(r.out()).find(), cmd + " output matches " + p + ":\n" + r.out());
        }
        for (String bad : List.of("show vlan bogus", "conf", "s", "interface eth99")) {
            TestSwitch.Run r = sw.script(bad);
            assertTrue(ANSIBLE_ERRORS.stream().anyMatch(p -> p.matcher(r.err()).find()), bad + " -> " + r.err());
        }
    }
}
