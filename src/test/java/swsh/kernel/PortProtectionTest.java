package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static swsh.kernel.Net.sh;

import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Access-port protection on a real kernel, through the shell, judged by traffic: port security (a second
 * MAC on a port with maximum 1 is dropped, counted and logged, or err-disables the port; a sticky MAC is a
 * config line that survives write memory and a boot replay), storm control (a broadcast flood above the
 * level is cut at the receiver; with action shutdown the port err-disables) and err-disable recovery (by
 * the interval, and by shutdown / no shutdown). Hosts: h1-h4 on eth1-eth4 of switch ppsw, all in VLAN 1.
 */
@Tag("kernel")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortProtectionTest {
    static final String NS = "ppsw";
    static Net.Switch sw;

    @BeforeAll
    static void up() {
        Net.reset();
        for (int i = 1; i <= 4; i++) Net.host("h" + i, NS, "eth" + i, "10.0.0." + i + "/24");
        sw = new Net.Switch(NS);
        sw.run("configure terminal", "interface range eth1 - 4", "switchport mode access", "end");
        sw.shell.engine.secure.watch();
        sw.shell.engine.storm.watch();
    }

    @AfterAll
    static void down() {
        sw.shell.engine.secure.stop();
        sw.shell.engine.storm.stop();
    }

    static boolean within(long ms, BooleanSupplier check) throws InterruptedException {
        long end = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < end) {
            if (check.getAsBoolean()) return true;
            Thread.sleep(100);
        }
        return check.getAsBoolean();
    }

    static boolean logged(String text) {
        return sw.shell.audit.recent().stream().anyMatch(l -> l.contains(text));
    }

    static boolean pings(String from, String ip) {
        return Net.ok("ip", "netns", "exec", from, "ping", "-c", "1", "-W", "1", ip);
    }

    static boolean carrier(String host) {
        return sh("ip", "netns", "exec", host, "cat", "/sys/class/net/eth0/carrier").strip().equals("1");
    }

    /** Sends {@code n} broadcast frames from host {@code h} as fast as it can (a raw socket). */
    static void flood(String h, int n) {
        sh("ip", "netns", "exec", h, "python3", "-c", "import socket\n"
                + "s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)\ns.bind(('eth0', 0))\n"
                + "f = b'\\xff' * 6 + bytes.fromhex('020000000002') + b'\\x88\\xb5' + b'x' * 50\n"
                + "for _ in range(" + n + "):\n    s.send(f)\n");
    }

    /** Frames of the flood's ethertype that host {@code h} received during {@code r}. */
    static long received(String h, Runnable r) {
        long before = Net.rxPackets(h, "eth0");
        r.run();
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Net.rxPackets(h, "eth0") - before;
    }

    @Test
    @Order(1)
    void portSecurityMaximumOneDropsCountsOrErrDisables() throws Exception {
        sw.run("configure terminal", "interface eth1", "switchport port-security", "switchport port-security violation protect", "end");
        assertTrue(sw.shell.engine.secure.listening("eth1", 10_000), "port security watches eth1");
        assertTrue(within(5000, () -> pings("h1", "10.0.0.2")), "h1's own MAC is learned as the secure MAC and forwards");
        String first = Net.mac("h1", "eth0");
        assertTrue(sw.run("show port-security address").contains(swsh.commands.Types.ciscoMac(first)));

        // a second MAC on the port: h1 takes another address
        sh("ip", "-n", "h1", "link", "set", "eth0", "address", "02:00:00:00:01:99");
        assertTrue(sw.shell.engine.secure.listening("eth1", 5000));
        long got = received("h2", () -> pings("h1", "10.0.0.2"));
        assertEquals(0, got, "protect: nothing from the second MAC reaches h2");
        assertFalse(logged("PSECURE_VIOLATION"), "protect drops without a word");

        sw.run("configure terminal", "interface eth1", "switchport port-security violation restrict", "end");
        got = received("h2", () -> pings("h1", "10.0.0.2"));
        assertEquals(0, got, "restrict: nothing from the second MAC reaches h2");
        assertTrue(within(3000, () -> logged("%PORT_SECURITY-2-PSECURE_VIOLATION: Security violation occurred, caused by MAC address "
                + "0200.0000.0199 on port eth1.")));
        String show = sw.run("show port-security interface eth1");
        assertFalse(show.contains("Security Violation Count   : 0"), show);
        assertTrue(show.contains("Violation Mode             : Restrict"), show);

        sw.run("configure terminal", "interface eth1", "switchport port-security violation shutdown", "end");
        long t0 = System.currentTimeMillis();
        assertTrue(within(8000, () -> {
            pings("h1", "10.0.0.2");
            return sw.shell.engine.errdisable.has("eth1");
        }), "shutdown: the port err-disables");
        System.out.println("port security: err-disabled " + (System.currentTimeMillis() - t0) + " ms after the first ping from the second MAC");
        assertTrue(within(3000, () -> !carrier("h1")), "the port's link is down: h1 loses carrier");
        assertTrue(logged("%PM-4-ERR_DISABLE: psecure-violation error detected on eth1, putting eth1 in err-disable state"));
        assertTrue(sw.run("show interfaces status").matches("(?s).*eth1 +err-disabled.*"));
        assertTrue(sw.run("show interfaces eth1").contains("line protocol is down (err-disabled)"));
        assertTrue(sw.run("show interfaces status err-disabled").contains("psecure-violation"));

        // by hand: the host gets its first MAC back, then shutdown / no shutdown
        sh("ip", "-n", "h1", "link", "set", "eth0", "address", first);
        sw.run("configure terminal", "interface eth1", "shutdown", "no shutdown", "end");
        assertFalse(sw.shell.engine.errdisable.has("eth1"));
        assertTrue(within(5000, () -> carrier("h1")), "no shutdown brings the link back");
        assertTrue(within(8000, () -> pings("h1", "10.0.0.2")), "and h1 forwards again");
        sw.run("configure terminal", "interface eth1", "no switchport port-security", "end");
    }

    @Test
    @Order(2)
    void stickyMacIsConfigAndSurvivesWriteMemoryAndBoot() throws Exception {
        sw.run("configure terminal", "interface eth3", "switchport port-security", "switchport port-security mac-address sticky", "end");
        assertTrue(sw.shell.engine.secure.listening("eth3", 10_000));
        String mac = swsh.commands.Types.ciscoMac(Net.mac("h3", "eth0"));
        assertTrue(within(5000, () -> pings("h3", "10.0.0.2")));
        String line = "switchport port-security mac-address sticky " + mac;
        assertTrue(within(3000, () -> sw.run("show running-config").contains(line)), sw.run("show running-config"));
        assertTrue(sw.run("write memory").contains("[OK]"));
        // the kernel loses everything; the startup-config is replayed by a new swsh process
        sh("ip", "-n", NS, "link", "del", "swbr0");
        LiveKernel.Result r = sw.process(null, "boot");
        assertEquals(0, r.status(), r.out() + r.err());
        // this test's own switch sees the bridge go and come back under a new index: its kept-open programs must follow
        String fdb = sh("bridge", "-n", NS, "fdb", "show", "dev", "eth3");
        assertTrue(fdb.contains(Net.mac("h3", "eth0") + " vlan 1 master swbr0 static"), fdb);
        assertTrue(sh("bridge", "-n", NS, "-d", "link", "show", "dev", "eth3").contains("locked on"));
        Net.settle(NS);
        assertTrue(within(5000, () -> pings("h3", "10.0.0.2")), "the sticky MAC forwards after the replay");
    }

    @Test
    @Order(3)
    void stormControlCutsABroadcastFloodAndShutsThePortDown() throws Exception {
        sw.shell.engine.errdisable.second(java.time.Duration.ofSeconds(1));
        long free = received("h4", () -> flood("h2", 2000));
        assertTrue(free > 1500, "without storm control the flood reaches h4: " + free);
        sw.run("configure terminal", "interface eth2", "storm-control broadcast level pps 50", "end");
        assertTrue(sh("tc", "-n", NS, "filter", "show", "dev", "eth2", "ingress").contains("pref 49001"));
        long cut = received("h4", () -> flood("h2", 2000));
        System.out.println("storm control: a flood of 2000 broadcasts reached h4 " + free + " times without, " + cut + " times with a 50 pps level");
        assertTrue(cut < 200, "storm control cuts the flood at h4: " + cut + " of 2000");
        int batches = sw.kernel.batches;
        sw.run("configure terminal", "interface eth2", "storm-control broadcast level pps 50", "end");
        assertEquals(batches, sw.kernel.batches, "the same level again changes nothing");
        assertTrue(pings("h2", "10.0.0.4"), "unicast still flows");

        sw.run("configure terminal", "errdisable recovery cause storm-control", "errdisable recovery interval 30",
                "interface eth2", "storm-control action shutdown", "end");
        long t0 = System.currentTimeMillis();
        flood("h2", 2000);
        assertTrue(within(5000, () -> sw.shell.engine.errdisable.has("eth2")), "action shutdown: the port err-disables");
        assertTrue(logged("%STORM_CONTROL-3-SHUTDOWN: A packet storm was detected on eth2. The interface has been disabled."));
        assertTrue(logged("%PM-4-ERR_DISABLE: storm-control error detected on eth2, putting eth2 in err-disable state"));
        assertTrue(within(3000, () -> !carrier("h2")));
        String rec = sw.run("show errdisable recovery");
        assertTrue(rec.matches("(?s).*storm-control +Enabled.*Timer interval: 30 seconds.*eth2 +storm-control +[0-9]+.*"), rec);
        assertTrue(within(45_000, () -> !sw.shell.engine.errdisable.has("eth2")), "the recovery interval brings it back");
        long took = System.currentTimeMillis() - t0;
        System.out.println("storm control: err-disabled and recovered by a 30 s interval " + took + " ms after the flood");
        assertTrue(took >= 25_000, "not before the interval: " + took + " ms");
        assertTrue(logged("%PM-4-ERR_RECOVER: Attempting to recover from storm-control err-disable state on eth2"));
        assertTrue(within(5000, () -> carrier("h2")));
        assertTrue(within(5000, () -> pings("h2", "10.0.0.4")), "h2 forwards again after the recovery");
        String storm = sw.run("show storm-control eth2");
        assertTrue(storm.contains("50 pps"), storm);

        // action trap instead: the storm is logged, the flood still cut, the port stays up
        sw.run("configure terminal", "interface eth2", "no storm-control action shutdown", "storm-control action trap", "end");
        long trapped = received("h4", () -> flood("h2", 2000));
        assertTrue(trapped < 200, "trap: the flood is still cut: " + trapped);
        assertTrue(within(5000, () -> logged("%STORM_CONTROL-3-FILTERED: A packet storm was detected on eth2. "
                + "A packet filter action has been applied on the interface.")));
        assertFalse(sw.shell.engine.errdisable.has("eth2"));
        assertTrue(carrier("h2"));
    }
}
