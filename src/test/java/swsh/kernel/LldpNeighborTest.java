package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** lldpcli's JSON (as lldpd 1.0.16 of Debian 12 prints it, trimmed) read into neighbours. */
class LldpNeighborTest {
    static final String JSON = """
            {"lldp": [{"interface": [{"name": "eth1", "via": "LLDP", "rid": "1", "age": "0 day, 00:01:03",
              "chassis": [{"id": [{"type": "mac", "value": "4a:04:08:7a:94:23"}], "name": [{"value": "swA"}],
                "descr": [{"value": "Debian GNU/Linux 12 (bookworm) Linux 6.1.176"}],
                "mgmt-ip": [{"value": "fe80::4804:8ff:fe7a:9423"}],
                "capability": [{"type": "Bridge", "enabled": true}, {"type": "Router", "enabled": false},
                               {"type": "Station", "enabled": false}]}],
              "port": [{"id": [{"type": "ifname", "value": "eth3"}], "descr": [{"value": "uplink"}], "ttl": [{"value": "120"}]}],
              "lldp-med": [{"device-type": [{"value": "Network Connectivity Device"}],
                "policy": [{"apptype": "Voice", "defined": true, "vlan": [{"value": "100"}], "priority": [{"value": "Voice"}]}]}]}]}]}
            """;

    @Test
    void readsWhatTheShowsNeed() {
        List<LldpNeighbor> ns = LldpNeighbor.parse(JSON);
        assertEquals(1, ns.size());
        LldpNeighbor n = ns.get(0);
        assertEquals("eth1", n.localPort());
        assertEquals("swA", n.systemName());
        assertEquals("eth3", n.portId());
        assertEquals("uplink", n.portDescr());
        assertEquals(120, n.ttl());
        assertEquals(63, n.age());
        assertEquals(List.of("Bridge"), n.enabled());
        assertEquals(List.of("Bridge", "Router", "Station"), n.capabilities());
        assertEquals(List.of("Voice vlan 100"), n.policies());
        assertEquals(List.of(), LldpNeighbor.parse(""));
        assertEquals(90061, LldpNeighbor.age("1 day, 01:01:01"));
    }
}
