package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.PortSecurity;
import swsh.model.StormControl;
import swsh.model.StormControl.Kind;
import swsh.model.StormControl.Level;
import swsh.model.StormControl.Unit;

/** The planner's ops for port security, storm control and err-disabled ports, their batch text, and tc's JSON read back. */
class PortProtectionPlanTest {
    static final String BR = "swbr0";

    static Plan plan(FakeKernel k, Config c, Config owned, Set<String> down) {
        return Planner.plan(c, owned, k.forPlan(c, owned), BR, new PortRuntime(down, k.stormTc(StormPlanner.ports(c, owned))));
    }

    /** Plans, applies, and checks that planning again changes nothing. */
    static List<String> converge(FakeKernel k, Config c, Config owned, Set<String> down) {
        Plan p = plan(k, c, owned, down);
        k.apply(p);
        Plan again = plan(k, c, c, down);
        assertTrue(again.isEmpty(), () -> "plan after apply must be empty: " + again.lines());
        return p.lines();
    }

    static Config base() {
        return Config.empty("sw").withIface(Iface.named("eth1").withMode(Iface.PortMode.ACCESS)).withIface(Iface.named("eth2"));
    }

    static Config secured(Config c, PortSecurity s) {
        return c.editIface("eth1", i -> i.withSecurity(s));
    }

    @Test
    void portSecurityLocksThePortAndPinsItsSecureMacs() {
        FakeKernel k = FakeKernel.of("eth1", "eth2");
        Config c0 = base();
        converge(k, c0, c0, Set.of());
        Config c1 = secured(c0, PortSecurity.NONE.withEnabled(true).withMaximum(2).withMacs(List.of("00:50:79:66:68:01"))
                .withStickyMacs(List.of("00:50:79:66:68:02")));
        assertEquals(List.of("bridge link set dev eth1 locked on learning off",
                "bridge fdb add 00:50:79:66:68:01 dev eth1 master static vlan 1",
                "bridge fdb add 00:50:79:66:68:02 dev eth1 master static vlan 1"), converge(k, c1, c0, Set.of()));
        // off again: unlocked, learning, and the secure entries gone
        assertEquals(List.of("bridge link set dev eth1 locked off learning on",
                "bridge fdb del 00:50:79:66:68:01 dev eth1 master vlan 1",
                "bridge fdb del 00:50:79:66:68:02 dev eth1 master vlan 1"), converge(k, c0, c1, Set.of()));
    }

    @Test
    void portSecurityIsEnforcedOnAccessPortsOnly() {
        FakeKernel k = FakeKernel.of("eth1", "eth2");
        Config c0 = base();
        converge(k, c0, c0, Set.of());
        Config trunk = c0.editIface("eth1", i -> i.withMode(Iface.PortMode.TRUNK).withSecurity(PortSecurity.NONE.withEnabled(true)));
        assertTrue(converge(k, trunk, c0, Set.of()).stream().noneMatch(l -> l.contains("locked")));
    }

    @Test
    void anErrDisabledPortIsHeldDownUntilItIsNoLonger() {
        FakeKernel k = FakeKernel.of("eth1", "eth2");
        Config c = base();
        converge(k, c, c, Set.of());
        assertEquals(List.of("ip link set dev eth1 down"), converge(k, c, c, Set.of("eth1")));
        assertEquals(List.of("ip link set dev eth1 up"), converge(k, c, c, Set.of()));
        // without the runtime (the old entry point) nothing is held down
        assertTrue(Planner.plan(c, c, k.forPlan(c, c), BR).isEmpty());
    }

