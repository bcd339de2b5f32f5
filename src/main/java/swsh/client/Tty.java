package swsh.client;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

import org.jline.nativ.CLibrary;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.PosixSysTerminal;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.Pty;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * The terminal of an interactive session, taken in two steps so that the prompt can be shown
 * before the line editor is ready: {@link #quiet} puts the tty in the modes the shell reads in
 * (no echo, no line mode, Ctrl-Z not job control) at once, so that what is typed from then on
 * waits in the tty unechoed; {@link #terminal} then builds jline's terminal on it, which reads
 * what was typed and restores the modes {@link #quiet} found when it is closed.
 * <p>
 * This uses jline's JNI terminal directly (the native library ships in the jar, or in the
 * directory named by {@code -Dlibrary.jline.path}), rather than TerminalBuilder, which would
 * look at every kind of terminal jline knows first.
 */
final class Tty {
    private final Pty pty;
    private final Attributes original;
    private final Thread restoreAtExit;

    private Tty(Pty pty, Attributes original) {
        this.pty = pty;
        this.original = original;
        this.restoreAtExit = new Thread(this::restore, "swsh-tty-restore");
    }

    /** Whether stdin and stdout are a terminal and, when they are and jline's native terminal is at hand, that terminal quieted. */
    record Check(boolean isTerminal, Tty tty) {}

    /**
     * Whether stdin and stdout may be a terminal: false when either is surely none (a pipe, a
     * socket, a file, /dev/null), without loading anything. {@link #check} says for sure.
     */
    static boolean devices() {
        return device("/proc/self/fd/0") && device("/proc/self/fd/1");
    }

    private static boolean device(String fd) {
        try {
            // java.io's realpath(3) rather than java.nio's readlink: the one is loaded already, the other not
            String target = new File(fd).getCanonicalPath();
            return target.startsWith("/dev/") && !target.equals("/dev/null");
        } catch (IOException | RuntimeException e) {
            return true; // cannot tell: isatty says
        }
    }

    /**
     * Whether this shell is on a terminal, as {@code System.console() != null} says, asked with
     * isatty(3) through jline's native library, which the terminal needs anyway; when it is, the
     * terminal quieted (or null when jline's native terminal cannot be had).
     */
    static Check check() {
        try {
            if (CLibrary.isatty(0) != 1 || CLibrary.isatty(1) != 1) return new Check(false, null);
        } catch (LinkageError | RuntimeException e) {
            return new Check(System.console() != null, null);
        }
        return new Check(true, quiet());
    }

    /** Quiets stdin's terminal; null when jline's native terminal cannot be had here (then use TerminalBuilder). */
    static Tty quiet() {
        Tty tty;
        try {
            Pty pty = new JniTerminalProvider().current(SystemStream.Output);
            tty = new Tty(pty, pty.getAttr());
            Runtime.getRuntime().addShutdownHook(tty.restoreAtExit);
            pty.setAttr(Interactive.quiet(new Attributes(tty.original)));
        } catch (IOException | RuntimeException | LinkageError e) {
            return null;
        }
        return tty;
    }

    /** jline's terminal on this tty ({@code ansi}); closing it restores the modes the tty had before {@link #quiet}. */
    Terminal terminal() throws IOException {
        Remembered p = new Remembered(pty, original);
        Terminal t = new PosixSysTerminal("swsh", "ansi", p, Charset.defaultCharset(), true, Terminal.SignalHandler.SIG_DFL);
        p.original = null;
        try {
            Runtime.getRuntime().removeShutdownHook(restoreAtExit); // jline's own hook restores them now
        } catch (IllegalStateException exiting) {
            // the hook runs anyway
        }
        return t;
    }

    /** Puts back the modes the tty had before {@link #quiet}. */
    void restore() {
        try {
            pty.setAttr(original);
        } catch (IOException | RuntimeException e) {
            // the terminal is gone
        }
    }

    /** The tty, which tells jline's terminal, while it is made, the modes it had before it was quieted. */
    private static final class Remembered implements Pty {
        private final Pty pty;
        volatile Attributes original;

        Remembered(Pty pty, Attributes original) {
            this.pty = pty;
            this.original = original;
        }

        @Override
        public Attributes getAttr() throws IOException {
            Attributes a = original;
            return a != null ? new Attributes(a) : pty.getAttr();
        }

        @Override
        public void setAttr(Attributes attr) throws IOException {
            pty.setAttr(attr);
        }

        @Override
        public InputStream getMasterInput() throws IOException {
            return pty.getMasterInput();
        }

        @Override
        public OutputStream getMasterOutput() throws IOException {
            return pty.getMasterOutput();
        }

        @Override
        public InputStream getSlaveInput() throws IOException {
            return pty.getSlaveInput();
        }

        @Override
        public OutputStream getSlaveOutput() throws IOException {
            return pty.getSlaveOutput();
        }

        @Override
        public Size getSize() throws IOException {
            return pty.getSize();
        }

        @Override
        public void setSize(Size size) throws IOException {
            pty.setSize(size);
        }

        @Override
        public SystemStream getSystemStream() {
            return pty.getSystemStream();
        }

        @Override
        public TerminalProvider getProvider() {
            return pty.getProvider();
        }

        @Override
        public void close() throws IOException {
            pty.close();
        }
    }
}
