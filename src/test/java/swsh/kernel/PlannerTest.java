package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.StaticMac;
import swsh.model.Vlan;
import swsh.model.VlanSet;

/** Golden tests of the planner (config, kernel state) to ops, of their batch text, and of the fake kernel. */
class PlannerTest {
    static final String BR = "swbr0";

    static Config vlans(Config c, int... ids) {
        for (int id : ids) c = c.withVlan(new Vlan(id, null));
        return c;
    }

    /** Plans, applies to the fake kernel, and checks that planning again yields nothing. */
    static Plan converge(FakeKernel k, Config c) {
        return converge(k, c, c);
    }

    /** The same, from a kernel that runs {@code owned} (what swsh applied before). */
    static Plan converge(FakeKernel k, Config c, Config owned) {
        Plan p = Planner.plan(c, owned, k.forPlan(c, owned), BR);
        k.apply(p);
        Plan again = Planner.plan(c, k.forPlan(c, c), BR);
        assertTrue(again.isEmpty(), () -> "plan after apply must be empty: " + again.lines());
        return p;
    }

    static Config small() {
        Config c = vlans(Config.empty("sw"), 10, 20);
        c = c.withIface(Iface.named("eth1").withAccessVlan(10));
        c = c.withIface(Iface.named("eth2").withMode(Iface.PortMode.TRUNK));
        c = c.withIface(Iface.named("Vlan10").withSwitchport(false).withIp("192.0.2.1/24"));
        return c.withStatics(List.of(new StaticMac("00:50:79:66:68:01", 10, "eth1")));
    }

    @Test
    void fromScratchOpsInPhaseOrder() {
        FakeKernel k = FakeKernel.of("eth1", "eth2", "eth3");
        Plan p = converge(k, small());
        assertEquals(List.of(
                new Op.CreateBridge(BR, new Op.BridgeSettings(true, 0, 0, 32768, 200, 1500, 2000, 30000)),
                new Op.Enslave("eth1", BR),
                new Op.Enslave("eth2", BR),
                new Op.VlanAdd("eth1", 10, 10, true, true, false),
                new Op.VlanAdd("eth2", 1, 1, true, true, false),
                new Op.VlanAdd("eth2", 10, 10, false, false, false),
                new Op.VlanAdd("eth2", 20, 20, false, false, false),
                new Op.VlanAdd(BR, 10, 10, false, false, true),
                new Op.PortFlags("eth1", null, 32, false, false, false),
                new Op.PortFlags("eth2", null, 32, false, false, false),
                new Op.FdbAdd("00:50:79:66:68:01", "eth1", 10),
                new Op.AddVlanDevice(BR, "swbr0.10", 10),
                new Op.AddrAdd("swbr0.10", "192.0.2.1/24"),
                new Op.SetUp(BR, true),
                new Op.SetUp("eth1", true),
                new Op.SetUp("eth2", true),
                new Op.SetUp("swbr0.10", true)), p.ops());
        assertEquals(List.of(
                "ip link add name swbr0 type bridge vlan_filtering 1 vlan_default_pvid 0 stp_state 0 priority 32768"
                        + " hello_time 200 forward_delay 1500 max_age 2000 ageing_time 30000",
                "ip link set dev eth1 master swbr0",
                "ip link set dev eth2 master swbr0",
                "bridge vlan add dev eth1 vid 10 pvid untagged",
                "bridge vlan add dev eth2 vid 1 pvid untagged",
                "bridge vlan add dev eth2 vid 10",
                "bridge vlan add dev eth2 vid 20",
                "bridge vlan add dev swbr0 vid 10 self",
                "bridge link set dev eth1 priority 32 guard off root_block off isolated off",
                "bridge link set dev eth2 priority 32 guard off root_block off isolated off",
                "bridge fdb add 00:50:79:66:68:01 dev eth1 master static vlan 10",
                "ip link add link swbr0 name swbr0.10 type vlan id 10",
                "ip addr add 192.0.2.1/24 dev swbr0.10",
                "ip link set dev swbr0 up",
                "ip link set dev eth1 up",
                "ip link set dev eth2 up",
                "ip link set dev swbr0.10 up"), p.lines());
        List<Plan.Batch> b = p.batches();
        assertEquals(List.of(Op.Tool.IP, Op.Tool.BRIDGE, Op.Tool.IP), b.stream().map(Plan.Batch::tool).toList());
        assertEquals(List.of(3, 8, 6), b.stream().map(x -> x.ops().size()).toList());
        assertEquals("link set dev eth1 master swbr0", b.get(0).lines().get(1));
        assertEquals(k.appliedOps(), p.ops());
    }

