package swsh.daemon;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One JSON object per line over a Unix socket, both ways. A message longer than the reader's
 * limit is never buffered whole: reading stops at the limit with {@link TooLong}.
 */
final class Wire implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The longest message swshd takes from a shell: one command line or answer, with room to spare. */
    static final int MAX_REQUEST = 1 << 20;
    /** The longest message a shell takes from swshd (the output of one command). */
    static final int MAX_REPLY = 256 << 20;

    /** A message longer than the limit. */
    static final class TooLong extends IOException {
        TooLong(int limit) {
            super("message longer than " + limit + " bytes");
        }
    }

    private final InputStream in;
    private final OutputStream out;
    private final Closeable closer;
    private final int limit;
    private final byte[] buf = new byte[8192];
    private int pos, end;
    /** Set once a message was too long: the stream is then in the middle of it, so nothing more is read. */
    private boolean broken;

    Wire(InputStream in, OutputStream out, Closeable closer, int limit) {
        this.in = in;
        this.out = out;
        this.closer = closer;
        this.limit = limit;
    }

    static ObjectNode message() {
        return JSON.createObjectNode();
    }

    synchronized void send(ObjectNode m) throws IOException {
        out.write((JSON.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next message, or null at end of stream. */
    JsonNode receive() throws IOException {
        if (broken) throw new TooLong(limit);
        byte[] line = new byte[256];
        int n = 0;
        while (true) {
            if (pos == end) {
                int r = in.read(buf, 0, buf.length);
                if (r < 0) {
                    if (n == 0) return null;
                    break; // a last message without its newline
                }
                pos = 0;
                end = r;
            }
            int nl = pos;
            while (nl < end && buf[nl] != '\n') nl++;
            int take = nl - pos;
            if (n + take > limit) {
                broken = true;
                throw new TooLong(limit);
            }
            if (n + take > line.length) line = Arrays.copyOf(line, Math.min(limit, Math.max(n + take, line.length * 2)));
            System.arraycopy(buf, pos, line, n, take);
            n += take;
            pos = nl;
            if (nl < end) {
                pos++; // the newline
                break;
            }
        }
        return JSON.readTree(line, 0, n);
    }

    @Override
    public void close() throws IOException {
        closer.close();
    }
}
