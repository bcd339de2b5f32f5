package swsh.client;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shell's side of a session held by swshd (see {@link Wire} for the messages). */
public final class RemoteCli implements Cli {
    private final Wire wire;
    private Asker asker = Script.NO_ANSWERS;
    private String prompt = "";
    private boolean config;
    private boolean ended;
    private int length = 24;

    private RemoteCli(Wire wire) {
        this.wire = wire;
    }

    /**
     * Connects to swshd; null when it is not running. When swshd refuses the connection (too many
     * sessions), throws a CliError with its reason.
     */
    public static RemoteCli connect(Path socket, boolean tty) {
        SocketChannel ch = open(socket);
        return ch == null ? null : hello(ch, tty);
    }

    /** The first half of {@link #connect}: a connection to swshd's socket, or null when it is not running. */
    static SocketChannel open(Path socket) {
        try {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                ch.close();
                throw e;
            }
            return ch;
        } catch (IOException e) {
            return null;
        }
    }

    /** The second half of {@link #connect}: says hello on {@code ch} and takes swshd's answer. */
    static RemoteCli hello(SocketChannel ch, boolean tty) {
        RemoteCli c = new RemoteCli(new Wire(Channels.newInputStream(ch), Channels.newOutputStream(ch), ch, Wire.MAX_REPLY));
        // where this shell says it is from; swshd checks it against the SSH connection it can see
        String ssh = System.getenv("SSH_CLIENT");
        String from = ssh == null ? "" : ssh.split(" ")[0];
        try {
            c.wire.send("hello", Wire.flag(tty), from);
        } catch (IOException e) {
            // a refusing swshd may have closed already: its reason is still there to read
        }
        c.call((String[]) null);
        return c;
    }

    /** Sends a request and answers swshd's questions until its reply comes. */
    private String[] call(String... req) {
        try {
            if (req != null) wire.send(req);
            while (true) {
                String[] r = wire.receive();
                if (r == null) {
                    ended = true;
                    throw new CliError("% Error: connection to swshd closed");
                }
                switch (r[0]) {
                    case "refused" -> {
                        ended = true;
                        close();
                        throw new CliError(Wire.field(r, 1, "% swshd refused the connection"));
                    }
                    case "ask" -> {
                        wire.send("answer", asker.ask(Wire.field(r, 2, ""), Wire.flag(r, 1, false)));
                        continue;
                    }
                    default -> {
                        prompt = Wire.field(r, 1, prompt);
                        config = Wire.flag(r, 2, config);
                        ended = Wire.flag(r, 3, ended);
                        length = Wire.number(r, 4, length);
                        return r;
                    }
                }
            }
        } catch (IOException e) {
            ended = true;
            throw new CliError("% Error: connection to swshd lost: " + e.getMessage());
        }
    }

    /** Where a reply's own fields start, after its kind and the session state. */
    private static final int BODY = 5;

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
        String[] r = call("exec", line);
        if (r[0].equals("error")) throw new CliError(Wire.field(r, BODY, "% Error"), Wire.number(r, BODY + 1, -1));
        return r[0].equals("out") ? Wire.field(r, BODY, "") : "";
    }

    @Override
    public List<Help> help(String line) {
        String[] r = call("help", line);
        if (!r[0].equals("help")) return null;
        List<Help> out = new ArrayList<>();
        for (int i = BODY; i + 2 < r.length; i += 3) out.add(new Help(r[i], r[i + 1], r[i + 2].equals("1")));
        return out;
    }

    @Override
    public List<String> complete(String line) {
        String[] r = call("complete", line);
        List<String> out = new ArrayList<>();
        if (r[0].equals("words")) for (int i = BODY; i < r.length; i++) out.add(r[i]);
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
