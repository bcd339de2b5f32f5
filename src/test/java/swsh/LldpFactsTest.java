package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import swsh.kernel.LldpAgent;
import swsh.kernel.LldpNeighbor;

/**
 * The neighbour shows as automation reads them: Ansible's ios_facts (cisco.ios 4.6.1's legacy
 * Interfaces facts, which ask {@code show lldp}, {@code show cdp}, then {@code show lldp|cdp neighbors
 * detail}) on the answers of a switch whose agent heard one LLDP and one CDP neighbour.
 */
class LldpFactsTest {
    static TestSwitch withNeighbours() {
        TestSwitch sw = new TestSwitch();
        TestSwitch.Run r = sw.script("conf t", "lldp run", "cdp run", "int eth1", "int eth2", "end");
        assertEquals(0, r.failed(), r.err());
        ((LldpAgent.Memory) sw.engine.lldp).heard(List.of(
                new LldpNeighbor("eth1", "LLDP", "0a:00:00:00:00:01", "core2", "Debian GNU/Linux 12", "eth3", "uplink", 120,
                        List.of("Bridge", "Router"), List.of("Bridge"), List.of("192.0.2.9"), 20, List.of()),
                new LldpNeighbor("eth2", "CDPv2", "phone1", "phone1", "Linux 6.1", "eth0", "", 180, List.of("Tel"),
                        List.of("Tel"), List.of("192.0.2.10"), 30, List.of())));
        return sw;
    }

    @Test
    void catalystLayouts() {
        TestSwitch sw = withNeighbours();
        String lldp = sw.script("show lldp neighbors").out();
        assertTrue(lldp.contains("Device ID           Local Intf     Hold-time  Capability      Port ID\n"
                + "core2               eth1           120        B               eth3\n\nTotal entries displayed: 1\n"), lldp);
        String cdp = sw.script("show cdp neighbors").out();
        assertTrue(cdp.contains("Device ID        Local Intrfce     Holdtme    Capability  Platform  Port ID\n"
                + "phone1           eth2              150        P           Linux     eth0\n"), cdp);
        assertTrue(sw.script("show lldp neighbors Ethernet1").out().contains("Total entries displayed: 1\n"));
        assertTrue(sw.script("show lldp neighbors eth2 detail").out().endsWith("\nTotal entries displayed: 0\n"));
        assertEquals("\neth1:\n    Tx: enabled\n    Rx: enabled\n    Tx state: IDLE\n    Rx state: WAIT FOR FRAME\n\n",
                sw.script("show lldp interface eth1").out());
        String detail = sw.script("show lldp neighbors detail").out();
        assertTrue(detail.contains("Time remaining: 100 seconds\nSystem Capabilities: B,R\nEnabled Capabilities: B\n"
                + "Management Addresses:\n    IP: 192.0.2.9\n"), detail);
    }

    @Test
    void iosFactsReadTheNeighbours() throws Exception {
        TestSwitch sw = withNeighbours();
        StringBuilder json = new StringBuilder("{");
        for (String c : List.of("show interfaces", "show ip interface", "show ipv6 interface", "show lldp", "show cdp",
                "show lldp neighbors detail", "show cdp neighbors detail")) {
            TestSwitch.Run r = sw.script(c);
            json.append(json.length() > 1 ? "," : "").append(AutomationShowsTest.jsonString(c)).append(':')
                    .append(AutomationShowsTest.jsonString(r.out() + r.err()));
        }
        String py = String.join("\n",
                "import json, sys",
                "import ansible_collections.cisco.ios.plugins.module_utils.network.ios.facts.legacy.base as b",
                "answers = json.load(sys.stdin)",
                "b.run_commands = lambda module, commands, check_rc=True: [answers[c if isinstance(c, str) else c['command']] for c in commands]",
                "f = b.Interfaces.__new__(b.Interfaces)",
                "f.module, f.facts, f.warnings = None, {}, []",
                "f.populate()",
                "print(json.dumps(f.facts['neighbors'], sort_keys=True))");
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", py).redirectErrorStream(true).start();
        p.getOutputStream().write(json.append('}').toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        // cisco.ios names ports of LLDP entries by its own rule (eth1 -> Ethernet1); CDP's stay as printed
        assertEquals("{\"Ethernet1\": [{\"host\": \"core2\", \"ip\": \"192.0.2.9\", \"port\": \"eth3\"}], "
                + "\"eth2\": [{\"host\": \"phone1\", \"ip\": \"192.0.2.10\", \"platform\": \"Linux\", \"port\": \"eth0\"}]}\n", out);
    }
}