    @Test
    void stormControlPolicesEachClassAndReplansOnlyWhatChanged() {
        FakeKernel k = FakeKernel.of("eth1", "eth2");
        Config c0 = base();
        converge(k, c0, c0, Set.of());
        StormControl s = StormControl.NONE.withLevel(Kind.BROADCAST, new Level(Unit.PPS, 100, 50.0))
                .withLevel(Kind.UNICAST, new Level(Unit.BPS, 1e6, null));
        Config c1 = c0.editIface("eth2", i -> i.withStorm(s));
        List<String> lines = converge(k, c1, c0, Set.of());
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("tc qdisc add dev eth2 ingress", lines.get(0));
        assertTrue(lines.get(1).matches("tc filter add dev eth2 ingress pref 49001 protocol all flower dst_mac ff:ff:ff:ff:ff:ff "
                + "action police pkts_rate 100 pkts_burst 10 conform-exceed drop/ok cookie [0-9a-f]{8}"), lines.get(1));
        assertTrue(lines.get(2).matches("tc filter add dev eth2 ingress pref 49003 protocol all flower dst_mac "
                + "00:00:00:00:00:00/01:00:00:00:00:00 action police rate 1000000bit burst 12500 conform-exceed drop/ok cookie [0-9a-f]{8}"),
                lines.get(2));
        // a new broadcast level replaces that filter only
        Config c2 = c1.editIface("eth2", i -> i.withStorm(s.withLevel(Kind.BROADCAST, new Level(Unit.PPS, 200, null))));
        lines = converge(k, c2, c1, Set.of());
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("tc filter del dev eth2 ingress pref 49001", lines.get(0));
        assertTrue(lines.get(1).contains("pkts_rate 200 pkts_burst 20"));
        // the action is not the kernel's business: nothing to do
        assertTrue(converge(k, c2.editIface("eth2", i -> i.withStorm(i.storm().withShutdown(true))), c2, Set.of()).isEmpty());
        // no storm control: swsh's filters go, the ingress qdisc stays
        assertEquals(List.of("tc filter del dev eth2 ingress pref 49001", "tc filter del dev eth2 ingress pref 49003"),
                converge(k, c0, c2, Set.of()));
    }

    @Test
    void aMulticastLevelAloneLetsBroadcastsPass() {
        FakeKernel k = FakeKernel.of("eth1", "eth2");
        Config c0 = base();
        converge(k, c0, c0, Set.of());
        Config c1 = c0.editIface("eth2", i -> i.withStorm(StormControl.NONE.withLevel(Kind.MULTICAST, new Level(Unit.PERCENT, 1, null))));
        List<String> lines = converge(k, c1, c0, Set.of());
        assertTrue(lines.get(1).matches(".*pref 49001 .*dst_mac ff:ff:ff:ff:ff:ff action pass cookie [0-9a-f]{8}"), lines.toString());
        // 1 % of veth's 10 Gb/s
        assertTrue(lines.get(2).contains("pref 49002") && lines.get(2).contains("rate 100000000bit"), lines.toString());
    }

    @Test
    void readsOnlySwshsFiltersFromTcJson() throws Exception {
        String json = "[{\"protocol\":\"all\",\"pref\":1,\"kind\":\"u32\",\"chain\":0,\"options\":{\"actions\":[{\"kind\":\"gact\"}]}},"
                + "{\"protocol\":\"all\",\"pref\":49001,\"kind\":\"flower\",\"chain\":0},"
                + "{\"protocol\":\"all\",\"pref\":49001,\"kind\":\"flower\",\"chain\":0,\"options\":{\"handle\":1,\"keys\":"
                + "{\"dst_mac\":\"ff:ff:ff:ff:ff:ff\"},\"actions\":[{\"order\":1,\"kind\":\"police\",\"pkts_rate\":100,\"stats\":"
                + "{\"bytes\":6400,\"packets\":100,\"drops\":1900},\"cookie\":\"a1b2c3d4\"}]}}]";
        var filters = TcReader.filters(new ObjectMapper().readTree(json));
        assertEquals(1, filters.size());
        assertEquals(new StormTc.Filter(49001, "a1b2c3d4", 100, 6400, 1900), filters.get(49001));
    }

    @Test
    void sourceWatchFilterAndLines() {
        assertEquals("not (ether src 00:50:79:66:68:01 or ether src 00:50:79:66:68:02)",
                SourceWatch.filter(Set.of("00:50:79:66:68:02", "00:50:79:66:68:01")));
        assertEquals("", SourceWatch.filter(Set.of()));
        assertThrows(KernelException.class, () -> SourceWatch.filter(Set.of("x or 1=1")));
        assertEquals("2a:1f:f4:fa:e1:79", SourceWatch.source("2a:1f:f4:fa:e1:79 > 7e:4f:d8:b0:ba:9f, ethertype IPv4 (0x0800), length 98: x"));
        assertNull(SourceWatch.source("listening on p1, link-type EN10MB"));
    }

    @Test
    void unsafeFiltersAreRefused() {
        assertThrows(KernelException.class, () -> BatchText.line(new Op.StormFilterAdd("eth1", 49001, "ff:ff:ff:ff:ff:ff action drop", 1L,
                null, 10, "ab")));
        assertThrows(KernelException.class, () -> BatchText.line(new Op.StormFilterAdd("eth1#x", 49001, "ff:ff:ff:ff:ff:ff", 1L, null, 10,
                "ab")));
    }
}
