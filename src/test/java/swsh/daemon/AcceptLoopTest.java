package swsh.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import swsh.Main;
import swsh.TestSwitch;
import swsh.client.RemoteCli;

/**
 * swshd's accept loop outlives running out of file descriptors: a separate swshd started with a
 * small descriptor limit (and connection limits too high to help) is flooded until accept fails
 * with EMFILE; it logs that once, waits, and serves again when descriptors come free.
 */
class AcceptLoopTest {
    /** The swshd under test, in its own JVM: {@code AcceptLoopTest$Child SOCKET}. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            TestSwitch sw = new TestSwitch();
            Path noProc = Files.createDirectories(sw.dir.resolve("no-proc"));
            new Daemon(sw.shell, Path.of(args[0]), new Limits(10_000, 10_000, 20_000, 1), new Origin(noProc), 60_000).serve();
        }
    }

    @Test
    void runningOutOfDescriptorsIsLoggedOnceAndSurvived() throws Exception {
        Path dir = swsh.TempDirs.make("swsh-emfile");
        Path sock = dir.resolve("swshd.sock"), log = dir.resolve("stderr");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the child's temp files go under this test's directory, which is removed at the end (the child is killed)
        ProcessBuilder pb = new ProcessBuilder("sh", "-c",
                "ulimit -n 128 && exec \"$0\" -Xmx128m -Djava.io.tmpdir=\"$4\" -cp \"$1\" \"$2\" \"$3\"",
                java, System.getProperty("java.class.path"), Child.class.getName(), sock.toString(), dir.toString());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process swshd = pb.start();
        List<SocketChannel> flood = new ArrayList<>();
        try {
            for (int i = 0; i < 300 && !Files.exists(sock); i++) Thread.sleep(50);
            assertTrue(Files.exists(sock), "swshd did not start:\n" + Files.readString(log));
            // more than 128 descriptors' worth, fewer than that plus the listen backlog (128)
            for (int i = 0; i < 180; i++) {
                SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                ch.connect(UnixDomainSocketAddress.of(sock));
                flood.add(ch);
            }
            String err = "";
            for (int i = 0; i < 100 && !err.contains("Too many open files"); i++) {
                Thread.sleep(50);
                err = Files.readString(log);
            }
            assertTrue(err.contains("swshd: cannot accept a connection: ") && err.contains("Too many open files; retrying"), err);
            Thread.sleep(1500); // a few more failed accepts: still one line
            assertEquals(1, Files.readString(log).lines().filter(l -> l.contains("cannot accept")).count(), Files.readString(log));
            assertTrue(swshd.isAlive());
            for (SocketChannel ch : flood) ch.close();
            flood.clear();
            RemoteCli c = null;
            for (int i = 0; i < 100 && c == null; i++) {
                c = RemoteCli.connect(sock, false);
                if (c == null) Thread.sleep(50);
            }
            assertNotNull(c, "swshd serves again:\n" + Files.readString(log));
            assertTrue(HostileClientTest.run(c, "show vlan brief").contains("default"), "and its sessions work");
            c.close();
            err = Files.readString(log);
            assertTrue(err.matches("(?s).*swshd: accepting again after \\d+ failed accepts.*"), err);
            System.out.println("swshd with 128 descriptors, flooded with 180 connections, said:\n" + err);
        } finally {
            for (SocketChannel ch : flood) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            swshd.destroyForcibly().waitFor();
            Main.deleteTree(dir);
        }
    }
}
