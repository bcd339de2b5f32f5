package swsh.shell;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import swsh.client.Cli;
import swsh.client.Script;
import swsh.model.Config;


/**
 * Replays config texts onto the running config (startup-config, {@code copy}); the lines of a
 * script run as {@link Script} runs them: each failing line reported as {@code line N: <line>}
 * plus the IOS error, the rest still run.
 */
public final class Replay {
    private Replay() {}

    /** The outcome of a replay: lines run and the error reports of the failed ones. */
    public record Result(int lines, List<String> errors) {}

    /** The IOS error under a line already on screen after {@code echo} (the prompt). */
    public static String format(String echo, CliException e) {
        return Script.format(echo, e);
    }

    /** The error report of script line {@code n}: {@code line N: <line>}, caret, IOS error. */
    public static String report(int n, String line, CliException e) {
        return Script.report(n, line, e);
    }

    /** Runs lines in a session as a script does (see {@link Script#run}); returns the failures. */
    public static int run(Cli s, List<String> lines, PrintStream out, PrintStream err) {
        return Script.run(s, lines, out, err);
    }

    private static final ThreadLocal<Boolean> MERGING = ThreadLocal.withInitial(() -> false);

    /**
     * Replays a config text onto the running config: first as one transaction planned and
     * applied once (the fast path, and all a good file needs). When the kernel refuses that
     * plan, nothing of it stays, and the lines are applied again one by one, so every line the
     * kernel accepts stands and each refused one is reported with its line number.
     */
    public static Result merge(Switch sw, String text) {
        if (MERGING.get()) {
            throw new CliException("% Error: a config being replayed cannot copy a config into running-config");
        }
        MERGING.set(true);
        try {
            List<String> lines = Script.lines(text);
            List<String> errors = new ArrayList<>();
            Session s = new Session(sw, true);
            try {
                s.beginTransaction();
                int n = replay(s, lines, errors);
                try {
                    s.commitTransaction();
                    return new Result(n, errors);
                } catch (CliException refused) {
                    // fall through to the slow path below
                }
            } finally {
                s.close();
            }
            errors.clear();
            Session each = new Session(sw, true);
            try {
                int n = replay(each, lines, errors);
                return new Result(n, errors);
            } finally {
                each.close();
            }
        } finally {
            MERGING.set(false);
        }
    }

    /**
     * Reads a whole config text into a config of its own, starting from the factory defaults, without
     * touching the running config or the kernel; each failed line goes to {@code errors}.
     */
    public static Config parse(Switch sw, String text, List<String> errors) {
        if (MERGING.get()) {
            throw new CliException("% Error: a config being replayed cannot replace the running-config");
        }
        MERGING.set(true);
        Session s = new Session(sw, true);
        try {
            s.beginTransaction(Config.empty(sw.engine.defaultHostname));
            replay(s, Script.lines(text), errors);
            return s.abandonTransaction();
        } finally {
            s.close();
            MERGING.set(false);
        }
    }

    /** Runs config lines in configuration mode until {@code end}; returns the lines read. */
    private static int replay(Session s, List<String> lines, List<String> errors) {
        s.execute("configure terminal");
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.strip().equals("end")) break;
            try {
                s.execute(line);
            } catch (CliException e) {
                errors.add(report(n, line, e));
            }
            if (!s.mode().config()) s.execute("configure terminal");
        }
        return n;
    }
}
