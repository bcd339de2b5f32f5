package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static swsh.kernel.KernelScenariosTest.eventually;
import static swsh.kernel.Net.ping;
import static swsh.kernel.Net.sh;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import swsh.shell.Session;

/**
 * The safety net over real SSH (OpenSSH's sshd, swsh as the login shell, swshd on a real kernel bridge):
 * safe mode rolls back the changes of a login whose connection is cut, and keeps those of one that exits;
 * the lockout guard refuses an SSH session's change that would cut its own path, its peer coming in on
 * the switch's routed port eth3 to an sshd listening there, and the session's path stands.
 */
@Tag("kernel")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SshSafetyTest {
    static SshFixture fx;
    static Process sshdOnPort;

    @BeforeAll
    static void up() throws Exception {
        Net.reset();
        fx = new SshFixture();
        Session s = new Session(fx.sw, true);
        for (String l : List.of("configure terminal", "vlan 10", "interface range eth1 - 2", "switchport access vlan 10", "end")) s.execute(l);
        s.close();
        Net.settle(SshFixture.NS);
        assertTrue(eventually(() -> ping("sh1", "10.9.0.2")), "sh1 and sh2 share VLAN 10");
    }

    @AfterAll
    static void down() {
        if (sshdOnPort != null) sshdOnPort.destroy();
        if (fx != null) fx.close();
        Net.reset();
    }

    /** An interactive SSH login of an admin that enables, then types {@code lines}, each after its prompt. */
    static Process typed(String... lines) throws Exception {
        Process p = fx.login("swadmin");
        OutputStream in = p.getOutputStream();
        StringBuilder seen = new StringBuilder();
        SshClientsTest.until(p.getInputStream(), seen, ">"); // a login on a terminal starts in user EXEC
        List<String> all = new ArrayList<>(List.of("enable"));
        all.addAll(List.of(lines));
        for (String l : all) {
            in.write((l + "\r").getBytes(StandardCharsets.UTF_8));
            in.flush();
            if (!l.equals("exit")) SshClientsTest.until(p.getInputStream(), seen, "#");
        }
        return p;
    }

    static boolean logged(String what) {
        return fx.sw.audit.recent().stream().anyMatch(l -> l.contains(what));
    }

    @Test
    @Order(1)
    void safeModeRollsBackACutLoginAndKeepsAnExitedOne() throws Exception {
        Process cut = typed("terminal safe-mode", "configure terminal", "interface eth2", "shutdown", "end");
        assertTrue(eventually(() -> !ping("sh1", "10.9.0.2")), "the change took effect");
        cut.destroyForcibly(); // the SSH client dies: its TCP connection is cut
        cut.waitFor();
        assertTrue(eventually(() -> ping("sh1", "10.9.0.2")), "rolled back when the SSH connection was cut");
        assertTrue(logged("%SWSH-5-SAFE_MODE_ROLLBACK"), fx.sw.audit.recent().toString());

        Process exited = typed("terminal safe-mode", "configure terminal", "interface eth2", "shutdown", "end", "exit");
        assertTrue(exited.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the login ended with exit");
        Thread.sleep(1000);
        assertFalse(ping("sh1", "10.9.0.2"), "a clean exit keeps the change");
        assertTrue(fx.sw.engine.running().ifaces().get("eth2").shutdown());
        Session s = new Session(fx.sw, true);
        for (String l : List.of("configure terminal", "interface eth2", "no shutdown", "end")) s.execute(l);
        s.close();
    }

    @Test
    @Order(2)
    void anSshSessionCannotCutItsOwnPath() throws Exception {
        // eth3 becomes a routed port of the switch with an sshd listening on it; host sh3 logs in through it
        sh("ip", "-n", SshFixture.NS, "addr", "add", "10.9.0.254/24", "dev", "eth3");
        sh("ip", "-n", SshFixture.NS, "link", "set", "eth3", "up");
        Path cfg = SshFixture.DIR.resolve("sshd_config_eth3");
        Files.writeString(cfg, Files.readString(SshFixture.DIR.resolve("sshd_config"))
                .replace("Port " + SshFixture.PORT, "Port 2223").replace("ListenAddress 127.0.0.1", "ListenAddress 10.9.0.254")
                .replace("sshd.pid", "sshd-eth3.pid"));
        sshdOnPort = new ProcessBuilder("ip", "netns", "exec", SshFixture.NS, "/usr/sbin/sshd", "-D", "-e", "-f", cfg.toString())
                .redirectErrorStream(true).redirectOutput(SshFixture.DIR.resolve("sshd-eth3.log").toFile()).start();
        assertTrue(eventually(() -> ssh("show privilege").status() == 0), "sh3 logs in over eth3");

        LiveKernel.Result r = ssh("configure terminal\ninterface eth3\nswitchport\nend");
        assertNotEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("% Change refused: it would cut session"), r.err());
        assertTrue(r.err().contains("from 10.9.0.3, through eth3) off (it makes eth3 a bridge port)"), r.err());
        assertFalse(sh("ip", "-n", SshFixture.NS, "link", "show", "eth3").contains("master"), "eth3 was not enslaved");
        assertTrue(ping("sh3", "10.9.0.254"), "the path stands");
        LiveKernel.Result after = ssh("show running-config interface eth3");
        assertEquals(0, after.status(), after.err());
        assertTrue(after.out().contains("interface eth3\n no switchport\n"), after.out());
    }

    /** {@code ssh swadmin@10.9.0.254 -p 2223 LINES} from host sh3. */
    static LiveKernel.Result ssh(String lines) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", "sh3", "ssh", "-i", SshFixture.DIR.resolve("client").toString(),
                "-p", "2223", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", "swadmin@10.9.0.254", lines));
        return LiveKernel.exec(cmd, null);
    }
}
