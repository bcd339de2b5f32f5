package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static swsh.kernel.Net.host;
import static swsh.kernel.Net.ok;
import static swsh.kernel.Net.sh;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Rapid spanning tree on the real kernel, configured through the shell and judged by traffic: a
 * ring of three switch namespaces converges with one port blocked and no storm, reconverges after a
 * cut in under 3 s (the kernel's 802.1D on the same ring: {@link SpanningTreeBench}), an edge port
 * forwards at once, BPDU guard err-disables a port, root guard blocks one, and a rapid switch
 * interworks with an 802.1D one.
 */
@Tag("kernel")
class SpanningTreeTest {
    @BeforeEach
    void clean() {
        Net.reset();
    }

    /** A switch in namespace {@code ns} with the tree running as in swshd, configured with {@code lines}. */
    static Net.Switch stpSwitch(String ns, String mode, String... lines) {
        Net.Switch s = new Net.Switch(ns);
        s.shell.engine.stp.start(s.shell.engine.running());
        List<String> all = new java.util.ArrayList<>(List.of("configure terminal", "spanning-tree mode " + mode));
        all.addAll(List.of(lines));
        all.add("end");
        s.run(all.toArray(new String[0]));
        return s;
    }

    /** Trunks eth1 and eth2 to other switches, a host with portfast on eth3. */
    static Net.Switch rstpSwitch(String ns, String mode, String... extra) {
        List<String> lines = new java.util.ArrayList<>(List.of(extra));
        lines.addAll(List.of("interface range eth1 - 2", "switchport mode trunk", "interface eth3", "switchport access vlan 1",
                "spanning-tree portfast"));
        return stpSwitch(ns, mode, lines.toArray(new String[0]));
    }

    /** sw1 (the root, priority 4096), sw2, sw3 in a ring; host hN on port eth3 of swN. */
    static Net.Switch[] ring(String mode) {
        Net.cable("sw1", "eth1", "sw2", "eth1");
        Net.cable("sw2", "eth2", "sw3", "eth1");
        Net.cable("sw3", "eth2", "sw1", "eth2");
        for (int i = 1; i <= 3; i++) host("h" + i, "sw" + i, "eth3", "10.0.0." + i + "/24");
        return new Net.Switch[] {
            rstpSwitch("sw1", mode, "spanning-tree vlan 1-4094 priority 4096"), rstpSwitch("sw2", mode), rstpSwitch("sw3", mode),
        };
    }

    static int blocked(Net.Switch... sws) {
        int n = 0;
        for (Net.Switch s : sws) {
            Matcher m = Pattern.compile("Number of blocked ports \\(segments\\) in the system : (\\d+)")
                    .matcher(s.run("show spanning-tree blockedports"));
            if (m.find()) n += Integer.parseInt(m.group(1));
        }
        return n;
    }

    static long millisUntil(BooleanSupplier cond, long maxMillis) {
        long t0 = System.nanoTime();
        while ((System.nanoTime() - t0) / 1_000_000 < maxMillis) {
            if (cond.getAsBoolean()) return (System.nanoTime() - t0) / 1_000_000;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return -1;
    }

    static boolean ping1(String from, String ip) {
        return ok("ip", "netns", "exec", from, "ping", "-c", "1", "-W", "1", ip);
    }

    /** The broadcast packets h1 received in two seconds: a loop would make them thousands. */
    static long rxIn2s(String host) throws InterruptedException {
        long a = Net.rxPackets(host, "eth0");
        ok("ip", "netns", "exec", "h2", "ping", "-b", "-c", "3", "-i", "0.2", "-W", "1", "10.0.0.255");
        Thread.sleep(2000);
        return Net.rxPackets(host, "eth0") - a;
    }

    @Test
    void aRingOfThreeConvergesWithOneBlockedPortAndReconvergesFastAfterACut() throws Exception {
        Net.Switch[] sw = ring("rapid-pvst");
        long converge = millisUntil(() -> blocked(sw) == 1 && ping1("h1", "10.0.0.2") && ping1("h2", "10.0.0.3"), 20_000);
        System.out.println("rstp ring of 3: converged " + converge + " ms after the last switch was configured");
        assertTrue(converge >= 0, "the ring converged with one blocked port");
        assertTrue(rxIn2s("h1") < 200, "no broadcast storm");
        String root = sw[0].run("show spanning-tree");
        assertTrue(root.contains("This bridge is the root"), root);
        assertTrue(root.contains("Spanning tree enabled protocol rstp"), root);
        assertTrue(root.contains("Bridge ID  Priority    4097  (priority 4096 sys-id-ext 1)"), root);
        String mac1 = Net.mac("sw1", "swbr0").replace(":", "");
        String dotted = mac1.substring(0, 4) + "." + mac1.substring(4, 8) + "." + mac1.substring(8);
        String two = sw[1].run("show spanning-tree vlan 1");
        assertTrue(two.contains("Root ID    Priority    4097\n             Address     " + dotted), "sw2 names sw1 as root:\n" + two);
        assertTrue(two.matches("(?s).*Port\\s+\\d+ \\(eth1\\).*"), two);
        assertTrue(two.matches("(?s).*eth3\\s+Desg FWD 2\\s+128\\.\\d+\\s+P2p Edge.*"), two);
        // cut sw1-sw2: h1 reaches h2 only through sw3 and the port that was blocked
        sh("ip", "-n", "sw1", "link", "set", "eth1", "down");
        long t0 = System.nanoTime();
        long back = millisUntil(() -> ping1("h1", "10.0.0.2"), 20_000);
        long total = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("rstp ring of 3: h1 reached h2 again " + total + " ms after the cut");
        assertTrue(back >= 0 && total < 3000, "reconverged in " + total + " ms");
        assertEquals(0, blocked(sw), "no port is blocked in what is now a line");
    }

    @Test
    void anEdgePortForwardsWithinOneSecondOfLinkUp() throws Exception {
        Net.cable("sw1", "eth1", "sw2", "eth1");
        host("h1", "sw1", "eth3", "10.0.0.1/24");
        host("h9", "sw1", "eth4", "10.0.0.9/24");
        Net.Switch s = stpSwitch("sw1", "rapid-pvst", "interface eth1", "switchport mode trunk", "interface eth3",
                "spanning-tree portfast", "interface eth4", "spanning-tree portfast");
        assertTrue(millisUntil(() -> ping1("h1", "10.0.0.9"), 5000) >= 0);
        sh("ip", "-n", "h9", "link", "set", "eth0", "down");
        Thread.sleep(500);
        sh("ip", "-n", "h9", "link", "set", "eth0", "up");
        long t0 = System.nanoTime();
        long fwd = millisUntil(() -> s.run("show spanning-tree interface eth4").contains("FWD"), 5000);
        long pinged = millisUntil(() -> ok("ip", "netns", "exec", "h1", "ping", "-c", "1", "-W", "0.2", "10.0.0.9"), 5000);
        long total = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("edge port: forwarding " + fwd + " ms after link-up, first ping answered " + total + " ms after it");
        assertTrue(fwd >= 0 && fwd < 1000, "forwarding within 1 s: " + fwd);
        // the kernel itself tells the bridge of a carrier up to a second late (link watch)
        assertTrue(pinged >= 0 && total < 2000, "traffic passes " + total + " ms after link-up");
    }

    @Test
    void aBpduOnAGuardedPortTakesItDown() throws Exception {
        host("h1", "sw1", "eth3", "10.0.0.1/24");
        host("h5", "sw1", "eth5", null);
        Net.Switch s = stpSwitch("sw1", "rapid-pvst", "interface eth3", "spanning-tree portfast", "interface eth5", "spanning-tree portfast",
                "spanning-tree bpduguard enable");
        // h5 is a bridge with 802.1D on: it sends a BPDU every hello time
        sh("ip", "-n", "h5", "link", "add", "br0", "type", "bridge", "stp_state", "1");
        sh("ip", "-n", "h5", "addr", "add", "10.0.0.5/24", "dev", "br0");
        sh("ip", "-n", "h5", "link", "set", "eth0", "master", "br0");
        sh("ip", "-n", "h5", "link", "set", "br0", "up");
        long down = millisUntil(() -> s.shell.audit.recent().stream().anyMatch(l -> l.contains("%SPANTREE-2-BLOCK_BPDUGUARD")
                && l.contains("eth5")), 10_000);
        assertTrue(down >= 0, "BPDU guard fired: " + s.shell.audit.recent());
        assertTrue(millisUntil(() -> s.shell.audit.recent().stream().anyMatch(l -> l.contains(
                "%PM-4-ERR_DISABLE: bpduguard error detected on eth5, putting eth5 in err-disable state")), 5000) >= 0, "err-disabled: "
                + s.shell.audit.recent());
        assertFalse(ping1("h1", "10.0.0.5"), "the guarded port carries nothing");
        assertTrue(s.run("show interfaces status").matches("(?s).*eth5\\s+err-disabled.*"), s.run("show interfaces status"));
        // the BPDUs stop; errdisable recovery brings the port back after its interval
        sh("ip", "-n", "h5", "link", "set", "br0", "type", "bridge", "stp_state", "0");
        s.shell.engine.errdisable.second(java.time.Duration.ofMillis(100));
        s.run("configure terminal", "errdisable recovery cause bpduguard", "errdisable recovery interval 30", "end");
        long back = millisUntil(() -> ping1("h1", "10.0.0.5"), 15_000);
        assertTrue(back >= 0, "recovered: " + s.shell.audit.recent());
        assertTrue(s.shell.audit.recent().stream().anyMatch(l -> l.contains(
                "%PM-4-ERR_RECOVER: Attempting to recover from bpduguard err-disable state on eth5")), s.shell.audit.recent().toString());
    }

    @Test
    void aRapidSwitchAndAn8021dSwitchAgreeOnOneTree() throws Exception {
        Net.cable("sw1", "eth1", "sw2", "eth1");
        Net.cable("sw1", "eth2", "sw2", "eth2");
        host("h1", "sw1", "eth3", "10.0.0.1/24");
        host("h2", "sw2", "eth3", "10.0.0.2/24");
        Net.Switch a = rstpSwitch("sw1", "rapid-pvst");
        Net.Switch b = rstpSwitch("sw2", "pvst", "spanning-tree vlan 1-4094 priority 4096");
        long t = millisUntil(() -> blocked(a, b) == 1 && ping1("h1", "10.0.0.2"), 60_000);
        System.out.println("rstp + 802.1D pair: converged in " + t + " ms");
        assertTrue(t >= 0, "one tree, one blocked port: " + a.run("show spanning-tree") + b.run("show spanning-tree"));
        String shown = a.run("show spanning-tree");
        assertTrue(shown.contains("Peer(STP)"), shown);
        String mac2 = Net.mac("sw2", "swbr0").replace(":", "");
        assertTrue(shown.contains(mac2.substring(0, 4) + "." + mac2.substring(4, 8) + "." + mac2.substring(8)), "sw2 is the root:\n" + shown);
        assertTrue(rxIn2s("h1") < 200, "no broadcast storm");
    }

    @Test
    void rootGuardBlocksAPortThatHearsABetterRoot() throws Exception {
        Net.cable("sw1", "eth1", "sw2", "eth1");
        host("h1", "sw1", "eth3", "10.0.0.1/24");
        host("h2", "sw2", "eth3", "10.0.0.2/24");
        Net.Switch a = stpSwitch("sw1", "rapid-pvst", "interface eth1", "switchport mode trunk", "spanning-tree guard root",
                "interface eth3", "spanning-tree portfast");
        stpSwitch("sw2", "rapid-pvst", "spanning-tree vlan 1-4094 priority 4096", "interface eth1", "switchport mode trunk",
                "interface eth3", "spanning-tree portfast");
        long t = millisUntil(() -> a.shell.audit.recent().stream().anyMatch(l -> l.contains(
                "%SPANTREE-2-ROOTGUARD_BLOCK: Root guard blocking port eth1 on VLAN0001.")), 10_000);
        assertTrue(t >= 0, "root guard fired: " + a.shell.audit.recent());
        String inc = a.run("show spanning-tree inconsistentports");
        assertTrue(inc.matches("(?s).*VLAN0001\\s+eth1\\s+Root Inconsistent.*"), inc);
        assertTrue(inc.contains("Number of inconsistent ports (segments) in the system : 1"), inc);
        assertTrue(a.run("show spanning-tree").contains("This bridge is the root"), "sw1 did not take sw2 as root");
        assertFalse(ping1("h1", "10.0.0.2"), "the guarded port carries nothing");
        a.run("configure terminal", "interface eth1", "no spanning-tree guard", "end");
        assertTrue(millisUntil(() -> ping1("h1", "10.0.0.2"), 10_000) >= 0, "without the guard sw2 is root and traffic passes");
    }
}
