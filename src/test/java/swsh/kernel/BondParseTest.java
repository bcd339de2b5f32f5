package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** What swsh reads of bonds: {@code ip -d -j} of a bond and of a member, and {@code /proc/net/bonding}, as kernel 6.1 prints them. */
class BondParseTest {
    static final String BOND = """
            [{"ifindex":4,"ifname":"Port-channel1","flags":["BROADCAST","MULTICAST","MASTER","UP","LOWER_UP"],"mtu":1500,
              "qdisc":"noqueue","operstate":"UP","group":"default","txqlen":1000,"link_type":"ether","address":"7e:e4:43:78:58:4d",
              "linkinfo":{"info_kind":"bond","info_data":{"mode":"802.3ad","miimon":100,"updelay":0,"downdelay":0,
                "xmit_hash_policy":"layer2","ad_lacp_active":"on","ad_lacp_rate":"slow","ad_select":"stable",
                "ad_info":{"aggregator":1,"num_ports":1,"actor_key":15,"partner_key":15,"partner_mac":"c2:af:42:45:a5:7a"},
                "ad_actor_sys_prio":65535,"ad_user_port_key":0,"ad_actor_system":"00:00:00:00:00:00","tlb_dynamic_lb":1}}},
             {"ifindex":2,"link_index":2,"ifname":"e1","flags":["BROADCAST","MULTICAST","SLAVE","UP","LOWER_UP"],"mtu":1500,
              "qdisc":"noqueue","master":"Port-channel1","operstate":"UP","group":"default","txqlen":1000,"link_type":"ether",
              "address":"6e:42:72:30:03:73","linkinfo":{"info_kind":"veth","info_slave_kind":"bond","info_slave_data":{
                "state":"ACTIVE","mii_status":"UP","link_failure_count":0,"perm_hwaddr":"6e:42:72:30:03:73","queue_id":0,"prio":0,
                "ad_aggregator_id":1,"ad_actor_oper_port_state":61,
                "ad_actor_oper_port_state_str":["active","aggregating","in_sync","collecting","distributing"],
                "ad_partner_oper_port_state":61,
                "ad_partner_oper_port_state_str":["active","aggregating","in_sync","collecting","distributing"]}}},
             {"ifindex":7,"ifname":"po2","flags":["BROADCAST","MULTICAST","MASTER"],"mtu":1500,"link_type":"ether",
              "linkinfo":{"info_kind":"bond","info_data":{"mode":"balance-xor","miimon":100,"xmit_hash_policy":"layer2",
                "ad_lacp_active":"on","ad_lacp_rate":"slow","ad_select":"stable","tlb_dynamic_lb":1}}}]
            """;

    @Test
    void aBondAndItsMemberAsIpDetailsThem() {
        Map<String, State.Link> links = KernelJson.links(BOND);
        Bond.Master m = links.get("Port-channel1").bond().master();
        assertEquals(new Bond.Master("802.3ad", true, "slow", 100, "layer2", 1, 1, 15, 15, "c2:af:42:45:a5:7a"), m);
        assertTrue(m.lacp());
        assertNull(links.get("Port-channel1").bond().member());
        Bond.Member e1 = links.get("e1").bond().member();
        assertEquals(new Bond.Member("ACTIVE", true, 0, 1, 61, 61), e1);
        assertTrue(e1.bundled(), "in sync, collecting and distributing both ways");
        assertFalse(new Bond.Member("ACTIVE", true, 0, 1, 0x45, 0x3c).bundled(), "the actor defaulted: no partner yet");
        assertFalse(links.get("po2").bond().master().lacp());
        assertEquals("Port-channel1", links.get("e1").master());
    }

    static final String PROC = """
            Ethernet Channel Bonding Driver: v6.1.176

            Bonding Mode: IEEE 802.3ad Dynamic link aggregation
            Transmit Hash Policy: layer2 (0)
            MII Status: up

            802.3ad info
            LACP active: on
            LACP rate: slow
            System MAC address: 7e:e4:43:78:58:4d
            Active Aggregator Info:
            \tAggregator ID: 1
            \tNumber of ports: 1
            \tActor Key: 15
            \tPartner Key: 15
            \tPartner Mac Address: c2:af:42:45:a5:7a

            Slave Interface: e2
            MII Status: up
            Speed: 10000 Mbps
            Duplex: full
            Link Failure Count: 0
            Permanent HW addr: 7e:e4:43:78:58:4d
            Slave queue ID: 0
            Aggregator ID: 1
            Actor Churn State: monitoring
            Partner Churn State: monitoring
            Actor Churned Count: 0
            Partner Churned Count: 0
            details actor lacp pdu:
                system priority: 65535
                system mac address: 7e:e4:43:78:58:4d
                port key: 15
                port priority: 255
                port number: 1
                port state: 61
            details partner lacp pdu:
                system priority: 65535
                system mac address: c2:af:42:45:a5:7a
                oper key: 15
                port priority: 255
                port number: 2
                port state: 60

            Slave Interface: e3
            MII Status: down
            Aggregator ID: 2
            """;

    @Test
    void theBondingReportGivesEachMembersPartner() {
        Map<String, BondProc.Member> m = BondProc.members(PROC);
        assertEquals(new BondProc.Lacp(65535, "c2:af:42:45:a5:7a", 15, 255, 2, 60), m.get("e2").partner());
        assertEquals(new BondProc.Lacp(65535, "7e:e4:43:78:58:4d", 15, 255, 1, 61), m.get("e2").actor());
        assertEquals(1, m.get("e2").aggregatorId());
        assertEquals(new BondProc.Member("e3", 2, null, null), m.get("e3"));
        assertTrue(BondProc.members(null).isEmpty());
    }
}
