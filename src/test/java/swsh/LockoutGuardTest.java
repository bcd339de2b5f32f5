package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import swsh.shell.Session;
import swsh.shell.User;

/** The lockout guard: a session is not cut off by its own change unless its user says so. */
class LockoutGuardTest {
    /** eth1 is a routed port holding 10.0.0.254/24; the session comes from 10.0.0.9, through eth1. */
    static TestSwitch routed() {
        TestSwitch sw = new TestSwitch();
        sw.kernel.address("eth1", "10.0.0.254/24");
        sw.kernel.apply(new swsh.kernel.Plan(java.util.List.of(new swsh.kernel.Op.SetUp("eth1", true))));
        return sw;
    }

    static Session remote(TestSwitch sw, String from) {
        return new Session(sw.shell, new User("op", true, true, "vty 2", from), true);
    }

    @Test
    void interfaceAloneKeepsARoutedPortRoutedAndSwitchportOnItIsRefused() {
        TestSwitch sw = routed();
        Session s = remote(sw, "10.0.0.9");
        TestSwitch.Run r = sw.script(s, "configure terminal", "interface eth1", "switchport", "end");
        assertEquals(1, r.failed(), r.err());
        assertTrue(r.err().contains("% Change refused: it would cut session vty 2 (op from 10.0.0.9, through eth1) off (it makes eth1 a bridge port)"),
                r.err());
        assertNull(sw.kernel.read().link("eth1").master(), "eth1 was not enslaved");
        assertTrue(sw.script(s, "show running-config").out().contains("interface eth1\n no switchport\n"));
        // other ports are not the session's path
        assertEquals(0, sw.script(s, "configure terminal", "interface eth2", "shutdown", "end").failed());
    }

    @Test
    void aSessionThroughAnSviKeepsItsSviAndItsVlan() {
        TestSwitch sw = new TestSwitch();
        assertEquals(0, sw.script("configure terminal", "vlan 10", "interface eth1", "switchport access vlan 10", "interface vlan10",
                "ip address 10.0.10.1 255.255.255.0", "end").failed());
        Session s = remote(sw, "10.0.10.9");
        for (String[] change : new String[][] {{"no interface vlan10", "it deletes Vlan10"}, {"interface vlan10\nshutdown", "it shuts Vlan10 down"},
            {"no vlan 10", "it removes VLAN 10 from the bridge"}}) {
            java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of("configure terminal"));
            lines.addAll(java.util.List.of(change[0].split("\n")));
            lines.add("end");
            TestSwitch.Run r = sw.script(s, lines.toArray(new String[0]));
            assertEquals(1, r.failed(), change[0] + ": " + r.out());
            assertTrue(r.err().contains(change[1]), r.err());
        }
        assertTrue(sw.kernel.read().link("swbr0.10").adminUp(), "the SVI stands, up");
        assertTrue(sw.engine.running().hasVlan(10));
    }

    @Test
    void aYesOnTheTerminalOverridesAndIsLogged() {
        TestSwitch sw = routed();
        Session s = remote(sw, "10.0.0.9");
        s.setAsker((prompt, secret) -> prompt.contains("Proceed anyway? [no]") ? "yes" : "");
        s.execute("configure terminal");
        s.execute("interface eth1");
        s.execute("switchport");
        assertEquals("swbr0", sw.kernel.read().link("eth1").master());
        assertTrue(sw.shell.audit.recent().stream().anyMatch(l -> l.contains("%SWSH-4-LOCKOUT_OVERRIDE")));
    }

    @Test
    void localSessionsAndPeersElsewhereAreNotJudged() {
        TestSwitch sw = routed();
        assertEquals(0, sw.script(remote(sw, "192.0.2.7"), "configure terminal", "interface eth1", "switchport", "end").failed(),
                "a peer outside eth1's subnet does not come in through eth1");
        TestSwitch other = routed();
        assertEquals(0, other.script("configure terminal", "interface eth1", "switchport", "end").failed(), "a local session has no path");
    }
}
