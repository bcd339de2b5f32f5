package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What {@link LiveKernel} reads from {@code ip -s -s -j -d addr show}: a sample in the shape iproute2
 * 6.1 prints (a switch namespace with its management NIC, a bridge port, the bridge and an SVI),
 * without root or a kernel.
 */
class LiveKernelParseTest {
    static final String SAMPLE = """
            [{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"qdisc":"noqueue",
              "operstate":"UNKNOWN","group":"default","txqlen":1000,"link_type":"loopback",
              "address":"00:00:00:00:00:00","broadcast":"00:00:00:00:00:00","promiscuity":0,"allmulti":0,
              "min_mtu":0,"max_mtu":0,"num_tx_queues":1,"num_rx_queues":1,"gso_max_size":65536,"gso_max_segs":65535,
              "addr_info":[{"family":"inet","local":"127.0.0.1","prefixlen":8,"scope":"host","label":"lo",
                            "valid_life_time":4294967295,"preferred_life_time":4294967295}],
              "stats64":{"rx":{"bytes":3245,"packets":30,"errors":0,"dropped":0,"over_errors":0,"multicast":0,
                               "length_errors":0,"crc_errors":0,"frame_errors":0,"fifo_errors":0,"missed_errors":0},
                         "tx":{"bytes":3245,"packets":30,"errors":0,"dropped":0,"carrier_errors":0,"collisions":0,
                               "aborted_errors":0,"fifo_errors":0,"window_errors":0,"heartbeat_errors":0,
                               "carrier_changes":0}}},
             {"ifindex":2,"ifname":"eth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,
              "qdisc":"fq_codel","operstate":"UP","group":"default","txqlen":1000,"link_type":"ether",
              "address":"52:54:00:12:34:56","broadcast":"ff:ff:ff:ff:ff:ff","promiscuity":0,"allmulti":0,
              "min_mtu":68,"max_mtu":9216,"num_tx_queues":4,"num_rx_queues":4,"gso_max_size":65536,
              "gso_max_segs":65535,"parentbus":"pci","parentdev":"0000:00:03.0",
              "addr_info":[{"family":"inet","local":"198.51.100.7","prefixlen":24,"broadcast":"198.51.100.255",
                            "scope":"global","label":"eth0","valid_life_time":4294967295,
                            "preferred_life_time":4294967295},
                           {"family":"inet6","local":"fe80::5054:ff:fe12:3456","prefixlen":64,"scope":"link",
                            "valid_life_time":4294967295,"preferred_life_time":4294967295}],
              "stats64":{"rx":{"bytes":987654321012,"packets":7654321,"errors":17,"dropped":5,"over_errors":2,
                               "multicast":4321,"length_errors":3,"crc_errors":9,"frame_errors":1,"fifo_errors":0,
                               "missed_errors":2},
                         "tx":{"bytes":123456789,"packets":654321,"errors":4,"dropped":6,"carrier_errors":1,
                               "collisions":3,"aborted_errors":0,"fifo_errors":7,"window_errors":8,
                               "heartbeat_errors":0,"carrier_changes":4}}},
             {"ifindex":4,"link_index":2,"ifname":"eth1","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],
              "mtu":1500,"qdisc":"noqueue","master":"swbr0","operstate":"UP","group":"default","txqlen":1000,
              "link_type":"ether","address":"06:71:4b:6b:37:93","broadcast":"ff:ff:ff:ff:ff:ff","link_netnsid":0,
              "promiscuity":1,"allmulti":1,"min_mtu":68,"max_mtu":65535,
              "linkinfo":{"info_kind":"veth","info_slave_kind":"bridge",
                          "info_slave_data":{"state":"forwarding","priority":32,"cost":2,"hairpin":false,
                                             "guard":false,"root_block":false,"fastleave":false,"learning":true,
                                             "flood":true,"id":"0x8001","no":"0x1","designated_port":32769,
                                             "designated_cost":0,"bridge_id":"8000.6:71:4b:6b:37:93",
                                             "root_id":"8000.6:71:4b:6b:37:93","hold_timer":0.00,
                                             "message_age_timer":0.00,"forward_delay_timer":0.00,
                                             "topology_change_ack":0,"config_pending":0,"proxy_arp":false,
                                             "proxy_arp_wifi":false,"multicast_router":1,"mcast_flood":true,
                                             "neigh_suppress":false,"group_fwd_mask":"0","group_fwd_mask_str":"0x0",
                                             "vlan_tunnel":false,"isolated":false}},
              "num_tx_queues":2,"num_rx_queues":2,"gso_max_size":65536,"gso_max_segs":65535,"ifalias":"uplink to core",
              "addr_info":[],
              "stats64":{"rx":{"bytes":1132,"packets":14,"errors":0,"dropped":1,"over_errors":0,"multicast":3,
                               "length_errors":0,"crc_errors":0,"frame_errors":0,"fifo_errors":0,"missed_errors":0},
                         "tx":{"bytes":936,"packets":12,"errors":0,"dropped":0,"carrier_errors":0,"collisions":0,
                               "aborted_errors":0,"fifo_errors":0,"window_errors":0,"heartbeat_errors":0,
                               "carrier_changes":2}}},
             {"ifindex":7,"ifname":"swbr0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,
              "qdisc":"noqueue","operstate":"UP","group":"default","txqlen":1000,"link_type":"ether",
              "address":"06:71:4b:6b:37:93","broadcast":"ff:ff:ff:ff:ff:ff","promiscuity":0,"allmulti":0,
              "min_mtu":68,"max_mtu":65535,
              "linkinfo":{"info_kind":"bridge","info_data":{"forward_delay":1500,"hello_time":200,"max_age":2000,
                          "ageing_time":30000,"stp_state":1,"priority":32768,"vlan_filtering":1,"vlan_protocol":"802.1Q",
                          "bridge_id":"8000.6:71:4b:6b:37:93","root_id":"8000.6:71:4b:6b:37:93","root_port":0,
                          "root_path_cost":0,"topology_change":0,"topology_change_detected":0,"hello_timer":0.55,
                          "tcn_timer":0.00,"topology_change_timer":0.00,"gc_timer":104.31,"vlan_default_pvid":0,
                          "vlan_stats_enabled":0,"vlan_stats_per_port":0,"group_fwd_mask":"0",
                          "group_addr":"01:80:c2:00:00:00","mcast_snooping":1,"mcast_router":1}},
              "num_tx_queues":1,"num_rx_queues":1,"gso_max_size":65536,"gso_max_segs":65535,"addr_info":[],
              "stats64":{"rx":{"bytes":420,"packets":6,"errors":0,"dropped":0,"over_errors":0,"multicast":2},
                         "tx":{"bytes":2406,"packets":21,"errors":0,"dropped":0,"carrier_errors":0,"collisions":0}}},
             {"ifindex":8,"ifname":"swbr0.10","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,
              "qdisc":"noqueue","operstate":"UP","group":"default","txqlen":1000,"link_type":"ether",
              "address":"06:71:4b:6b:37:93","broadcast":"ff:ff:ff:ff:ff:ff","promiscuity":0,"allmulti":0,
              "min_mtu":0,"max_mtu":65535,"link":"swbr0",
              "linkinfo":{"info_kind":"vlan","info_data":{"protocol":"802.1Q","id":10,"flags":["REORDER_HDR"]}},
              "num_tx_queues":1,"num_rx_queues":1,"gso_max_size":65536,"gso_max_segs":65535,
              "addr_info":[{"family":"inet","local":"192.0.2.1","prefixlen":24,"scope":"global","label":"swbr0.10",
                            "valid_life_time":4294967295,"preferred_life_time":4294967295}],
              "stats64":{"rx":{"bytes":840,"packets":10,"errors":0,"dropped":0,"over_errors":0,"multicast":0,
                               "length_errors":0,"crc_errors":0,"frame_errors":0,"fifo_errors":0,"missed_errors":0},
                         "tx":{"bytes":1016,"packets":12,"errors":0,"dropped":0,"carrier_errors":0,"collisions":0,
                               "aborted_errors":0,"fifo_errors":0,"window_errors":0,"heartbeat_errors":0,
                               "carrier_changes":1}}}]
            """;

