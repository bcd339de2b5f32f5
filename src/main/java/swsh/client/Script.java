package swsh.client;

import java.io.PrintStream;
import java.util.List;

/**
 * Runs the lines of a script, {@code -c} or stdin in a session: mode carried from line to line,
 * each failing line reported as {@code line N: <line>} plus the IOS error, the rest still run.
 */
public final class Script {
    private Script() {}

    /** Lines of a script text: only CR, LF and CRLF end a line (as swsh.core.ConfigStore.lines). */
    public static List<String> lines(String text) {
        return List.of(text.split("\r\n|\r|\n"));
    }

    /** The IOS error under a line already on screen after {@code echo} (the prompt). */
    public static String format(String echo, CliError e) {
        String caret = e.caret >= 0 ? " ".repeat(echo.length() + e.caret) + "^\n" : "";
        return caret + e.getMessage();
    }

    /** The error report of script line {@code n}: {@code line N: <line>}, caret, IOS error. */
    public static String report(int n, String line, CliError e) {
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
            } catch (CliError e) {
                failed++;
                err.println(report(n + 1, line, e));
            }
            out.flush();
        }
        return failed;
    }
}
