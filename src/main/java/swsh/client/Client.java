package swsh.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The swsh client: a shell whose session lives in swshd. It takes the command lines a shell is
 * given ({@code -c CMD}, repeatable; {@code -f FILE}; {@code --run-dir DIR}; lines on stdin, or a
 * terminal) and loads nothing but this package, and jline on a terminal: no option parser, no
 * JSON, no grammar. Any other command line, and any of these it cannot take as it is, goes to the
 * full swsh ({@link #NOT_MINE}), which says what is wrong in its own words.
 */
public final class Client {
    private Client() {}

    /** What {@link #run} returns for a command line that is not the client's. */
    public static final int NOT_MINE = -1;
    /** The largest script file (as swsh.core.ConfigStore.MAX_TEXT). */
    static final long MAX_SCRIPT = 16L << 20;
    static final Path RUN_DIR = Path.of("/run/swsh");

    /** The client's options: what {@link #parse} took from the command line. */
    record Options(List<String> commands, Path file, Path runDir) {}

    /**
     * The options of a client command line, or null when it is not one: only {@code -c CMD},
     * {@code -f FILE} and {@code --run-dir DIR} (or {@code --run-dir=DIR}), each value a separate
     * word that starts with neither {@code -} nor {@code @}, {@code -f} and {@code --run-dir} once.
     */
    static Options parse(String[] args) {
        List<String> commands = new ArrayList<>();
        String file = null, runDir = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i], v;
            if (a.startsWith("--run-dir=")) {
                v = a.substring("--run-dir=".length());
                a = "--run-dir";
            } else if ((a.equals("-c") || a.equals("-f") || a.equals("--run-dir")) && i + 1 < args.length) {
                v = args[++i];
            } else {
                return null;
            }
            if (v.startsWith("-") || v.startsWith("@")) return null;
            switch (a) {
                case "-c" -> commands.add(v);
                case "-f" -> {
                    if (file != null || v.isEmpty()) return null;
                    file = v;
                }
                default -> {
                    if (runDir != null || v.isEmpty()) return null;
                    runDir = v;
                }
            }
        }
        try {
            return new Options(commands, file == null ? null : Path.of(file), runDir == null ? null : Path.of(runDir));
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Runs a client command line; returns the exit status, or {@link #NOT_MINE}. */
    public static int run(String[] args) {
        Options o = parse(args);
        if (o == null) return NOT_MINE;
        List<String> lines = new ArrayList<>();
        for (String c : o.commands()) lines.addAll(Script.lines(c));
        if (o.file() != null) {
            try {
                if (Files.size(o.file()) > MAX_SCRIPT) return NOT_MINE;
                lines.addAll(Script.lines(new String(Files.readAllBytes(o.file()), StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException e) {
                return NOT_MINE; // the full swsh says why, in the words it always used
            }
        }
        Thread.setDefaultUncaughtExceptionHandler(new Uncaught());
        try {
            Path sock = (o.runDir() != null ? o.runDir() : RUN_DIR).resolve("swshd.sock");
            // reaching swshd is the slowest part of a start: it goes on while the terminal is set up
            boolean terminal = lines.isEmpty() && Tty.devices();
            Opening swshd = new Opening(sock, terminal);
            swshd.start();
            if (!terminal) return script(swshd, lines);
            Tty.Check tty = Tty.check();
            if (!tty.isTerminal()) {
                // a device that is no terminal after all: a script's session, not a terminal's
                swshd.abandon();
                swshd = new Opening(sock, false);
                swshd.start();
                return script(swshd, lines);
            }
            return interactive(swshd, tty.tty());
        } catch (Throwable ex) {
            return failed(ex);
        }
    }

    /**
     * An exception no one caught, in any thread: said as {@link #failed} says it. (A class, not a
     * lambda: the client makes none before its prompt, the first costing a cold JVM milliseconds.)
     */
    private static final class Uncaught implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread t, Throwable ex) {
            failed(ex);
        }
    }

    /** Asks swshd for a session in the background. */
    private static final class Opening extends Thread {
        final Path sock;
        private final boolean tty;
        private RemoteCli cli;
        private CliError refused;

        Opening(Path sock, boolean tty) {
            super("swsh-connect");
            this.sock = sock;
            this.tty = tty;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                cli = RemoteCli.connect(sock, tty);
            } catch (CliError e) {
                refused = e;
            }
        }

        /** The session swshd gave, or null when swshd is not running; throws its refusal. */
        RemoteCli get() {
            boolean interrupted = false;
            while (isAlive()) {
                try {
                    join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            if (refused != null) throw refused;
            return cli;
        }

        /** Ends the session unused. */
        void abandon() {
            try {
                RemoteCli c = get();
                if (c != null) c.close();
            } catch (CliError e) {
                // refused: nothing to end
            }
        }
    }

    /** The lines (stdin's when there are none) in a session in swshd. */
    private static int script(Opening swshd, List<String> lines) throws IOException {
        RemoteCli cli = swshd.get();
        if (cli == null) return notRunning(swshd.sock);
        return drive(cli, lines, true);
    }

    /**
     * The shell on the terminal, in swshd. The terminal was quieted ({@link Tty#check}) while swshd
     * was reached, so the prompt is shown as soon as swshd answers; what is typed before the line
     * editor is ready waits in the tty until it reads it.
     */
    private static int interactive(Opening swshd, Tty tty) throws IOException {
        RemoteCli cli;
        try {
            cli = swshd.get();
        } catch (RuntimeException e) {
            if (tty != null) tty.restore();
            throw e;
        }
        if (cli == null) {
            if (tty != null) tty.restore();
            return notRunning(swshd.sock);
        }
        if (tty != null) {
            System.out.print(cli.prompt());
            System.out.flush();
        }
        try {
            return shell(cli, tty, tty != null);
        } finally {
            cli.close();
        }
    }

    /** A session in the swshd of {@code runDir}, for these lines (or stdin), or on the terminal. */
    public static int remote(Path runDir, List<String> lines, boolean script) throws IOException {
        Path sock = runDir.resolve("swshd.sock");
        RemoteCli cli = RemoteCli.connect(sock, !script);
        if (cli == null) return notRunning(sock);
        return drive(cli, lines, script);
    }

    private static int notRunning(Path sock) {
        System.err.println("% swshd is not running (no " + sock + "); start it with 'systemctl start swshd',"
                + " or as root run 'swsh --local'");
        return 1;
    }

    /** Runs the lines (stdin's when there are none) in a script session, or the terminal shell; closes the session. */
    public static int drive(Cli cli, List<String> lines, boolean script) throws IOException {
        try {
            if (!script) return shell(cli, Tty.quiet(), false);
            if (lines.isEmpty()) {
                lines = new ArrayList<>();
                BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String l; (l = r.readLine()) != null; ) lines.add(l);
            }
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            return Script.run(cli, lines, out, System.err) == 0 ? 0 : 1;
        } finally {
            cli.close();
        }
    }

    /** The interactive shell on the terminal, on {@code tty} when it could be had; {@code promptShown}: the first prompt is on the screen. */
    private static int shell(Cli cli, Tty tty, boolean promptShown) throws IOException {
        // "ansi" keeps line editing (arrows, history, ^A/^E) but has no keypad or paste modes,
        // so automation clients see their own characters echoed and nothing else
        try (Terminal t = tty != null ? tty.terminal() : TerminalBuilder.builder().system(true).type("ansi").build()) {
            Interactive shell = new Interactive(cli, t);
            if (promptShown) shell.promptShown();
            shell.run();
        } finally {
            if (tty != null) tty.restore();
        }
        return 0;
    }

    /** What a failure prints: its own words, never a Java class name; the exit status. */
    static int failed(Throwable ex) {
        if (ex instanceof CliError c) {
            System.err.println(c.getMessage());
        } else if (ex instanceof IOException io && io.getMessage() != null) {
            System.err.println("% " + io.getMessage());
        } else {
            System.err.println("% Internal error");
            String d = System.getenv("SWSH_DEBUG");
            if (d != null && !d.isEmpty() && !d.equals("0")) ex.printStackTrace();
        }
        return 1;
    }
}