    @Test
    void pvidMoveDeletesTheOldVlanBeforeAddingTheNewPvid() {
        FakeKernel k = FakeKernel.of("eth1");
        Config c = vlans(Config.empty("sw"), 10, 20).withIface(Iface.named("eth1").withAccessVlan(10));
        converge(k, c);
        Plan p = converge(k, c.editIface("eth1", i -> i.withAccessVlan(20)));
        assertEquals(List.of(new Op.VlanDel("eth1", 10, 10, false), new Op.VlanAdd("eth1", 20, 20, true, true, false)), p.ops());
        assertEquals(List.of("bridge vlan del dev eth1 vid 10", "bridge vlan add dev eth1 vid 20 pvid untagged"), p.lines());
        assertEquals(List.of(new State.VlanEntry(20, true, true)), k.read().vlansOf("eth1"));
    }

    @Test
    void trunkNativeMoveKeepsOtherVlans() {
        FakeKernel k = FakeKernel.of("eth1");
        Config c = vlans(Config.empty("sw"), 10, 11, 12)
                .withIface(Iface.named("eth1").withMode(Iface.PortMode.TRUNK).withAllowed(VlanSet.parse("10-12")).withNativeVlan(10));
        converge(k, c);
        Plan p = converge(k, c.editIface("eth1", i -> i.withNativeVlan(12)));
        assertEquals(List.of("bridge vlan add dev eth1 vid 10", "bridge vlan add dev eth1 vid 12 pvid untagged"), p.lines());
        assertEquals(List.of(new State.VlanEntry(10, false, false), new State.VlanEntry(11, false, false),
                new State.VlanEntry(12, true, true)), k.read().vlansOf("eth1"));
    }

    @Test
    void vlanRunsAreCompressedIntoRanges() {
        FakeKernel k = FakeKernel.of("eth1");
        Config c = Config.empty("sw");
        for (int v = 100; v <= 199; v++) c = c.withVlan(new Vlan(v, null));
        c = c.withIface(Iface.named("eth1").withMode(Iface.PortMode.TRUNK));
        Plan p = converge(k, c);
        List<Op> vlanOps = p.ops().stream().filter(o -> o instanceof Op.VlanAdd).toList();
        assertEquals(List.of(new Op.VlanAdd("eth1", 1, 1, true, true, false),
                new Op.VlanAdd("eth1", 100, 199, false, false, false)), vlanOps);

        Config fewer = c;
        for (int v = 150; v <= 160; v++) fewer = fewer.withoutVlan(v);
        fewer = fewer.withoutVlan(170);
        p = converge(k, fewer);
        assertEquals(List.of("bridge vlan del dev eth1 vid 150-160", "bridge vlan del dev eth1 vid 170"), p.lines());
        assertEquals(1 + 100 - 12, k.read().vlansOf("eth1").size());
    }

    @Test
    void bridgeAndPortAttributesOnlyWhereTheyDiffer() {
        FakeKernel k = FakeKernel.of("eth1");
        Config c = vlans(Config.empty("sw"), 10).withIface(Iface.named("eth1").withAccessVlan(10));
        converge(k, c);
        Config d = c.withStp(c.stp().withPriority(4096)).withAgingTime(600)
                .editIface("eth1", i -> i.withStpPriority(64).withIsolated(true).withMtu(9000).withDescription("to core"));
        Plan p = converge(k, d);
        assertEquals(List.of(
                new Op.SetBridge(BR, new Op.BridgeSettings(null, null, null, 4096, null, null, null, 60000)),
                new Op.SetMtu("eth1", 9000),
                new Op.SetAlias("eth1", "to core"),
                new Op.PortFlags("eth1", null, 16, null, null, true)), p.ops());
        assertEquals(List.of(
                "ip link set dev swbr0 type bridge priority 4096 ageing_time 60000",
                "ip link set dev eth1 mtu 9000",
                "ip link set dev eth1 alias \"to core\"",
                "bridge link set dev eth1 priority 16 isolated on"), p.lines());
        // back to the defaults the model holds
        p = converge(k, c);
        assertTrue(p.ops().contains(new Op.SetMtu("eth1", Iface.DEFAULT_MTU)), p.lines().toString());
        assertTrue(p.ops().contains(new Op.SetAlias("eth1", "")), p.lines().toString());
        assertTrue(p.lines().contains("ip link set dev eth1 alias \"\""), p.lines().toString());
        assertTrue(p.ops().contains(new Op.PortFlags("eth1", null, Iface.DEFAULT_STP_PORT_PRIORITY / 4, null, null, false)),
                p.lines().toString());
    }

