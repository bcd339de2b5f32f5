package swsh.client;

import java.io.File;
import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.charset.Charset;

import org.jline.nativ.CLibrary;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.PosixSysTerminal;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.impl.jni.linux.LinuxNativePty;
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
    private final Line line;
    private final Attributes original;
    private final Thread restoreAtExit;

    private Tty(Line line, Attributes original) {
        this.line = line;
        this.original = original;
        this.restoreAtExit = new Thread("swsh-tty-restore") {
            @Override
            public void run() {
                restore();
            }
        };
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
            Line line = new Line(new JniTerminalProvider());
            tty = new Tty(line, line.getAttr());
            Runtime.getRuntime().addShutdownHook(tty.restoreAtExit);
            line.setAttr(Interactive.quiet(new Attributes(tty.original)));
        } catch (IOException | RuntimeException | LinkageError e) {
            return null;
        }
        return tty;
    }

    /** jline's terminal on this tty ({@code ansi}); closing it restores the modes the tty had before {@link #quiet}. */
    Terminal terminal() throws IOException {
        line.remembered = original;
        Terminal t;
        try {
            t = new PosixSysTerminal("swsh", "ansi", line, Charset.defaultCharset(), true, Terminal.SignalHandler.SIG_DFL);
        } finally {
            line.remembered = null;
        }
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
            line.setAttr(original);
        } catch (IOException | RuntimeException e) {
            // the terminal is gone
        }
    }

    /**
     * jline's JNI pty of stdin and stdout (as {@code LinuxNativePty.current} makes it), with two
     * differences. It keeps the line's speed: jline's modes hold none, so its own sets B0, which
     * on a serial console hangs up the line. And while {@link #remembered} is set, it says the tty
     * has those modes, which jline's terminal takes, as it is made, for the ones to restore.
     */
    private static final class Line extends LinuxNativePty {
        /** The speed bits of c_cflag (CBAUD, CBAUDEX, CIBAUD). */
        private static final long SPEED = 0x100F100FL;
        volatile Attributes remembered;

        Line(TerminalProvider provider) throws IOException {
            super(provider, SystemStream.Output, -1, null, 0, FileDescriptor.in, 1, FileDescriptor.out, ttyname(1));
        }

        @Override
        public Attributes getAttr() throws IOException {
            Attributes a = remembered;
            return a != null ? new Attributes(a) : super.getAttr();
        }

        @Override
        protected CLibrary.Termios toTermios(Attributes a) {
            CLibrary.Termios t = super.toTermios(a);
            CLibrary.Termios now = new CLibrary.Termios();
            if (CLibrary.tcgetattr(getSlave(), now) == 0) {
                t.c_cflag = (t.c_cflag & ~SPEED) | (now.c_cflag & SPEED);
                t.c_ispeed = now.c_ispeed;
                t.c_ospeed = now.c_ospeed;
            }
            return t;
        }
    }
}