    @Test
    void everyCounterOfStats64IsRead() {
        Map<String, State.Link> links = KernelJson.links(SAMPLE);
        assertEquals(List.of("eth0", "eth1", "lo", "swbr0", "swbr0.10"), List.copyOf(links.keySet()));
        assertEquals(new State.Stats(987654321012L, 7654321, 17, 5, 4321, 2, 9, 1, 3, 2,
                123456789, 654321, 4, 6, 1, 3, 7, 8), links.get("eth0").stats());
        State.Stats eth1 = links.get("eth1").stats();
        assertEquals(1132, eth1.rxBytes());
        assertEquals(14, eth1.rxPackets());
        assertEquals(1, eth1.rxDropped());
        assertEquals(3, eth1.rxMulticast());
        assertEquals(936, eth1.txBytes());
        assertEquals(12, eth1.txPackets());
    }

    @Test
    void oneDashSOutputLacksTheDetailedErrorsWhichReadAsZero() {
        State.Stats br = KernelJson.links(SAMPLE).get("swbr0").stats();
        assertEquals(new State.Stats(420, 6, 0, 0, 2, 0, 0, 0, 0, 0, 2406, 21, 0, 0, 0, 0, 0, 0), br);
    }

    @Test
    void hardwareAndTheRestOfTheLink() {
        Map<String, State.Link> links = KernelJson.links(SAMPLE);
        State.Link eth0 = links.get("eth0"), eth1 = links.get("eth1"), svi = links.get("swbr0.10");
        assertEquals(new State.Hardware("ether", 1000, "fq_codel", null, null), eth0.hw());
        assertEquals("loopback", links.get("lo").hw().linkType());
        assertNull(eth0.kind());
        assertEquals(List.of("198.51.100.7/24"), eth0.addrs(), "IPv4 only");
        assertEquals("veth", eth1.kind());
        assertEquals("swbr0", eth1.master());
        assertEquals("uplink to core", eth1.alias());
        assertEquals(3, eth1.port().state(), "forwarding");
        assertTrue(eth1.adminUp() && eth1.lowerUp());
        assertEquals(10, svi.vlanId());
        assertEquals("swbr0", svi.vlanLink());
        assertEquals(List.of("192.0.2.1/24"), svi.addrs());
        assertTrue(links.get("swbr0").bridge().vlanFiltering());
    }

