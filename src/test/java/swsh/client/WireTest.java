package swsh.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A message is a line of TAB-separated escaped fields: every string comes back as it was sent; a
 * line longer than the limit is refused without being buffered; hostile bytes decode to something
 * harmless and never to more fields than asked for.
 */
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

    /** An input stream that hands out at most 7 bytes a read. */
    static InputStream slow(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }

    static Wire reading(byte[] bytes, int limit) {
        return new Wire(slow(bytes), new ByteArrayOutputStream(), () -> {}, limit);
    }

    static String[] roundTrip(String... fields) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Wire(InputStream.nullInputStream(), out, () -> {}, 100).send(fields);
        byte[] bytes = out.toByteArray();
        assertEquals('\n', bytes[bytes.length - 1]);
        for (int i = 0; i < bytes.length - 1; i++) assertFalse(bytes[i] == '\n' || bytes[i] == '\r', "a raw line end inside");
        return reading(bytes, Wire.MAX_REPLY).receive();
    }

    @Test
    void everyStringComesBackAsItWasSent() throws Exception {
        String[] tricky = {"exec", "", "\t", "\n", "\r\n", "\\", "\\t", "\\\\n", "a\tb\nc\rd\\e", "trailing\\", "\\x\\q",
                "% Invalid input detected at '^' marker.\n", "héllo wörld ✓ 𝄞", "\u0000\u001b[2J\u009b", "  spaces  "};
        assertArrayEquals(tricky, roundTrip(tricky));
        Random rnd = new Random(42);
        char[] alphabet = {'a', 'Z', ' ', '\t', '\n', '\r', '\\', 't', 'n', 'r', '\u0000', 'é', '✓', '\u2028', '\u0085'};
        for (int i = 0; i < 2000; i++) {
            String[] fields = new String[1 + rnd.nextInt(6)];
            for (int f = 0; f < fields.length; f++) {
                StringBuilder sb = new StringBuilder();
                for (int n = rnd.nextInt(20); n > 0; n--) sb.append(alphabet[rnd.nextInt(alphabet.length)]);
                fields[f] = sb.toString();
            }
            assertArrayEquals(fields, roundTrip(fields));
        }
    }

    @Test
    void aLargeOutputRoundTrips() throws Exception {
        String big = ("Gi0/1   connected    1  a-full a-1000 10/100/1000BaseTX\t\\\n").repeat(50_000);
        assertArrayEquals(new String[] {"out", "Switch#", "0", "0", "24", big}, roundTrip("out", "Switch#", "0", "0", "24", big));
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
        String text = "hello\t1\t\nexec\t" + "y".repeat(20000) + "\nanswer\tok";
        Wire w = reading(text.getBytes(StandardCharsets.UTF_8), 30000);
        assertArrayEquals(new String[] {"hello", "1", ""}, w.receive());
        assertEquals(20000, w.receive()[1].length());
        assertArrayEquals(new String[] {"answer", "ok"}, w.receive());
        assertNull(w.receive());
        assertNull(w.receive(), "and stays at the end");
    }

    @Test
    void aMessageOfExactlyTheLimitIsFine() throws Exception {
        String body = "exec\t" + "z".repeat(100 - 5);
        assertEquals(100, body.length());
        Wire w = reading((body + "\n" + body + "x\n").getBytes(StandardCharsets.UTF_8), 100);
        assertEquals(95, w.receive()[1].length());
        assertThrows(Wire.TooLong.class, w::receive);
    }

    @Test
    void hostileBytesDecodeHarmlessly() throws Exception {
        byte[] bad = {'e', 'x', 'e', 'c', '\t', (byte) 0xff, 'a', (byte) 0xc3, '\t', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '\\', '\n'};
        String[] m = reading(bad, 100).receive();
        assertArrayEquals(new String[] {"exec", "\ufffda\ufffd", new String(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, StandardCharsets.UTF_8) + "\\"},
                m, "not UTF-8: U+FFFD; the lone backslash is itself");
        assertTrue(m[2].chars().noneMatch(c -> Character.isSurrogate((char) c)), "no half of a surrogate pair: " + m[2]);
        // escapes other than \\ \t \n \r stand for themselves; a message of nothing is one empty field
        byte[] odd = "\\a\\\\\\\t".getBytes(StandardCharsets.UTF_8); // \a\\\ then TAB
        assertArrayEquals(new String[] {"\\a\\\\", ""}, Wire.decode(odd, 0, odd.length, 9));
        assertArrayEquals(new String[] {""}, Wire.decode(new byte[0], 0, 0, 9));
        // a line of a million TABs gives swshd at most the fields it reads, and no more
        byte[] tabs = new byte[1 << 20];
        java.util.Arrays.fill(tabs, (byte) '\t');
        String[] few = Wire.decode(tabs, 0, tabs.length, Wire.REQUEST_FIELDS);
        assertArrayEquals(new String[] {"", "", ""}, few);
        String[] capped = Wire.decode("exec\tline\twith\tmore".getBytes(StandardCharsets.UTF_8), 0, 19, 2);
        assertArrayEquals(new String[] {"exec", "line"}, capped, "the rest of the message is ignored");
    }

    @Test
    void fieldsReadLeniently() {
        String[] m = {"out", "Switch#", "1", "x", "99999999999999"};
        assertEquals("Switch#", Wire.field(m, 1, "?"));
        assertEquals("?", Wire.field(m, 9, "?"));
        assertTrue(Wire.flag(m, 2, false));
        assertFalse(Wire.flag(m, 3, true), "only 1 is true");
        assertTrue(Wire.flag(m, 7, true), "a missing flag keeps its default");
        assertEquals(24, Wire.number(m, 3, 24));
        assertEquals(24, Wire.number(m, 4, 24), "too large");
        assertEquals(24, Wire.number(m, 8, 24));
        assertEquals(-1, Wire.number(new String[] {"e", "-1"}, 1, 5));
    }

    @Test
    void lonelySurrogatesBecomeQuestionMarks() throws Exception {
        assertArrayEquals(new String[] {"a?b"}, roundTrip("a\ud800b"));
    }
}
