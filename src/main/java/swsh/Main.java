package swsh;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;
import swsh.client.Script;
import swsh.kernel.FakeKernel;
import swsh.kernel.Kernel;
import swsh.kernel.KernelException;
import swsh.kernel.LiveKernel;
import swsh.kernel.State;
import swsh.lab.Lab;
import swsh.daemon.Daemon;
import swsh.client.CliError;
import swsh.client.Client;
import swsh.commands.CommandSet;
import swsh.core.ConfigStore;
import swsh.core.IoErrors;
import swsh.shell.User;
import swsh.shell.CliException;
import swsh.shell.Replay;
import swsh.shell.Session;
import swsh.shell.Switch;

/** Process entry point: options, then an interactive shell or a script run. */
@Command(name = "swsh", mixinStandardHelpOptions = true, version = "swsh 0.1.0", scope = ScopeType.INHERIT,
        description = "A Cisco-IOS-style switch shell for the Linux kernel bridge.",
        subcommands = {Main.Boot.class, Main.DaemonCmd.class, Lab.Cli.class, Main.ManPage.class, Main.GenerateCompletion.class})
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

    @Option(names = "--dry-run", scope = ScopeType.INHERIT, description = "Print the iproute2 batches instead of running them, in this process; its state lives "
            + "in a private temporary directory, removed at exit.")
    boolean dryRun;

    @Option(names = "--local", scope = ScopeType.INHERIT, description = "Run the switch in this process instead of talking to swshd (root only).")
    boolean local;

    /** What the shells' completion scripts ask for {@code swsh -c 'LINE<TAB>} (see {@link Completions}). */
    @Option(names = "--complete", hidden = true, paramLabel = "LINE", description = "Print the completions of IOS command line LINE.")
    String complete;

    /** Points this shell at the lab switch (used by {@code swsh lab}). */
    public void useLab(String ns, Path dir) {
        netns = ns;
        local = true;
        lab = true;
        if (configDir == null) configDir = dir.resolve("etc");
        if (runDir == null) runDir = dir.resolve("run");
    }

    private Switch sw;
    private boolean lab;

    /** The switch the options describe (built once). */
    public Switch sw() {
        if (sw != null) return sw;
        Path base = dryRun && (configDir == null || runDir == null) ? dryRunDir() : null;
        Path cfgDir = configDir != null ? configDir : base != null ? base.resolve("etc") : Path.of("/etc/swsh");
        Path rDir = runDir != null ? runDir : base != null ? base.resolve("run") : Path.of("/run/swsh");
        Kernel kernel = new LiveKernel(bridge, netns);
        if (dryRun) {
            // the dry run starts from the kernel as it is (its static MACs included), then leaves it alone
            State seed;
            try (Kernel live = kernel) {
                List<State.Fdb> statics = new ArrayList<>();
                live.fdb(new swsh.kernel.FdbQuery(null, null, true), statics::add);
                seed = live.read().withFdb(statics);
            } catch (KernelException e) {
                seed = State.empty();
            }
            kernel = new FakeKernel(bridge, seed, System.out);
        }
        ConfigStore store = new ConfigStore(cfgDir, rDir);
        sw = lab ? Switch.lab(kernel, store, defaultHostname()) : Switch.of(kernel, store, defaultHostname());
        return sw;
    }

    /**
     * A fresh private directory for this {@code --dry-run} invocation's files, under {@code $TMPDIR}
     * (else java.io.tmpdir), deleted when the process exits.
     */
    static Path dryRunDir() {
        String env = System.getenv("TMPDIR");
        Path tmp = env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("java.io.tmpdir"));
        Path dir;
        try {
            dir = Files.createTempDirectory(tmp, "swsh-dry-run-");
        } catch (IOException e) {
            throw new CliException("% Cannot create a directory in " + tmp + ": " + IoErrors.reason(e));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "swsh-dry-run-cleanup"));
        return dir;
    }

    /** Removes {@code dir} and everything under it (without following symbolic links), quietly. */
    public static void deleteTree(Path dir) {
        // a few passes: a thread still writing into the tree (a test's swshd) can leave a directory non-empty once
        for (int pass = 0; pass < 3 && Files.exists(dir, LinkOption.NOFOLLOW_LINKS); pass++) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // best effort: the next pass tries again
                    }
                });
            } catch (IOException | UncheckedIOException ignored) {
                // vanished while walked: the next pass sees what is left
            }
        }
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
        if (complete != null) {
            swsh.shell.LineCompletion.of(complete).forEach(System.out::println);
            return 0;
        }
        List<String> lines = new ArrayList<>();
        for (String c : commands) lines.addAll(Script.lines(c));
        if (file != null) {
            try {
                lines.addAll(Script.lines(ConfigStore.readText(file)));
            } catch (IOException e) {
                System.err.println("% Cannot open " + file + ": " + IoErrors.reason(e));
                return 1;
            }
        }
        boolean script = !lines.isEmpty() || System.console() == null;
        if (local || dryRun) {
            if (!dryRun && !User.processIsRoot()) {
                System.err.println("% --local drives the kernel directly and needs root; use swshd or --dry-run");
                return 1;
            }
            User me = User.local();
            return Client.drive(new Session(sw(), me, script && me.admin()), lines, script);
        }
        return Client.remote(runDirectory(), lines, script);
    }

    /** Replays startup-config as one transaction; reports failed lines on stderr; true if none failed. */
    public static boolean replayStartup(Switch sw) throws IOException {
        return replayStartupStatus(sw).clean();
    }

    /** What a startup-config replay did, in one line, and whether every line was accepted. */
    record Replayed(String status, boolean clean) {}

    /**
     * Replays startup-config (see {@link #replayStartup}). With no startup-config, or one with
     * no command in it (blank lines, {@code !} comments, {@code end}), nothing is replayed and
     * the kernel is left as it is: no bridge is made until a configuration line needs one.
     */
    static Replayed replayStartupStatus(Switch sw) throws IOException {
        java.util.Optional<String> text = sw.engine.store.readStartup();
        if (text.isEmpty()) return new Replayed("no startup-config, nothing replayed", true);
        if (Script.lines(text.get()).stream().map(String::strip)
                .allMatch(l -> l.isEmpty() || l.startsWith("!") || l.equals("end"))) {
            return new Replayed("startup-config has no commands, nothing replayed", true);
        }
        Replay.Result r = Replay.merge(sw, text.get());
        r.errors().forEach(System.err::println);
        sw.startupErrors(r.errors());
        return new Replayed("replayed startup-config (" + r.lines() + " lines, "
                + (r.errors().isEmpty() ? "none" : r.errors().size()) + " failed)", r.errors().isEmpty());
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
            if (!main.dryRun) sw.engine.stp.start(sw.engine.running()); // the tree runs from the first port the replay enslaves
            String status;
            try {
                sw.engine.recover().forEach(r -> System.err.println("swshd: " + r));
                status = replayStartupStatus(sw).status();
            } catch (IOException | RuntimeException e) {
                // swshd always starts: a startup-config it cannot replay is reported, not fatal
                status = "startup-config was not replayed: " + (e instanceof IOException io ? IoErrors.reason(io) : e.getMessage());
                sw.startupErrors(List.of(status + "; the kernel was left as it was"));
            }
            try {
                sw.engine.startAgents();
            } catch (RuntimeException e) {
                System.err.println("swshd: " + e.getMessage().replaceFirst("^% ", ""));
            }
            System.err.println("swshd: " + status);
            sw.engine.drift.watch(); // from now on, changes made behind swsh's back are drift
            sw.engine.counters.start(); // samples for the interfaces' rates
            sw.engine.secure.watch(); // port security's learning and violations
            sw.engine.storm.watch(); // storm control's policers
            // READY (Type=notify) once startup-config is applied and the socket listens
            new Daemon(sw, Daemon.socketIn(sw.engine.store.runDir)).serve(status + "; serving shells");
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
            // a dry run shows what booting the saved startup-config would do (only its running
            // state is private): it reads /etc/swsh unless told otherwise
            if (main.dryRun && main.configDir == null) main.configDir = Path.of("/etc/swsh");
            return replayStartup(main.sw()) ? 0 : 1;
        }
    }

    /** {@code swsh generate-completion SHELL}: the completion script of bash, zsh or fish. */
    @Command(name = "generate-completion", hidden = true, description = "Print the completion script of SHELL (bash, zsh or fish).")
    static final class GenerateCompletion implements Callable<Integer> {
        @CommandLine.Parameters(paramLabel = "SHELL", defaultValue = "bash", description = "bash, zsh or fish")
        String shell;

        @CommandLine.Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            CommandSpec top = spec.root();
            String script = switch (shell) {
                case "bash" -> Completions.bash(top);
                case "zsh" -> Completions.zsh(top);
                case "fish" -> Completions.fish(top);
                default -> throw new ParameterException(spec.commandLine(), "no completion for shell '" + shell + "' (bash, zsh or fish)");
            };
            System.out.print(script);
            return 0;
        }
    }

    /** {@code swsh man}: swsh-commands(7), generated from the command definitions. */
    @Command(name = "man", hidden = true, description = "Print the command reference page swsh-commands(7) (troff).")
    static final class ManPage implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.print(swsh.shell.ManPage.render(CommandSet.grammar()));
            return 0;
        }
    }

    /** What a failed command prints: its own words, never a Java class name; the exit status. */
    static int failed(Throwable ex) {
        if (ex instanceof CliError c) {
            System.err.println(c.getMessage());
        } else if (ex instanceof IOException io) {
            System.err.println(IoErrors.describe(io));
        } else if (ex instanceof UncheckedIOException u) {
            System.err.println(IoErrors.describe(u.getCause()));
        } else {
            System.err.println("% Internal error");
            if (debug()) ex.printStackTrace();
        }
        return 1;
    }

    /** SWSH_DEBUG set (non-empty): internal errors also print their stack trace on stderr. */
    static boolean debug() {
        String d = System.getenv("SWSH_DEBUG");
        return d != null && !d.isEmpty() && !d.equals("0");
    }

    /**
     * A bad command line: one line naming the problem and a hint, exit status 2 (not the whole
     * usage, which {@code --help} prints).
     */
    static int badUsage(ParameterException ex) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName(" ");
        PrintWriter err = cmd.getErr();
        err.println(name + ": " + problem(ex));
        err.println("Try '" + name + " --help' for more information.");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String problem(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            if (u.isUnknownOption()) return "unknown option '" + arg + "'";
            CommandSpec spec = u.getCommandLine().getCommandSpec();
            return spec.positionalParameters().isEmpty() && !spec.subcommands().isEmpty()
                    ? "unknown command '" + arg + "'" : "unexpected argument '" + arg + "'";
        }
        String m = ex.getMessage() == null ? "invalid command line" : ex.getMessage().strip();
        return m.length() > 1 && Character.isUpperCase(m.charAt(0)) && Character.isLowerCase(m.charAt(1))
                ? Character.toLowerCase(m.charAt(0)) + m.substring(1) : m;
    }

    /** The command line as {@code swsh} parses it, with its error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, args) -> badUsage(ex));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> failed(ex));
        return cl;
    }

    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler((t, ex) -> failed(ex));
        int rc;
        try {
            rc = commandLine().execute(args);
        } catch (Throwable ex) {
            rc = failed(ex);
        }
        System.exit(rc);
    }
}
