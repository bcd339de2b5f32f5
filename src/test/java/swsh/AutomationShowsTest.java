package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The shows that automation issues first: what Ansible's ios_facts ({@code gather_subset: all},
 * cisco.ios 4.6.1's own parsers, run on the shell's answers) makes of them, and the layouts of
 * {@code show clock}, {@code show inventory} and the CDP/LLDP answers of a Catalyst without them.
 */
class AutomationShowsTest {
    /** Each command's answer as a client reads it over SSH: its output, or its error. */
    static List<String> answers(TestSwitch sw, String... cmds) {
        List<String> out = new ArrayList<>();
        for (String c : cmds) {
            TestSwitch.Run r = sw.script(c);
            out.add(r.out() + r.err());
        }
        return out;
    }

    /** Runs cisco.ios's legacy Interfaces facts on the answers to its five commands; prints what it found. */
    static String interfaceFacts(List<String> answers) throws Exception {
        StringBuilder py = new StringBuilder(String.join("\n",
                "import json, sys",
                "import ansible_collections.cisco.ios.plugins.module_utils.network.ios.facts.legacy.base as b",
                "answers = json.load(sys.stdin)",
                "b.run_commands = lambda module, commands, check_rc=True: answers",
                "f = b.Interfaces.__new__(b.Interfaces)",
                "f.module, f.facts, f.warnings = None, {}, []",
                "f.populate()",
                "print(' '.join(f.facts['interfaces']))",
                "print(f.facts['all_ipv4_addresses'], f.facts['all_ipv6_addresses'], f.facts['neighbors'])",
                "print(f.facts['interfaces']['eth1']['lineprotocol'], f.facts['interfaces']['Vlan10']['ipv4'])"));
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", py.toString()).redirectErrorStream(true).start();
        StringBuilder json = new StringBuilder("[");
        for (String a : answers) json.append(json.length() > 1 ? "," : "").append(jsonString(a));
        p.getOutputStream().write(json.append("]").toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    @Test
    void iosFactsFindEveryInterfaceByItsNameWithItsAddressesAndNoNeighbours() throws Exception {
        TestSwitch sw = ShowInterfacesTest.lab();
        String facts = interfaceFacts(answers(sw, "show interfaces", "show ip interface", "show ipv6 interface",
                "show lldp", "show cdp"));
        assertEquals("""
                Vlan10 Vlan20 eth1 eth2 eth3 eth4 eth5 eth6 eth7 eth8 eth9
                ['192.0.2.1'] [] {}
                up [{'address': '192.0.2.1', 'subnet': '24'}]
                """, facts);
    }

    @Test
    void cdpAndLldpAnswerAsACatalystWithThemDisabled() {
        TestSwitch sw = new TestSwitch();
        List<String> a = answers(sw, "show cdp", "show cdp neighbors", "show cdp neighbors detail", "show lldp",
                "show lldp neighbors", "show lldp neighbors detail");
        // printed as IOS prints it, not an error: automation takes it as the answer, not as a failure
        for (int i = 0; i < 3; i++) assertEquals("% CDP is not enabled\n", a.get(i));
        for (int i = 3; i < 6; i++) assertEquals("% LLDP is not enabled\n", a.get(i));
    }

    @Test
    void clockAndInventoryInIosLayout() {
        TestSwitch sw = ShowInterfacesTest.lab();
        String clock = sw.script("show clock").out();
        assertTrue(clock.matches("\\*\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\S+ (Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \\d{1,2} \\d{4}\\n"), clock);
        String inv = sw.script("show inventory").out();
        assertTrue(inv.startsWith("NAME: \"Switch\", DESCR: \"swsh 0.1.0 Linux bridge switch (swbr0)\"\nPID: swsh "), inv);
        assertTrue(inv.contains("NAME: \"eth9\", DESCR: \"Ethernet port, driver unknown, 10000 Mb/s\"\nPID: unknown           , VID:      , SN: "), inv);
        assertTrue(inv.contains("NAME: \"eth1\", DESCR: \"veth port, driver veth\"\nPID: veth"), inv);
        assertEquals(10, inv.split("NAME: ").length - 1, "the switch and its nine ports:\n" + inv);
    }
}