    @Test
    void speedAndDuplexOnlyForPhysicalNicsWithCarrier() {
        Map<String, State.Link> links = KernelJson.links(SAMPLE);
        assertTrue(LinkModes.hasMode(links.get("eth0")));
        for (String veth : List.of("eth1", "lo", "swbr0", "swbr0.10")) assertFalse(LinkModes.hasMode(links.get(veth)), veth);
    }

    @Test
    void sysfsOfTheSwitchNamespaceAsGrepPrintsIt() {
        State.Link eth0 = KernelJson.links(SAMPLE).get("eth0");
        assertEquals(List.of("ip", "netns", "exec", "sw", "grep", "-sH", ".", "/sys/class/net/eth0/speed"),
                LinkModes.grepArgv("sw", List.of("/sys/class/net/eth0/speed")));
        Map<String, String> files = LinkModes.grepped("""
                /sys/class/net/eth0/ifindex:2
                /sys/class/net/eth0/speed:1000
                /sys/class/net/eth0/duplex:full
                """);
        assertEquals(new State.Hardware("ether", 1000, "fq_codel", 1000, "full"), LinkModes.mode(eth0, files));
        // no carrier yet: the kernel says -1 and unknown
        assertEquals(new State.Hardware("ether", 1000, "fq_codel", null, null), LinkModes.mode(eth0,
                Map.of("/sys/class/net/eth0/ifindex", "2", "/sys/class/net/eth0/speed", "-1",
                        "/sys/class/net/eth0/duplex", "unknown")));
        // another namespace's eth0 (another ifindex) is not taken for this one
        assertNull(LinkModes.mode(eth0, Map.of("/sys/class/net/eth0/ifindex", "5", "/sys/class/net/eth0/speed", "100")));
    }

