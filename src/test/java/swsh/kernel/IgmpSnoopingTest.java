package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static swsh.kernel.Net.host;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * IGMP snooping on a real kernel: a host joins a group with a real socket (its kernel sends the IGMP
 * reports), a sender's multicast then reaches only that member's port once the switch's querier runs,
 * as counted by the receiving sockets of a member and of a non-member. Run inside user-mode Linux by
 * {@link KernelSuiteMain}.
 */
@Tag("kernel")
class IgmpSnoopingTest {
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void clean() {
        Net.reset();
    }

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
        Net.reset();
    }

    private static final String GROUP = "239.1.2.3";

    /**
     * A receiver in {@code ns}: joins GROUP (when {@code join}) on UDP port 5000 and prints a line for each
     * datagram; one that does not join sees only what is flooded to its port (its socket is bound to the
     * group's port, and IP_MULTICAST_ALL delivers whatever the NIC takes in).
     */
    private Process receiver(String ns, String addr, boolean join) throws IOException {
        // (only the member's socket is counted; a non-member's IP layer drops what its NIC takes in)
        String py = "import socket,struct,sys\n"
                + "s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\n"
                + "s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)\n"
                + "s.bind(('0.0.0.0',5000))\n"
                + (join ? "s.setsockopt(socket.IPPROTO_IP,socket.IP_ADD_MEMBERSHIP,struct.pack('4s4s',socket.inet_aton('" + GROUP
                        + "'),socket.inet_aton('" + addr + "')))\n" : "")
                + "print('ready',flush=True)\n"
                + "while True:\n s.recv(2000); print('got',flush=True)\n";
        Process p = new ProcessBuilder("ip", "netns", "exec", ns, "python3", "-c", py).redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    /** Sends {@code n} datagrams to GROUP from {@code ns} out of its eth0. */
    private static void send(String ns, String addr, int n) {
        String py = "import socket,time\n"
                + "s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\n"
                + "s.setsockopt(socket.IPPROTO_IP,socket.IP_MULTICAST_IF,socket.inet_aton('" + addr + "'))\n"
                + "s.setsockopt(socket.IPPROTO_IP,socket.IP_MULTICAST_TTL,2)\n"
                + "for i in range(" + n + "):\n s.sendto(b'x',('" + GROUP + "',5000)); time.sleep(0.01)\n";
        Net.sh("ip", "netns", "exec", ns, "python3", "-c", py);
    }

    /** Lines a receiver printed so far. */
    static final class Count {
        final StringBuilder out = new StringBuilder();

        Count(Process p) {
            Thread t = new Thread(() -> {
                try {
                    int c;
                    while ((c = p.getInputStream().read()) >= 0) {
                        synchronized (out) {
                            out.append((char) c);
                        }
                    }
                } catch (IOException e) {
                    // ended
                }
            });
            t.setDaemon(true);
            t.start();
        }

        int got() {
            synchronized (out) {
                return out.toString().split("got", -1).length - 1;
            }
        }

        boolean ready() {
            synchronized (out) {
                return out.indexOf("ready") >= 0;
            }
        }
    }

    /** Frames the non-member's NIC took in (its IP layer drops a group it did not join: its port is the judge). */
    private static long other() {
        return Net.rxPackets("other", "eth0");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void multicastReachesOnlyMemberPortsOnceTheQuerierRuns() throws Exception {
        host("src", "sw", "eth1", "10.0.0.1/24");
        host("member", "sw", "eth2", "10.0.0.2/24");
        host("other", "sw", "eth3", "10.0.0.3/24");
        Net.Switch sw = new Net.Switch("sw");
        sw.run("conf t", "vlan 10", "interface range eth1 - 3", "switchport access vlan 10", "end");
        Count member = new Count(receiver("member", "10.0.0.2", true));
        for (int i = 0; i < 100 && !member.ready(); i++) sleep(100);
        assertTrue(member.ready(), "receiver started");

        // snooping without a querier: the kernel floods (no querier, no pruning), as a Catalyst without one
        long o0 = other();
        send("src", "10.0.0.1", 20);
        sleep(500);
        assertTrue(member.got() >= 20 && other() - o0 >= 20, "flooded without a querier: " + member.got() + "/" + (other() - o0));

        sw.run("conf t", "ip igmp snooping querier", "end");
        assertTrue(Net.sh("ip", "-n", "sw", "-d", "-j", "link", "show", "swbr0").contains("\"mcast_vlan_snooping\":1"));
        assertTrue(Net.sh("bridge", "-n", "sw", "-j", "vlan", "global", "show").contains("\"vlan\":10,\"mcast_snooping\":1,\"mcast_querier\":1"));
        // the member answers the queries: its group shows on its port
        String groups = LldpTest.until(sw, "show ip igmp snooping groups", 40, o -> o.contains(GROUP));
        assertTrue(groups.matches("(?s).*\\n10 +" + GROUP.replace(".", "\\.") + " +igmp +v2 +eth2\\n.*"), groups);
        // the kernel prunes after its query response interval: send bursts until the non-member sees none
        long t0 = System.nanoTime();
        long leaked = -1;
        for (int round = 0; round < 20 && (leaked < 0 || leaked > 2); round++) {
            int m0 = member.got();
            long before = other();
            send("src", "10.0.0.1", 20);
            sleep(500);
            leaked = other() - before;
            assertTrue(member.got() - m0 >= 20, "the member gets every datagram");
            if (leaked > 2) sleep(1000);
        }
        // a query of the querier may arrive meanwhile; 20 datagrams would be 20
        assertTrue(leaked <= 2, "the non-member's port still gets the group's traffic: " + leaked + " frames of 20");
        System.out.printf("IgmpSnoopingTest: pruned %.1f s after the group showed%n", (System.nanoTime() - t0) / 1e9);
        String show = sw.run("show ip igmp snooping vlan 10");
        assertTrue(show.contains("IGMP snooping                       : Enabled") && show.contains("IGMP querier                        : Enabled"), show);
        assertTrue(sw.shell.engine.repairPlan().isEmpty(), "re-applying changes nothing");
        assertTrue(sw.run("show running-config").contains("\nip igmp snooping querier\n"));

        // snooping off in VLAN 10: flooded again
        sw.run("conf t", "no ip igmp snooping vlan 10", "end");
        long o1 = other();
        send("src", "10.0.0.1", 20);
        sleep(500);
        assertTrue(other() - o1 >= 20, "no snooping in VLAN 10: flooded");
        assertFalse(sw.run("show ip igmp snooping vlan 10").contains("IGMP snooping                       : Enabled"));
        assertTrue(sw.shell.engine.repairPlan().isEmpty(), "re-applying changes nothing");

        // snooping off for the whole switch: the bridge's own snooping and its per-VLAN contexts go
        sw.run("conf t", "ip igmp snooping vlan 10", "no ip igmp snooping", "end");
        String br = Net.sh("ip", "-n", "sw", "-d", "-j", "link", "show", "swbr0");
        assertTrue(br.contains("\"mcast_snooping\":0") && br.contains("\"mcast_vlan_snooping\":0"), br);
        assertTrue(sw.shell.engine.repairPlan().isEmpty(), "re-applying changes nothing");
        assertTrue(sw.run("show running-config").contains("\nno ip igmp snooping\nip igmp snooping querier\n"));
    }
}
