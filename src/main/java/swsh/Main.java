package swsh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import swsh.kernel.FakeKernel;
import swsh.kernel.Kernel;
import swsh.kernel.KernelException;
import swsh.kernel.LiveKernel;
import swsh.kernel.State;
import swsh.lab.Lab;
import swsh.daemon.Daemon;
import swsh.daemon.RemoteCli;
import swsh.shell.Cli;
import swsh.commands.CommandSet;
import swsh.core.ConfigStore;
import swsh.shell.User;
import swsh.shell.CliException;
import swsh.shell.Interactive;
import swsh.shell.Replay;
import swsh.shell.Session;
import swsh.shell.Switch;

/** Process entry point: options, then an interactive shell or a script run. */
@Command(name = "swsh", mixinStandardHelpOptions = true, version = "swsh 0.1.0",
        description = "A Cisco-IOS-style switch shell for the Linux kernel bridge.",
        subcommands = {Main.Boot.class, Main.DaemonCmd.class, Lab.Cli.class, Main.ManPage.class, picocli.AutoComplete.GenerateCompletion.class})
public final class Main implements Callable<Integer> {
    @Option(names = "-c", paramLabel = "CMD", description = "Run CMD (may hold several lines); repeatable.")
    List<String> commands = new ArrayList<>();

    @Option(names = "-f", paramLabel = "FILE", description = "Run the lines of FILE.")
    Path file;

    @Option(names = "--config-dir", scope = ScopeType.INHERIT, paramLabel = "DIR", description = "Where startup-config lives (default: /etc/swsh).")
    Path configDir;

    @Option(names = "--run-dir", scope = ScopeType.INHERIT, paramLabel = "DIR", description = "Where the live running-config lives (default: /run/swsh).")
    Path runDir;

    @Option(names = "--netns", scope = ScopeType.INHERIT, paramLabel = "NS", description = "Run the switch inside network namespace NS.")
    String netns;

    @Option(names = "--bridge", scope = ScopeType.INHERIT, paramLabel = "NAME", description = "Kernel bridge to drive (default: swbr0).")
    String bridge = "swbr0";

    @Option(names = "--dry-run", scope = ScopeType.INHERIT, description = "Print the iproute2 batches instead of running them (in this process).")
    boolean dryRun;

    @Option(names = "--local", scope = ScopeType.INHERIT, description = "Run the switch in this process instead of talking to swshd (root only).")
    boolean local;

    /** Points this shell at the lab switch (used by {@code swsh lab}). */
    public void useLab(String ns, Path dir) {
        netns = ns;
        local = true;
        if (configDir == null) configDir = dir.resolve("etc");
        if (runDir == null) runDir = dir.resolve("run");
    }

    private Switch sw;

    /** The switch the options describe (built once). */
    public Switch sw() {
        if (sw != null) return sw;
        Path base = dryRun ? Path.of(System.getProperty("java.io.tmpdir"), "swsh-dry-run-" + System.getProperty("user.name")) : null;
        Path cfgDir = configDir != null ? configDir : base != null ? base.resolve("etc") : Path.of("/etc/swsh");
        Path rDir = runDir != null ? runDir : base != null ? base.resolve("run") : Path.of("/run/swsh");
        Kernel kernel = new LiveKernel(bridge, netns);
        if (dryRun) {
            State seed;
            try {
                seed = kernel.read();
            } catch (KernelException e) {
                seed = State.empty();
            }
            kernel = new FakeKernel(bridge, seed, System.out);
        }
        sw = Switch.of(kernel, new ConfigStore(cfgDir, rDir), defaultHostname());
        return sw;
    }

    /** The machine's short host name, IOS's default prompt. */
    public static String defaultHostname() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            int dot = h.indexOf('.');
            h = dot > 0 ? h.substring(0, dot) : h;
            return h.matches("[A-Za-z][A-Za-z0-9-]*") ? h : "Switch";
        } catch (IOException e) {
            return "Switch";
        }
    }

    private Path runDirectory() {
        return runDir != null ? runDir : dryRun ? sw().engine.store.runDir : Path.of("/run/swsh");
    }

    @Override
    public Integer call() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String c : commands) lines.addAll(List.of(c.split("\\R")));
        if (file != null) lines.addAll(Files.readAllLines(file));
        boolean script = !lines.isEmpty() || System.console() == null;
        Cli cli;
        if (local || dryRun) {
            if (!dryRun && !User.processIsRoot()) {
                System.err.println("% --local drives the kernel directly and needs root; use swshd or --dry-run");
                return 1;
            }
            User me = User.local();
            cli = new Session(sw(), me, script && me.admin());
        } else {
            Path sock = Daemon.socketIn(runDirectory());
            cli = RemoteCli.connect(sock, !script);
            if (cli == null) {
                System.err.println("% swshd is not running (no " + sock + "); start it with 'systemctl start swshd',"
                        + " or as root run 'swsh --local'");
                return 1;
            }
        }
        try {
            if (script) {
                if (lines.isEmpty()) {
                    BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                    for (String l; (l = r.readLine()) != null; ) lines.add(l);
                }
                PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                return Replay.run(cli, lines, out, System.err) == 0 ? 0 : 1;
            }
            // "ansi" keeps line editing (arrows, history, ^A/^E) but has no keypad or paste modes,
            // so automation clients see their own characters echoed and nothing else
            try (Terminal t = TerminalBuilder.builder().system(true).type("ansi").build()) {
                new Interactive(cli, t).run();
            }
            return 0;
        } finally {
            cli.close();
        }
    }

    /** Replays startup-config as one transaction; reports failed lines on stderr; true if none failed. */
    public static boolean replayStartup(Switch sw) throws IOException {
        Replay.Result r = Replay.merge(sw, sw.engine.store.readStartup().orElse(""));
        r.errors().forEach(System.err::println);
        return r.errors().isEmpty();
    }

    /** {@code swsh daemon} (what {@code swshd} runs): replay startup-config, then serve the shells. */
    @Command(name = "daemon", description = "Run swshd: replay startup-config, then serve shells on a Unix socket.")
    static final class DaemonCmd implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Override
        public Integer call() throws IOException {
            if (!main.dryRun && !User.processIsRoot()) {
                System.err.println("% swshd must run as root");
                return 1;
            }
            Switch sw = main.sw();
            sw.audit.toSyslog(!main.dryRun);
            replayStartup(sw);
            new Daemon(sw, Daemon.socketIn(sw.engine.store.runDir)).serve();
            return 0;
        }
    }

    /** {@code swsh boot}: replays startup-config as one transaction and applies it once. */
    @Command(name = "boot", description = "Replay startup-config onto the kernel (at boot).")
    static final class Boot implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Override
        public Integer call() throws IOException {
            return replayStartup(main.sw()) ? 0 : 1;
        }
    }

    /** {@code swsh man}: the man page, generated from the command definitions. */
    @Command(name = "man", hidden = true, description = "Print the man page (troff).")
    static final class ManPage implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.print(swsh.shell.ManPage.render(CommandSet.grammar()));
            return 0;
        }
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            System.err.println(ex instanceof CliException || ex instanceof KernelException ? ex.getMessage() : "% " + ex);
            return 1;
        });
        System.exit(cl.execute(args));
    }
}
