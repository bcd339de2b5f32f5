package swsh.daemon;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import swsh.grammar.Grammar;
import swsh.shell.CliException;
import swsh.shell.Session;
import swsh.shell.Switch;
import swsh.shell.User;

/**
 * swshd: owns the running config and the kernel; every shell is a client on a Unix socket.
 * Who the client is comes from the socket (SO_PEERCRED), never from what it says; every
 * privilege check happens here.
 */
public final class Daemon {
    private final Switch sw;
    private final Path socket;
    /** vty lines in use; a new session takes the lowest free one, as IOS does. */
    private final java.util.BitSet vtys = new java.util.BitSet();

    public Daemon(Switch sw, Path socket) {
        this.sw = sw;
        this.socket = socket;
    }

    public static Path socketIn(Path runDir) {
        return runDir.resolve("swshd.sock");
    }

    /** Accepts clients until the process ends. */
    public void serve() throws IOException {
        Files.createDirectories(socket.getParent());
        Files.deleteIfExists(socket);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
            while (true) {
                SocketChannel ch = server.accept();
                int n = takeVty();
                String line = "vty " + n;
                Thread t = new Thread(() -> {
                    try {
                        client(ch, line);
                    } finally {
                        releaseVty(n);
                    }
                }, "swshd-" + line);
                t.setDaemon(true);
                t.start();
            }
        }
    }

    private synchronized int takeVty() {
        int n = vtys.nextClearBit(0);
        vtys.set(n);
        return n;
    }

    private synchronized void releaseVty(int n) {
        vtys.clear(n);
    }

    private void client(SocketChannel ch, String line) {
        try (Wire wire = new Wire(ch)) {
            UnixDomainPrincipal peer = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
            JsonNode hello = wire.receive();
            if (hello == null) return;
            String from = hello.path("from").asText("");
            boolean tty = hello.path("tty").asBoolean(false);
            User user = User.of(peer.user().getName(), line, from);
            // scripts of admins start privileged (ssh sw 'conf t ...'); everyone else at user EXEC
            Session s = new Session(sw, user, !tty && user.admin());
            try {
                s.setAsker((q, secret) -> ask(wire, q, secret));
                wire.send(state(s, Wire.message()));
                for (JsonNode req; (req = wire.receive()) != null && !s.ended(); ) {
                    wire.send(state(s, handle(s, req)));
                }
            } finally {
                s.close();
            }
        } catch (IOException e) {
            // the client went away; its session is closed
        } catch (RuntimeException e) {
            System.err.println("swshd: session on " + line + " ended by an internal error: " + e);
        }
    }

    /** Asks the client a question in the middle of a command and waits for the answer. */
    private static String ask(Wire wire, String q, boolean secret) {
        try {
            ObjectNode m = Wire.message().put("ask", q).put("secret", secret);
            wire.send(m);
            JsonNode a = wire.receive();
            return a == null ? "" : a.path("answer").asText("");
        } catch (IOException e) {
            throw new CliException("% Error: connection lost");
        }
    }

    private static ObjectNode handle(Session s, JsonNode req) {
        ObjectNode r = Wire.message();
        String line = req.path("line").asText("");
        switch (req.path("op").asText()) {
            case "exec" -> {
                try {
                    r.put("out", s.execute(line));
                } catch (CliException e) {
                    r.put("error", e.getMessage()).put("caret", e.caret);
                }
            }
            case "help" -> {
                List<Grammar.Help> h = s.help(line);
                if (h != null) {
                    ArrayNode a = r.putArray("help");
                    for (Grammar.Help x : h) a.addObject().put("word", x.word()).put("help", x.help()).put("literal", x.literal());
                }
            }
            case "complete" -> {
                ArrayNode a = r.putArray("words");
                s.complete(line).forEach(a::add);
            }
            default -> r.put("error", "% Unknown request");
        }
        return r;
    }

    private static ObjectNode state(Session s, ObjectNode m) {
        return m.put("prompt", s.prompt()).put("config", s.inConfig()).put("ended", s.ended()).put("length", s.length());
    }
}
