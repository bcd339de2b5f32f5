package swsh.client;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/**
 * The interactive shell on a terminal: jline line editing (with the editing keys of the usual
 * terminals, see {@code bindTerminalKeys}), {@code ?} help without Enter, TAB completion from the
 * grammar, Ctrl-Z for {@code end}, and the {@code --More--} pager.
 */
public final class Interactive {
    /** What Ctrl-Z leaves on the line, as IOS shows it. */
    private static final String CTRL_Z_ECHO = "^Z";
    /** A widget that does nothing, quietly: for keys that mean nothing on an IOS command line. */
    private static final String IGNORE = "ios-ignore";
    /** How long a lone ESC (or ESC [, ESC O) waits for the rest of a key sequence, in milliseconds. */
    public static final long AMBIGUOUS_MS = 1000;

    private final Cli session;
    private final Terminal terminal;
    private final LineReader reader;
    /** Set by Ctrl-Z while a line is read: the line is {@code end}. */
    private boolean ctrlZ;
    /** Set when the first prompt is already on the screen, and the cursor after it. */
    private boolean promptShown;

    public Interactive(Cli session, Terminal terminal) {
        this.session = session;
        this.terminal = terminal;
        // a pty without a window size (ssh -tt from a pipe) would make jline draw nothing useful
        if (terminal.getWidth() < 10) terminal.setSize(new Size(80, Math.max(terminal.getHeight(), 24)));
        // Ctrl-Z is IOS's "end", not job control. The tty never echoes by itself: what is typed
        // while a command runs is queued and echoed once, by the line editor, at the next prompt.
        terminal.setAttributes(quiet(terminal.getAttributes()));
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
                // a key sequence that is also the start of a longer one (a lone ESC, ESC O) waits this
                // long for the rest, then counts as typed (jline's default, made explicit)
                .variable(LineReader.AMBIGUOUS_BINDING, AMBIGUOUS_MS)
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
        reader.getWidgets().put(IGNORE, () -> true);
        KeyMap<Binding> main = reader.getKeyMaps().get(LineReader.MAIN);
        main.bind(new Reference("ios-help"), "?");
        main.bind(new Reference("ios-end"), "\u001a");
        main.bind(new Reference("ios-complete"), "\t");
        bindTerminalKeys(main);
        // MAIN is jline's emacs map itself; should that change, emacs gets the keys too
        KeyMap<Binding> emacs = reader.getKeyMaps().get(LineReader.EMACS);
        if (emacs != null && emacs != main) bindTerminalKeys(emacs);
        session.setAsker((p, secret) -> {
            try {
                return read(p, secret);
            } catch (UserInterruptException | EndOfFileException e) {
                return "n";
            }
        });
    }

    /** The tty modes the shell reads in: Ctrl-Z is IOS's {@code end}, the tty neither echoes nor edits lines itself. */
    static Attributes quiet(Attributes attrs) {
        attrs.setControlChar(Attributes.ControlChar.VSUSP, 0);
        attrs.setLocalFlag(Attributes.LocalFlag.ECHO, false);
        attrs.setLocalFlag(Attributes.LocalFlag.ICANON, false);
        return attrs;
    }

