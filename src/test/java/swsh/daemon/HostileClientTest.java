package swsh.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import swsh.TestSwitch;
import swsh.client.CliError;
import swsh.client.RemoteCli;
import swsh.client.Wire;
import swsh.shell.Replay;

/**
 * swshd against clients that do not play by the rules, on the in-memory kernel: lies and escape
 * sequences in the hello, a 10 MB line, too many connections, a client that says nothing.
 */
class HostileClientTest {
    /** Starts swshd with these limits and hello timeout; nothing on this machine counts as an SSH login. */
    static Path start(TestSwitch sw, Limits limits, long helloTimeout) throws Exception {
        Path sock = sw.dir.resolve("run/swshd.sock");
        Path noProc = Files.createDirectories(sw.dir.resolve("no-proc"));
        Daemon d = new Daemon(sw.shell, sock, limits, new Origin(noProc), helloTimeout);
        Thread t = new Thread(() -> {
            try {
                d.serve();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "swshd-test");
        t.setDaemon(true);
        t.start();
        for (int i = 0; i < 200 && !Files.exists(sock); i++) Thread.sleep(10);
        return sock;
    }

    static String run(RemoteCli c, String... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Replay.run(c, List.of(lines), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    static SocketChannel raw(Path sock) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(sock));
        return ch;
    }

    static void write(SocketChannel ch, String s) throws IOException {
        write(ch, s.getBytes(StandardCharsets.UTF_8));
    }

    static void write(SocketChannel ch, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) ch.write(b);
    }

    /** Reads one line (the daemon's reply), or what came before the end of the stream. */
    static String readLine(SocketChannel ch) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (true) {
            one.clear();
            if (ch.read(one) < 0) return line.toString(StandardCharsets.UTF_8);
            if (one.get(0) == '\n') return line.toString(StandardCharsets.UTF_8);
            line.write(one.get(0));
        }
    }

    @Test
    void aLyingFromNeverReachesShowUsersOrTheLogsRaw() throws Exception {
        TestSwitch sw = new TestSwitch();
        Path sock = start(sw, Limits.defaults(), 5000);
        String evil = "\u001b[2J\u001b[H10.0.0.1\n* 99 vty 9     root       idle                 00:00:00 10.6.6.6\r\u009b31m\u202e";
        SocketChannel liar = raw(sock);
        write(liar, Wire.encode("hello", "0", evil));
        assertTrue(readLine(liar).startsWith("state\t"));
        SocketChannel plausible = raw(sock);
        write(plausible, "hello\t0\t192.0.2.7\n");
        assertTrue(readLine(plausible).startsWith("state\t"));
        // the liar changes something so its origin goes to the audit log as well
        write(liar, "exec\tconfigure terminal\n");
        readLine(liar);
        write(liar, "exec\tvlan 77\n");
        readLine(liar);
        write(liar, "exec\tend\n");
        readLine(liar);

        RemoteCli admin = RemoteCli.connect(sock, false);
        assertNotNull(admin);
        String users = run(admin, "show users");
        assertFalse(users.contains("\u001b") || users.contains("\r") || users.contains("\u009b") || users.contains("\u202e"), users);
        assertFalse(users.contains("99 vty 9") || users.contains("10.6.6.6") || users.contains("10.0.0.1"), users);
        assertEquals(4, users.lines().count(), "a header and three sessions:\n" + users);
        assertTrue(users.contains(" 192.0.2.7?"), "an unverifiable origin is marked:\n" + users);
        String log = run(admin, "show logging");
        assertTrue(log.contains("%SYS-5-CONFIG_I: Configured from console by root\n"), "the dropped origin is not shown:\n" + log);
        assertFalse(log.contains("\u001b") || log.contains("10.6.6.6"), log);
        admin.close();
        liar.close();
        plausible.close();
    }

    @Test
    void aTenMegabyteLineIsCutOffAndOthersCarryOn() throws Exception {
        TestSwitch sw = new TestSwitch();
        Path sock = start(sw, Limits.defaults(), 5000);
        RemoteCli other = RemoteCli.connect(sock, false);
        assertTrue(run(other, "show vlan brief").contains("default"));
        SocketChannel flood = raw(sock);
        write(flood, "hello\t0\t\n");
        readLine(flood);
        byte[] chunk = new byte[64 << 10];
        java.util.Arrays.fill(chunk, (byte) 'x');
        long sent = 0;
        IOException stopped = null;
        try {
            while (sent < (10L << 20)) {
                write(flood, new String(chunk, StandardCharsets.ISO_8859_1));
                sent += chunk.length;
            }
        } catch (IOException e) {
            stopped = e; // swshd hung up
        }
        assertNotNull(stopped, "swshd took all 10 MB of one line");
        assertTrue(sent < (4L << 20), "disconnected after about the 1 MiB limit (plus socket buffers), not " + sent);
        assertTrue(run(other, "configure terminal", "vlan 88", "end", "show vlan brief").contains("VLAN0088"));
        assertNotNull(RemoteCli.connect(sock, false), "new sessions are served");
        other.close();
    }

