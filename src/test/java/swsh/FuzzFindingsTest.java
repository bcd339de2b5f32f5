package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import swsh.commands.Modes;
import swsh.shell.CliException;
import swsh.shell.Session;

/** Regression tests for the bugs {@link FuzzTest} found, one each. */
class FuzzFindingsTest {

    private static Session in(TestSwitch sw, String... setup) {
        Session s = sw.session();
        for (String l : setup) s.execute(l);
        return s;
    }

    /** A line of an enclosing mode that fails leaves the session where it was (it used to drop to config). */
    @Test
    void aRejectedLineOfAnEnclosingModeKeepsTheMode() {
        TestSwitch sw = new TestSwitch();
        Session s = in(sw, "configure terminal", "interface eth1");
        assertThrows(CliException.class, () -> s.execute("hostname bad!name"));
        assertEquals(Modes.IF, s.mode());
        s.execute("shutdown"); // still configures eth1
        assertTrue(sw.script("show running-config").out().contains("interface eth1\n shutdown\n"));

        Session r = in(sw, "configure terminal", "interface range eth2 - 3");
        assertThrows(CliException.class, () -> r.execute("interface range eth5 - 2"));
        assertEquals(Modes.IF_RANGE, r.mode());
        assertThrows(CliException.class, () -> r.execute("spanning-tree priority 4097"));
        assertEquals(Modes.IF_RANGE, r.mode());

        Session v = in(sw, "configure terminal", "vlan 10");
        assertThrows(CliException.class, () -> v.execute("interface eth99"));
        assertEquals(Modes.VLAN, v.mode());
        v.execute("name users"); // still VLAN 10
        assertTrue(sw.script("show running-config").out().contains("vlan 10\n name users\n"));
    }

    /** One that succeeds still moves to the enclosing mode, as IOS does. */
    @Test
    void anAcceptedLineOfAnEnclosingModeStillMovesThere() {
        Session s = in(new TestSwitch(), "configure terminal", "interface eth1");
        s.execute("hostname core-1");
        assertEquals(Modes.CONFIG, s.mode());
    }

    /** A VLAN list of 50,000 items overflowed the stack in the list's regular expression (an Error, not an IOS error). */
    @Test
    void aVeryLongVlanListIsParsedWithoutOverflowingTheStack() {
        TestSwitch sw = new TestSwitch();
        Session s = in(sw, "configure terminal");
        String list = "10" + ",10".repeat(50_000);
        assertTrue(s.help("vlan " + list + " ").stream().anyMatch(h -> h.word().equals("<cr>")));
        s.complete("vlan " + list);
        // a session refuses such a line for its length; the grammar itself must still take it
        assertTrue(assertThrows(CliException.class, () -> s.execute("vlan " + list)).getMessage().contains("line too long"));
        assertEquals("vlan $ids", sw.shell.grammar.parse(Modes.CONFIG, "vlan " + list).command().syntax);
        var bad = assertThrows(swsh.grammar.ParseException.class,
                () -> sw.shell.grammar.parse(Modes.IF, "switchport trunk allowed vlan " + "1,".repeat(50_000) + "4095"));
        assertTrue(bad.getMessage().startsWith("Invalid VLAN list"), bad.getMessage());
    }

    /** A bad SVI number was reported as "% VLAN interface number must be 1-4094", which automation did not see as an error. */
    @Test
    void aBadVlanInterfaceNumberReadsAsAnError() {
        Session s = in(new TestSwitch(), "configure terminal");
        for (String line : List.of("interface vlan4095", "interface Vlan0", "interface range vlan4090 - 4099",
                "do show mac address-table interface vlan0")) {
            CliException e = assertThrows(CliException.class, () -> s.execute(line));
            assertTrue(LayoutTest.ANSIBLE_ERRORS.stream().anyMatch(p -> p.matcher(e.getMessage()).find()), line + " -> " + e.getMessage());
            assertTrue(e.getMessage().contains("VLAN interface number must be 1-4094"), line + " -> " + e.getMessage());
        }
    }
}
