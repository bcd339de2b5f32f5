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

    public synchronized void log(String message) {
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
