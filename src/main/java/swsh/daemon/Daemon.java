package swsh.daemon;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import swsh.client.Cli;
import swsh.client.CliError;
import swsh.client.Wire;
import swsh.shell.Audit;
import swsh.shell.CliException;
import swsh.shell.Session;
import swsh.shell.Switch;
import swsh.shell.User;

/**
 * swshd: owns the running config and the kernel; every shell is a client on a Unix socket.
 * Who the client is comes from the socket (SO_PEERCRED), never from what it says; every
 * privilege check happens here.
 * <p>
 * Any local user can connect, so nothing a client does may hurt the others: connections are
 * limited per uid and in all ({@link Limits}; refused ones get one line saying why), a client has
 * {@link #HELLO_TIMEOUT} to say hello, a message is at most {@link Wire#MAX_REQUEST} bytes, and
 * the accept loop outlives every error (it backs off and goes on; systemd restarts swshd if the
 * process dies all the same).
 */
public final class Daemon {
    /** How long a new client has to send its hello before it is disconnected. */
    static final long HELLO_TIMEOUT = 30_000;
    /** How long a reply may wait for a client that does not read before the session is dropped. */
    static final long WRITE_TIMEOUT = 120_000;
    private static final int BACKLOG = 128;

    private final Switch sw;
    private final Path socket;
    private final Limits limits;
    private final Origin origin;
    private final long helloTimeout;
    /** vty lines in use; a new session takes the lowest free one, as IOS does. */
    private final java.util.BitSet vtys = new java.util.BitSet();
    /** Names of uids seen, for refusals (an NSS lookup per refused connection could be slow). */
    private final Map<Integer, String> names = new ConcurrentHashMap<>();

    public Daemon(Switch sw, Path socket) {
        this(sw, socket, Limits.defaults(), Origin.system(), HELLO_TIMEOUT);
    }

    Daemon(Switch sw, Path socket, Limits limits, Origin origin, long helloTimeout) {
        this.sw = sw;
        this.socket = socket;
        this.limits = limits;
        this.origin = origin;
        this.helloTimeout = helloTimeout;
    }

    public static Path socketIn(Path runDir) {
        return runDir.resolve("swshd.sock");
    }

    /** One line to swshd's standard error (the journal), never more than one line. */
    static void log(String message) {
        System.err.println("swshd: " + Audit.printable(message, 500));
    }

    /** Accepts clients until the process ends; an error while accepting is logged, waited out and survived. */
    public void serve() throws IOException {
        serve(null);
    }

