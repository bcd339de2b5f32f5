package swsh.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The messages between a shell and swshd over the Unix socket, both ways: one message per line,
 * its fields separated by TAB, each field escaped so that it holds no raw TAB, LF or CR
 * ({@code \\}, {@code \t}, {@code \n}, {@code \r}; a backslash before anything else stands for
 * itself). The first field names the message; booleans are {@code 1}/{@code 0}.
 * <pre>
 * shell to swshd   hello TTY FROM            first; FROM is the address in $SSH_CLIENT, or empty
 *                  exec LINE | help LINE | complete LINE
 *                  answer TEXT               to an ask
 * swshd to shell   refused MESSAGE           instead of anything else; then the socket closes
 *                  ask SECRET QUESTION       in the middle of a command
 *                  KIND PROMPT CONFIG ENDED LENGTH ...   the reply to hello or to a request:
 *                    state                   (to the hello)
 *                    out TEXT
 *                    error MESSAGE CARET     CARET -1 for none
 *                    help WORD HELP LITERAL ...  (a triple per item)
 *                    nohelp                  nothing can follow the line
 *                    words WORD ...
 * </pre>
 * A message longer than the reader's limit is never buffered whole: reading stops at the limit
 * with {@link TooLong}. This class is the client's too: it uses nothing but java.base.
 */
public final class Wire implements AutoCloseable {
    /** The longest message swshd takes from a shell: one command line or answer, with room to spare. */
    public static final int MAX_REQUEST = 1 << 20;
    /** The longest message a shell takes from swshd (the output of one command). */
    public static final int MAX_REPLY = 256 << 20;
    /** The most fields swshd decodes of a shell's message (a hello has three); the rest are ignored. */
    public static final int REQUEST_FIELDS = 3;

    private static final String[] NONE = new String[0];

    /** A message longer than the limit. */
    public static final class TooLong extends IOException {
        TooLong(int limit) {
            super("message longer than " + limit + " bytes");
        }
    }

    private final InputStream in;
    private final OutputStream out;
    private final Closeable closer;
    private final int limit;
    private final int maxFields;
    private final byte[] buf = new byte[8192];
    private int pos, end;
    /** Set once a message was too long: the stream is then in the middle of it, so nothing more is read. */
    private boolean broken;

    /** A wire whose messages are at most {@code limit} bytes, all their fields decoded. */
    public Wire(InputStream in, OutputStream out, Closeable closer, int limit) {
        this(in, out, closer, limit, Integer.MAX_VALUE);
    }

    /** A wire that decodes at most {@code maxFields} fields of a message (swshd's side). */
    public Wire(InputStream in, OutputStream out, Closeable closer, int limit, int maxFields) {
        this.in = in;
        this.out = out;
        this.closer = closer;
        this.limit = limit;
        this.maxFields = maxFields;
    }

    /** One message, newline included. */
    public static byte[] encode(String... fields) {
        int size = fields.length;
        for (String f : fields) size += f.length() + 8;
        StringBuilder sb = new StringBuilder(size);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) sb.append('\t');
            String f = fields[i];
            for (int j = 0, n = f.length(); j < n; j++) {
                char c = f.charAt(j);
                switch (c) {
                    case '\\' -> sb.append("\\\\");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(c);
                }
            }
        }
        sb.append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The fields of one message (without its newline); at most {@code max} of them. Bytes that are not UTF-8 become U+FFFD. */
    public static String[] decode(byte[] b, int off, int len, int max) {
        if (max <= 0) return NONE;
        int count = 1;
        for (int i = off, e = off + len; i < e && count < max; i++) if (b[i] == '\t') count++;
        String[] fields = new String[count];
        int start = off, e = off + len;
        for (int k = 0; k < count; k++) {
            int stop = start;
            while (stop < e && b[stop] != '\t') stop++;
            fields[k] = field(b, start, stop);
            start = stop + 1;
        }
        return fields;
    }

    private static String field(byte[] b, int from, int to) {
        if (from >= to) return "";
        int bs = from;
        while (bs < to && b[bs] != '\\') bs++;
        if (bs == to) return new String(b, from, to - from, StandardCharsets.UTF_8);
        byte[] raw = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '\\' && i + 1 < to) {
                byte x = b[i + 1];
                byte v = x == '\\' ? (byte) '\\' : x == 't' ? (byte) '\t' : x == 'n' ? (byte) '\n' : x == 'r' ? (byte) '\r' : 0;
                if (v != 0) {
                    raw[n++] = v;
                    i++;
                    continue;
                }
            }
            raw[n++] = c;
        }
        return new String(raw, 0, n, StandardCharsets.UTF_8);
    }

    /** Sends one message (whole: concurrent senders never interleave). */
    public void send(String... fields) throws IOException {
        byte[] m = encode(fields);
        synchronized (this) {
            out.write(m);
            out.flush();
        }
    }

    /** The fields of the next message, or null at end of stream. */
    public String[] receive() throws IOException {
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
        return decode(line, 0, n, maxFields);
    }

    /** Field {@code i} of a message, or {@code dflt} when it has fewer. */
    public static String field(String[] m, int i, String dflt) {
        return i < m.length ? m[i] : dflt;
    }

    /** Field {@code i} as a number, or {@code dflt} when missing or not a number. */
    public static int number(String[] m, int i, int dflt) {
        String s = field(m, i, "");
        if (s.isEmpty() || s.length() > 11) return dflt;
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** Field {@code i} as a boolean ({@code 1}), or {@code dflt} when missing. */
    public static boolean flag(String[] m, int i, boolean dflt) {
        return i < m.length ? m[i].equals("1") : dflt;
    }

    public static String flag(boolean b) {
        return b ? "1" : "0";
    }

    @Override
    public void close() throws IOException {
        closer.close();
    }
}
