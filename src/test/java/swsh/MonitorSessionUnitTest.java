package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import swsh.kernel.FakeKernel;
import swsh.kernel.Mirror;
import swsh.kernel.Op;
import swsh.kernel.TcState;

/** SPAN sessions on the in-memory kernel: config lines, the tc ops, re-apply, removal, others' tc left alone. */
class MonitorSessionUnitTest {
    static TestSwitch sw() {
        TestSwitch sw = new TestSwitch(FakeKernel.of("eth1", "eth2", "eth3", "eth4", "eth5"));
        TestSwitch.Run r = sw.script("conf t", "vlan 10", "int range eth1 - 4", "exit", "int eth2", "sw acc vl 10",
                "int eth4", "sw mode trunk", "end");
        assertEquals(0, r.failed(), r.err());
        return sw;
    }

    static TcState tc(TestSwitch sw) {
        return sw.kernel.tc(Set.of("eth1", "eth2", "eth3", "eth4", "eth5"));
    }

    @Test
    void interfaceSourcesMirrorToTheDestinationWhichLeavesTheBridge() {
        TestSwitch sw = sw();
        TestSwitch.Run r = sw.script("conf t", "monitor session 1 source interface eth1 rx", "monitor session 1 source interface eth2 , eth4 - 4",
                "monitor session 1 destination interface eth3", "end");
        assertEquals(0, r.failed(), r.err());
        TcState t = tc(sw);
        int p = Mirror.pref(1);
        assertEquals(List.of(Mirror.all("eth1", false, p, "eth3"), Mirror.all("eth2", false, p, "eth3"),
                Mirror.all("eth2", true, p, "eth3"), Mirror.all("eth4", false, p, "eth3"),
                Mirror.all("eth4", true, p, "eth3"), Mirror.all("eth3", false, Mirror.BASE_PREF, null)), t.ours());
        assertEquals(null, sw.kernel.read().link("eth3").master());
        String run = sw.script("show running-config").out();
        assertTrue(run.contains("monitor session 1 source interface eth1 rx\nmonitor session 1 source interface eth2 , eth4\n"
                + "monitor session 1 destination interface eth3\n"), run);
        int before = sw.kernel.applied().size();
        assertEquals(0, sw.script("conf t", "monitor session 1 destination interface eth3", "end").failed());
        assertEquals(before, sw.kernel.applied().size(), "re-applying changes nothing");
        String show = sw.script("show monitor session 1").out();
        assertTrue(show.contains("    RX Only              : eth1\n") && show.contains("    Both                 : eth2,eth4\n")
                && show.contains("Destination Ports        : eth3\n"), show);
        TestSwitch.Run no = sw.script("conf t", "no monitor session 1", "end");
        assertEquals(0, no.failed(), no.err());
        assertEquals(TcState.EMPTY.ours(), tc(sw).ours());
        assertTrue(tc(sw).qdiscs().isEmpty(), tc(sw).toString());
        assertEquals("swbr0", sw.kernel.read().link("eth3").master());
    }

    @Test
    void vlanSourcesFilterAccessPortsAndTaggedTrunksAndOthersFiltersStay() {
        TestSwitch sw = sw();
        sw.kernel.foreignTc("eth2", "clsact");
        TestSwitch.Run r = sw.script("conf t", "monitor session 2 source vlan 10", "monitor session 2 destination interface eth5", "end");
        assertEquals(0, r.failed(), r.err());
        int p = Mirror.pref(2);
        assertEquals(List.of(Mirror.all("eth2", false, p, "eth5"), new Mirror("eth4", false, p, 10, 10, false, "eth5"),
                Mirror.all("eth5", false, Mirror.BASE_PREF, null)), tc(sw).ours());
        assertTrue(sw.script("conf t", "monitor session 2 source interface eth1", "end").err().contains("not both"));
        assertTrue(sw.script("conf t", "monitor session 3 source interface eth5", "end").err().contains("destination of session 2"));
        assertEquals(0, sw.script("conf t", "no monitor session all", "end").failed());
        TcState t = tc(sw);
        assertEquals(List.of(), t.ours());
        assertEquals("clsact", t.qdisc("eth2"), "a qdisc that holds someone else's filter stays");
        assertEquals(1, t.others("eth2"));
        List<Op> ops = sw.kernel.appliedOps();
        assertTrue(ops.contains(new Op.TcQdisc("eth4", false)), ops.toString());
    }

