package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static swsh.kernel.Net.host;
import static swsh.kernel.Net.sh;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ping} and {@code traceroute} from the switch's SVI on the real kernel, in IOS's layout, judged by
 * what answers; and {@code clear counters}, which leaves the kernel's counters as they are.
 */
@Tag("kernel")
class ReachabilityTest {
    @BeforeEach
    void clean() {
        Net.reset();
    }

    /** h1 (10.0.0.1) on eth1, a router to h9 (10.9.0.9) behind it; the switch at 10.0.0.254 on Vlan1. */
    static Net.Switch switchWithSvi() {
        host("h1", "sw", "eth1", "10.0.0.1/24");
        Net.ns("h9");
        sh("ip", "link", "add", "eth9", "netns", "h1", "type", "veth", "peer", "name", "eth0", "netns", "h9");
        sh("ip", "-n", "h1", "addr", "add", "10.9.0.1/24", "dev", "eth9");
        sh("ip", "-n", "h1", "link", "set", "eth9", "up");
        sh("ip", "netns", "exec", "h1", "sysctl", "-qw", "net.ipv4.ip_forward=1");
        sh("ip", "-n", "h9", "addr", "add", "10.9.0.9/24", "dev", "eth0");
        sh("ip", "-n", "h9", "link", "set", "eth0", "up");
        sh("ip", "-n", "h9", "route", "add", "default", "via", "10.9.0.1");
        Net.Switch sw = new Net.Switch("sw");
        sw.run("conf t", "interface eth1", "interface vlan 1", "ip address 10.0.0.254 255.255.255.0", "end");
        // swsh configures no routes: the way to h9's subnet is the test's own
        sh("ip", "-n", "sw", "route", "add", "10.9.0.0/24", "via", "10.0.0.1");
        return sw;
    }

    @Test
    void pingFromTheSviAnswersInIosLayout_andAnAbsentAddressDoesNot() {
        Net.Switch sw = switchWithSvi();
        String ok = sw.run("ping 10.0.0.1");
        assertTrue(Pattern.compile("Type escape sequence to abort.\nSending 5, 100-byte ICMP Echos to 10.0.0.1, timeout is 2 seconds:\n"
                + "!!!!!\nSuccess rate is 100 percent \\(5/5\\), round-trip min/avg/max = \\d+/\\d+/\\d+ ms\n").matcher(ok).find(), ok);
        String none = sw.run("ping ip 10.0.0.99 timeout 1");
        assertTrue(none.contains("timeout is 1 seconds:\n.....\nSuccess rate is 0 percent (0/5)\n"), none);
        String src = sw.run("ping 10.9.0.9 repeat 3 size 1000 source Vlan 1");
        assertTrue(src.contains("Sending 3, 1000-byte ICMP Echos to 10.9.0.9, timeout is 2 seconds:\n"
                + "Packet sent with a source address of 10.0.0.254\n!!!\nSuccess rate is 100 percent (3/3)"), src);
        for (String form : new String[] {"source Vlan1", "source 10.0.0.254"}) {
            String o = sw.run("ping 10.0.0.1 repeat 2 " + form);
            assertTrue(o.contains("Packet sent with a source address of 10.0.0.254\n!!\n"), o);
        }
    }

    @Test
    void tracerouteShowsTheRouterHopThenTheHost() {
        Net.Switch sw = switchWithSvi();
        String t = sw.run("traceroute 10.9.0.9");
        assertTrue(Pattern.compile("Tracing the route to 10.9.0.9\n\n  1 10.0.0.1 \\d+ msec \\d+ msec \\d+ msec\n"
                + "  2 10.9.0.9 \\d+ msec \\d+ msec \\d+ msec\n").matcher(t).find(), t);
    }

    @Test
    void clearCountersCountsFromNowWhileTheKernelsCountersRunOn() {
        Net.Switch sw = switchWithSvi();
        sw.run("ping 10.0.0.1 repeat 20");
        long kernelBefore = Net.rxPackets("sw", "eth1");
        assertTrue(kernelBefore >= 20, "kernel rx " + kernelBefore);
        sw.run("clear counters");
        assertTrue(sw.run("show logging").contains("%CLEAR-5-COUNTERS: Clear counter on all interfaces"));
        sw.run("ping 10.0.0.1 repeat 3");
        String c = sw.run("show interfaces eth1 counters");
        Matcher m = Pattern.compile("\neth1\\s+(\\d+)\\s+(\\d+)\\s+").matcher(c);
        assertTrue(m.find(), c);
        long shown = Long.parseLong(m.group(2));
        assertTrue(shown >= 3 && shown < 10, "counted since the clear: " + c);
        assertTrue(Net.rxPackets("sw", "eth1") >= kernelBefore + 3, "the kernel's counters are not reset");
        String detail = sw.run("show interfaces eth1");
        assertTrue(Pattern.compile("Last clearing of \"show interface\" counters 00:00:\\d\\d\n").matcher(detail).find(), detail);
        assertTrue(Pattern.compile("5 minute input rate \\d+ bits/sec, \\d+ packets/sec\n  5 minute output rate \\d+ bits/sec")
                .matcher(detail).find(), detail);
        assertEquals(1, detail.lines().filter(l -> l.contains("5 minute input rate")).count());
    }
}
