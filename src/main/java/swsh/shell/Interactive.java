package swsh.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

import swsh.grammar.CliException;
import swsh.grammar.Grammar;

/**
 * The interactive shell on a terminal: jline line editing, {@code ?} help without Enter, TAB
 * completion from the grammar, Ctrl-Z for {@code end}, and the {@code --More--} pager.
 */
public final class Interactive {
    /** What Ctrl-Z leaves on the line, as IOS shows it. */
    private static final String CTRL_Z_ECHO = "^Z";

    private final Cli session;
    private final Terminal terminal;
    private final LineReader reader;
    /** Set by Ctrl-Z while a line is read: the line is {@code end}. */
    private boolean ctrlZ;

    public Interactive(Cli session, Terminal terminal) {
        this.session = session;
        this.terminal = terminal;
        // a pty without a window size (ssh -tt from a pipe) would make jline draw nothing useful
        if (terminal.getWidth() < 10) terminal.setSize(new Size(80, Math.max(terminal.getHeight(), 24)));
        // Ctrl-Z is IOS's "end", not job control. The tty never echoes by itself: what is typed
        // while a command runs is queued and echoed once, by the line editor, at the next prompt.
        Attributes attrs = terminal.getAttributes();
        attrs.setControlChar(Attributes.ControlChar.VSUSP, 0);
        attrs.setLocalFlag(Attributes.LocalFlag.ECHO, false);
        attrs.setLocalFlag(Attributes.LocalFlag.ICANON, false);
        terminal.setAttributes(attrs);
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]);
        parser.setQuoteChars(new char[0]);
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .parser(parser)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_LIST, false)
                .option(LineReader.Option.AUTO_MENU, false)
                .option(LineReader.Option.LIST_AMBIGUOUS, false)
                .option(LineReader.Option.BRACKETED_PASTE, false)
                .option(LineReader.Option.INSERT_TAB, false)
                .variable(LineReader.HISTORY_SIZE, 200)
                .build();
        reader.getWidgets().put("ios-help", this::help);
        reader.getWidgets().put("ios-complete", this::complete);
        // Ctrl-Z in a config mode: the line shows ^Z as on IOS, and the shell runs "end" (see read)
        reader.getWidgets().put("ios-end", () -> {
            if (!session.inConfig()) return true;
            ctrlZ = true;
            reader.setVariable(LineReader.DISABLE_HISTORY, true);
            reader.getBuffer().clear();
            reader.getBuffer().write(CTRL_Z_ECHO);
            reader.callWidget(LineReader.ACCEPT_LINE);
            return true;
        });
        reader.getKeyMaps().get(LineReader.MAIN).bind(new org.jline.reader.Reference("ios-help"), "?");
        reader.getKeyMaps().get(LineReader.MAIN).bind(new org.jline.reader.Reference("ios-end"), "\u001a");
        reader.getKeyMaps().get(LineReader.MAIN).bind(new org.jline.reader.Reference("ios-complete"), "\t");
        session.setAsker((p, secret) -> {
            try {
                return read(p, secret);
            } catch (UserInterruptException | EndOfFileException e) {
                return "n";
            }
        });
    }

    /**
     * Reads one line; a line ended by Ctrl-Z (shown as {@code ^Z}) is {@code end}, and is
     * {@code end} in the history too.
     */
    private String read(String prompt, boolean secret) {
        ctrlZ = false;
        String line;
        try {
            line = secret ? reader.readLine(prompt, '\0') : reader.readLine(prompt);
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, false);
        }
        if (!ctrlZ) return line;
        ctrlZ = false;
        if (!secret) reader.getHistory().add("end");
        return "end";
    }

    /** {@code ?}: prints the line with the {@code ?}, the help, then the prompt and line again. */
    private boolean help() {
        String line = reader.getBuffer().upToCursor();
        List<Grammar.Help> h = session.help(line);
        StringBuilder sb = new StringBuilder();
        sb.append(session.prompt()).append(line).append("?\n");
        if (h == null || h.isEmpty()) {
            sb.append("% Unrecognized command\n");
        } else if (!line.isEmpty() && !Character.isWhitespace(line.charAt(line.length() - 1))) {
            StringBuilder words = new StringBuilder();
            for (Grammar.Help x : h) words.append(x.word()).append("  ");
            sb.append(words.toString().stripTrailing()).append("\n");
        } else {
            int w = 0;
            for (Grammar.Help x : h) w = Math.max(w, x.word().length());
            for (Grammar.Help x : h) {
                sb.append("  ").append(String.format("%-" + Math.max(w + 2, 12) + "s", x.word())).append(x.help());
                sb.append('\n');
            }
        }
        sb.append('\n');
        PrintWriter w = terminal.writer();
        w.print(sb.substring(session.prompt().length() + line.length()).replaceAll(" +\n", "\n"));
        w.flush();
        reader.callWidget(LineReader.REDRAW_LINE);
        reader.callWidget(LineReader.REDISPLAY);
        return true;
    }

    /** TAB: completes the word before the cursor when it has one completion (or a longer common prefix). */
    private boolean complete() {
        String line = reader.getBuffer().upToCursor();
        List<String> words = session.complete(line);
        int start = line.length();
        while (start > 0 && !Character.isWhitespace(line.charAt(start - 1))) start--;
        String partial = line.substring(start);
        if (words.isEmpty() || (partial.isEmpty() && words.size() > 1)) {
            terminal.puts(org.jline.utils.InfoCmp.Capability.bell);
            return true;
        }
        String common = words.get(0);
        for (String x : words) {
            int i = 0;
            while (i < common.length() && i < x.length() && common.charAt(i) == x.charAt(i)) i++;
            common = common.substring(0, i);
        }
        String insert = words.size() == 1 ? words.get(0) + " " : common;
        if (insert.length() < partial.length()) return true;
        reader.getBuffer().backspace(partial.length());
        reader.getBuffer().write(insert);
        return true;
    }

    /** Reads and runs lines until the session ends. */
    public void run() {
        PrintWriter out = terminal.writer();
        while (!session.ended()) {
            String line;
            String prompt = session.prompt();
            try {
                line = read(prompt, false);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            try {
                page(session.execute(line), out);
            } catch (CliException e) {
                out.println(Replay.format(prompt, e));
                if (e.caret >= 0) out.println();
            }
            out.flush();
        }
        out.flush();
    }

    /** Prints output, pausing with {@code --More--} every screenful unless terminal length is 0. */
    private void page(String text, PrintWriter out) {
        int len = session.length();
        if (len == 0 || text.isEmpty()) {
            out.print(text);
            return;
        }
        String[] lines = text.split("\n", -1);
        int shown = 0;
        NonBlockingReader in = terminal.reader();
        Attributes cooked = null;
        try {
            for (int i = 0; i < lines.length; i++) {
                if (i == lines.length - 1 && lines[i].isEmpty()) break;
                if (shown == len - 1) {
                    if (cooked == null) cooked = terminal.enterRawMode();
                    out.print(" --More-- ");
                    out.flush();
                    int c;
                    try {
                        c = in.read();
                    } catch (IOException e) {
                        c = 'q';
                    }
                    out.print("\r          \r");
                    if (c == 'q' || c == 'Q' || c < 0) return;
                    shown = (c == '\r' || c == '\n') ? len - 2 : 0;
                }
                out.print(lines[i] + "\n");
                shown++;
            }
        } finally {
            if (cooked != null) terminal.setAttributes(cooked);
        }
    }
}
