package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static swsh.kernel.Net.cable;
import static swsh.kernel.Net.host;
import static swsh.kernel.Net.ping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * LLDP, CDP and the voice VLAN on a real kernel: two switches in their own namespaces, each with its own
 * lldpd started by swsh, joined by a veth cable; judged by what each switch's shell says of the other
 * and by traffic. Run inside user-mode Linux by {@link KernelSuiteMain}.
 */
@Tag("kernel")
class LldpTest {
    @BeforeEach
    void clean() {
        Net.reset();
    }

    @AfterEach
    void stop() {
        Net.reset();
    }

    /** Runs {@code show} on {@code sw} until its output passes {@code ok} (at most {@code seconds}); returns the last. */
    static String until(Net.Switch sw, String show, int seconds, Predicate<String> ok) throws InterruptedException {
        long end = System.currentTimeMillis() + seconds * 1000L;
        String out = sw.run(show);
        while (!ok.test(out) && System.currentTimeMillis() < end) {
            Thread.sleep(500);
            out = sw.run(show);
        }
        return out;
    }

    /** The pid of the switch's lldpd, from its pid file (-1: none). */
    static long lldpd(Net.Switch sw) throws java.io.IOException {
        Path pid = sw.dir.resolve("run/lldpd/lldpd.pid");
        return Files.exists(pid) ? Long.parseLong(Files.readString(pid).strip()) : -1;
    }

    /** Whether process {@code pid} is an lldpd (it renames itself {@code lldpd: monitor.}). */
    static boolean isLldpd(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/cmdline")).startsWith("lldpd");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void twoSwitchesSeeEachOther_thenNoTransmitAgesOut_andMedVoicePolicy() throws Exception {
        cable("sw1", "eth1", "sw2", "eth3");
        Net.Switch a = new Net.Switch("sw1"), b = new Net.Switch("sw2");
        a.run("conf t", "lldp timer 5", "lldp holdtime 10", "lldp run", "vlan 10,100", "interface eth1", "switchport access vlan 10",
                "switchport voice vlan 100", "end");
        b.run("conf t", "lldp timer 5", "lldp holdtime 10", "lldp run", "interface eth3", "end");
        long pid = lldpd(a);
        assertTrue(isLldpd(pid) && lldpd(b) != pid && isLldpd(lldpd(b)), "each switch runs its own lldpd");
        String seen = until(a, "show lldp neighbors", 20, o -> o.contains("sw2 "));
        assertTrue(seen.matches("(?s).*\\nsw2 +eth1 +10 +(\\S+ +)?eth3\\n.*Total entries displayed: 1\\n.*"), seen);
        String back = until(b, "show lldp neighbors detail", 20, o -> o.contains("System Name: sw1"));
        assertTrue(back.contains("Local Intf: eth3\n") && back.contains("Port id: eth1\n") && back.contains("System Name: sw1\n"), back);
        // the voice VLAN of sw1's eth1 reaches sw2 as an LLDP-MED network policy
        assertTrue(back.matches("(?s).*Network Policy\\(Voice vlan 100\\).*"), back);
        assertTrue(a.run("show lldp").contains("LLDP advertisements are sent every 5 seconds"));
        assertTrue(a.run("show lldp neighbors eth1").contains("Total entries displayed: 1\n"));
        assertTrue(a.run("show running-config").contains("\nlldp timer 5\nlldp holdtime 10\nlldp run\n"));

        b.run("conf t", "interface eth3", "no lldp transmit", "end");
        assertTrue(b.run("show running-config").contains("\n no lldp transmit\n"));
        long t0 = System.nanoTime();
        String gone = until(a, "show lldp neighbors", 25, o -> !o.contains("sw2 "));
        assertFalse(gone.contains("sw2 "), "sw2 stopped transmitting: sw1 forgets it after its hold time\n" + gone);
        System.out.printf("LldpTest: sw2 gone from sw1's neighbours %.1f s after no lldp transmit%n", (System.nanoTime() - t0) / 1e9);
        Thread.sleep(6000);
        assertTrue(b.run("show lldp neighbors").contains("sw1 "), "sw2 still receives");
        assertTrue(a.shell.engine.repairPlan().isEmpty(), "re-applying changes nothing");

        a.run("conf t", "no lldp run", "end");
        Thread.sleep(200);
        assertFalse(isLldpd(pid), "no lldp run stops sw1's lldpd");
        assertTrue(isLldpd(lldpd(b)), "sw2's runs on");
        assertEquals("% LLDP is not enabled\n", a.run("show lldp neighbors"));
    }

