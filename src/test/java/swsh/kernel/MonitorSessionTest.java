package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static swsh.kernel.Net.host;
import static swsh.kernel.Net.ping;
import static swsh.kernel.Net.sh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Port mirroring (SPAN) on the real kernel, configured through the shell and judged by what a tcpdump on
 * the destination port's host sees of two other hosts' pings: rx mirrors what the source port receives,
 * tx what it sends, a VLAN source what every port of the VLAN receives; {@code no monitor session} stops
 * it, and the destination port forwards no switched traffic while it is one.
 */
@Tag("kernel")
class MonitorSessionTest {
    @BeforeEach
    void clean() {
        Net.reset();
    }

    /** h1 (10.0.0.1), h2 (10.0.0.2) and the analyser h3 (10.0.0.3) on eth1..eth3, all in VLAN 1. */
    static Net.Switch threeHosts() {
        for (int i = 1; i <= 3; i++) host("h" + i, "sw", "eth" + i, "10.0.0." + i + "/24");
        Net.Switch sw = new Net.Switch("sw");
        sw.run("conf t", "interface range eth1 - 3", "end");
        assertTrue(ping("h1", "10.0.0.2"));
        assertTrue(ping("h3", "10.0.0.1"));
        return sw;
    }

    /** The ICMP lines tcpdump on h3's eth0 prints while h1 pings h2 three times. */
    static String seenByH3() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ip", "netns", "exec", "h3", "timeout", "20", "tcpdump", "-n", "-l", "-U", "-i", "eth0",
                "icmp and host 10.0.0.2").start();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = err.readLine()) != null; ) if (l.contains("listening on")) break;
            sh("ip", "netns", "exec", "h1", "ping", "-c", "3", "-i", "0.2", "-W", "1", "10.0.0.2");
            Thread.sleep(500);
            sh("kill", "-INT", Long.toString(p.pid())); // timeout passes it on: tcpdump ends, flushing what it saw
            p.waitFor(10, TimeUnit.SECONDS);
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
    }

    static long count(String out, String what) {
        return out.lines().filter(l -> l.contains(what)).count();
    }

    @Test
    void rxThenTxOfAPortReachTheDestination_andNoMonitorSessionStopsIt() throws Exception {
        Net.Switch sw = threeHosts();
        String before = seenByH3();
        assertEquals(0, count(before, "ICMP echo"), "no mirroring yet: h3 sees none of h1's pings\n" + before);

        sw.run("conf t", "monitor session 1 source interface eth1 rx", "monitor session 1 destination interface eth3", "end");
        assertFalse(sh("ip", "-n", "sw", "link", "show", "eth3").contains("master swbr0"), "the destination leaves the bridge");
        assertFalse(ping("h3", "10.0.0.1"), "a SPAN destination forwards no switched traffic");
        String rx = seenByH3();
        assertEquals(3, count(rx, "10.0.0.1 > 10.0.0.2: ICMP echo request"), rx);
        assertEquals(0, count(rx, "ICMP echo reply"), rx);
        String show = sw.run("show monitor session 1");
        assertTrue(show.contains("    RX Only              : eth1\n") && show.contains("Destination Ports        : eth3\n"), show);

        int batches = sw.kernel.batches;
        sw.run("conf t", "monitor session 1 source interface eth1 rx", "monitor session 1 destination interface eth3", "end");
        assertEquals(batches, sw.kernel.batches, "re-applying the session changes nothing");

        sw.run("conf t", "monitor session 1 source interface eth1 tx", "end");
        String tx = seenByH3();
        assertEquals(0, count(tx, "ICMP echo request"), tx);
        assertEquals(3, count(tx, "10.0.0.2 > 10.0.0.1: ICMP echo reply"), tx);

        sw.run("conf t", "monitor session 1 source interface eth1 both", "end");
        String both = seenByH3();
        assertEquals(3, count(both, "ICMP echo request"), both);
        assertEquals(3, count(both, "ICMP echo reply"), both);

        sw.run("conf t", "no monitor session 1", "end");
        String tc = sh("tc", "-netns", "sw", "qdisc", "show");
        assertFalse(tc.contains("clsact"), "swsh's qdiscs are gone with the session:\n" + tc);
        assertTrue(ping("h3", "10.0.0.1"), "eth3 is a switchport again");
        String after = seenByH3();
        assertEquals(0, count(after, "ICMP echo"), after);
    }

    @Test
    void aVlanSourceMirrorsWhatAnAccessPortAndATrunksNativeVlanReceive_andOthersFiltersStay() throws Exception {
        Net.Switch sw = threeHosts();
        // someone else's qdisc and filter on eth2: swsh uses the qdisc and leaves both in place
        sh("tc", "-netns", "sw", "qdisc", "add", "dev", "eth2", "clsact");
        sh("tc", "-netns", "sw", "filter", "add", "dev", "eth2", "ingress", "pref", "10", "protocol", "ip", "u32",
                "match", "ip", "dst", "192.0.2.1/32", "action", "drop");
        // eth2 a trunk: h2's untagged frames are its native VLAN 1's (flower num_of_vlans 0)
        sw.run("conf t", "interface eth2", "switchport mode trunk", "end");
        assertTrue(ping("h1", "10.0.0.2"));
        sw.run("conf t", "monitor session 2 source vlan 1", "monitor session 2 destination interface eth3", "end");
        String seen = seenByH3();
        assertEquals(3, count(seen, "10.0.0.1 > 10.0.0.2: ICMP echo request"), seen);
        assertEquals(3, count(seen, "10.0.0.2 > 10.0.0.1: ICMP echo reply"), seen);
        sw.run("conf t", "no monitor session all", "end");
        String f = sh("tc", "-netns", "sw", "filter", "show", "dev", "eth2", "ingress");
        assertTrue(f.contains("pref 10 u32"), "the other filter stays:\n" + f);
        assertFalse(f.contains("mirred"), f);
        assertTrue(sh("tc", "-netns", "sw", "qdisc", "show", "dev", "eth2").contains("clsact"));
        assertEquals(0, count(seenByH3(), "ICMP echo"));
    }
}
