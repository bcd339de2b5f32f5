package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static swsh.kernel.Net.sh;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import swsh.core.ConfigStore;
import swsh.client.RemoteCli;
import swsh.shell.Replay;

/**
 * swshd on a real kernel bridge against a real unprivileged local user ({@code swhostile}, made
 * here and removed again): it cannot take the change lock, cannot exhaust swshd's connections or
 * memory, and cannot forge where it is from. Runs inside user-mode Linux with the other kernel
 * scenarios; nothing here is skipped.
 */
@Tag("kernel")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileClientsTest {
    static final Path DIR = Path.of("/tmp/swsh-hostile");
    static final Path RUN = DIR.resolve("run");
    static final String NS = "hostilesw", USER = "swhostile";
    static swsh.shell.Switch sw;
    static Path sock;
    static int uid, gid;
    static String classpath;

    @BeforeAll
    static void up() throws Exception {
        Net.reset();
        sh("rm", "-rf", DIR.toString());
        for (String d : List.of("", "etc", "run", "cp", "home")) Files.createDirectories(DIR.resolve(d));
        Net.host("hh1", NS, "eth1", "10.8.0.1/24");
        Net.host("hh2", NS, "eth2", "10.8.0.2/24");
        removeUser();
        sh("useradd", "-M", "-d", DIR.resolve("home").toString(), "-s", "/usr/sbin/nologin", USER);
        uid = Integer.parseInt(sh("id", "-u", USER).strip());
        gid = Integer.parseInt(sh("id", "-g", USER).strip());
        assertNotEquals(0, uid);
        sh("chown", USER, DIR.resolve("home").toString());
        classpath = SshFixture.copyClasspath(DIR.resolve("cp"));
        sh("chmod", "-R", "a+rX", DIR.toString());

        sw = swsh.shell.Switch.of(new LiveKernel("swbr0", NS), new ConfigStore(DIR.resolve("etc"), RUN), "sw-hostile");
        sock = Net.swshd(sw, RUN, "swshd-hostile");
    }

    private static void removeUser() {
        Net.ok("userdel", "-f", USER);
        Net.ok("groupdel", USER);
    }

    @AfterAll
    static void down() {
        removeUser();
        assertFalse(Net.ok("id", USER), "the test account is gone");
        Net.ok("rm", "-rf", DIR.toString());
        Net.reset();
    }

    /** {@code cmd} as the unprivileged user: its uid and gid, no supplementary groups. */
    static List<String> asHostile(String... cmd) {
        List<String> l = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--",
                "env", "HOME=" + DIR.resolve("home")));
        l.addAll(List.of(cmd));
        return l;
    }

    static LiveKernel.Result hostilePython(String script, String... args) throws IOException {
        Path f = DIR.resolve("hostile-" + Integer.toHexString(script.hashCode()) + ".py");
        Files.writeString(f, script);
        f.toFile().setReadable(true, false);
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", f.toString()));
        cmd.addAll(List.of(args));
        return LiveKernel.exec(asHostile(cmd.toArray(new String[0])), null);
    }

    /** A background python3 as the unprivileged user; its stdout is read line by line. */
    static Process hostileBackground(String script, String... args) throws IOException {
        Path f = DIR.resolve("hostile-" + Integer.toHexString(script.hashCode()) + ".py");
        Files.writeString(f, script);
        f.toFile().setReadable(true, false);
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-u", f.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(asHostile(cmd.toArray(new String[0]))).redirectError(DIR.resolve("hostile.err").toFile()).start();
    }

    static String readLineWithin(BufferedReader r, long seconds) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return r.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(seconds, TimeUnit.SECONDS);
    }

    static String root(String... lines) {
        RemoteCli c = RemoteCli.connect(sock, false);
        assertNotNull(c, "swshd answers root");
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            Replay.run(c, List.of(lines), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        } finally {
            c.close();
        }
    }

    static long rssKb() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("\\D", ""));
        }
        return -1;
    }

    static final String LOCK_SH = """
            import fcntl, sys, time
            f = open(sys.argv[1])
            fcntl.lockf(f, fcntl.LOCK_SH)
            print("LOCKED", flush=True)
            if len(sys.argv) > 2:
                time.sleep(float(sys.argv[2]))
            """;

    @Test
    @Order(1)
    void anUnprivilegedUserCannotTakeTheChangeLock() throws Exception {
        assertFalse(root("configure terminal", "vlan 10", "end").contains("%"));
        Path lock = RUN.resolve(".lock");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lock)));
        assertEquals(0, (int) (Integer) Files.getAttribute(lock, "unix:uid"));
        LiveKernel.Result r = hostilePython(LOCK_SH, lock.toString());
        assertNotEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("PermissionError") && r.err().contains("Permission denied"), r.err());
        assertFalse(r.out().contains("LOCKED"));

        // a lock file as swsh before this change left it (0644), opened and locked by the user early
        Files.delete(lock);
        try (FileChannel ch = FileChannel.open(lock, java.util.Set.of(java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")))) {
            Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Process holder = hostileBackground(LOCK_SH, lock.toString(), "120");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("LOCKED", readLineWithin(out, 30), "the old file could be locked by anyone");
            long t0 = System.nanoTime();
            String res = CompletableFuture.supplyAsync(() -> root("configure terminal", "vlan 11", "end", "show vlan brief"))
                    .get(30, TimeUnit.SECONDS);
            System.out.printf("hostile: a change with an old lock file held by uid %d took %d ms%n", uid, (System.nanoTime() - t0) / 1_000_000);
            assertTrue(res.contains("VLAN0011"), res);
            assertTrue(holder.isAlive(), "the user still holds its lock on the old file, to no effect");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lock)));
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    static final String FLOOD = """
            import json, socket, sys, time
            path, n = sys.argv[1], int(sys.argv[2])
            held, refused, lat = [], [], []
            for i in range(n):
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                t0 = time.monotonic()
                s.connect(path)
                s.settimeout(20)
                try:
                    s.sendall(b'hello\\t1\\t\\n')
                except OSError:
                    pass
                line = s.makefile('rb').readline()
                ms = (time.monotonic() - t0) * 1000
                if line.startswith(b'refused\\t'):
                    refused.append(line.decode().rstrip('\\n').split('\\t')[1])
                    lat.append(ms)
                    s.close()
                elif line.startswith(b'state\\t'):
                    held.append(s)
                else:
                    print("ODD", line, flush=True)
            print(json.dumps({"held": len(held), "refused": len(refused), "message": refused[0] if refused else "",
                              "max_ms": round(max(lat) if lat else 0, 1), "avg_ms": round(sum(lat) / len(lat) if lat else 0, 2)}), flush=True)
            sys.stdin.readline()
            for s in held:
                s.close()
            print("CLOSED", flush=True)
            """;

    static final String ONE_SESSION = """
            import socket, sys
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(sys.argv[1])
            s.sendall(b'hello\\t1\\t\\n')
            print(s.makefile('rb').readline().decode().strip())
            """;

    @Test
    @Order(2)
    void aConnectionFloodIsRefusedPolitelyAndSwshdKeepsServing() throws Exception {
        Process flood = hostileBackground(FLOOD, sock.toString(), "40");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(flood.getInputStream(), StandardCharsets.UTF_8));
            String summary = readLineWithin(out, 120);
            System.out.println("hostile: 40 connections from uid " + uid + ": " + summary);
            assertNotNull(summary, Files.readString(DIR.resolve("hostile.err")));
            assertTrue(summary.contains("\"held\": 16, \"refused\": 24"), summary);
            assertTrue(summary.contains("\"message\": \"% swshd: too many sessions for user " + USER + " (16); close one and try again\""),
                    summary);

            // the real client, as that user, says so and fails
            LiveKernel.Result r = LiveKernel.exec(asHostile(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-cp", classpath, "swsh.Launch", "--run-dir", RUN.toString(),
                    "-c", "show privilege"), null);
            assertEquals(1, r.status(), r.out() + r.err());
            assertEquals("% swshd: too many sessions for user " + USER + " (16); close one and try again", r.err().strip());

            // root is served all along, and sees the user's sixteen sessions
            String users = root("show users");
            assertEquals(16, users.lines().filter(l -> l.contains(" " + USER + " ")).count(), users);
            assertTrue(root("configure terminal", "vlan 20", "end", "show vlan brief").contains("VLAN0020"));

            flood.getOutputStream().write('\n');
            flood.getOutputStream().flush();
            assertEquals("CLOSED", readLineWithin(out, 30));
        } finally {
            flood.destroyForcibly().waitFor();
        }
        // the slots come back as swshd notices the closed connections
        String prompt = "";
        for (int i = 0; i < 50 && !prompt.startsWith("state\t"); i++) {
            prompt = hostilePython(ONE_SESSION, sock.toString()).out();
            if (!prompt.startsWith("state\t")) Thread.sleep(100);
        }
        assertTrue(prompt.startsWith("state\tsw-hostile>\t"), prompt);
        LiveKernel.Result r = LiveKernel.exec(asHostile(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-cp", classpath, "swsh.Launch", "--run-dir", RUN.toString(),
                "-c", "show privilege"), null);
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("Current privilege level is 1"), r.out());
    }

    static final String LIAR = """
            import socket, sys
            socks = []
            for f in sys.argv[2:]:
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.connect(sys.argv[1])
                s.sendall(("hello\\t1\\t" + f.translate({92: '\\\\\\\\', 9: '\\\\t', 10: '\\\\n', 13: '\\\\r'}) + "\\n").encode())
                s.makefile('rb').readline()
                socks.append(s)
            print("CONNECTED", flush=True)
            sys.stdin.readline()
            """;

    @Test
    @Order(3)
    void aForgedOriginIsCleanedAndMarkedUnverified() throws Exception {
        String fake = "\u001b[2J\u001b[H\n* 99 vty 9     root       idle                 00:00:00 10.6.6.6";
        Process liar = hostileBackground(LIAR, sock.toString(), fake, "192.0.2.7");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(liar.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("CONNECTED", readLineWithin(out, 60), Files.readString(DIR.resolve("hostile.err")));
            String users = root("show users");
            System.out.println("hostile: show users with a forged and an unverifiable origin:\n" + users);
            assertFalse(users.contains("\u001b") || users.contains("10.6.6.6") || users.contains("99 vty 9"), users);
            List<String> mine = users.lines().filter(l -> l.contains(" " + USER + " ")).toList();
            assertEquals(2, mine.size(), users);
            assertTrue(mine.stream().anyMatch(l -> l.endsWith(" 192.0.2.7?")), "not verifiable, so marked:\n" + users);
            assertTrue(mine.stream().anyMatch(l -> l.endsWith(" idle") || l.matches(".*\\d\\d:\\d\\d:\\d\\d$")), "a lie is dropped:\n" + users);
        } finally {
            liar.destroyForcibly().waitFor();
        }
    }

    static final String LONG_LINE = """
            import socket, sys
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(sys.argv[1])
            s.sendall(b'hello\\t1\\t\\n')
            s.makefile('rb').readline()
            sent, chunk = 0, b'x' * 65536
            try:
                while sent < 10 * 1024 * 1024:
                    s.sendall(chunk)
                    sent += len(chunk)
                print("ALL", sent, flush=True)
            except OSError as e:
                print("CUT", sent, type(e).__name__, flush=True)
            """;

    @Test
    @Order(4)
    void aTenMegabyteLineIsCutOffWithoutHurtingSwshd() throws Exception {
        System.gc();
        long before = rssKb();
        LiveKernel.Result r = hostilePython(LONG_LINE, sock.toString());
        long after = rssKb();
        System.out.printf("hostile: 10 MB line: %s; swshd (test JVM) RSS %d kB before, %d kB after%n", r.out().strip(), before, after);
        assertTrue(r.out().startsWith("CUT "), r.out() + r.err());
        long sent = Long.parseLong(r.out().split(" ")[1]);
        assertTrue(sent < 4L << 20, "cut off near the 1 MiB limit, not after " + sent + " bytes");
        assertTrue(after - before < 200_000, "RSS grew by " + (after - before) + " kB");
        assertTrue(root("configure terminal", "vlan 30", "end", "show vlan brief").contains("VLAN0030"));
        assertTrue(hostilePython(ONE_SESSION, sock.toString()).out().startsWith("state\t"), "the user gets a new session");
    }
}
