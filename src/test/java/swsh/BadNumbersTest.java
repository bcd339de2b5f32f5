package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import swsh.shell.CliException;
import swsh.shell.Errors;
import swsh.shell.Session;

/** Numbers too big for any int, in every place an interface name goes: an IOS error, never an internal one. */
class BadNumbersTest {
    @Test
    void hugeVlanInterfaceNumbersAndRangesAreIosErrors() {
        TestSwitch sw = new TestSwitch();
        Session s = sw.session();
        List<String> exec = List.of("show running-config interface vlan9999999999", "show interfaces vlan9999999999 switchport",
                "clear mac address-table dynamic interface vlan9999999999", "show mac address-table interface Vlan0",
                "show vlan id 99999999999");
        List<String> config = List.of("interface vlan9999999999", "interface vlan 99999999999", "interface range eth1 - 99999999999",
                "interface range eth99999999999", "no interface vlan9999999999", "default interface vlan9999999999",
                "mac address-table static 0050.7966.6801 vlan 1 interface vlan9999999999", "vlan 1-99999999999");
        for (String l : exec) check(s, l);
        s.execute("configure terminal");
        s.execute("interface eth1");
        var before = sw.engine.running();
        for (String l : config) {
            check(s, l);
            assertEquals("IF", s.mode().name(), "a failed line keeps config-if: " + l);
        }
        assertEquals(before, sw.engine.running());
    }

    private static void check(Session s, String line) {
        CliException e = org.junit.jupiter.api.Assertions.assertThrows(CliException.class, () -> s.execute(line), line);
        assertFalse(e.getMessage().startsWith(Errors.INTERNAL), line + " -> " + e.getMessage());
        assertTrue(e.getMessage().startsWith("%"), line + " -> " + e.getMessage());
    }
}
