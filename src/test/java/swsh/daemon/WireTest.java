package swsh.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Messages are lines of JSON; a line longer than the limit is refused without being buffered. */
class WireTest {
    /** A stream of {@code size} bytes of 'x' with no newline, counting what was read of it. */
    static final class Endless extends InputStream {
        final long size;
        long read;

        Endless(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read >= size) return -1;
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) return -1;
            int n = (int) Math.min(len, size - read);
            java.util.Arrays.fill(b, off, off + n, (byte) 'x');
            read += n;
            return n;
        }
    }

    @Test
    void tenMegabytesWithoutNewlineStopAtTheLimit() {
        Endless in = new Endless(10L << 20);
        Wire w = new Wire(in, new ByteArrayOutputStream(), () -> {}, Wire.MAX_REQUEST);
        Wire.TooLong e = assertThrows(Wire.TooLong.class, w::receive);
        assertTrue(e.getMessage().contains("1048576"), e.getMessage());
        assertTrue(in.read <= Wire.MAX_REQUEST + 8192, "read no more than the limit and one buffer: " + in.read);
        assertThrows(Wire.TooLong.class, w::receive, "the rest of an over-long message is never taken for a message");
    }

    @Test
    void messagesSplitAnywhereAndTheLastWithoutNewlineAreRead() throws Exception {
        String text = "{\"a\":1}\n{\"b\":\"" + "y".repeat(20000) + "\"}\n{\"c\":3}";
        InputStream slow = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        Wire w = new Wire(slow, new ByteArrayOutputStream(), () -> {}, 30000);
        assertEquals(1, w.receive().path("a").asInt());
        assertEquals(20000, w.receive().path("b").asText().length());
        assertEquals(3, w.receive().path("c").asInt());
        assertNull(w.receive());
    }

    @Test
    void aMessageOfExactlyTheLimitIsFine() throws Exception {
        String body = "{\"k\":\"" + "z".repeat(100 - 8) + "\"}";
        assertEquals(100, body.length());
        Wire w = new Wire(new ByteArrayInputStream((body + "\n" + body + "x\n").getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), () -> {}, 100);
        assertEquals(92, w.receive().path("k").asText().length());
        assertThrows(Wire.TooLong.class, w::receive);
    }
}
