package swsh.shell;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;


/**
 * Runs lines from a script, {@code -c}, stdin or a config file: mode carried from line to line,
 * each failing line reported as {@code line N: <line>} plus the IOS error, the rest still run.
 */
public final class Replay {
    private Replay() {}

    /** The outcome of a replay: lines run and the error reports of the failed ones. */
    public record Result(int lines, List<String> errors) {}

    /** The IOS error under a line already on screen after {@code echo} (the prompt). */
    public static String format(String echo, CliException e) {
        String caret = e.caret >= 0 ? " ".repeat(echo.length() + e.caret) + "^\n" : "";
        return caret + e.getMessage();
    }

    /** The error report of script line {@code n}: {@code line N: <line>}, caret, IOS error. */
    public static String report(int n, String line, CliException e) {
        String head = "line " + n + ": ";
        return head + line + "\n" + format(head, e);
    }

    /**
     * Runs lines in a session, output to {@code out}, errors to {@code err}; returns the failures.
     * A secret asked for (enable's {@code Password:}) is the next line, as when it is typed;
     * other questions take their default answer.
     */
    public static int run(Cli s, List<String> lines, PrintStream out, PrintStream err) {
        int failed = 0;
        int[] next = {0};
        s.setAsker((q, secret) -> {
            out.println(q);
            return secret && next[0] < lines.size() ? lines.get(next[0]++) : "";
        });
        for (int n = 0; n < lines.size() && !s.ended(); n = next[0]) {
            next[0] = n + 1;
            String line = lines.get(n);
            try {
                out.print(s.execute(line));
            } catch (CliException e) {
                failed++;
                err.println(report(n + 1, line, e));
            }
            out.flush();
        }
        return failed;
    }

    /** Replays a config text as one transaction on top of the running config, then applies once. */
    public static Result merge(Switch sw, String text) {
        Session s = new Session(sw, true);
        s.execute("configure terminal");
        s.beginTransaction();
        List<String> errors = new ArrayList<>();
        List<String> lines = List.of(text.split("\n"));
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
        try {
            s.commitTransaction();
        } finally {
            s.close();
        }
        return new Result(n, errors);
    }
}