    @Test
    void theTcLinesAndTheRunningConfigRoundTrip() {
        TestSwitch sw = sw();
        int before = sw.kernel.appliedOps().size();
        TestSwitch.Run r = sw.script("conf t", "monitor session 3 source interface eth1 tx", "monitor session 3 destination interface eth3",
                "monitor session 4 source vlan 1,10", "monitor session 4 destination interface eth5", "end");
        assertEquals(0, r.failed(), r.err());
        List<String> lines = sw.kernel.appliedOps().subList(before, sw.kernel.appliedOps().size()).stream()
                .filter(o -> o.tool() == Op.Tool.TC).map(swsh.kernel.BatchText::text).toList();
        assertTrue(lines.containsAll(List.of(
                "tc qdisc add dev eth1 clsact",
                "tc filter add dev eth1 egress pref 49155 protocol all handle 1 matchall action mirred egress mirror dev eth3 cookie 73777368",
                "tc filter add dev eth3 ingress pref 49152 protocol all handle 1 matchall action drop cookie 73777368",
                "tc filter add dev eth4 ingress pref 49156 protocol 802.1Q handle 10 flower vlan_id 10 action mirred egress mirror dev eth5 cookie 73777368",
                "tc filter add dev eth4 ingress pref 49222 protocol all handle 4095 flower num_of_vlans 0 action mirred egress mirror dev eth5 cookie 73777368",
                "tc filter add dev eth1 ingress pref 49156 protocol all handle 1 matchall action mirred egress mirror dev eth5 cookie 73777368")), lines.toString());
        String run = sw.script("show running-config").out();
        assertTrue(run.contains("monitor session 3 source interface eth1 tx\nmonitor session 3 destination interface eth3\n"
                + "monitor session 4 source vlan 1,10 rx\nmonitor session 4 destination interface eth5\n"), run);
        TestSwitch again = sw();
        String cfg = run.substring(run.indexOf("\n!") + 1);
        TestSwitch.Run replay = again.script(("conf t\n" + cfg).split("\n"));
        assertEquals(0, replay.failed(), replay.err());
        assertEquals(run.replaceAll("Current configuration : \\d+", ""),
                again.script("show running-config").out().replaceAll("Current configuration : \\d+", ""));
        assertEquals(tc(sw).ours(), tc(again).ours());
    }

    @Test
    void someoneElsesIngressQdiscServesRxAndRefusesTxClearly() {
        TestSwitch sw = sw();
        sw.kernel.foreignTc("eth1", "ingress");
        TestSwitch.Run tx = sw.script("conf t", "monitor session 5 destination interface eth3", "monitor session 5 source interface eth1 tx", "end");
        assertEquals(1, tx.failed());
        assertTrue(tx.err().contains("% Error: eth1 has an ingress qdisc swsh did not make; transmit (tx) mirroring needs the egress hook of clsact"),
                tx.err());
        assertTrue(!sw.script("show running-config").out().contains("source interface eth1"), "the refused line changed nothing");
        assertEquals(0, sw.script("conf t", "monitor session 5 source interface eth1 rx", "end").failed());
        assertEquals("ingress", tc(sw).qdisc("eth1"));
        assertTrue(tc(sw).ours().contains(Mirror.all("eth1", false, Mirror.pref(5), "eth3")));
        assertEquals(0, sw.script("conf t", "no monitor session 5", "end").failed());
        assertEquals("ingress", tc(sw).qdisc("eth1"), "someone else's qdisc stays");
        assertEquals(1, tc(sw).others("eth1"));
    }

    @Test
    void aRoutedPortCannotBeADestination() {
        TestSwitch sw = sw();
        sw.kernel.address("eth5", "198.51.100.7/24");
        TestSwitch.Run r = sw.script("conf t", "monitor session 7 destination interface eth5", "end");
        assertEquals(1, r.failed());
        assertTrue(r.err().contains("% Error: eth5 holds an IPv4 address (a routed port); it cannot be a SPAN destination"), r.err());
        assertTrue(sw.script("show running-config").out().indexOf("monitor session") < 0);
    }
}
