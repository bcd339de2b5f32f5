package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import swsh.shell.Session;

/** Output filters: a catastrophic regular expression still answers at once (RE2/J, linear time). */
class FilterTest {
    @Test
    void aBacktrackingBombRunsInLinearTime() {
        TestSwitch sw = new TestSwitch();
        Session s = sw.session();
        s.execute("configure terminal");
        s.execute("hostname " + "x".repeat(40));
        s.execute("end");
        String out = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> s.execute("show running-config | include ((x+)+)+y"));
        assertEquals("", out);
        assertEquals("hostname " + "x".repeat(40) + "\n", s.execute("show running-config | include ^hostname (x+)+$"));
    }

    @Test
    void sectionKeepsEachMatchingLineWithTheLinesIndentedBelowIt() {
        TestSwitch sw = new TestSwitch(swsh.kernel.FakeKernel.of("eth1", "eth2"));
        Session s = sw.session();
        for (String l : new String[] {"configure terminal", "vlan 10", "name blue", "interface eth1",
                "switchport access vlan 10", "description to pc", "interface eth2", "switchport mode trunk", "end"}) {
            s.execute(l);
        }
        assertEquals("""
                interface eth1
                 description to pc
                 switchport access vlan 10
                interface eth2
                 switchport mode trunk
                """, s.execute("show running-config | section ^interface"));
        assertEquals("vlan 10\n name blue\n", s.execute("show running-config | section ^vlan"));
        assertEquals(" description to pc\n", s.execute("show running-config | section description"));
    }
}
