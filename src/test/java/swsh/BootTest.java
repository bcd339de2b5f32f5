package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import swsh.shell.CliException;
import swsh.shell.Replay;
import swsh.shell.Session;

/** Replaying a startup-config is never all-or-nothing, never recursive, and survives bad bytes and long lines. */
class BootTest {
    // eth2 is not in VLAN 30: the kernel refuses a static entry there (see refusing())
    static final String STARTUP = String.join("\n", "!", "hostname edge", "!", "vlan 20,30", "!",
            "interface eth1", " switchport access vlan 20", "!", "interface eth2", "!",
            "mac address-table static 0050.7966.6801 vlan 30 interface eth2", "!",
            "interface eth3", " shutdown", "!", "end", "");

    /** A switch whose kernel refuses a static MAC on a VLAN its port is not in, as Linux does. */
    static TestSwitch refusing() {
        TestSwitch sw = new TestSwitch();
        sw.kernel.refuse(op -> op instanceof swsh.kernel.Op.FdbAdd f && sw.kernel.read().vlans().getOrDefault(f.dev(), List.of())
                .stream().noneMatch(v -> v.vid() == f.vlan()));
        return sw;
    }

    @Test
    void aLineTheKernelRefusesIsReportedAndEveryGoodLineStands() {
        TestSwitch sw = refusing();
        Replay.Result r = Replay.merge(sw.shell, STARTUP);
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).startsWith("line 11: mac address-table static 0050.7966.6801 vlan 30 interface eth2\n"
                + "% Error: the kernel refused"), r.errors().get(0));
        var cfg = sw.engine.running();
        assertEquals("edge", cfg.hostname());
        assertEquals(20, cfg.ifaces().get("eth1").accessVlan());
        assertTrue(cfg.ifaces().get("eth3").shutdown());
        assertTrue(cfg.statics().isEmpty());
        assertEquals("swbr0", sw.kernel.read().link("eth2").master(), "eth2 still joined the bridge");
        assertFalse(sw.kernel.read().link("eth3").adminUp(), "eth3 was shut down");
    }

    @Test
    void theBootsFailuresAreLoggedAndShown() throws Exception {
        TestSwitch sw = refusing();
        assertTrue(sw.script("show startup-config errors").out().startsWith("No errors"));
        sw.engine.store.saveStartup(STARTUP);
        assertFalse(Main.replayStartupStatus(sw.shell).clean());
        String shown = sw.script("show startup-config errors").out();
        assertTrue(shown.startsWith("1 line(s) of startup-config failed when swshd started; every other line was applied:\n"
                + "line 11: mac address-table static 0050.7966.6801 vlan 30 interface eth2\n% Error: the kernel refused"), shown);
        assertTrue(sw.script("show logging").out().contains("%SWSH-3-STARTUP_LINE: startup-config line 11: mac address-table static"));
    }

    @Test
    void aGoodStartupConfigIsStillOnePlan() {
        TestSwitch sw = refusing();
        Replay.Result r = Replay.merge(sw.shell, STARTUP.replace("vlan 30 interface eth2", "vlan 1 interface eth2"));
        assertEquals(List.of(), r.errors());
        assertEquals(1, sw.kernel.applied().size(), "one plan for the whole file");
    }

    @Test
    void copyingStartupConfigFromInsideStartupConfigIsRefusedNotRecursive() throws Exception {
        TestSwitch sw = refusing();
        sw.engine.store.saveStartup("!\nvlan 30\n!\ndo copy startup-config running-config\nend\n");
        Replay.Result r = Replay.merge(sw.shell, sw.engine.store.readStartup().orElseThrow());
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).contains("line 4: do copy startup-config running-config"), r.errors().get(0));
        assertTrue(sw.engine.running().hasVlan(30));
        // and the same command typed by a user still works
        assertTrue(sw.script("copy startup-config running-config").out().contains("lines merged"));
    }

    @Test
    void aByteThatIsNotUtf8CostsOnlyItsOwnLine() throws Exception {
        TestSwitch sw = refusing();
        Path f = sw.engine.store.startup();
        Files.createDirectories(f.getParent());
        byte[] text = "! caf\u00e9 ok\n! bad \u00ff\u00fe comment\nvlan 40\nhostname a\u00ffb\nend\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(f, text);
        Replay.Result r = Replay.merge(sw.shell, sw.engine.store.readStartup().orElseThrow());
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).startsWith("line 4: hostname a"), r.errors().get(0));
        assertTrue(sw.engine.running().hasVlan(40));
    }

    @Test
    void onlyCrAndLfEndALine() {
        assertEquals(List.of("description a\u2028b", "shutdown"), swsh.client.Script.lines("description a\u2028b\r\nshutdown\n"));
        assertEquals(List.of("a", "b", "c"), swsh.client.Script.lines("a\rb\nc"));
    }

    @Test
    void aLongLineIsRefusedWithoutRunning() {
        TestSwitch sw = refusing();
        Session s = sw.session();
        s.execute("configure terminal");
        s.execute("interface eth1");
        String before = sw.script("show running-config").out();
        CliException e = org.junit.jupiter.api.Assertions.assertThrows(CliException.class,
                () -> s.execute("description " + "x".repeat(100_000)));
        assertEquals("% Invalid input: line too long (100012 characters, at most 4096)", e.getMessage());
        assertEquals(before, sw.script("show running-config").out());
    }

    @Test
    void afterACrashTheTextCatchesUpWithItsModelAndTempFilesGo() throws Exception {
        TestSwitch sw = refusing();
        sw.script("conf t", "vlan 10", "end");
        String older = Files.readString(sw.engine.store.running());
        sw.script("conf t", "vlan 20", "end");
        // kill -9 between the two renames: the model says vlan 20, the text does not; a temp file is left
        Files.writeString(sw.engine.store.running(), older);
        Path stale = sw.engine.store.runDir.resolve(".running-config.4711.tmp");
        Files.writeString(stale, "half");
        assertEquals(2, sw.engine.recover().size());
        assertFalse(Files.exists(stale));
        assertTrue(Files.readString(sw.engine.store.running()).contains("vlan 20"));
        assertEquals(List.of(), sw.engine.recover(), "nothing left to repair");
    }
}