    @Test
    void swshdStartsItsLldpdFromStartupConfigAndStopsItWhenItStops() throws Exception {
        host("h1", "sw", "eth1", null);
        Path dir = swsh.TempDirs.make("swsh-swshd");
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/startup-config"), "lldp run\ninterface eth1\n");
        Process swshd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "swsh.Main", "--netns", "sw", "--config-dir", dir.resolve("etc").toString(),
                "--run-dir", dir.resolve("run").toString(), "daemon").redirectErrorStream(true)
                .redirectOutput(dir.resolve("swshd.log").toFile()).start();
        try {
            Path pidFile = dir.resolve("run/lldpd/lldpd.pid");
            long pid = -1;
            for (int i = 0; i < 240 && !isLldpd(pid); i++) {
                Thread.sleep(250);
                if (Files.exists(pidFile)) pid = Long.parseLong(Files.readString(pidFile).strip());
            }
            assertTrue(isLldpd(pid), "swshd started lldpd from startup-config\n" + Files.readString(dir.resolve("swshd.log")));
            swshd.destroy(); // SIGTERM, as systemctl stop
            assertTrue(swshd.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "swshd ended");
            for (int i = 0; i < 50 && isLldpd(pid); i++) Thread.sleep(100);
            assertFalse(isLldpd(pid), "lldpd ended with swshd");
        } finally {
            swshd.destroyForcibly();
        }
    }

    @Test
    void cdpRunShowsTheNeighbourInShowCdpNeighbors() throws Exception {
        cable("sw1", "eth1", "sw2", "eth2");
        Net.Switch a = new Net.Switch("sw1"), b = new Net.Switch("sw2");
        a.run("conf t", "lldp timer 5", "cdp run", "interface eth1", "end");
        b.run("conf t", "lldp timer 5", "cdp run", "interface eth2", "end");
        String seen = until(a, "show cdp neighbors", 20, o -> o.contains("sw2 "));
        assertTrue(seen.matches("(?s).*\\nsw2 +eth1 .*eth2\\n.*"), seen);
        assertTrue(until(b, "show cdp neighbors detail", 20, o -> o.contains("Device ID: sw1")).contains("Interface: eth2,  Port ID (outgoing port): eth1"));
    }

    @Test
    void voiceVlanIsTaggedBesideTheUntaggedAccessVlan() {
        host("phone", "sw", "eth1", "10.0.0.1/24");
        Net.tagged("phone", 100, "10.1.0.1/24");
        host("pc", "sw", "eth2", "10.0.0.2/24");
        host("voip", "sw", "eth3", "10.1.0.3/24");
        Net.sh("ip", "-n", "voip", "addr", "add", "10.0.0.3/24", "dev", "eth0");
        Net.Switch sw = new Net.Switch("sw");
        String out = sw.run("conf t", "vlan 10", "vlan 100", "name voice", "interface range eth1 - 2", "switchport access vlan 10",
                "interface eth1", "switchport voice vlan 100", "interface eth3", "switchport access vlan 100", "end");
        assertTrue(ping("phone", "10.1.0.3"), "tagged frames of the voice VLAN reach the voice VLAN");
        assertTrue(ping("phone", "10.0.0.2"), "untagged frames stay in the access VLAN");
        assertFalse(ping("phone", "10.0.0.3"), "untagged frames do not reach the voice VLAN");
        assertFalse(ping("pc", "10.0.0.3"), "a port without a voice VLAN does not reach it");
        String sp = sw.run("show interfaces eth1 switchport");
        assertTrue(sp.contains("Access Mode VLAN: 10 (VLAN0010)\n") && sp.contains("Voice VLAN: 100 (voice)\n"), sp);
        assertTrue(sw.run("show running-config").contains("interface eth1\n switchport access vlan 10\n switchport voice vlan 100\n"));
        sw.run("conf t", "interface eth1", "no switchport voice vlan", "end");
        assertFalse(ping("phone", "10.1.0.3"), "no voice VLAN: tagged frames are dropped");
        assertTrue(ping("phone", "10.0.0.2"));
        if (out.contains("%")) fail(out);
    }
}
