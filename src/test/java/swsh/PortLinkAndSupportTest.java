package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import swsh.kernel.BatchText;
import swsh.kernel.FakeKernel;
import swsh.kernel.Op;

/** {@code speed}/{@code duplex} on a NIC and on veth, {@code show interfaces status}, {@code clear counters}, {@code show tech-support}. */
class PortLinkAndSupportTest {
    static TestSwitch sw() {
        FakeKernel k = FakeKernel.of("eth1", "eth2");
        k.nic("eth5", 1000, "full");
        TestSwitch sw = new TestSwitch(k);
        assertEquals(0, sw.script("conf t", "int range eth1 - 2", "int eth5", "end").failed());
        return sw;
    }

    @Test
    void aNicTakesForcedSpeedAndDuplexThroughEthtoolOnceAndVethRefusesClearly() {
        TestSwitch sw = sw();
        TestSwitch.Run r = sw.script("conf t", "int eth5", "speed 100", "duplex full", "end");
        assertEquals(0, r.failed(), r.err());
        List<String> lines = sw.kernel.appliedOps().stream().filter(o -> o instanceof Op.LinkMode).map(BatchText::text).toList();
        assertEquals(List.of("ethtool -s eth5 speed 100 autoneg on", "ethtool -s eth5 speed 100 duplex full autoneg off"), lines);
        assertTrue(sw.script("show interfaces status").out().contains("\neth5                         connected    1            full    100 Ethernet\n"),
                sw.script("show interfaces status").out());
        assertTrue(sw.script("show running-config").out().contains("interface eth5\n speed 100\n duplex full\n"));
        int n = sw.kernel.applied().size();
        assertEquals(0, sw.script("conf t", "int eth5", "speed 100", "end").failed());
        assertEquals(n, sw.kernel.applied().size(), "re-applying changes nothing");
        assertEquals(0, sw.script("conf t", "int eth5", "speed auto", "duplex auto", "end").failed());
        assertEquals("ethtool -s eth5 autoneg on", BatchText.text(sw.kernel.appliedOps().get(sw.kernel.appliedOps().size() - 1)));
        assertFalse(sw.script("show running-config").out().contains("speed"));

        TestSwitch.Run veth = sw.script("conf t", "int eth1", "speed 100", "end");
        assertEquals(1, veth.failed());
        assertTrue(veth.err().contains("% Error: eth1 is a veth device, whose speed and duplex cannot be set"), veth.err());
        assertFalse(sw.script("show running-config").out().contains("speed"));
        assertEquals(0, sw.script("conf t", "int eth1", "speed auto", "end").failed(), "auto is always fine");
    }

    @Test
    void clearCountersAsksAndTechSupportConcatenatesTheShows() {
        TestSwitch sw = sw();
        sw.kernel.count("eth1", swsh.kernel.State.Stats.traffic(10, 1000, 20, 2000));
        assertTrue(sw.script("show interfaces eth1 counters").out().contains("\neth1                1000             10"));
        TestSwitch.Run c = sw.script("clear counters");
        assertEquals(0, c.failed(), c.err());
        assertTrue(c.out().contains("Clear \"show interface\" counters on all interfaces [confirm]"), c.out());
        sw.kernel.count("eth1", swsh.kernel.State.Stats.traffic(13, 1300, 20, 2000));
        assertTrue(sw.script("show interfaces eth1 counters").out().contains("\neth1                 300              3"),
                sw.script("show interfaces eth1 counters").out());
        assertTrue(sw.script("show interfaces eth1").out().contains("Last clearing of \"show interface\" counters 00:00:0"));
        String errors = sw.script("show interfaces eth1 counters errors").out();
        assertTrue(errors.contains("Port        Align-Err     FCS-Err    Xmit-Err     Rcv-Err  UnderSize  OutDiscards\neth1"), errors);
        String t = sw.script("show tech-support").out();
        for (String h : List.of("show version", "show running-config", "show vlan", "show mac address-table", "show spanning-tree")) {
            assertTrue(t.contains("\n------------------ " + h + " ------------------\n\n"), h);
        }
        assertTrue(t.contains("Building configuration..."), t);
    }
}