    @Test
    void portsLeavingAndSvisGoingAway() {
        FakeKernel k = FakeKernel.of("eth1", "eth2");
        Config c = small();
        converge(k, c);
        Config d = c.withoutIface("eth2").withoutIface("Vlan10").withStatics(List.of());
        assertEquals(List.of("bridge vlan del dev swbr0 vid 10 self"), Planner.plan(d, d, k.read(), BR).lines(),
                "what the previous config did not name is not swsh's to remove");
        Plan p = converge(k, d, c);
        assertEquals(List.of(
                "ip link del dev swbr0.10",
                "ip link set dev eth2 nomaster",
                "bridge vlan del dev swbr0 vid 10 self",
                "bridge fdb del 00:50:79:66:68:01 dev eth1 master vlan 10"), p.lines());
        assertEquals(null, k.read().link("eth2").master());
        assertEquals(null, k.read().link("swbr0.10"));
    }

    @Test
    void svisAddressChangeDeletesTheOldOne() {
        FakeKernel k = FakeKernel.of("eth1");
        Config c = small();
        converge(k, c);
        Plan p = converge(k, c.editIface("Vlan10", i -> i.withIp("198.51.100.1/25").withShutdown(true)));
        assertEquals(List.of("ip addr del 192.0.2.1/24 dev swbr0.10", "ip addr add 198.51.100.1/25 dev swbr0.10",
                "ip link set dev swbr0.10 down"), p.lines());
    }

    @Test
    void emptyPlanIsNotSentToTheKernel() {
        FakeKernel k = FakeKernel.of("eth1");
        converge(k, small());
        int before = k.applied().size();
        k.apply(Planner.plan(small(), k.forPlan(small(), small()), BR));
        assertEquals(before, k.applied().size());
        assertTrue(Plan.EMPTY.batches().isEmpty());
        assertTrue(Plan.EMPTY.lines().isEmpty());
    }

    @Test
    void everyOpRendersItsBatchLine() {
        List<Op> ops = List.of(
                new Op.CreateBridge("br0", new Op.BridgeSettings(true, 0, 1, 4096, 100, 400, 600, 1000)),
                new Op.SetBridge("br0", new Op.BridgeSettings(null, null, 0, null, null, null, null, null)),
                new Op.SetBridge("br0", new Op.BridgeSettings(true, 0, null, null, null, null, null, null)),
                new Op.Enslave("eth1", "br0"),
                new Op.Release("eth1"),
                new Op.SetMtu("eth1", 9000),
                new Op.SetAlias("eth1", "core uplink; link del eth2"),
                new Op.VlanAdd("eth1", 2, 9, false, true, false),
                new Op.VlanDel("br0", 5, 5, true),
                new Op.PortFlags("eth1", 100, null, true, true, null),
                new Op.FdbAdd("aa:bb:cc:dd:ee:ff", "eth1", 3),
                new Op.FdbDel("aa:bb:cc:dd:ee:ff", "eth1", 3),
                new Op.AddVlanDevice("br0", "br0.7", 7),
                new Op.DeleteLink("br0.7"),
                new Op.AddrAdd("br0.7", "10.0.0.1/24"),
                new Op.AddrDel("br0.7", "10.0.0.1/24"),
                new Op.SetUp("eth1", false));
        List<String> text = new ArrayList<>();
        for (Op op : ops) text.add(BatchText.text(op));
        assertEquals(List.of(
                "ip link add name br0 type bridge vlan_filtering 1 vlan_default_pvid 0 stp_state 1 priority 4096"
                        + " hello_time 100 forward_delay 400 max_age 600 ageing_time 1000",
                "ip link set dev br0 type bridge stp_state 0",
                "ip link set dev br0 type bridge vlan_filtering 1 vlan_default_pvid 0",
                "ip link set dev eth1 master br0",
                "ip link set dev eth1 nomaster",
                "ip link set dev eth1 mtu 9000",
                "ip link set dev eth1 alias \"core uplink; link del eth2\"",
                "bridge vlan add dev eth1 vid 2-9 untagged",
                "bridge vlan del dev br0 vid 5 self",
                "bridge link set dev eth1 cost 100 guard on root_block on",
                "bridge fdb add aa:bb:cc:dd:ee:ff dev eth1 master static vlan 3",
                "bridge fdb del aa:bb:cc:dd:ee:ff dev eth1 master vlan 3",
                "ip link add link br0 name br0.7 type vlan id 7",
                "ip link del dev br0.7",
                "ip addr add 10.0.0.1/24 dev br0.7",
                "ip addr del 10.0.0.1/24 dev br0.7",
                "ip link set dev eth1 down"), text);
        assertEquals(text, new Plan(ops).lines());
        assertThrows(IllegalArgumentException.class, () -> new Op.VlanAdd("eth1", 2, 3, true, true, false), "a PVID is one VLAN");
        assertThrows(IllegalArgumentException.class, () -> new Op.VlanDel("eth1", 3, 2, false));
    }

