package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import swsh.client.Interactive;
import swsh.shell.Session;

/**
 * The editing keys of xterm, rxvt, tmux, screen, the Linux console and PuTTY on the shell's
 * {@code ansi} terminal, and Ctrl-Z. Each key case types a line at the user prompt that must come
 * out as {@code show privilege} and run.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LineEditingTest {
    static final String E = "\u001b";
    static final String RAN = "Switch>show privilege\nCurrent privilege level is 1\n";

    /** Leftovers of a key sequence typed as text, like the {@code [3~} Delete once left. */
    static final Pattern KEY_CODE = Pattern.compile("\\[[0-9;\\[]*[A-Za-z~^$@]|O[A-Za-z]\\b|~");

    static Stream<Arguments> keys() {
        List<Arguments> a = new java.util.ArrayList<>();
        for (String home : List.of("[H", "OH", "[1~", "[7~", "[1;5H", "[7^")) {
            a.add(Arguments.of("Home " + home, "how privilege" + E + home + "s"));
        }
        for (String end : List.of("[F", "OF", "[4~", "[8~", "[1;5F", "Ow", "[8^")) {
            a.add(Arguments.of("End " + end, "show\u0001" + E + end + " privilege"));
        }
        for (String del : List.of("[3~", "[3;2~")) {
            a.add(Arguments.of("Delete " + del, "xshow privilege\u0001" + E + del));
        }
        // Insert is quietly ignored: no text, and no overwrite mode either
        for (String ins : List.of("[2~", "[L")) {
            a.add(Arguments.of("Insert " + ins, "how privilege\u0001" + E + ins + "s"));
        }
        for (String left : List.of("[D", "[1;2D")) {
            a.add(Arguments.of("Left " + left, "show rivilege" + (E + left).repeat(8) + "p"));
        }
        for (String right : List.of("[C", "[1;2C")) {
            a.add(Arguments.of("Right " + right, "sow privilege\u0001" + E + right + "h"));
        }
        // word moves: xterm Ctrl and Alt, old xterm, rxvt, PuTTY (Ctrl sends ESC O D in normal mode),
        // Alt-b/Alt-f (ESC b / ESC f, IOS's Esc B / Esc F) and Alt-arrow as ESC + arrow
        for (String wleft : List.of("[1;5D", "[1;3D", "[5D", "Od", "OD", "b", E + "[D")) {
            a.add(Arguments.of("word left " + wleft, "privilege" + E + wleft + "show "));
        }
        for (String wright : List.of("[1;5C", "[1;3C", "[5C", "Oc", "OC", "f", E + "[C")) {
            a.add(Arguments.of("word right " + wright, "show rivilege\u0001" + E + wright + "p"));
        }
        // keys with no meaning here type nothing: Page Up/Down, F1 (xterm, VT220, Linux), F5, F12
        for (String none : List.of("[5~", "[6~", "OP", "[11~", "[[A", "[15~", "[24~", "[1;5P", "[5;5~")) {
            a.add(Arguments.of("ignored " + none, "show " + E + none + "privilege"));
        }
        // ESC then Enter runs the line
        a.add(Arguments.of("ESC Enter", "show privilege" + E + "\r"));
        return a.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void editingKeys(String name, String keys) {
        String screen = new TestSwitch().typed(keys + "\n");
        assertTrue(screen.contains(RAN), name + ":\n" + screen);
        assertFalse(KEY_CODE.matcher(screen).find(), name + " left a key code on the screen:\n" + screen);
    }

    @ParameterizedTest(name = "Up {0}")
    @MethodSource("upDown")
    void upAndDownRecallHistoryInBothCursorKeyModes(String up, String down) {
        String screen = new TestSwitch().typed("show privilege\n" + up + "\n");
        assertEquals(2, screen.split(Pattern.quote(RAN), -1).length - 1, screen);
        screen = new TestSwitch().typed("xyz\nshow privilege\n" + up + up + down + "\n");
        assertEquals(2, screen.split(Pattern.quote(RAN), -1).length - 1, screen);
    }

    static Stream<Arguments> upDown() {
        return Stream.of(Arguments.of(E + "[A", E + "[B"), Arguments.of(E + "OA", E + "OB"),
                Arguments.of(E + "[1;5A", E + "[1;5B"), Arguments.of(E + "Oa", E + "Ob"));
    }

    @Test
    void keysTranscriptLeavesNoKeyCodes() throws IOException {
        String keys = Files.readString(TranscriptTest.DIR.resolve("keys.in"));
        assertTrue(keys.contains(E + "[3~"), "keys.in types Delete as the terminal sends it");
        String screen = new TestSwitch().typed(keys);
        assertFalse(screen.contains("[3~"), screen);
        assertFalse(KEY_CODE.matcher(screen).find(), screen);
        assertTrue(screen.contains("\n shutdown\n") && screen.contains(" description zero two three four\n"), screen);
    }

    /**
     * A lone ESC does nothing once the ambiguous-binding timeout passes: the next key is just
     * typed. So do the starts of sequences, ESC O and ESC [, that never finish.
     */
    @Test
    void loneEscapeThenAPauseIsNothing() {
        String screen = TestSwitch.screen(raw(Interactive.AMBIGUOUS_MS + 300,
                "sh" + E, "ow privilege\rshow privilege" + E + "O", "\rshow privilege" + E + "[", "\r"));
        assertEquals(3, screen.split(Pattern.quote(RAN), -1).length - 1, screen);
    }

    @Test
    void escapeAtTheEndOfInputEndsTheSession() {
        String screen = new TestSwitch().typed("show privilege\n" + E);
        assertTrue(screen.contains(RAN), screen);
        screen = new TestSwitch().typed("show privilege\n" + E + "[");
        assertTrue(screen.contains(RAN), screen);
    }

    /** Typing plain lines, as automation clients do, draws no escape codes at all. */
    @Test
    void plainTypingWritesNoEscapeCodes() {
        String out = raw(0, "enable\nterminal length 0\nconfigure terminal\nvlan 62\nend\nshow vlan brief\nexit\n");
        assertFalse(out.contains(E), out);
        for (String cmd : List.of("enable", "terminal length 0", "configure terminal", "vlan 62", "end")) {
            assertEquals(1, out.split(Pattern.quote(cmd + "\r"), -1).length - 1, "'" + cmd + "' echoed once in:\n" + out);
        }
    }

    @Test
    void ctrlZShowsCaretZAndRunsEnd() {
        TestSwitch sw = new TestSwitch();
        String screen = sw.typed("en\nconf t\nvlan 5\nname five\u001a\nshow history\n" + E + "[A" + E + "[A\n");
        assertTrue(screen.contains("Switch(config-vlan)#^Z\nSwitch#\nSwitch#show history\n"), screen);
        // the session ran "end": its history says so, and so does the line editor's (Up Up recalls it)
        assertTrue(screen.contains("  vlan 5\n  end\n  show history\n"), screen);
        assertTrue(screen.contains("\nSwitch#end\n"), screen);
        // the line typed before Ctrl-Z is dropped, as it was when Ctrl-Z typed "end"
        assertFalse(sw.script("show vlan brief").out().contains("five"));
        assertTrue(sw.script("show vlan brief").out().contains("VLAN0005"));
    }

    /** Ctrl-Z outside the config modes does nothing. */
    @Test
    void ctrlZInExecModeDoesNothing() {
        String screen = new TestSwitch().typed("show priv\u001aile\u001a\n");
        assertTrue(screen.contains("Switch>show privile\n"), screen);
        assertFalse(screen.contains("^Z"), screen);
    }

    /**
     * Types {@code chunks} into the shell on an ansi 80x24 terminal, pausing {@code pauseMs}
     * between them; returns everything the shell wrote.
     */
    static String raw(long pauseMs, String... chunks) {
        try {
            TestSwitch sw = new TestSwitch();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PipedOutputStream feed = new PipedOutputStream();
            PipedInputStream in = new PipedInputStream(feed, 1 << 16);
            ExternalTerminal t = new ExternalTerminal("test", "ansi", in, out, StandardCharsets.UTF_8);
            t.setSize(new Size(80, 24));
            Attributes attrs = t.getAttributes();
            attrs.setLocalFlag(Attributes.LocalFlag.ECHO, false);
            t.setAttributes(attrs);
            Interactive shell = new Interactive(new Session(sw.shell, false), t);
            Thread typist = new Thread(() -> {
                try (feed) {
                    for (int i = 0; i < chunks.length; i++) {
                        if (i > 0) Thread.sleep(pauseMs);
                        feed.write(chunks[i].replace("\n", "\r").getBytes(StandardCharsets.UTF_8));
                        feed.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            typist.start();
            shell.run();
            t.flush();
            t.close();
            typist.join();
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
