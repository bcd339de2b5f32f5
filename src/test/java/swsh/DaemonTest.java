package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import swsh.daemon.Daemon;
import swsh.client.RemoteCli;
import swsh.shell.Replay;

/** swshd on a Unix socket: remote sessions, serialized concurrent changes, audit, secrets. */
class DaemonTest {
    static Path start(TestSwitch sw) throws Exception {
        Path sock = sw.dir.resolve("run/swshd.sock");
        Thread t = new Thread(() -> {
            try {
                new Daemon(sw.shell, sock).serve();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        t.setDaemon(true);
        t.start();
        // the socket file appears before swshd listens: wait until a client really gets in
        for (int i = 0; i < 250; i++) {
            RemoteCli probe = Files.exists(sock) ? RemoteCli.connect(sock, false) : null;
            if (probe != null) {
                probe.close();
                return sock;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("swshd did not start listening on " + sock);
    }

    static String run(RemoteCli c, String... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Replay.run(c, List.of(lines), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void remoteSessionsShareOneSwitchAndNeverLoseAnUpdate() throws Exception {
        TestSwitch sw = new TestSwitch();
        Path sock = start(sw);
        RemoteCli a = RemoteCli.connect(sock, false), b = RemoteCli.connect(sock, false);
        assertNotNull(a);
        assertEquals("Switch#", a.prompt(), "root's script session starts privileged");
        List<Thread> ts = new ArrayList<>();
        for (RemoteCli c : List.of(a, b)) {
            int base = c == a ? 100 : 200;
            ts.add(new Thread(() -> {
                for (int i = 0; i < 40; i++) run(c, "configure terminal", "vlan " + (base + i), "end");
            }));
        }
        ts.forEach(Thread::start);
        for (Thread t : ts) t.join();
        assertEquals(81, sw.engine.running().vlans().size(), "80 VLANs from two sessions plus VLAN 1");
        String users = run(a, "show users");
        assertEquals(2, users.lines().filter(l -> l.contains(" root ")).count(), users);
        assertTrue(run(b, "show logging").contains("%PARSER-5-CFGLOG_LOGGEDCMD: User:root  logged command:vlan 139"));
        assertTrue(run(b, "show logging").contains("%SYS-5-CONFIG_I: Configured from console by root"));
        a.close();
        b.close();
    }

    @Test
    void errorsCarriesCaretAndHelpAndTabWorkRemotely() throws Exception {
        TestSwitch sw = new TestSwitch();
        RemoteCli c = RemoteCli.connect(start(sw), true);
        assertEquals("Switch>", c.prompt(), "an interactive login starts in user EXEC");
        assertTrue(run(c, "show vlan bogus").contains("line 1: show vlan bogus\n                  ^\n% Invalid input"));
        run(c, "enable", "configure terminal");
        assertTrue(c.inConfig());
        assertTrue(c.complete("interface et").contains("eth1"));
        assertTrue(c.help("vlan ").stream().anyMatch(h -> h.word().equals("WORD")));
        c.close();
    }

    @Test
    void theEnableSecretIsStoredOnlyHashedAndNeverLogged() throws Exception {
        TestSwitch sw = new TestSwitch();
        RemoteCli c = RemoteCli.connect(start(sw), false);
        run(c, "configure terminal", "enable secret Tr0ub4dor", "end", "write memory");
        String cfg = run(c, "show running-config");
        assertTrue(cfg.matches("(?s).*\\nenable secret 9 \\$9\\$[./0-9A-Za-z]{14}\\$[./0-9A-Za-z]{43}\\n.*"), cfg);
        try (Stream<Path> files = Files.walk(sw.dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f).contains("Tr0ub4dor"), f + " holds the secret in clear");
            }
        }
        assertFalse(run(c, "show logging").contains("Tr0ub4dor"));
        assertFalse(run(c, "show history").contains("Tr0ub4dor"));
        assertTrue(run(c, "show logging").contains("logged command:enable secret *****"));
        c.close();
    }
}
