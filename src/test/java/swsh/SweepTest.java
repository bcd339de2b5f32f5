package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import swsh.commands.Context;
import swsh.commands.Modes;
import swsh.commands.Types;
import swsh.grammar.Command;
import swsh.grammar.Grammar;
import swsh.grammar.Mode;
import swsh.grammar.ParseException;
import swsh.grammar.Token;
import swsh.shell.CliException;
import swsh.shell.Errors;
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
        if (m == Modes.CONFIG) return List.of("configure terminal");
        if (m == Modes.IF) return SETUP_IF;
        if (m == Modes.IF_RANGE) return List.of("configure terminal", "interface range eth1 - 2");
        if (m == Modes.VLAN) return List.of("configure terminal", "vlan 10");
        if (m == Modes.ARCHIVE) return List.of("configure terminal", "archive");
        return List.of();
    }

    static String sample(Token t, Random rnd) {
        String d = t.type().display();
        if (d.startsWith("<")) {
            long lo = Long.parseLong(d.substring(1, d.indexOf('-'))), hi = Long.parseLong(d.substring(d.indexOf('-') + 1, d.length() - 1));
            long[] picks = {lo, hi, lo + (long) (rnd.nextDouble() * (hi - lo))};
            return Long.toString(picks[rnd.nextInt(3)]);
        }
        return switch (d) {
            case "H.H.H" -> "0050.7966.68" + String.format("%02x", rnd.nextInt(256));
            case "A.B.C.D" -> rnd.nextBoolean() ? "255.255.255.0" : "10.1.2.3";
            case "A.B.C.D/nn" -> "10.0.0." + (1 + rnd.nextInt(200)) + "/24";
            case "URL" -> List.of("nvram:startup-config", "flash:archive/config-1").get(rnd.nextInt(2));
            case "flash:NAME" -> "flash:archive/config";
            case "HH:MM:SS" -> "00:05:00";
            case "SOURCE" -> rnd.nextBoolean() ? "Vlan1" : "10.1.2.3";
            case "PCT" -> List.of("20.00", "5", "0.5").get(rnd.nextInt(3));
            case "RATE" -> List.of("100", "1k", "2.5m").get(rnd.nextInt(3));
            default -> Types.SOURCE_VLANS.equals(t.type().source()) ? List.of("10", "20-22", "5,7,9-11").get(rnd.nextInt(3))
                    : Types.SOURCE_INTERFACES.equals(t.type().source()) ? "eth" + (1 + rnd.nextInt(4))
                    : t.restOfLine() ? "a b c" : List.of("alpha", "core-1").get(rnd.nextInt(2));
        };
    }

    @Test
    void everyCommandInEveryModeAgreesAcrossParseTabAndHelp() {
        Random rnd = new Random(20261122L);
        Grammar<Context> g = new TestSwitch().shell.grammar;
        int checked = 0;
        for (Command<Context> c : g.commands()) {
            for (Mode m : c.modes) {
                for (boolean no : new boolean[] {false, true}) {
                    if (no && !c.hasNo()) continue;
                    for (List<Token> path : c.paths()) {
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

    private static void checkPath(Grammar<Context> g, Mode m, Command<Context> c, List<Token> path, boolean no, Random rnd) {
        TestSwitch sw = new TestSwitch();
        Session s = new Session(sw.shell, m != Modes.USER);
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
            if (t.restOfLine()) break;
        }
        String line = typed.toString().strip();
        Grammar.Match<Context> match;
        try {
            match = g.parse(m, line);
        } catch (ParseException e) {
            throw new AssertionError(m + ": '" + line + "' -> " + e.kind + " " + e.getMessage() + " at " + e.column);
        }
        assertEquals(c, match.command(), line);
        assertEquals(no ? Command.Form.NO : Command.Form.RUN, match.form(), line);
        assertTrue(g.help(m, line + " ", p -> List.of()).stream().anyMatch(h -> h.word().equals("<cr>")), "<cr> after " + line);
        try {
            s.execute(line);
        } catch (CliException e) {
            assertFalse(e.getMessage().startsWith(Errors.INTERNAL), line + " -> " + e.getMessage());
            assertTrue(LayoutTest.ANSIBLE_ERRORS.stream().anyMatch(p -> p.matcher(e.getMessage()).find()),
                    "automation clients must see this as an error: " + line + " -> " + e.getMessage());
        }
    }

    @Test
    void unknownWordsGetTheCaretUnderTheirFirstCharacter() {
        Session s = new TestSwitch().session();
        for (String line : new ArrayList<>(List.of("show vlan bogus", "configure terminal extra", "show mac address-table vlan 0"))) {
            CliException e = org.junit.jupiter.api.Assertions.assertThrows(CliException.class, () -> s.execute(line));
            assertEquals(line.lastIndexOf(' ') + 1, e.caret, line);
        }
        CliException amb = org.junit.jupiter.api.Assertions.assertThrows(CliException.class, () -> s.execute("c"));
        assertEquals("% Ambiguous command:  \"c\"", amb.getMessage());
    }
}
