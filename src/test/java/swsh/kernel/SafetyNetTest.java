package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static swsh.kernel.KernelScenariosTest.eventually;
import static swsh.kernel.Net.ping;
import static swsh.kernel.Net.sh;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import swsh.client.RemoteCli;
import swsh.core.ConfigStore;
import swsh.shell.Replay;

/**
 * The safety net on a real kernel through swshd: {@code configure replace} touches only the ports that
 * differ (judged by the kernel's own link events and by traffic), and a revert timer puts the switch back
 * after the client that armed it was killed. 24 ports: h1-h3 are hosts, the rest cabled to a peer namespace.
 */
@Tag("kernel")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SafetyNetTest {
    static final String NS = "safesw";
    static final int PORTS = 24;
    static Path dir, run, sock;
    static swsh.shell.Switch sw;

    @BeforeAll
    static void up() throws Exception {
        Net.reset();
        for (int i = 1; i <= 3; i++) Net.host("h" + i, NS, "eth" + i, "10.0.0." + i + "/24");
        Net.ns("safepeers");
        StringBuilder cables = new StringBuilder(), peersUp = new StringBuilder();
        for (int i = 4; i <= PORTS; i++) {
            cables.append("link add eth").append(i).append(" netns ").append(NS).append(" type veth peer name p").append(i).append('\n');
            peersUp.append("link set p").append(i).append(" up\n");
        }
        assertEquals(0, LiveKernel.exec(List.of("ip", "-n", "safepeers", "-batch", "-"), cables.toString()).status());
        assertEquals(0, LiveKernel.exec(List.of("ip", "-n", "safepeers", "-batch", "-"), peersUp.toString()).status());
        dir = swsh.TempDirs.make("swsh-safety");
        run = dir.resolve("run");
        sw = swsh.shell.Switch.of(new LiveKernel("swbr0", NS), new ConfigStore(dir.resolve("etc"), run), "safe");
        sw.engine.drift.watch();
        sock = Net.swshd(sw, run, "swshd-safety");
        String out = cli("configure terminal", "vlan 10,20", "interface range eth1 - 12", "switchport access vlan 10",
                "interface range eth13 - 24", "switchport access vlan 20", "end", "write memory");
        assertTrue(out.contains("[OK]"), out);
        Net.settle(NS);
        assertTrue(ping("h1", "10.0.0.3"), "h1 and h3 share VLAN 10");
    }

    @AfterAll
    static void down() {
        sw.engine.drift.stop();
        Net.reset();
    }

    /** Lines through swshd's socket, as a script client runs them; output and errors. */
    static String cli(String... lines) {
        RemoteCli c = RemoteCli.connect(sock, false);
        assertNotNull(c, "swshd answers");
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
            Replay.run(c, List.of(lines), p, p);
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            c.close();
        }
    }

    @Test
    @Order(1)
    void configureReplaceTouchesOnlyThePortsThatDiffer() throws Exception {
        cli("configure terminal", "interface eth3", "switchport access vlan 20", "interface eth20", "shutdown", "end");
        assertTrue(eventually(() -> !ping("h1", "10.0.0.3")), "h3 moved away to VLAN 20");
        Path events = dir.resolve("events.txt");
        Process monitor = new ProcessBuilder("ip", "-n", NS, "-o", "monitor", "link").redirectErrorStream(true)
                .redirectOutput(events.toFile()).start();
        Thread.sleep(500); // the monitor joins its groups
        String diff = cli("show archive config differences nvram:startup-config system:running-config");
        assertTrue(diff.contains("interface eth3\n -switchport access vlan 10\n +switchport access vlan 20\n"), diff);
        String out = cli("configure replace nvram:startup-config force");
        assertTrue(out.contains("Rollback Done"), out);
        Net.settle(NS);
        Thread.sleep(1000);
        monitor.destroy();
        monitor.waitFor();
        Set<String> touched = new TreeSet<>();
        for (String line : Files.readAllLines(events)) {
            String dev = Dirty.device(line);
            if (dev != null) touched.add(dev);
        }
        touched.remove("swbr0");
        assertEquals(Set.of("eth20", "eth3"), touched, "link events only on the ports that differed");
        assertTrue(ping("h1", "10.0.0.3"), "h3 is back in VLAN 10");
        assertTrue(sh("ip", "-n", NS, "link", "show", "eth20").contains(",UP"), "eth20 is up again");
        assertTrue(cli("show archive config differences").contains("!No changes were found"));
    }

    /**
     * Types the lines into an interactive client on a terminal (script(1) gives it one), waits until h3 has
     * moved away from h1 (the lines take eth3 out of VLAN 10), then kills the client with SIGKILL, as a
     * dropped SSH connection would end it.
     */
    static void typedThenKilled(String... lines) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process client = new ProcessBuilder("script", "-qfec", java + " -cp " + System.getProperty("java.class.path")
                + " swsh.Launch --run-dir " + run, "/dev/null").redirectErrorStream(true)
                .redirectOutput(dir.resolve("client.out").toFile()).start();
        try (OutputStream in = client.getOutputStream()) {
            for (String l : lines) {
                in.write((l + "\r").getBytes(StandardCharsets.UTF_8));
                in.flush();
                Thread.sleep(300);
            }
            assertTrue(eventually(() -> !ping("h1", "10.0.0.3")), "the change took effect: "
                    + Files.readString(dir.resolve("client.out")));
            client.descendants().forEach(ProcessHandle::destroyForcibly);
            client.destroyForcibly();
        }
        client.waitFor();
    }

    @Test
    @Order(2)
    void aRevertTimerRollsBackAfterItsClientWasKilled() throws Exception {
        sw.engine.rollback.minute(Duration.ofSeconds(10)); // a timer minute: long enough to see the change stand first
        typedThenKilled("enable", "configure terminal revert timer 1", "interface eth3", "switchport access vlan 20", "end");
        assertTrue(sw.engine.rollback.pending().isPresent(), "the timer outlives its client");
        assertFalse(ping("h1", "10.0.0.3"), "not yet rolled back");
        assertTrue(eventually(() -> ping("h1", "10.0.0.3")), "rolled back when the timer ran out");
        assertEquals(10, sw.engine.running().ifaces().get("eth3").accessVlan());
        assertTrue(sw.audit.recent().stream().anyMatch(l -> l.contains("%ARCHIVE_DIFF-5-ROLLBK_CNFMD_CHG_ROLLBACK_START")));
    }

    /** Each manipulation behind swsh's back: detected and logged; shown; put right by a replace or at once by policy. */
    @Test
    @Order(3)
    void driftIsDetectedReportedAndRestored() throws Exception {
        int seen = drifts();
        sh("bridge", "-n", NS, "vlan", "del", "dev", "eth3", "vid", "10");
        assertTrue(eventually(() -> drifts() > seen), "a VLAN deleted by hand is logged as drift");
        assertFalse(ping("h1", "10.0.0.3"));
        String shown = cli("show configuration drift");
        assertTrue(shown.contains("interface eth3\n switchport access vlan 10\n ! kernel lacks: bridge vlan add dev eth3 vid 10"), shown);
        assertFalse(ping("h1", "10.0.0.3"), "report (the default): the kernel is left as it is");
        assertTrue(cli("configure replace system:running-config force").contains("Rollback Done"));
        assertTrue(ping("h1", "10.0.0.3"), "a replace with the running-config puts it right");

        cli("configure terminal", "drift restore", "end");
        int before = drifts();
        sh("ip", "-n", NS, "link", "set", "eth3", "nomaster");
        assertTrue(eventually(() -> drifts() > before), "a port taken off the bridge is drift");
        assertTrue(eventually(() -> ping("h1", "10.0.0.3")), "drift restore: put back at once");
        assertTrue(sh("ip", "-n", NS, "link", "show", "eth3").contains("master swbr0"));

        int third = drifts();
        sh("ip", "-n", NS, "link", "del", "swbr0");
        assertTrue(eventually(() -> drifts() > third), "a deleted bridge is drift");
        assertTrue(eventually(() -> ping("h1", "10.0.0.3") && ping("h1", "10.0.0.2")), "the whole switch is back");
        assertTrue(sw.audit.recent().stream().anyMatch(l -> l.contains("%SWSH-5-DRIFT_RESTORED")));
        assertTrue(cli("show configuration drift").contains("The kernel matches the running-config."));
    }

    static int drifts() {
        return (int) sw.audit.recent().stream().filter(l -> l.contains("%SWSH-4-DRIFT:")).count();
    }

    /**
     * The lockout guard on the kernel: a session whose peer (host hm, 10.9.0.9) reaches the switch on its
     * routed port eth25 (10.9.0.1/24, an address given with ip, not by swsh) opens eth25 without
     * enslaving it, cannot make it a bridge port without saying yes, and keeps its path (judged by ping).
     */
    @Test
    @Order(4)
    void aSessionCannotCutItsOwnPathWithoutSayingYes() throws Exception {
        Net.host("hm", NS, "eth25", "10.9.0.9/24");
        sh("ip", "-n", NS, "addr", "add", "10.9.0.1/24", "dev", "eth25");
        sh("ip", "-n", NS, "link", "set", "eth25", "up");
        assertTrue(eventually(() -> ping("hm", "10.9.0.1")), "the management path works");
        swsh.shell.Session s = new swsh.shell.Session(sw, new swsh.shell.User("op", true, true, "vty 2", "10.9.0.9"), true);
        s.execute("configure terminal");
        s.execute("interface eth25");
        assertFalse(sh("ip", "-n", NS, "link", "show", "eth25").contains("master"), "interface eth25 alone did not enslave it");
        swsh.shell.CliException e = org.junit.jupiter.api.Assertions.assertThrows(swsh.shell.CliException.class, () -> s.execute("switchport"));
        assertTrue(e.getMessage().contains("% Change refused: it would cut session vty 2 (op from 10.9.0.9, through eth25) off"), e.getMessage());
        assertFalse(sh("ip", "-n", NS, "link", "show", "eth25").contains("master"));
        assertTrue(ping("hm", "10.9.0.1"), "the session's path stands");
        s.setAsker((prompt, secret) -> "yes");
        s.execute("switchport");
        assertTrue(sh("ip", "-n", NS, "link", "show", "eth25").contains("master swbr0"), "a yes enslaves it");
        assertFalse(ping("hm", "10.9.0.1"), "and cuts the path, as asked");
        s.execute("end");
        s.close();
    }

    /** Safe mode through swshd: the client dies mid-session, its change is rolled back at once. */
    @Test
    @Order(5)
    void safeModeRollsBackTheChangesOfADroppedSession() throws Exception {
        cli("configure terminal", "no drift restore", "end");
        assertTrue(ping("h1", "10.0.0.3"));
        typedThenKilled("enable", "terminal safe-mode", "configure terminal", "interface eth3", "switchport access vlan 20", "end");
        assertTrue(eventually(() -> ping("h1", "10.0.0.3")), "rolled back when the connection dropped");
        assertEquals(10, sw.engine.running().ifaces().get("eth3").accessVlan());
        assertTrue(sw.audit.recent().stream().anyMatch(l -> l.contains("%SWSH-5-SAFE_MODE_ROLLBACK")));
    }
}
