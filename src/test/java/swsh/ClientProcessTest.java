package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client as a process (swsh.Launch, the jars' entry point) against an swshd on the
 * in-memory kernel: what it prints and exits with, and what it loads: the client's classes,
 * jline on a terminal only, and never the switch, picocli or Jackson.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientProcessTest {
    /** Packages a shell talking to swshd must not load. */
    static final List<String> FORBIDDEN = List.of("swsh.grammar.", "swsh.commands.", "swsh.kernel.", "swsh.model.", "swsh.core.",
            "swsh.shell.", "swsh.daemon.", "swsh.lab.", "swsh.Main", "com.fasterxml.", "picocli.", "com.sun.jna.", "org.bouncycastle.");

    private final List<Path> cleanup = new ArrayList<>();

    @AfterEach
    void removeTempDirs() {
        cleanup.forEach(Main::deleteTree);
    }

    record Run(int rc, String out, String err, List<String> classes) {}

    private Path swshd() throws Exception {
        TestSwitch sw = new TestSwitch();
        cleanup.add(sw.dir);
        return DaemonTest.start(sw).getParent();
    }

    static List<String> java(Path classLog, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load:file=" + classLog + "::filecount=0", "-cp", System.getProperty("java.class.path"), "swsh.Launch"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs the client with {@code stdin} and returns what it did, and the classes it loaded. */
    private Run client(String stdin, String... args) throws Exception {
        Path log = Files.createTempFile("swsh-classes", ".txt");
        cleanup.add(log);
        ProcessBuilder pb = new ProcessBuilder(java(log, args));
        pb.environment().remove("SWSH_DEBUG");
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> ProcessCliTest.readAll(p.getErrorStream()));
        String out = ProcessCliTest.readAll(p.getInputStream());
        int rc = p.waitFor();
        return new Run(rc, out, err.get(), classes(log));
    }

    /** The classes a -Xlog:class+load file names. */
    static List<String> classes(Path log) throws IOException {
        return Files.readAllLines(log).stream().map(l -> l.replaceFirst("^\\[[^]]*\\]\\[[^]]*\\]\\[[^]]*\\] ", ""))
                .map(l -> l.split(" ", 2)[0]).collect(Collectors.toList());
    }

    static void loadsNoneOfTheSwitch(Run r) {
        assertTrue(r.classes().contains("swsh.client.Client"), "the class log is read: " + r.classes().size() + " classes");
        List<String> bad = r.classes().stream().filter(c -> FORBIDDEN.stream().anyMatch(c::startsWith)).toList();
        assertEquals(List.of(), bad, "the client loaded classes of the switch, picocli or Jackson");
    }

    @Test
    void aOneShotLoadsOnlyTheClientAndNoJline() throws Exception {
        Path run = swshd();
        Run r = client("", "--run-dir", run.toString(), "-c", "show vlan brief", "-c", "show privilege");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.out().contains("1    default") && r.out().contains("Current privilege level is 15"), r.out());
        assertEquals("", r.err());
        loadsNoneOfTheSwitch(r);
        assertFalse(r.classes().stream().anyMatch(c -> c.startsWith("org.jline.")), "no jline off a terminal");
    }

    @Test
    void stdinAndFilesAreScriptsWithLineNumberedErrorsAndStatusOne() throws Exception {
        Path run = swshd();
        Run r = client("configure terminal\nvlan 40\nshow bogus\nend\nshow vlan brief\n", "--run-dir", run.toString());
        assertEquals(1, r.rc(), r.err());
        assertTrue(r.out().contains("40   VLAN0040"), r.out());
        assertTrue(r.err().startsWith("line 3: show bogus\n"), r.err());
        assertTrue(r.err().contains("% Invalid input detected at '^' marker."), r.err());
        loadsNoneOfTheSwitch(r);

        Path script = Files.createTempFile("swsh-script", ".txt");
        cleanup.add(script);
        Files.writeString(script, "show vlan brief\r\nshow privilege\n");
        Run f = client("", "-f", script.toString(), "--run-dir=" + run);
        assertEquals(0, f.rc(), f.err());
        assertTrue(f.out().contains("40   VLAN0040") && f.out().contains("Current privilege level is 15"), f.out());
        loadsNoneOfTheSwitch(f);
    }

    @Test
    void withoutSwshdItSaysHowToStartIt() throws Exception {
        Path empty = Files.createTempDirectory("swsh-no-swshd");
        cleanup.add(empty);
        Run r = client("", "--run-dir", empty.toString(), "-c", "show clock");
        assertEquals(1, r.rc());
        assertEquals("% swshd is not running (no " + empty.resolve("swshd.sock") + "); start it with 'systemctl start swshd',"
                + " or as root run 'swsh --local'\n", r.err());
        loadsNoneOfTheSwitch(new Run(r.rc(), r.out(), r.err(), r.classes()));
    }

    @Test
    void otherCommandLinesGoToTheFullSwsh() throws Exception {
        Path log = Files.createTempFile("swsh-classes", ".txt");
        cleanup.add(log);
        ProcessCliTest.Result v = ProcessCliTest.run(java(log, "--version"), Map.of());
        assertEquals(0, v.rc(), v.err());
        assertEquals("swsh 0.1.0\n", v.out());
        assertTrue(classes(log).contains("picocli.CommandLine"));
        ProcessCliTest.Result c = ProcessCliTest.run(java(log, "-c"), Map.of());
        assertEquals(2, c.rc());
        assertEquals("swsh: missing required parameter for option '-c' (CMD)\nTry 'swsh --help' for more information.\n", c.err());
        Path missing = Files.createTempDirectory("swsh-cli").resolve("no-such-script");
        cleanup.add(missing.getParent());
        ProcessCliTest.Result f = ProcessCliTest.run(java(log, "-f", missing.toString()), Map.of());
        assertEquals(1, f.rc());
        assertEquals("% Cannot open " + missing + ": No such file or directory\n", f.err());
    }

    /**
     * On a terminal (script(1)'s pty): a line typed as soon as the prompt is there (before the line
     * editor is ready, as a rule) runs once and is echoed once, by the line editor; the terminal's
     * modes are what they were after the shell ends.
     */
    @Test
    void onATerminalTypedAheadLinesRunOnceAndTheTerminalIsLeftAsFound() throws Exception {
        Path run = swshd();
        Path dir = Files.createTempDirectory("swsh-tty");
        cleanup.add(dir);
        Path log = dir.resolve("classes.txt");
        String cmd = "stty -g > " + dir.resolve("before") + "; "
                + java(log, "--run-dir", run.toString()).stream().map(ClientProcessTest::quote).collect(Collectors.joining(" "))
                + "; echo rc=$?; stty -g > " + dir.resolve("after");
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", cmd, "/dev/null");
        pb.environment().put("SHELL", "/bin/sh");
        pb.environment().put("TERM", "xterm");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> copy(p.getInputStream(), screen));
        OutputStream keys = p.getOutputStream();
        String seen = "";
        for (long end = System.nanoTime() + 30_000_000_000L; !seen.contains("Switch>") && System.nanoTime() < end; ) {
            Thread.sleep(1);
            seen = screen.toString(StandardCharsets.UTF_8);
        }
        // at once, likely before the line editor reads: the tty holds it unechoed until it does
        keys.write("show privilege\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        for (long end = System.nanoTime() + 30_000_000_000L; !seen.contains("Current privilege level is 1") && System.nanoTime() < end; ) {
            Thread.sleep(50);
            seen = screen.toString(StandardCharsets.UTF_8);
        }
        keys.write("exit\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the shell ended: " + screen);
        reader.get(5, TimeUnit.SECONDS);
        String out = screen.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("rc=0"), out);
        assertTrue(out.contains("Switch>show privilege"), out);
        assertEquals(1, out.split("show privilege", -1).length - 1, "typed ahead, echoed once (by the line editor, not the tty): " + out);
        assertTrue(out.indexOf("Switch>") < out.indexOf("show privilege"), "the prompt came first: " + out);
        assertEquals(Files.readString(dir.resolve("before")), Files.readString(dir.resolve("after")), "the terminal's modes are restored");
        List<String> classes = classes(log);
        assertTrue(classes.contains("org.jline.reader.impl.LineReaderImpl") && classes.contains("swsh.client.Tty"), "jline on a terminal");
        loadsNoneOfTheSwitch(new Run(0, out, "", classes));
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] b = new byte[4096];
        try {
            for (int n; (n = in.read(b)) > 0; ) {
                synchronized (out) {
                    out.write(b, 0, n);
                }
            }
        } catch (IOException e) {
            // the pty closed
        }
    }
}