    @Test
    void connectionsBeyondTheLimitAreRefusedPolitelyAndSlotsComeBack() throws Exception {
        TestSwitch sw = new TestSwitch();
        // the test runs as some uid; its share is the per-uid limit, or root's (uid 0)
        Path sock = start(sw, new Limits(3, 3, 10, 2), 5000);
        List<RemoteCli> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) held.add(RemoteCli.connect(sock, false));
        CliError e = assertThrows(CliError.class, () -> RemoteCli.connect(sock, false));
        assertTrue(e.getMessage().matches("% swshd: too many sessions for user \\S+ \\(3\\); close one and try again"), e.getMessage());
        // a raw client is told the same in one line, then the socket closes
        SocketChannel r = raw(sock);
        long t0 = System.nanoTime();
        String refusal = readLine(r);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(refusal.startsWith("refused\t% swshd: too many sessions for user "), refusal);
        assertEquals("", readLine(r), "closed after the refusal");
        assertTrue(ms < 2000, "refused at once, not after " + ms + " ms");
        assertTrue(run(held.get(0), "show vlan brief").contains("default"), "held sessions are unaffected");
        held.remove(0).close();
        RemoteCli again = null;
        for (int i = 0; i < 100 && again == null; i++) {
            try {
                again = RemoteCli.connect(sock, false);
            } catch (CliError busy) {
                Thread.sleep(20); // the closed session's thread is still finishing
            }
        }
        assertNotNull(again, "a closed session frees its slot");
        assertTrue(run(again, "show vlan brief").contains("default"));
        again.close();
        held.forEach(RemoteCli::close);
    }

    @Test
    void theSwshClientProcessSaysTheRefusalInOneLineAndFails() throws Exception {
        TestSwitch sw = new TestSwitch();
        Path sock = start(sw, new Limits(1, 1, 10, 2), 5000);
        RemoteCli held = RemoteCli.connect(sock, false);
        assertNotNull(held);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "swsh.Launch", "--run-dir", sock.getParent().toString(), "-c", "show clock")
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor());
        assertEquals("", out);
        assertTrue(err.matches("% swshd: too many sessions for user \\S+ \\(1\\); close one and try again\n"), err);
        assertTrue(run(held, "show vlan brief").contains("default"), "the held session is unaffected");
        held.close();
    }

    @Test
    void aClientThatSaysNothingIsDroppedAfterTheHelloTimeout() throws Exception {
        TestSwitch sw = new TestSwitch();
        Path sock = start(sw, new Limits(2, 2, 10, 2), 300);
        SocketChannel mute1 = raw(sock), mute2 = raw(sock);
        long t0 = System.nanoTime();
        assertEquals("", readLine(mute1), "no reply, then closed");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 250 && ms < 5000, "dropped after the hello timeout, not after " + ms + " ms");
        assertEquals("", readLine(mute2));
        RemoteCli c = null;
        for (int i = 0; i < 100 && c == null; i++) {
            try {
                c = RemoteCli.connect(sock, false);
            } catch (CliError busy) {
                Thread.sleep(20);
            }
        }
        assertNotNull(c, "their slots are free again");
        c.close();
        mute1.close();
        mute2.close();
    }

    /** Everything swshd says to {@code junk} (sent whole, then the write side closed), one reply a line. */
    static List<String> replies(Path sock, byte[] junk) throws IOException {
        SocketChannel ch = raw(sock);
        ByteBuffer b = ByteBuffer.wrap(junk);
        while (b.hasRemaining()) ch.write(b);
        ch.shutdownOutput();
        List<String> got = new ArrayList<>();
        for (String l; !(l = readLine(ch)).isEmpty(); ) got.add(l);
        ch.close();
        return got;
    }

    @Test
    void garbageAndHalfMessagesEndOnlyTheirOwnSession() throws Exception {
        TestSwitch sw = new TestSwitch();
        Path sock = start(sw, Limits.defaults(), 5000);
        // no hello first (an older shell's JSON, junk, NULs, a lone TAB): closed unanswered
        for (String junk : List.of("not a hello\n", "{\"tty\":false,\"from\":\"\"}\n{\"op\":\"exec\",\"line\":\"show clock\"}\n",
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n", "\u0000\u0000\n", "\t\t\t\n", "\n", "hel")) {
            assertEquals(List.of(), replies(sock, junk.getBytes(StandardCharsets.UTF_8)), junk);
        }
        // a hello, then requests that make no sense: each gets an error reply, the session lives on
        byte[] notUtf8 = {'e', 'x', 'e', 'c', '\t', (byte) 0xff, (byte) 0xc3, '(', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '\n'};
        String odd = "hello\t0\t\\\\x\\\n"            // a FROM ending in a lone backslash
                + "bogus\tx\n"                            // an unknown request
                + "answer\ty\n"                           // an answer nobody asked for
                + "exec\n"                                 // a request without its line
                + "\t".repeat(10_000) + "\n"               // ten thousand empty fields
                + "exec\tshow vlan brief\t\textra\tfields\n";
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.write(odd.getBytes(StandardCharsets.UTF_8));
        all.write(notUtf8);
        all.write("complete\tsh".getBytes(StandardCharsets.UTF_8)); // the last, without its newline
        List<String> got = replies(sock, all.toByteArray());
        assertEquals(8, got.size(), String.join("\n", got));
        String state = "Switch[>#]\t0\t0\t24";
        assertTrue(got.get(0).matches("state\t" + state), got.get(0));
        assertTrue(got.get(1).matches("error\t" + state + "\t% Unknown request\t-1"), got.get(1));
        assertTrue(got.get(2).startsWith("error\t") && got.get(2).contains("% Unknown request"), got.get(2));
        assertTrue(got.get(3).matches("out\t" + state + "\t"), "an empty line does nothing: " + got.get(3));
        assertTrue(got.get(4).startsWith("error\t") && got.get(4).contains("% Unknown request"), got.get(4));
        assertTrue(got.get(5).startsWith("out\t") && got.get(5).contains("default"), "extra fields are ignored: " + got.get(5));
        assertTrue(got.get(6).startsWith("error\t") && got.get(6).contains("% Invalid input"), got.get(6));
        assertTrue(got.get(7).startsWith("words\t") && got.get(7).endsWith("\tshow"), got.get(7));
        RemoteCli c = RemoteCli.connect(sock, false);
        assertTrue(run(c, "show vlan brief").contains("default"));
        c.close();
    }
}
