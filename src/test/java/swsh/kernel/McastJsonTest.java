package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** iproute2 6.1's multicast answers, as read on the real kernel, read into the planner's and the shows' terms. */
class McastJsonTest {
    @Test
    void vlanGlobalOptionsOfTheBridgeOnly() {
        String json = "[{\"ifname\":\"swbr0\",\"vlans\":[{\"vlan\":10,\"mcast_snooping\":0,\"mcast_querier\":1,\"mcast_igmp_version\":2},"
                + "{\"vlan\":20,\"vlanEnd\":21,\"mcast_snooping\":1,\"mcast_querier\":0}]},"
                + "{\"ifname\":\"other\",\"vlans\":[{\"vlan\":30,\"mcast_snooping\":0,\"mcast_querier\":0}]}]";
        assertEquals(Map.of(10, new State.VlanMcast(false, true), 20, new State.VlanMcast(true, false), 21, new State.VlanMcast(true, false)),
                McastJson.vlanGlobal(json, "swbr0"));
        assertEquals(Map.of(), McastJson.vlanGlobal("", "swbr0"));
    }

    @Test
    void mdbGroupsOfTheBridge() {
        String json = "[{\"mdb\":[{\"index\":5,\"dev\":\"swbr0\",\"port\":\"eth2\",\"grp\":\"239.1.2.3\",\"state\":\"temp\",\"flags\":[],"
                + "\"vid\":10,\"timer\":\"  254.78\"},{\"index\":5,\"dev\":\"swbr0\",\"port\":\"swbr0\",\"grp\":\"ff02::6a\",\"state\":\"temp\","
                + "\"flags\":[],\"vid\":10},{\"index\":9,\"dev\":\"br9\",\"port\":\"x1\",\"grp\":\"239.9.9.9\",\"state\":\"temp\"}],\"router\":{}}]";
        assertEquals(List.of(new McastJson.Group("swbr0", "eth2", "239.1.2.3", 10, "temp"),
                new McastJson.Group("swbr0", "swbr0", "ff02::6a", 10, "temp")), McastJson.mdb(json, "swbr0"));
    }
}
