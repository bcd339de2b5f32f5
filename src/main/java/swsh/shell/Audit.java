package swsh.shell;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Configuration audit: each change as an IOS-style message, kept for {@code show logging} and,
 * for a real switch, sent to syslog/the journal (through logger(1), as the JDK has no Unix
 * datagram sockets).
 */
public final class Audit {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM d HH:mm:ss.SSS", Locale.ROOT);
    private static final int KEEP = 500;
    private final Deque<String> recent = new ArrayDeque<>();
    private volatile boolean syslog;

    public void toSyslog(boolean on) {
        syslog = on;
    }

    /** Longest message kept or sent to syslog; a longer one is cut. */
    static final int MAX_MESSAGE = 2048;

    /**
     * Logs {@code message}. Parts of it come from users (command lines, names, where they are
     * from), so control characters are replaced and the length is bounded: a message is one line
     * of plain text in the buffer, in syslog and on an admin's terminal.
     */
    public synchronized void log(String message) {
        message = printable(message, MAX_MESSAGE);
        recent.addLast(STAMP.format(LocalDateTime.now()) + ": " + message);
        while (recent.size() > KEEP) recent.removeFirst();
        if (syslog) {
            try {
                new ProcessBuilder("logger", "-t", "swsh", "-p", "local7.notice", "--", message)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (java.io.IOException e) {
                // no logger(1): the message stays in the buffer for show logging
            }
        }
    }

    public synchronized List<String> recent() {
        return new ArrayList<>(recent);
    }

    /**
     * {@code s} with every character that could move the cursor, start an escape sequence, end a
     * line or reorder text (C0 and C1 controls, DEL, Unicode format and separator characters,
     * unpaired surrogates) replaced by {@code ?}, cut to {@code max} characters.
     */
    public static String printable(String s, int max) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && b.length() < max; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean bad = Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE;
            if (bad) b.append('?');
            else if (b.length() + Character.charCount(cp) <= max) b.appendCodePoint(cp);
            else break;
        }
        return b.toString();
    }

    /** The line IOS logs for each wrong enable secret. */
    static String privAuthFail(User u) {
        return "%SYS-5-PRIV_AUTH_FAIL: Authentication to Privilege level 15 failed by " + u.name() + " on " + u.line()
                + (u.from() == null || u.from().isEmpty() ? "" : " (" + u.from() + ")");
    }

    /** The line IOS's config logger writes for one command. */
    static String command(User u, String line) {
        return "%PARSER-5-CFGLOG_LOGGEDCMD: User:" + u.name() + "  logged command:" + line.strip();
    }

    /** The line IOS writes when a user leaves configuration mode after changing something. */
    static String configured(User u) {
        String where = u.from() == null || u.from().isEmpty() ? "console" : "vty";
        return "%SYS-5-CONFIG_I: Configured from " + where + " by " + u.name()
                + (u.from() == null || u.from().isEmpty() ? "" : " (" + u.from() + ")");
    }
}
