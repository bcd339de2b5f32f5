package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The show commands parsed by the TextFSM template that ntc-templates' cisco_ios index picks for
 * them (a pinned copy under src/test/resources/ntc-templates, read with Debian's python3-textfsm),
 * as netmiko's {@code use_textfsm} parses them; each check reads values back (VLAN to ports, MAC to
 * port), not only that parsing succeeded. A line a template does not expect fails the parse.
 */
class TextFsmTest {
    static final Path TEMPLATES;

    static {
        try {
            TEMPLATES = Path.of(TextFsmTest.class.getResource("/ntc-templates/index").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows the index's template for {@code cmd} makes of the switch's output, one per line: FIELD=value|... */
    static List<String> parse(TestSwitch sw, String cmd) throws Exception {
        TestSwitch.Run r = sw.script(cmd);
        assertEquals(0, r.failed(), cmd + ": " + r.err());
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", String.join("\n",
                "import sys",
                "from textfsm import clitable",
                "t = clitable.CliTable('index', sys.argv[1])",
                "t.ParseCmd(sys.stdin.read(), {'Command': sys.argv[2], 'Platform': 'cisco_ios'})",
                "for row in t:",
                "    print('|'.join('%s=%s' % (h, ','.join(v) if isinstance(v, list) else v) for h, v in zip(t.header, row)))"),
                TEMPLATES.toString(), cmd).redirectErrorStream(true).start();
        p.getOutputStream().write(r.out().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), cmd + " did not parse:\n" + out + "\n--- output was:\n" + r.out());
        return out.lines().toList();
    }

    /** The row whose field {@code key} is {@code value}. */
    static String row(List<String> rows, String key, String value) {
        for (String r : rows) if (("|" + r + "|").contains("|" + key + "=" + value + "|")) return "|" + r + "|";
        throw new AssertionError("no row with " + key + "=" + value + " in:\n" + String.join("\n", rows));
    }

    static void has(String row, String... fields) {
        for (String f : fields) assertTrue(row.contains("|" + f + "|"), f + " in " + row);
    }

    @Test
    void vlansWithTheirPortsInShowVlanAndShowVlanBrief() throws Exception {
        TestSwitch sw = LayoutTest.configured();
        for (String cmd : new String[] {"show vlan brief", "show vlan"}) {
            List<String> rows = parse(sw, cmd);
            assertEquals(3, rows.size(), cmd + ": " + rows);
            has(row(rows, "VLAN_ID", "10"), "VLAN_NAME=blue", "STATUS=active", "INTERFACES=eth1,eth2,eth3,eth4,eth5,eth6");
            has(row(rows, "VLAN_ID", "20"), "VLAN_NAME=VLAN0020", "INTERFACES=eth8");
            has(row(rows, "VLAN_ID", "1"), "VLAN_NAME=default", "INTERFACES=");
        }
    }

    @Test
    void macAddressTableMapsEachMacToItsPortAndVlan() throws Exception {
        List<String> rows = parse(LayoutTest.configured(), "show mac address-table");
        has(row(rows, "DESTINATION_ADDRESS", "0050.7966.6801"), "TYPE=STATIC", "VLAN_ID=10", "DESTINATION_PORT=eth1");
        has(row(rows, "DESTINATION_ADDRESS", "0200.0000.00aa"), "TYPE=DYNAMIC", "VLAN_ID=10", "DESTINATION_PORT=eth2");
    }

    @Test
    void interfacesStatusSwitchportAndDetail() throws Exception {
        TestSwitch sw = ShowInterfacesTest.lab();
        List<String> status = parse(sw, "show interfaces status");
        has(row(status, "PORT", "eth1"), "NAME=uplink to core", "STATUS=connected", "VLAN_ID=10");
        has(row(status, "PORT", "eth3"), "STATUS=connected", "VLAN_ID=trunk");
        has(row(status, "PORT", "eth4"), "STATUS=disabled", "VLAN_ID=1");
        List<String> sp = parse(sw, "show interfaces switchport");
        has(row(sp, "INTERFACE", "eth1"), "ADMIN_MODE=static access", "ACCESS_VLAN=10");
        has(row(sp, "INTERFACE", "eth3"), "ADMIN_MODE=trunk", "NATIVE_VLAN=1", "TRUNKING_VLANS=ALL");
        List<String> detail = parse(sw, "show interfaces");
        has(row(detail, "INTERFACE", "eth1"), "LINK_STATUS=up", "PROTOCOL_STATUS=up (connected)", "DESCRIPTION=uplink to core",
                "INPUT_PACKETS=4321", "MTU=1500");
        has(row(detail, "INTERFACE", "Vlan10"), "IP_ADDRESS=192.0.2.1", "PREFIX_LENGTH=24");
        has(row(detail, "INTERFACE", "eth4"), "LINK_STATUS=administratively down");
    }

    @Test
    void spanningTreeAndVersion() throws Exception {
        TestSwitch sw = LayoutTest.configured();
        List<String> stp = parse(sw, "show spanning-tree");
        // the bridge runs one spanning tree for all VLANs, shown as VLAN0001
        has(row(stp, "INTERFACE", "eth7"), "VLAN_ID=1", "ROLE=Desg", "STATUS=FWD", "COST=100");
        List<String> ver = parse(sw, "show version");
        assertEquals(1, ver.size(), ver.toString());
        has("|" + ver.get(0) + "|", "VERSION=0.1.0", "HOSTNAME=Switch");
    }
}
