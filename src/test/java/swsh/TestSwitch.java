package swsh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;

import swsh.kernel.FakeKernel;
import swsh.core.ConfigStore;
import swsh.core.Engine;
import swsh.client.Interactive;
import swsh.shell.Replay;
import swsh.shell.Session;
import swsh.shell.Switch;

/** A switch on an in-memory kernel with ports eth1..eth8, and its files in a temp dir. */
public final class TestSwitch {
    public final FakeKernel kernel;
    public final Switch shell;
    public final Engine engine;
    public final Path dir;

    public TestSwitch() {
        this(FakeKernel.of("eth1", "eth2", "eth3", "eth4", "eth5", "eth6", "eth7", "eth8"));
    }

    public TestSwitch(FakeKernel kernel) {
        try {
            this.dir = TempDirs.make("swsh-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.kernel = kernel;
        this.shell = Switch.of(kernel, new ConfigStore(dir.resolve("etc"), dir.resolve("run")), "Switch");
        this.engine = shell.engine;
    }

    /** A privileged session. */
    public Session session() {
        return new Session(shell, true);
    }

    /** Runs script lines in a fresh privileged session; returns stdout, stderr and the failures. */
    public Run script(String... lines) {
        return script(session(), lines);
    }

    public Run script(Session s, String... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int failed = Replay.run(s, List.of(lines), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), failed);
    }

    public record Run(String out, String err, int failed) {}

    /**
     * Types {@code keys} (Enter written as a newline) into the interactive shell on an ANSI
     * terminal of 80x24; returns the screen as the user would see it.
     */
    public String typed(String keys) {
        try {
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            PipedOutputStream feed = new PipedOutputStream();
            PipedInputStream in = new PipedInputStream(feed, 1 << 16);
            ExternalTerminal t = new ExternalTerminal("test", "ansi", in, screen, StandardCharsets.UTF_8);
            t.setSize(new Size(80, 24));
            Attributes attrs = t.getAttributes();
            attrs.setLocalFlag(Attributes.LocalFlag.ECHO, false);
            t.setAttributes(attrs);
            Interactive term = new Interactive(new Session(shell, false), t);
            feed.write(keys.replace("\n", "\r").getBytes(StandardCharsets.UTF_8));
            feed.close();
            term.run();
            t.flush();
            t.close();
            return screen(screen.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a terminal shows for {@code raw}: CR, LF, BS and the ANSI moves, inserts and deletes jline uses. */
    static String screen(String raw) {
        List<StringBuilder> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        lines.add(cur);
        int col = 0, esc = 0;
        StringBuilder arg = new StringBuilder();
        for (char c : raw.toCharArray()) {
            if (esc == 1) {
                esc = c == '[' ? 2 : 0;
                arg.setLength(0);
            } else if (esc == 2) {
                if (Character.isDigit(c) || c == ';' || c == '?') {
                    arg.append(c);
                    continue;
                }
                esc = 0;
                int n = arg.length() == 0 || !Character.isDigit(arg.charAt(0)) ? 1 : Integer.parseInt(arg.toString().split(";")[0]);
                if (c == 'A') {
                    int row = Math.max(0, lines.indexOf(cur) - n);
                    cur = lines.get(row);
                } else if (c == 'C') col += n;
                else if (c == 'D') col = Math.max(0, col - n);
                else if (c == 'K' && col < cur.length()) cur.setLength(col);
                else if (c == 'P' && col < cur.length()) cur.delete(col, Math.min(cur.length(), col + n));
                else if (c == '@' && col < cur.length()) cur.insert(col, " ".repeat(n));
            } else if (c == 27) {
                esc = 1;
            } else if (c == '\r') {
                col = 0;
            } else if (c == '\n') {
                cur = new StringBuilder();
                lines.add(cur);
                col = 0;
            } else if (c == '\b') {
                col = Math.max(0, col - 1);
            } else if (c >= ' ') {
                while (cur.length() < col) cur.append(' ');
                if (col < cur.length()) cur.setCharAt(col, c);
                else cur.append(c);
                col++;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(lines.get(i).toString().stripTrailing());
            if (i < lines.size() - 1) out.append('\n');
        }
        return out.toString();
    }

    /** Waits up to 5 s for {@code check} to hold (the kernel's events and swsh's timers act within milliseconds). */
    public static boolean eventually(java.util.function.BooleanSupplier check) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (check.getAsBoolean()) return true;
            Thread.sleep(50);
        }
        return false;
    }
}
