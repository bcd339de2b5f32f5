package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static swsh.kernel.PlannerTest.BR;
import static swsh.kernel.PlannerTest.converge;

import java.util.List;

import org.junit.jupiter.api.Test;

import swsh.model.Channel;
import swsh.model.Config;
import swsh.model.Iface;

/** Golden tests of the planner's port-channel ops (bonds made, members joined and let go) and of their batch text. */
class BondPlannerTest {
    static final String PO = "Port-channel1";

    /** Port-channel1, a trunk, with eth1 and eth2 in mode {@code mode}. */
    static Config channel(Channel.Mode mode) {
        Config c = PlannerTest.vlans(Config.empty("sw"), 10);
        c = c.withIface(Iface.named(PO).withMode(Iface.PortMode.TRUNK));
        c = c.withIface(Iface.named("eth1").withChannel(new Channel(1, mode)));
        return c.withIface(Iface.named("eth2").withChannel(new Channel(1, mode)));
    }

    @Test
    void fromScratchTheBondIsMadeTheMembersJoinItAndTheBondJoinsTheBridge() {
        FakeKernel k = FakeKernel.of("eth1", "eth2", "eth3");
        Plan p = converge(k, channel(Channel.Mode.ACTIVE));
        assertEquals(List.of(
                "ip link add name swbr0 type bridge vlan_filtering 1 vlan_default_pvid 0 stp_state 0 priority 32768"
                        + " hello_time 200 forward_delay 1500 max_age 2000 ageing_time 30000",
                "ip link add name Port-channel1 type bond mode 802.3ad miimon 100 lacp_rate slow lacp_active on",
                "ip link set dev eth1 master Port-channel1",
                "ip link set dev eth2 master Port-channel1",
                "ip link set dev Port-channel1 master swbr0",
                "bridge vlan add dev Port-channel1 vid 1 pvid untagged",
                "bridge vlan add dev Port-channel1 vid 10",
                "bridge link set dev Port-channel1 priority 32 guard off root_block off isolated off",
                "ip link set dev swbr0 up",
                "ip link set dev Port-channel1 up"), p.lines());
        State st = k.read();
        assertEquals(PO, st.link("eth1").master());
        assertTrue(st.link("eth1").adminUp(), "the bond opened it");
        assertNull(st.link("eth3").master(), "not in the config: untouched");
    }

    @Test
    void aMemberOnTheBridgeIsTakenDownBeforeItJoinsAndAShutMemberStaysDown() {
        FakeKernel k = FakeKernel.of("eth1", "eth2");
        Config plain = Config.empty("sw").withIface(Iface.named("eth1")).withIface(Iface.named("eth2"));
        converge(k, plain);
        Config c = channel(Channel.Mode.PASSIVE);
        c = c.withIface(c.ifaces().get("eth2").withShutdown(true));
        Plan p = converge(k, c, plain);
        assertEquals(List.of(
                new Op.CreateBond(PO, "802.3ad", 100, "slow", false),
                new Op.SetUp("eth1", false),
                new Op.JoinBond("eth1", PO),
                new Op.SetUp("eth2", false),
                new Op.JoinBond("eth2", PO),
                new Op.SetUp("eth2", false)), p.ops().subList(0, 6));
    }

    @Test
    void aModeChangeLetsTheMembersGoChangesTheBondDownAndTheyRejoin() {
        FakeKernel k = FakeKernel.of("eth1", "eth2");
        Config lacp = channel(Channel.Mode.ACTIVE);
        converge(k, lacp);
        Plan p = converge(k, channel(Channel.Mode.ON), lacp);
        assertEquals(List.of(
                "ip link set dev eth1 nomaster",
                "ip link set dev eth2 nomaster",
                "ip link set dev Port-channel1 down",
                "ip link set dev Port-channel1 type bond mode balance-xor miimon 100",
                "ip link set dev eth1 master Port-channel1",
                "ip link set dev eth2 master Port-channel1", // the bond opens them
                "ip link set dev Port-channel1 up"), p.lines());
    }

    @Test
    void aMemberLeavingIsLetGoAndPutOnTheBridgeUp() {
        FakeKernel k = FakeKernel.of("eth1", "eth2");
        Config c = channel(Channel.Mode.ACTIVE);
        converge(k, c);
        Config after = c.withIface(c.ifaces().get("eth2").withChannel(null));
        Plan p = converge(k, after, c);
        assertEquals(List.of(new Op.Release("eth2"), new Op.Enslave("eth2", BR)), p.ops().subList(0, 2));
        assertTrue(p.ops().contains(new Op.SetUp("eth2", true)), p.lines().toString());
    }

    @Test
    void aChannelRemovedDeletesItsBondOnlyWhenSwshOwnedIt() {
        FakeKernel k = FakeKernel.of("eth1", "eth2");
        Config c = channel(Channel.Mode.ACTIVE);
        converge(k, c);
        Config gone = Channel.without(c, PO);
        Plan p = converge(k, gone, c);
        assertEquals(new Op.DeleteLink(PO), p.ops().get(0));
        assertNull(k.read().link(PO));
        // a bond of that name made by hand, named by neither config, stays
        k.apply(new Plan(List.of(new Op.CreateBond("Port-channel7", "802.3ad", 100, "slow", true))));
        assertTrue(Planner.plan(gone, gone, k.read(), BR).isEmpty());
    }

    @Test
    void aDeviceOfTheChannelsNameThatIsNoBondIsRefused() {
        FakeKernel k = FakeKernel.of("eth1", "eth2", PO);
        KernelException e = assertThrows(KernelException.class, () -> Planner.plan(channel(Channel.Mode.ON), k.read(), BR));
        assertEquals("% Error: Port-channel1 exists in the kernel and is not a bond; rename or delete it", e.getMessage());
    }

    @Test
    void theFakeKernelRefusesToEnslaveAPortThatIsUpAsTheKernelDoes() {
        FakeKernel k = FakeKernel.of("eth1");
        k.apply(new Plan(List.of(new Op.SetUp("eth1", true), new Op.CreateBond(PO, "balance-xor", 100, null, null))));
        KernelException e = assertThrows(KernelException.class, () -> k.apply(new Plan(List.of(new Op.JoinBond("eth1", PO)))));
        assertTrue(e.getMessage().contains("Device can not be enslaved while up"), e.getMessage());
    }
}