    /**
     * Says that the session's first prompt was printed before this shell was made (the cursor is
     * after it): the line editor draws it again over itself.
     */
    void promptShown() {
        promptShown = true;
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

    /**
     * Binds the escape sequences that the editing keys of xterm, rxvt, tmux, screen, the Linux
     * console and PuTTY send. The terminal type is {@code ansi} so that automation clients get no
     * keypad-transmit, bracketed-paste or other mode codes; but ansi's terminfo names no Delete or
     * End key (nor most others), so jline bound nothing for them and Delete typed {@code [3~}.
     * These sequences are bound explicitly instead. Binding an input sequence writes nothing to
     * the terminal, and keypad transmit mode (smkx) stays off: terminals send their normal-mode
     * sequences, which is why {@code ESC O C}/{@code ESC O D} mean PuTTY's Ctrl-Right/Ctrl-Left.
     */
    private static void bindTerminalKeys(KeyMap<Binding> km) {
        String e = "\u001b";
        // arrows: normal mode (ESC [) and, for Up/Down, application mode (ESC O); rxvt Shift-arrows
        bind(km, LineReader.UP_LINE_OR_SEARCH, e + "[A", e + "OA", e + "[a");
        bind(km, LineReader.DOWN_LINE_OR_SEARCH, e + "[B", e + "OB", e + "[b");
        bind(km, LineReader.FORWARD_CHAR, e + "[C", e + "[c");
        bind(km, LineReader.BACKWARD_CHAR, e + "[D", e + "[d");
        // Ctrl-Right/Ctrl-Left. PuTTY (by default) sends with Ctrl the arrow of the other cursor-key
        // mode: in the normal mode kept here, ESC O C / ESC O D. Those are also the plain arrows of
        // a terminal left in application mode, where Left/Right would then move by words; PuTTY's
        // Ctrl-arrows win, since swsh never asks for application mode. rxvt sends ESC O c /
        // ESC O d, old xterm ESC [5C / ESC [5D; xterm's ESC [1;5C / ESC [1;5D are with the modifiers.
        bind(km, LineReader.FORWARD_WORD, e + "OC", e + "Oc", e + "[5C");
        bind(km, LineReader.BACKWARD_WORD, e + "OD", e + "Od", e + "[5D");
        // Ctrl-Up/Down in rxvt (PuTTY's are ESC O A / ESC O B above)
        bind(km, LineReader.UP_LINE_OR_SEARCH, e + "Oa");
        bind(km, LineReader.DOWN_LINE_OR_SEARCH, e + "Ob");
        // Home: xterm normal and application mode, VT220/screen/tmux/Linux/PuTTY, rxvt (plain, Ctrl, Shift)
        bind(km, LineReader.BEGINNING_OF_LINE, e + "[H", e + "OH", e + "[1~", e + "[7~", e + "[7^", e + "[7$");
        // End: the same, and PuTTY in its rxvt Home/End mode (ESC O w)
        bind(km, LineReader.END_OF_LINE, e + "[F", e + "OF", e + "[4~", e + "[8~", e + "[8^", e + "[8$", e + "Ow");
        // Delete (Ctrl-Delete, ESC [3;5~ and rxvt's ESC [3^, deletes the word, as jline has it)
        bind(km, LineReader.DELETE_CHAR, e + "[3~", e + "[3$");
        bind(km, LineReader.KILL_WORD, e + "[3;5~", e + "[3^");
        // Insert: IOS has no overwrite mode, and jline's would be invisible and outlive the line,
        // so Insert (VT220 ESC [2~, and ansi's own ESC [L) is quietly ignored rather than toggling it
        bind(km, IGNORE, e + "[2~", e + "[L", e + "[2^", e + "[2$");
        // Page Up/Down and F1-F12 mean nothing here: ignored rather than typed as text
        bind(km, IGNORE, e + "[5~", e + "[6~", e + "OP", e + "OQ", e + "OR", e + "OS",
                e + "[[A", e + "[[B", e + "[[C", e + "[[D", e + "[[E");
        int[] fkeys = {11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24};
        for (int f : fkeys) bind(km, IGNORE, e + "[" + f + "~");
        // xterm modifiers (ESC [1;m X, ESC [n;m ~): m = 1 + Shift 1 + Alt 2 + Ctrl 4
        for (int m = 2; m <= 8; m++) {
            String csi1 = e + "[1;" + m;
            bind(km, LineReader.UP_LINE_OR_SEARCH, csi1 + "A");
            bind(km, LineReader.DOWN_LINE_OR_SEARCH, csi1 + "B");
            // Shift alone moves by characters; Ctrl or Alt by words
            bind(km, m == 2 ? LineReader.FORWARD_CHAR : LineReader.FORWARD_WORD, csi1 + "C");
            bind(km, m == 2 ? LineReader.BACKWARD_CHAR : LineReader.BACKWARD_WORD, csi1 + "D");
            bind(km, LineReader.BEGINNING_OF_LINE, csi1 + "H");
            bind(km, LineReader.END_OF_LINE, csi1 + "F");
            bind(km, IGNORE, csi1 + "P", csi1 + "Q", csi1 + "R", csi1 + "S");
            if (m != 5) bind(km, LineReader.DELETE_CHAR, e + "[3;" + m + "~");
            bind(km, IGNORE, e + "[2;" + m + "~", e + "[5;" + m + "~", e + "[6;" + m + "~");
            for (int f : fkeys) bind(km, IGNORE, e + "[" + f + ";" + m + "~");
        }
        // a lone ESC is nothing by itself: with ESC bound, the ambiguous-binding timeout ends the
        // wait for the rest of a sequence instead of taking the next key typed as Alt-key. ESC then
        // a key within that time is still Alt-key (IOS's Esc B, Esc F; Alt-b, Alt-f send just that).
        // The same for the start of a sequence that never finishes (ESC [, ESC O).
        bind(km, IGNORE, e, e + "[", e + "O");
        // ESC then Enter runs the line (jline would insert a newline into it)
        bind(km, LineReader.ACCEPT_LINE, e + "\r", e + "\n");
    }

    private static void bind(KeyMap<Binding> km, String widget, String... keys) {
        for (String k : keys) km.bind(new Reference(widget), k);
    }

    /** {@code ?}: prints the line with the {@code ?}, the help, then the prompt and line again. */
    private boolean help() {
        String line = reader.getBuffer().upToCursor();
        List<Cli.Help> h = session.help(line);
        StringBuilder sb = new StringBuilder();
        sb.append(session.prompt()).append(line).append("?\n");
        if (h == null || h.isEmpty()) {
            sb.append("% Unrecognized command\n");
        } else if (!line.isEmpty() && !Character.isWhitespace(line.charAt(line.length() - 1))) {
            StringBuilder words = new StringBuilder();
            for (Cli.Help x : h) words.append(x.word()).append("  ");
            sb.append(words.toString().stripTrailing()).append("\n");
        } else {
            int w = 0;
            for (Cli.Help x : h) w = Math.max(w, x.word().length());
            for (Cli.Help x : h) {
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
            if (promptShown) {
                promptShown = false;
                out.print('\r');
                out.flush();
            }
            try {
                line = read(prompt, false);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            try {
                page(session.execute(line), out);
            } catch (CliError e) {
                out.println(Script.format(prompt, e));
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
