package swsh.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A script's lines in a session: errors as {@code line N:}, a secret asked for is the next line, other questions their default. */
class ScriptTest {
    /** A session that asks enable's secret, and a yes/no question on {@code erase}; records what it ran and was told. */
    static final class Asking implements Cli {
        final List<String> ran = new ArrayList<>();
        Asker asker;

        @Override
        public String execute(String line) {
            ran.add(line);
            switch (line) {
                case "enable" -> ran.add("secret=" + asker.ask("Password:", true));
                case "erase" -> ran.add("confirm=" + asker.ask("Erase? [confirm]", false));
                case "bogus" -> throw new CliError("% Invalid input detected at '^' marker.", 0);
                default -> {
                    return line + " done\n";
                }
            }
            return "";
        }

        @Override
        public String prompt() {
            return "S#";
        }

        @Override
        public boolean inConfig() {
            return false;
        }

        @Override
        public List<Help> help(String line) {
            return null;
        }

        @Override
        public List<String> complete(String line) {
            return List.of();
        }

        @Override
        public boolean ended() {
            return false;
        }

        @Override
        public int length() {
            return 0;
        }

        @Override
        public void setAsker(Asker a) {
            asker = a;
        }
    }

    @Test
    void aSecretIsTheNextLineAndOtherQuestionsTakeTheirDefault() {
        Asking s = new Asking();
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int failed = Script.run(s, List.of("enable", "s3cr3t", "erase", "bogus", "show x"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, failed);
        assertEquals(List.of("enable", "secret=s3cr3t", "erase", "confirm=", "bogus", "show x"), s.ran);
        String o = out.toString(StandardCharsets.UTF_8);
        assertEquals("Password:\nErase? [confirm]\nshow x done\n", o);
        assertFalse(o.contains("s3cr3t"));
        assertEquals("line 4: bogus\n        ^\n% Invalid input detected at '^' marker.\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void linesEndAtCrLfAndCrLf() {
        assertEquals(List.of("a", "b", "", "c", "d"), Script.lines("a\r\nb\n\nc\rd\n\n"));
        assertEquals(List.of(""), Script.lines(""));
        assertEquals(List.of("a\u2028b\u0085"), Script.lines("a\u2028b\u0085"), "only CR and LF end a line");
    }
}
