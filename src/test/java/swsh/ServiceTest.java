package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * swshd as systemd runs it (Type=notify): READY=1 reaches $NOTIFY_SOCKET only once
 * startup-config is applied, and with no startup-config swshd plans nothing at all.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ServiceTest {
    /**
     * A stand-in for systemd's notify socket: a datagram socket (python3) that, when a message
     * comes, prints it, then the running-config swshd had written by then.
     */
    private static final String RECEIVER = String.join("\n",
            "import os, socket, sys",
            "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
            "s.bind(sys.argv[1])",
            "print('listening', flush=True)",
            "s.settimeout(60)",
            "print(s.recv(4096).decode())",
            "p = sys.argv[2]",
            "print(open(p).read() if os.path.exists(p) else '<no running-config>', flush=True)");

    record Notified(String message, String daemonOut, String daemonErr) {}

    interface WhileRunning {
        void run() throws Exception;
    }

    /** Starts swshd --dry-run on {@code dir} under a fake notify socket; what it told it, and printed. */
    private static Notified notified(Path dir) throws Exception {
        return notified(dir, () -> { });
    }

    /** As {@link #notified(Path)}, running {@code then} once swshd said READY, before stopping it. */
    private static Notified notified(Path dir, WhileRunning then) throws Exception {
        Path sock = dir.resolve("notify");
        Process recv = new ProcessBuilder("python3", "-c", RECEIVER, sock.toString(),
                dir.resolve("run/running-config").toString()).redirectErrorStream(true).start();
        var out = recv.inputReader(StandardCharsets.UTF_8);
        assertEquals("listening", out.readLine());
        ProcessBuilder pb = new ProcessBuilder(ProcessCliTest.javaCmd("daemon", "--dry-run",
                "--config-dir", dir.resolve("etc").toString(), "--run-dir", dir.resolve("run").toString()));
        pb.environment().put("NOTIFY_SOCKET", sock.toString());
        Process daemon = pb.start();
        try {
            CompletableFuture<String> dOut = CompletableFuture.supplyAsync(() -> ProcessCliTest.readAll(daemon.getInputStream()));
            CompletableFuture<String> dErr = CompletableFuture.supplyAsync(() -> ProcessCliTest.readAll(daemon.getErrorStream()));
            String message = ProcessCliTest.readAll(recv.getInputStream());
            assertEquals(0, recv.waitFor(), message);
            then.run();
            daemon.destroy();
            daemon.waitFor();
            return new Notified(message, dOut.get(), dErr.get());
        } finally {
            daemon.destroyForcibly();
            recv.destroyForcibly();
        }
    }

    @Test
    void readyComesAfterStartupConfigIsApplied() throws Exception {
        Path dir = TempDirs.make("swsh-notify");
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/startup-config"), "vlan 10\n name blue\nvlan 20 x\n");
        Notified n = notified(dir);
        assertTrue(n.message().startsWith("READY=1\nMAINPID="), n.message());
        assertTrue(n.message().contains("STATUS=replayed startup-config (3 lines, 1 failed); serving shells\n"), n.message());
        // the running-config swshd had written when it said READY holds the replayed config
        assertTrue(n.message().contains("vlan 10\n name blue\n"), n.message());
        assertTrue(n.daemonErr().contains("line 3: vlan 20 x"), n.daemonErr());
    }

    @Test
    void noStartupConfigPlansNothing() throws Exception {
        Path dir = TempDirs.make("swsh-notify");
        Notified n = notified(dir);
        assertTrue(n.message().contains("STATUS=no startup-config, nothing replayed; serving shells\n"), n.message());
        assertTrue(n.message().endsWith("<no running-config>\n"), n.message());
        assertEquals("", n.daemonOut(), "no iproute2 command planned");
        assertFalse(n.daemonErr().contains("%"), n.daemonErr());
    }

    @Test
    void reloadReplacesTheRunningConfigWithStartupConfig() throws Exception {
        // what systemctl reload swshd runs (ExecReload of packaging/swshd.service), against a running swshd
        String reload = java.util.regex.Pattern.compile("(?m)^ExecReload=/usr/bin/swsh -c \"(.*)\"$")
                .matcher(Files.readString(Path.of("packaging/swshd.service"))).results().findFirst().orElseThrow().group(1);
        Path dir = TempDirs.make("swsh-reload");
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/startup-config"), "vlan 10\n name blue\n");
        String run = dir.resolve("run").toString();
        notified(dir, () -> {
            Files.writeString(dir.resolve("etc/startup-config"), "vlan 30\n name red\n");
            ProcessCliTest.Result r = ProcessCliTest.swsh("--run-dir", run, "-c", reload);
            assertEquals(0, r.rc(), r.out() + r.err());
            ProcessCliTest.Result shown = ProcessCliTest.swsh("--run-dir", run, "-c", "show vlan brief");
            assertTrue(shown.out().contains("30   red") && !shown.out().contains("blue"), "replaced:\n" + shown.out());
            // a startup-config with a failing line replaces nothing, and the reload fails
            Files.writeString(dir.resolve("etc/startup-config"), "vlan 40\nvlan 5000\n");
            r = ProcessCliTest.swsh("--run-dir", run, "-c", reload);
            assertEquals(1, r.rc(), r.out() + r.err());
            assertTrue(ProcessCliTest.swsh("--run-dir", run, "-c", "show vlan brief").out().contains("30   red"));
        });
    }

    @Test
    void bootOfAnEmptyOrCommentOnlyStartupConfigPlansNothing() throws Exception {
        Path dir = TempDirs.make("swsh-boot");
        Files.createDirectories(dir.resolve("etc"));
        for (String text : List.of("", "!\n! nothing here\n!\nend\n")) {
            Files.writeString(dir.resolve("etc/startup-config"), text);
            ProcessCliTest.Result r = ProcessCliTest.swsh("boot", "--dry-run", "--config-dir", dir.resolve("etc").toString());
            assertEquals(new ProcessCliTest.Result(0, "", ""), r);
        }
        // the first line that needs the bridge makes it
        Files.writeString(dir.resolve("etc/startup-config"), "vlan 10\n");
        ProcessCliTest.Result r = ProcessCliTest.swsh("boot", "--dry-run", "--config-dir", dir.resolve("etc").toString());
        assertTrue(r.out().startsWith("ip link add name swbr0 type bridge"), r.out());
    }
}