    /** {@code bridge -j fdb show br swbr0} as iproute2 6.1 prints it: the bridge's own, static, permanent, learned and aged entries. */
    static final String FDB = """
            [{"mac":"33:33:00:00:00:01","ifname":"swbr0","flags":["self"],"state":"permanent"},
             {"mac":"02:00:00:00:00:02","ifname":"eth1","vlan":5,"flags":[],"master":"swbr0","state":"static"},
             {"mac":"aa:2c:84:9d:9c:d3","ifname":"eth1","vlan":5,"flags":[],"master":"swbr0","state":"permanent"},
             {"mac":"33:33:00:00:00:01","ifname":"eth1","flags":["self"],"state":"permanent"},
             {"mac":"02:00:00:00:00:aa","ifname":"eth2","vlan":10,"flags":[],"master":"swbr0"},
             {"mac":"02:00:00:00:00:bb","ifname":"eth2","vlan":10,"flags":["extern_learn"],"master":"swbr0","state":"stale"},
             {"mac":"02:00:00:00:00:cc","ifname":"eth9","vlan":10,"flags":[],"master":"other0"}]
            """;

    static List<State.Fdb> fdb(String json, String dev) throws Exception {
        List<State.Fdb> out = new java.util.ArrayList<>();
        try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.databind.ObjectMapper().createParser(json)) {
            p.nextToken();
            KernelJson.fdbEntries(p, dev, "swbr0", out::add);
        }
        return out;
    }

    @Test
    void fdbEntriesOfTheBridgeAreReadOneByOne() throws Exception {
        assertEquals(List.of(new State.Fdb("33:33:00:00:00:01", "swbr0", null, false, true),
                new State.Fdb("02:00:00:00:00:02", "eth1", 5, false, false),
                new State.Fdb("aa:2c:84:9d:9c:d3", "eth1", 5, false, true),
                new State.Fdb("02:00:00:00:00:aa", "eth2", 10, true, false),
                new State.Fdb("02:00:00:00:00:bb", "eth2", 10, true, false)), fdb(FDB, null),
                "a port's own entries (self, no master) and another bridge's are not the bridge's");
        // with brport, iproute2 leaves out the port's name
        assertEquals(List.of(new State.Fdb("02:00:00:00:00:02", "eth1", 5, false, false)),
                fdb("[{\"mac\":\"02:00:00:00:00:02\",\"vlan\":5,\"flags\":[],\"master\":\"swbr0\",\"state\":\"static\"}]", "eth1"));
        assertEquals(List.of(), fdb("[]", null));
    }

    @Test
    void vlansOfTheBridgeAndItsPortsOnly() throws Exception {
        Map<String, State.Link> links = new java.util.TreeMap<>();
        for (String[] l : new String[][] {{"swbr0", null}, {"eth1", "swbr0"}, {"eth5", "swbr0"}, {"eth9", "other0"}}) {
            links.put(l[0], new State.Link(l[0], 1, null, l[1], true, true, 1500, null, "02:00:00:00:00:01", null, null, null,
                    null, List.of(), State.Hardware.ETHER, State.Stats.ZERO));
        }
        String json = """
                [{"ifname":"swbr0","vlans":[{"vlan":10}]},
                 {"ifname":"eth1","vlans":[{"vlan":10,"flags":["PVID","Egress Untagged"]}]},
                 {"ifname":"eth5","vlans":[{"vlan":2,"vlanEnd":4},{"vlan":10}]},
                 {"ifname":"eth9","vlans":[{"vlan":7}]},
                 {"ifname":"gone","vlans":[{"vlan":7}]}]
                """;
        Map<String, List<State.VlanEntry>> v = KernelJson.vlans(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), links, "swbr0");
        assertEquals(List.of("eth1", "eth5", "swbr0"), List.copyOf(v.keySet()));
        assertEquals(List.of(new State.VlanEntry(10, true, true)), v.get("eth1"));
        assertEquals(List.of(new State.VlanEntry(2, false, false), new State.VlanEntry(3, false, false),
                new State.VlanEntry(4, false, false), new State.VlanEntry(10, false, false)), v.get("eth5"));
    }
}
