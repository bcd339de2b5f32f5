package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

/** The config archive: copies at write memory, the newest kept, their differences, and replacing from one. */
class ArchiveTest {
    static TestSwitch archived() {
        TestSwitch sw = new TestSwitch();
        TestSwitch.Run r = sw.script("configure terminal", "archive", "path flash:archive/config", "maximum 3", "write-memory", "end");
        assertEquals(0, r.failed(), r.err());
        return sw;
    }

    @Test
    void writeMemoryKeepsNumberedCopiesTheNewestMaximum() throws Exception {
        TestSwitch sw = archived();
        for (int v = 10; v <= 50; v += 10) sw.script("configure terminal", "vlan " + v, "end", "write memory");
        String show = sw.script("show archive").out();
        assertEquals(String.join("\n", "The maximum archive configurations allowed is 3.",
                "The next archive file will be named flash:archive/config-6", " Archive #  Name",
                "   1        flash:archive/config-3", "   2        flash:archive/config-4",
                "   3        flash:archive/config-5 <- Most Recent", ""), show);
        assertFalse(Files.exists(sw.dir.resolve("etc/archive/config-2")), "the oldest are deleted");
        String five = Files.readString(sw.dir.resolve("etc/archive/config-5"));
        assertTrue(five.contains("\nvlan 50\n") && five.contains("\narchive\n path flash:archive/config\n maximum 3\n write-memory\n"), five);
    }

    @Test
    void differencesAreContextualAndAReplaceFromTheArchiveGoesBack() throws Exception {
        TestSwitch sw = archived();
        sw.script("configure terminal", "vlan 10", "interface eth1", "switchport access vlan 10", "end", "archive config");
        sw.script("configure terminal", "vlan 20", "interface eth1", "switchport access vlan 20", "end");
        assertEquals(String.join("\n", "", "!Contextual Config Diffs:", "+vlan 20", "interface eth1",
                " -switchport access vlan 10", " +switchport access vlan 20", "", ""),
                sw.script("show archive config differences flash:archive/config-1").out());
        sw.script("configure replace flash:archive/config-1 force");
        assertEquals(10, sw.engine.running().ifaces().get("eth1").accessVlan());
        assertFalse(sw.engine.running().hasVlan(20));
        assertTrue(sw.script("show archive config differences flash:archive/config-1 system:running-config").out()
                .contains("!No changes were found"));
    }

    @Test
    void aPathOutsideTheConfigDirectoryIsRefused() {
        TestSwitch sw = archived();
        for (String bad : new String[] {"flash:../etc/passwd", "flash:/etc/passwd", "flash:a/../../b"}) {
            TestSwitch.Run r = sw.script("configure terminal", "archive", "path " + bad, "end");
            assertEquals(1, r.failed(), bad);
            assertTrue(r.err().contains("%"), r.err());
            TestSwitch.Run replace = sw.script("configure replace " + bad + " force");
            assertEquals(1, replace.failed(), bad);
        }
        assertTrue(sw.script("show running-config").out().contains(" path flash:archive/config\n"));
    }

    @Test
    void withoutAPathTheArchiveSaysSo() {
        TestSwitch sw = new TestSwitch();
        TestSwitch.Run r = sw.script("archive config");
        assertEquals(1, r.failed());
        assertTrue(r.err().contains("% Error: the archive is not enabled"), r.err());
        assertEquals(0, sw.script("write memory").failed(), "write memory works without an archive");
    }
}
