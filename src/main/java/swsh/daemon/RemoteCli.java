package swsh.daemon;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import swsh.grammar.Grammar;
import swsh.shell.Cli;
import swsh.shell.CliException;

/** The shell's side of a session held by swshd. */
public final class RemoteCli implements Cli {
    private final Wire wire;
    private Asker asker = (q, secret) -> "";
    private String prompt = "";
    private boolean config;
    private boolean ended;
    private int length = 24;

    private RemoteCli(Wire wire) {
        this.wire = wire;
    }

    /**
     * Connects to swshd; null when it is not running. When swshd refuses the connection (too many
     * sessions), throws a CliException with its reason.
     */
    public static RemoteCli connect(Path socket, boolean tty) {
        SocketChannel ch;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return null;
        }
        RemoteCli c = new RemoteCli(new Wire(Channels.newInputStream(ch), Channels.newOutputStream(ch), ch, Wire.MAX_REPLY));
        // where this shell says it is from; swshd checks it against the SSH connection it can see
        String ssh = System.getenv("SSH_CLIENT");
        ObjectNode hello = Wire.message().put("tty", tty).put("from", ssh == null ? "" : ssh.split(" ")[0]);
        try {
            c.wire.send(hello);
        } catch (IOException e) {
            // a refusing swshd may have closed already: its reason is still there to read
        }
        c.call(null);
        return c;
    }

    /** Sends a request and answers the daemon's questions until its reply comes. */
    private JsonNode call(ObjectNode req) {
        try {
            if (req != null) wire.send(req);
            while (true) {
                JsonNode r = wire.receive();
                if (r == null) {
                    ended = true;
                    throw new CliException("% Error: connection to swshd closed");
                }
                if (r.has("refused")) {
                    ended = true;
                    close();
                    throw new CliException(r.path("refused").asText());
                }
                if (r.has("ask")) {
                    wire.send(Wire.message().put("answer", asker.ask(r.path("ask").asText(), r.path("secret").asBoolean())));
                    continue;
                }
                prompt = r.path("prompt").asText(prompt);
                config = r.path("config").asBoolean(config);
                ended = r.path("ended").asBoolean(ended);
                length = r.path("length").asInt(length);
                return r;
            }
        } catch (IOException e) {
            ended = true;
            throw new CliException("% Error: connection to swshd lost: " + e.getMessage());
        }
    }

    @Override
    public String prompt() {
        return prompt;
    }

    @Override
    public boolean inConfig() {
        return config;
    }

    @Override
    public String execute(String line) {
        JsonNode r = call(Wire.message().put("op", "exec").put("line", line));
        if (r.has("error")) throw new CliException(r.path("error").asText(), r.path("caret").asInt(-1));
        return r.path("out").asText("");
    }

    @Override
    public List<Grammar.Help> help(String line) {
        JsonNode r = call(Wire.message().put("op", "help").put("line", line));
        if (!r.has("help")) return null;
        List<Grammar.Help> out = new ArrayList<>();
        for (JsonNode h : r.path("help")) {
            out.add(new Grammar.Help(h.path("word").asText(), h.path("help").asText(), h.path("literal").asBoolean()));
        }
        return out;
    }

    @Override
    public List<String> complete(String line) {
        JsonNode r = call(Wire.message().put("op", "complete").put("line", line));
        List<String> out = new ArrayList<>();
        r.path("words").forEach(w -> out.add(w.asText()));
        return out;
    }

    @Override
    public boolean ended() {
        return ended;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public void setAsker(Asker a) {
        this.asker = a;
    }

    @Override
    public void close() {
        try {
            wire.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
