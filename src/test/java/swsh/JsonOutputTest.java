package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code | json}: the same data as the tables, as one JSON document per show, its values checked. */
class JsonOutputTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static TestSwitch configured() {
        TestSwitch sw = new TestSwitch();
        TestSwitch.Run r = sw.script("configure terminal", "vlan 10", "name blue", "interface range eth1 - 2", "switchport access vlan 10",
                "interface eth3", "switchport mode trunk", "switchport trunk allowed vlan 1,10", "end",
                "configure terminal", "mac address-table static 0050.7966.6801 vlan 10 interface eth1", "end");
        assertEquals(0, r.failed(), r.err());
        return sw;
    }

    static JsonNode json(TestSwitch sw, String line) throws Exception {
        TestSwitch.Run r = sw.script(line);
        assertEquals(0, r.failed(), r.err());
        return JSON.readTree(r.out());
    }

    static List<String> texts(JsonNode array) {
        return JSON.convertValue(array, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    @Test
    void vlansWithTheirPorts() throws Exception {
        TestSwitch sw = configured();
        JsonNode v = json(sw, "show vlan brief | json").path("vlans");
        assertEquals("blue", v.path("10").path("name").asText());
        assertEquals(List.of("eth1", "eth2"), texts(v.path("10").path("interfaces")));
        assertEquals(List.of("eth3"), texts(v.path("10").path("taggedInterfaces")));
        assertEquals(List.of("eth3"), texts(v.path("1").path("nativeInterfaces")));
        assertEquals(1500, v.path("10").path("mtu").asInt());
        List<String> ids = new java.util.ArrayList<>();
        json(sw, "show vlan id 10 | json").path("vlans").fieldNames().forEachRemaining(ids::add);
        assertEquals(List.of("10"), ids);
    }

    @Test
    void theMacTableSwitchportsStatusAndVersion() throws Exception {
        TestSwitch sw = configured();
        JsonNode mac = json(sw, "show mac address-table | json");
        JsonNode e = mac.path("unicastTable").path("tableEntries").get(0);
        assertEquals("0050.7966.6801", e.path("macAddress").asText());
        assertEquals(10, e.path("vlanId").asInt());
        assertEquals("eth1", e.path("interface").asText());
        assertEquals("static", e.path("entryType").asText());
        assertEquals(1, mac.path("totalEntries").asInt());

        JsonNode sp = json(sw, "show interfaces switchport | json").path("switchports");
        assertEquals("access", sp.path("eth1").path("mode").asText());
        assertEquals(10, sp.path("eth1").path("accessVlanId").asInt());
        assertEquals("trunk", sp.path("eth3").path("mode").asText());
        assertEquals("1,10", sp.path("eth3").path("trunkAllowedVlans").asText());

        JsonNode st = json(sw, "show interfaces status | json").path("interfaceStatuses");
        assertEquals("10", st.path("eth1").path("vlan").asText());
        assertEquals("trunk", st.path("eth3").path("vlan").asText());
        assertTrue(json(sw, "show interfaces counters | json").path("interfaces").has("eth1"));
        assertEquals("Switch", json(sw, "show version | json").path("hostname").asText());
        assertTrue(json(sw, "show spanning-tree | json").path("spanningTreeInstances").isEmpty(), "spanning tree is off");
    }

    @Test
    void aShowWithoutJsonSaysSoAndJsonTakesNoRegex() {
        TestSwitch sw = configured();
        TestSwitch.Run none = sw.script("show running-config | json");
        assertEquals(1, none.failed());
        assertTrue(none.err().contains("% This command has no JSON output (| json)"), none.err());
        TestSwitch.Run regex = sw.script("show vlan brief | json x");
        assertEquals(1, regex.failed());
        assertTrue(regex.err().contains("% Invalid input detected at '^' marker."), regex.err());
        assertTrue(sw.shell.grammar.help(swsh.commands.Modes.EXEC, "show vlan brief | ", src -> List.of()).stream()
                .anyMatch(h -> h.word().equals("json")), "? after | offers json");
    }
}
