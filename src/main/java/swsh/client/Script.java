package swsh.client;

import java.io.PrintStream;
import java.util.List;

/**
 * Runs the lines of a script, {@code -c} or stdin in a session: mode carried from line to line,
 * each failing line reported as {@code line N: <line>} plus the IOS error, the rest still run.
 */
public final class Script {
    private Script() {}

    /** Lines of a script or config text: only CR, LF and CRLF end a line (not U+2028 or U+0085). */
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
        Answers answers = new Answers(lines, out);
        s.setAsker(answers);
        for (int n = 0; n < lines.size() && !s.ended(); n = answers.next) {
            answers.next = n + 1;
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

    /** Answers nothing: every question takes its default. */
    static final Cli.Asker NO_ANSWERS = new Cli.Asker() {
        @Override
        public String ask(String prompt, boolean secret) {
            return "";
        }
    };

    /** A script's answers: the question is printed; a secret is the next line of the script, anything else its default. */
    private static final class Answers implements Cli.Asker {
        private final List<String> lines;
        private final PrintStream out;
        /** The line after the one running (or after the secret it answered). */
        int next;

        Answers(List<String> lines, PrintStream out) {
            this.lines = lines;
            this.out = out;
        }

        @Override
        public String ask(String q, boolean secret) {
            out.println(q);
            return secret && next < lines.size() ? lines.get(next++) : "";
        }
    }
}
