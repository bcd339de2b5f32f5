package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import swsh.grammar.CliException;
import swsh.grammar.Command;
import swsh.grammar.Grammar;
import swsh.grammar.Mode;
import swsh.grammar.ParamType;
import swsh.grammar.Token;
import swsh.shell.Session;

/**
 * A seeded sweep over every command path in every mode (and its {@code no} form): the line,
 * typed with random unique abbreviations, parses to the same command; {@code ?} before each
 * token offers it; TAB completes each abbreviated keyword to it; executing never throws
 * anything but an IOS error.
 */
class SweepTest {
    private static final List<String> SETUP_IF = List.of("configure terminal", "interface eth1");

    static List<String> setup(Mode m) {
        return switch (m) {
            case USER, EXEC -> List.of();
            case CONFIG -> List.of("configure terminal");
            case IF -> SETUP_IF;
            case IF_RANGE -> List.of("configure terminal", "interface range eth1 - 2");
            case VLAN -> List.of("configure terminal", "vlan 10");
        };
    }

    static String sample(Token t, Random rnd) {
        String d = t.type.display;
        if (d.startsWith("<")) {
            long lo = Long.parseLong(d.substring(1, d.indexOf('-'))), hi = Long.parseLong(d.substring(d.indexOf('-') + 1, d.length() - 1));
            long[] picks = {lo, hi, lo + (long) (rnd.nextDouble() * (hi - lo))};
            return Long.toString(picks[rnd.nextInt(3)]);
        }
        return switch (d) {
            case "H.H.H" -> "0050.7966.68" + String.format("%02x", rnd.nextInt(256));
            case "A.B.C.D" -> rnd.nextBoolean() ? "255.255.255.0" : "10.1.2.3";
            case "A.B.C.D/nn" -> "10.0.0." + (1 + rnd.nextInt(200)) + "/24";
            default -> t.type.source == ParamType.Source.VLANS ? List.of("10", "20-22", "5,7,9-11").get(rnd.nextInt(3))
                    : t.type.source == ParamType.Source.INTERFACES ? "eth" + (1 + rnd.nextInt(4))
                    : t.type.restOfLine ? "a b c" : List.of("alpha", "core-1").get(rnd.nextInt(2));
        };
    }

    @Test
    void everyCommandInEveryModeAgreesAcrossParseTabAndHelp() {
        Random rnd = new Random(20261122L);
        Grammar g = new TestSwitch().engine.grammar;
        int checked = 0;
        for (Command c : g.commands()) {
            for (Mode m : c.modes) {
                for (boolean no : new boolean[] {false, true}) {
                    if (no && !c.hasNo()) continue;
                    for (List<Token> path : c.paths()) {
                        if (m == Mode.USER && !g.accepts(Mode.USER, line(path, rnd, false))) continue;
                        checkPath(g, m, c, path, no, rnd);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 150, "swept " + checked + " command paths");
    }

    private static String line(List<Token> path, Random rnd, boolean abbreviate) {
        StringBuilder sb = new StringBuilder();
        for (Token t : path) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(t.isKeyword() ? t.keyword : sample(t, rnd));
        }
        return sb.toString();
    }

    private static void checkPath(Grammar g, Mode m, Command c, List<Token> path, boolean no, Random rnd) {
        TestSwitch sw = new TestSwitch();
        Session s = new Session(sw.engine, m != Mode.USER);
        for (String l : setup(m)) s.execute(l);
        assertEquals(m, s.mode());
        StringBuilder typed = new StringBuilder(no ? "no " : "");
        for (Token t : path) {
            String before = typed.toString();
            List<Grammar.Help> help = g.help(m, before, p -> List.of("eth1", "eth2", "10"));
            assertNotNull(help, "? after '" + before + "' in " + m);
            assertTrue(help.stream().anyMatch(h -> h.word().equals(t.display())), "? after '" + before + "' offers " + t.display());
            String word;
            if (t.isKeyword()) {
                int k = 1 + rnd.nextInt(t.keyword.length());
                String prefix = t.keyword.substring(0, k);
                List<String> tab = g.complete(m, before + prefix, p -> List.of());
                assertTrue(tab.contains(t.keyword), "TAB on '" + before + prefix + "' offers " + t.keyword);
                word = tab.size() == 1 ? prefix : t.keyword;
            } else {
                word = sample(t, rnd);
            }
            typed.append(word).append(' ');
            if (t.type != null && t.type.restOfLine) break;
        }
        String line = typed.toString().strip();
        Grammar.Match match;
        try {
            match = g.parse(m, line);
        } catch (CliException e) {
            throw new AssertionError(m + ": '" + line + "' -> " + e.getMessage() + " at " + e.caret);
        }
        assertEquals(c, match.command(), line);
        assertEquals(no, match.no(), line);
        assertTrue(g.help(m, line + " ", p -> List.of()).stream().anyMatch(h -> h.word().equals("<cr>")), "<cr> after " + line);
        try {
            s.execute(line);
        } catch (CliException e) {
            assertFalse(e.getMessage().startsWith(Session.INTERNAL), line + " -> " + e.getMessage());
            assertTrue(LayoutTest.ANSIBLE_ERRORS.stream().anyMatch(p -> p.matcher(e.getMessage()).find()),
                    "automation clients must see this as an error: " + line + " -> " + e.getMessage());
        }
    }

    @Test
    void unknownWordsGetTheCaretUnderTheirFirstCharacter() {
        Grammar g = new TestSwitch().engine.grammar;
        for (String line : new ArrayList<>(List.of("show vlan bogus", "configure terminal extra", "show mac address-table vlan 0"))) {
            CliException e = org.junit.jupiter.api.Assertions.assertThrows(CliException.class, () -> g.parse(Mode.EXEC, line));
            assertEquals(line.lastIndexOf(' ') + 1, e.caret, line);
        }
        CliException amb = org.junit.jupiter.api.Assertions.assertThrows(CliException.class, () -> g.parse(Mode.EXEC, "c"));
        assertEquals("% Ambiguous command:  \"c\"", amb.getMessage());
    }
}