    /**
     * As {@link #serve()}; once the socket listens, tells systemd the service is ready
     * ({@link Notify}), with {@code status} as the line {@code systemctl status} shows.
     */
    public void serve(String status) throws IOException {
        Files.createDirectories(socket.getParent());
        Files.deleteIfExists(socket);
        // what the error path needs is loaded now: with no descriptor left, no class file can be opened
        UnixServer.Errno.class.getName();
        try (UnixServer server = new UnixServer(socket, BACKLOG)) {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
            Notify.ready(status);
            long backoff = 0;
            int failures = 0;
            while (true) {
                try {
                    UnixServer.Conn c = server.accept();
                    if (failures > 0) log("accepting again after " + failures + " failed accepts");
                    failures = 0;
                    backoff = 0;
                    admit(c);
                } catch (Exception | Error e) {
                    // EMFILE and the like: say so once, wait a little (growing to 1 s), and go on
                    if (failures++ == 0) log("cannot accept a connection: " + why(e) + "; retrying");
                    backoff = Math.min(1000, Math.max(50, backoff * 2));
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** Starts a session for {@code c}, or refuses it politely when its uid or everyone has too many. */
    private void admit(UnixServer.Conn c) {
        Limits.Refusal no = limits.admit(c.uid);
        if (no != null) {
            String msg = no.perUser()
                    ? "% swshd: too many sessions for user " + name(c.uid) + " (" + no.limit() + "); close one and try again"
                    : "% swshd: too many sessions (" + no.limit() + " in all); try again later";
            try {
                c.sendNow(Wire.encode("refused", msg));
            } catch (RuntimeException e) {
                // nothing is sent
            } finally {
                c.close();
            }
            refused(c.uid, msg);
            return;
        }
        int n = takeVty();
        String line = "vty " + n;
        try {
            Thread t = new Thread(() -> {
                try {
                    client(c, line);
                } finally {
                    c.close();
                    releaseVty(n);
                    limits.release(c.uid);
                }
            }, "swshd-" + line);
            t.setDaemon(true);
            t.start();
        } catch (RuntimeException | Error e) {
            c.close();
            releaseVty(n);
            limits.release(c.uid);
            throw e;
        }
    }

    private final Map<Integer, Long> lastRefusalLog = new ConcurrentHashMap<>();

    /** Logs a refusal; at most one line a minute per uid, so a flood does not flood the journal. */
    private void refused(int uid, String msg) {
        long now = System.currentTimeMillis();
        Long last = lastRefusalLog.get(uid);
        if (last != null && now - last < 60_000) return;
        if (lastRefusalLog.size() > 4096) lastRefusalLog.clear();
        lastRefusalLog.put(uid, now);
        log("refused a connection of uid " + uid + ": " + msg.substring(2));
    }

    private String name(int uid) {
        if (names.size() > 4096) names.clear();
        return names.computeIfAbsent(uid, User::nameOf);
    }

    private synchronized int takeVty() {
        int n = vtys.nextClearBit(0);
        vtys.set(n);
        return n;
    }

    private synchronized void releaseVty(int n) {
        vtys.clear(n);
    }

    private void client(UnixServer.Conn c, String line) {
        String who = line + " (uid " + c.uid + ", pid " + c.pid + ")";
        try (Wire wire = new Wire(c.in, c.out, c, Wire.MAX_REQUEST, Wire.REQUEST_FIELDS)) {
            c.writeTimeout(WRITE_TIMEOUT);
            c.readTimeout(helloTimeout);
            String[] hello;
            try {
                hello = wire.receive();
            } catch (SocketTimeoutException e) {
                log(who + ": no hello within " + (helloTimeout % 1000 == 0 ? helloTimeout / 1000 + " s" : helloTimeout + " ms")
                        + "; disconnected");
                return;
            }
            // anything but a hello (an older shell's JSON, garbage) ends the connection unanswered
            if (hello == null || !hello[0].equals("hello")) return;
            c.readTimeout(0);
            String from = origin.of(c.pid, Wire.field(hello, 2, ""));
            boolean tty = Wire.flag(hello, 1, false);
            User user = User.ofUid(c.uid, line, from);
            // scripts of admins start privileged (ssh sw 'conf t ...'); everyone else at user EXEC
            Session s = new Session(sw, user, !tty && user.admin());
            try {
                s.setAsker((q, secret) -> ask(wire, q, secret));
                wire.send(reply(s, "state"));
                for (String[] req; (req = wire.receive()) != null && !s.ended(); ) {
                    wire.send(handle(s, req));
                }
            } finally {
                if (!s.ended()) s.dropped(); // no logout: the connection was cut
                s.close();
            }
        } catch (Wire.TooLong e) {
            log(who + ": " + e.getMessage() + "; disconnected");
        } catch (IOException e) {
            // the client went away; its session is closed
        } catch (RuntimeException e) {
            log("session on " + who + " ended by an internal error: " + why(e));
        }
    }

    /** Asks the client a question in the middle of a command and waits for the answer. */
    private static String ask(Wire wire, String q, boolean secret) {
        try {
            wire.send("ask", Wire.flag(secret), q);
            String[] a = wire.receive();
            return a != null && a[0].equals("answer") ? Wire.field(a, 1, "") : "";
        } catch (IOException e) {
            throw new CliException("% Error: connection lost");
        }
    }

    /** The reply to one request (see {@link Wire}), with the session's state after it. */
    private static String[] handle(Session s, String[] req) {
        String line = Wire.field(req, 1, "");
        switch (req[0]) {
            case "exec" -> {
                try {
                    return reply(s, "out", s.execute(line));
                } catch (CliError e) {
                    return reply(s, "error", e.getMessage(), Integer.toString(e.caret));
                }
            }
            case "help" -> {
                List<Cli.Help> h = s.help(line);
                if (h == null) return reply(s, "nohelp");
                List<String> items = new ArrayList<>(3 * h.size());
                for (Cli.Help x : h) {
                    items.add(x.word());
                    items.add(x.help());
                    items.add(Wire.flag(x.literal()));
                }
                return reply(s, "help", items.toArray(String[]::new));
            }
            case "complete" -> {
                return reply(s, "words", s.complete(line).toArray(String[]::new));
            }
            default -> {
                return reply(s, "error", "% Unknown request", "-1");
            }
        }
    }

    /** A reply: its kind, the session's prompt, mode, state and terminal length, then {@code body}. */
    private static String[] reply(Session s, String kind, String... body) {
        String[] m = new String[5 + body.length];
        m[0] = kind;
        m[1] = s.prompt();
        m[2] = Wire.flag(s.inConfig());
        m[3] = Wire.flag(s.ended());
        m[4] = Integer.toString(s.length());
        System.arraycopy(body, 0, m, 5, body.length);
        return m;
    }

    /**
     * A failure in words for the log: its message, not the Java class it was thrown as. It loads
     * no class: out of descriptors, the JVM cannot open a class file either.
     */
    private static String why(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isEmpty() ? "no detail" : m;
    }
}
