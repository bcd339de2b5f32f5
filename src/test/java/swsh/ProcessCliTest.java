package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The swsh process as a Unix tool: help, usage errors, error lines, exit status, launchers. */
class ProcessCliTest {
    private final List<Path> cleanup = new ArrayList<>();

    @AfterEach
    void removeTempDirs() {
        cleanup.forEach(Main::deleteTree);
    }

    private Path tempDir(String prefix) throws IOException {
        Path d = swsh.TempDirs.make(prefix);
        cleanup.add(d);
        return d;
    }

    record Result(int rc, String out, String err) {}

    /** Runs {@code cmd} to the end with stdin closed and {@code env} added; collects both streams. */
    static Result run(List<String> cmd, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("SWSH_DEBUG");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        String out = readAll(p.getInputStream());
        return new Result(p.waitFor(), out, err.get());
    }

    static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> javaCmd(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "swsh.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static Result swsh(String... args) throws Exception {
        return run(javaCmd(args), Map.of());
    }

    @Test
    void helpOfEverySubcommandPrintsUsageAndExitsZero() throws Exception {
        for (String sub : List.of("daemon", "lab", "boot")) {
            Result r = swsh(sub, "--help");
            assertEquals(0, r.rc(), sub + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: swsh " + sub + " "), r.out());
            assertEquals("", r.err());
        }
        Result v = swsh("daemon", "--version");
        assertEquals(0, v.rc());
        assertTrue(v.out().matches("swsh \\d+\\.\\d+\\.\\d+\\n"), v.out());
    }

    @Test
    void labHelpNamesUpDownAndPorts() throws Exception {
        String help = swsh("lab", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("[up|down]"), help);
        assertTrue(help.contains("--ports=N"), help);
        assertTrue(help.contains("down: remove it"), help);
        assertTrue(help.contains("1-16 (default: 4)"), help);
        assertTrue(help.contains("sudo swsh lab down"), help);
    }

    @Test
    void anUnknownOptionIsOneLineAndAHintWithStatusTwo() throws Exception {
        Result top = swsh("--bogus");
        assertEquals(2, top.rc());
        assertEquals("", top.out());
        assertEquals("swsh: unknown option '--bogus'\nTry 'swsh --help' for more information.\n", top.err());

        Result lab = swsh("lab", "--nope");
        assertEquals(2, lab.rc());
        assertEquals("swsh lab: unknown option '--nope'\nTry 'swsh lab --help' for more information.\n", lab.err());
    }

    @Test
    void otherUsageErrorsAreOneLineAndAHintToo() throws Exception {
        Map<List<String>, String> cases = Map.of(
                List.of("lab", "sideways"), "swsh lab: expected 'up' or 'down', not 'sideways'",
                List.of("lab", "--ports", "0"), "swsh lab: --ports must be 1-16, not 0",
                List.of("lab", "--ports", "x"), "swsh lab: invalid value for option '--ports': 'x' is not an int",
                List.of("frobnicate"), "swsh: unknown command 'frobnicate'",
                List.of("boot", "extra"), "swsh boot: unexpected argument 'extra'",
                List.of("-c"), "swsh: missing required parameter for option '-c' (CMD)");
        for (var c : cases.entrySet()) {
            Result r = swsh(c.getKey().toArray(String[]::new));
            String name = c.getValue().substring(0, c.getValue().indexOf(':'));
            assertEquals(2, r.rc(), c.getKey() + ": " + r.err());
            assertEquals(c.getValue() + "\nTry '" + name + " --help' for more information.\n", r.err(), c.getKey().toString());
        }
    }

    @Test
    void aMissingScriptFileIsAUnixStyleLineWithoutJavaNames() throws Exception {
        Path missing = tempDir("swsh-cli").resolve("no-such-script");
        Result r = swsh("-f", missing.toString());
        assertEquals(1, r.rc());
        assertEquals("% Cannot open " + missing + ": No such file or directory\n", r.err());

        Path dir = tempDir("swsh-cli");
        Result d = swsh("-f", dir.toString());
        assertEquals(1, d.rc());
        assertEquals("% Cannot open " + dir + ": Is a directory\n", d.err());
    }

    @Test
    void ioFailuresAreNamedInWords() {
        assertEquals("No such file or directory", swsh.core.IoErrors.reason(new NoSuchFileException("/x")));
        assertEquals("Permission denied", swsh.core.IoErrors.reason(new AccessDeniedException("/x")));
        assertEquals("% /etc/swsh/startup-config: Permission denied",
                swsh.core.IoErrors.describe(new AccessDeniedException("/etc/swsh/startup-config")));
        assertEquals("Connection refused", swsh.core.IoErrors.reason(new IOException(new ConnectException("Connection refused"))));
        assertEquals("Input/output error", swsh.core.IoErrors.reason(new IOException()));
    }

    @Command(name = "boom")
    static final class Boom implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("secret detail");
        }
    }

    @Test
    void anUnexpectedExceptionIsOneInternalErrorLine() {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand(new Boom());
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            rc = cl.execute("boom");
        } finally {
            System.setErr(saved);
        }
        assertEquals(1, rc);
        String text = err.toString(StandardCharsets.UTF_8);
        if (!Main.debug()) assertEquals("% Internal error\n", text);
        assertTrue(text.startsWith("% Internal error\n"), text);
        assertFalse(text.lines().findFirst().orElse("").contains("Exception"), text);
    }

    @Test
    void dryRunStateIsPrivateToTheInvocationUnderTmpdirAndGoneAfterwards() throws Exception {
        Path tmp = tempDir("swsh-tmpdir");
        Map<String, String> env = Map.of("TMPDIR", tmp.toString());
        // stdin held open: the shell has built its engine (and its state directory) before reading the script
        ProcessBuilder pb = new ProcessBuilder(javaCmd("--dry-run", "--bridge", "swtest0"));
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try {
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            Path state = null;
            for (long end = System.nanoTime() + 20_000_000_000L; state == null && System.nanoTime() < end; ) {
                try (Stream<Path> s = Files.list(tmp)) {
                    state = s.filter(d -> d.getFileName().toString().startsWith("swsh-dry-run-")).findFirst().orElse(null);
                }
                if (state == null) Thread.sleep(50);
            }
            assertTrue(state != null, "a swsh-dry-run-* directory appears in $TMPDIR");
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
            try (OutputStream in = p.getOutputStream()) {
                in.write("configure terminal\nvlan 3001\nname private\nend\nshow vlan brief\n".getBytes(StandardCharsets.UTF_8));
            }
            assertEquals(0, p.waitFor());
            assertTrue(out.get().contains("3001 private"), out.get());
            try (Stream<Path> s = Files.list(tmp)) {
                assertEquals("", s.map(Path::toString).collect(Collectors.joining(" ")), "removed at exit");
            }
        } finally {
            p.destroyForcibly();
        }

        Result second = run(javaCmd("--dry-run", "--bridge", "swtest0", "-c", "show vlan brief"), env);
        assertEquals(0, second.rc(), second.err());
        assertFalse(second.out().contains("3001"), "another invocation does not see it: " + second.out());
    }

    @Test
    void dryRunWithBothDirectoriesGivenUsesThemAndNoTempDir() throws Exception {
        Path tmp = tempDir("swsh-tmpdir"), dir = tempDir("swsh-dirs");
        Result r = run(javaCmd("--dry-run", "--bridge", "swtest0", "--config-dir", dir.resolve("etc").toString(),
                "--run-dir", dir.resolve("run").toString(), "-c", "conf t", "-c", "vlan 3002"), Map.of("TMPDIR", tmp.toString()));
        assertEquals(0, r.rc(), r.err());
        assertTrue(Files.readString(dir.resolve("run/running-config")).contains("vlan 3002"));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.count());
        }
    }

    /** A copy of the launchers beside a jar that only points (Class-Path) at the classes under test. */
    private Path launchers() throws IOException {
        Path dir = tempDir("swsh-launch");
        for (String script : List.of("swsh", "swshd")) {
            Path copy = Files.copy(Path.of(script), dir.resolve(script));
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "swsh.Launch");
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toUri().toString()).collect(Collectors.joining(" ")));
        Files.createDirectories(dir.resolve("target"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve("target/swsh.jar")), m)) {
            jar.flush();
        }
        return dir;
    }

    private static Map<String, String> pathWithThisJava() {
        return Map.of("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator + System.getenv("PATH"));
    }

    @Test
    void theSwshdLauncherAnswersHelpAndVersion() throws Exception {
        Path dir = launchers();
        Result help = run(List.of(dir.resolve("swshd").toString(), "--help"), pathWithThisJava());
        assertEquals(0, help.rc(), help.err());
        assertTrue(help.out().startsWith("Usage: swsh daemon "), help.out());
        assertEquals("", help.err());

        Result version = run(List.of(dir.resolve("swshd").toString(), "--version"), pathWithThisJava());
        assertEquals(0, version.rc(), version.err());
        assertTrue(version.out().matches("swsh \\d+\\.\\d+\\.\\d+\\n"), version.out());

        Result bad = run(List.of(dir.resolve("swshd").toString(), "--bogus"), pathWithThisJava());
        assertEquals(2, bad.rc());
        assertEquals("swsh daemon: unknown option '--bogus'\nTry 'swsh daemon --help' for more information.\n", bad.err());
    }
}