    @Test
    void namesIproute2WouldSplitOrCutAreRefused() {
        for (String bad : List.of("a#b", "a b", "a\tb", "a\"b", "a'b", "a\\b", "a\nb", "")) {
            assertFalse(BatchText.safeName(bad), bad);
            KernelException e = assertThrows(KernelException.class, () -> BatchText.line(new Op.Release(bad)), bad);
            assertEquals("% Error: interface " + bad + " has a name swsh cannot pass to iproute2 safely; rename it", e.getMessage());
            assertThrows(KernelException.class, () -> BatchText.line(new Op.Enslave("eth1", bad)), bad);
            assertThrows(KernelException.class, () -> BatchText.line(new Op.FdbDel("aa:bb:cc:dd:ee:ff", bad, 1)), bad);
            assertThrows(KernelException.class, () -> new Plan(List.of(new Op.VlanDel(bad, 1, 1, false))).lines(), bad);
        }
        for (String ok : List.of("eth1", "enp0s31f6", "swbr0.10", "wlan-guest_2", "veth@x")) assertTrue(BatchText.safeName(ok), ok);
        assertThrows(KernelException.class, () -> BatchText.line(new Op.FdbDel("aa:bb # x", "eth1", 1)));
        assertThrows(KernelException.class, () -> BatchText.line(new Op.AddrDel("eth1", "10.0.0.1/24 # x")));
        assertThrows(KernelException.class, () -> BatchText.line(new Op.SetAlias("eth1", "bad # text")));
    }

    @Test
    void liveKernelRefusesAnUnsafeNameBeforeRunningAnything() {
        // the first batch is harmless; had it run, the error would be about the missing namespace or ip itself
        LiveKernel k = new LiveKernel(BR, "swsh-test-no-such-netns");
        Plan p = new Plan(List.of(new Op.SetUp("eth1", true), new Op.VlanDel("ev#il", 10, 10, false)));
        KernelException e = assertThrows(KernelException.class, () -> k.apply(p));
        assertEquals("% Error: interface ev#il has a name swsh cannot pass to iproute2 safely; rename it", e.getMessage());
    }

    @Test
    void liveKernelNamesTheLineTheKernelRefused() {
        KernelException e = BatchPipe.refused("bridge", List.of("vlan add dev eth1 vid 10", "link set dev eth1 cost 100000"),
                "Error: argument out of range.\nCommand failed -:2\n");
        assertEquals("% Error: the kernel refused 'bridge link set dev eth1 cost 100000': Error: argument out of range.",
                e.getMessage());
    }

    @Test
    void fakeKernelRefusesWhatTheKernelRefuses() {
        FakeKernel k = FakeKernel.of("eth1", "eth2");
        converge(k, vlans(Config.empty("sw"), 10).withIface(Iface.named("eth1").withAccessVlan(10)));
        State before = k.read();
        KernelException unknown = assertThrows(KernelException.class,
                () -> k.apply(new Plan(List.of(new Op.SetMtu("eth9", 9000)))));
        assertEquals("% Error: the kernel refused 'ip link set dev eth9 mtu 9000': Cannot find device \"eth9\"", unknown.getMessage());
        KernelException notPort = assertThrows(KernelException.class,
                () -> k.apply(new Plan(List.of(new Op.VlanAdd("eth2", 10, 10, true, true, false)))));
        assertEquals("% Error: the kernel refused 'bridge vlan add dev eth2 vid 10 pvid untagged': eth2 is not a bridge port",
                notPort.getMessage());
        assertThrows(KernelException.class, () -> k.apply(new Plan(List.of(new Op.PortFlags("eth2", null, 16, null, null, null)))));
        assertThrows(KernelException.class, () -> k.apply(new Plan(List.of(new Op.FdbAdd("aa:bb:cc:dd:ee:ff", "eth2", 10)))));
        assertThrows(KernelException.class, () -> k.apply(new Plan(List.of(new Op.VlanAdd("eth1", 20, 20, false, false, true)))));
        assertEquals(before, k.read(), "a refused op changes nothing");
    }

    @Test
    void modelHoldsTheDefaults() {
        Iface i = Iface.named("eth1");
        assertEquals(1500, i.effectiveMtu());
        assertEquals(9000, i.withMtu(9000).effectiveMtu());
        assertEquals(128, i.effectiveStpPriority());
        assertEquals(32, i.withStpPriority(32).effectiveStpPriority());
        assertFalse(i.effectiveBpduguard());
        assertTrue(i.withBpduguard(true).effectiveBpduguard());
    }
}
