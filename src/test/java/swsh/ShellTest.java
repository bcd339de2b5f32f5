package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import swsh.kernel.Op;
import swsh.kernel.Planner;
import swsh.shell.Replay;
import swsh.shell.Session;

/** Scripting, round trip of running-config, replay and the kernel plan, on the in-memory kernel. */
class ShellTest {
    static final String[] RICH = {
        "configure terminal", "hostname core-sw1", "spanning-tree", "spanning-tree priority 8192",
        "spanning-tree hello-time 1", "mac address-table aging-time 600",
        "vlan 10", "name users", "vlan 20", "name servers", "vlan 30-32",
        "interface eth1", "description to host one", "switchport access vlan 10", "switchport mode access",
        "spanning-tree port-priority 64", "spanning-tree bpduguard enable",
        "interface eth2", "switchport mode trunk", "switchport trunk native vlan 10",
        "switchport trunk allowed vlan 10,20,30-31", "switchport trunk allowed vlan remove 31",
        "spanning-tree cost 100", "spanning-tree guard root", "mtu 9000",
        "interface range eth3 - 4", "switchport access vlan 20", "switchport protected", "shutdown",
        "interface eth5", "no switchport",
        "interface vlan 10", "ip address 192.0.2.1 255.255.255.0",
        "mac address-table static 0050.7966.6801 vlan 10 interface eth1", "end"};

    @Test
    void scriptRunsEveryLineAndReportsFailuresWithLineNumbers() {
        TestSwitch sw = new TestSwitch();
        TestSwitch.Run r = sw.script("conf t", "int eth1", "sw acc vl 5000", "shutdown", "bogus", "end");
        assertEquals(2, r.failed());
        assertTrue(r.err().contains("line 3: sw acc vl 5000\n                  ^\n% Invalid input detected at '^' marker."), r.err());
        assertTrue(r.err().contains("line 5: bogus"), r.err());
        // the mode was carried from line to line, and the good lines took effect
        assertTrue(sw.engine.running().ifaces().get("eth1").shutdown());
    }

    @Test
    void accessVlanCreatesTheVlanWithIosMessage() {
        TestSwitch sw = new TestSwitch();
        TestSwitch.Run r = sw.script("conf t", "int eth1", "switchport access vlan 42");
        assertEquals("Enter configuration commands, one per line.  End with CNTL/Z.\n"
                + "% Access VLAN does not exist. Creating vlan 42\n", r.out());
        assertTrue(sw.engine.running().hasVlan(42));
    }

    @Test
    void runningConfigRoundTripsByteForByte() {
        TestSwitch a = new TestSwitch();
        TestSwitch.Run r = a.script(RICH);
        assertEquals("", r.err());
        String text = a.script("show running-config").out();
        assertTrue(text.startsWith("Building configuration...\n\nCurrent configuration : "), text);
        assertTrue(text.contains("interface eth2\n switchport trunk native vlan 10\n switchport trunk allowed vlan 10,20,30\n"
                + " switchport mode trunk\n mtu 9000\n spanning-tree cost 100\n spanning-tree guard root\n!\n"), text);
        TestSwitch b = new TestSwitch();
        List<String> replay = new java.util.ArrayList<>(List.of("configure terminal"));
        replay.addAll(List.of(text.split("\n")));
        TestSwitch.Run rb = b.script(replay.toArray(new String[0]));
        assertEquals("", rb.err());
        assertEquals(text, b.script("show running-config").out());
    }

    @Test
    void failedLineChangesNothing() {
        TestSwitch sw = new TestSwitch();
        sw.script("conf t", "int eth1", "switchport access vlan 10");
        String before = sw.script("show running-config").out();
        int batches = sw.kernel.applied().size();
        sw.script("conf t", "int eth1", "ip address 10.0.0.1/24", "description bad # text", "no vlan 1");
        assertEquals(before, sw.script("show running-config").out());
        assertEquals(batches, sw.kernel.applied().size());
    }

    @Test
    void kernelPlanIsIdempotentAndUnchangedReplaySendsNothing() {
        TestSwitch sw = new TestSwitch();
        sw.script(RICH);
        assertTrue(Planner.plan(sw.engine.running(), sw.kernel.forPlan(sw.engine.running(), sw.engine.running()), "swbr0").isEmpty());
        int batches = sw.kernel.applied().size();
        String text = sw.script("show running-config").out();
        List<String> lines = new java.util.ArrayList<>(List.of("configure terminal"));
        lines.addAll(List.of(text.split("\n")));
        assertEquals(0, sw.script(lines.toArray(new String[0])).failed());
        Replay.merge(sw.shell, text);
        assertEquals(batches, sw.kernel.applied().size(), "replaying the same config must not touch the kernel");
    }

    @Test
    void accessAndTrunkMembershipInTheKernel() {
        TestSwitch sw = new TestSwitch();
        sw.script(RICH);
        var st = sw.kernel.read();
        assertEquals(List.of(new swsh.kernel.State.VlanEntry(10, true, true)), st.vlansOf("eth1"));
        assertEquals(List.of(new swsh.kernel.State.VlanEntry(10, true, true), new swsh.kernel.State.VlanEntry(20, false, false),
                new swsh.kernel.State.VlanEntry(30, false, false)), st.vlansOf("eth2"));
        assertTrue(st.link("eth3").port().isolated());
        assertFalse(st.link("eth3").adminUp());
        assertEquals(null, st.link("eth5").master(), "no switchport releases the port");
        assertEquals(List.of("192.0.2.1/24"), st.link("swbr0.10").addrs());
        assertEquals("to host one", st.link("eth1").alias());
    }

    @Test
    void pvidMoveDeletesBeforeAdding() {
        TestSwitch sw = new TestSwitch();
        sw.script("conf t", "vlan 10,20", "int eth1", "sw acc vl 10");
        Session s = sw.session();
        sw.script(s, "conf t", "int eth1");
        var plan = Planner.plan(sw.engine.running().editIface("eth1", i -> i.withAccessVlan(20)), sw.kernel.read(), "swbr0");
        assertEquals(List.of("bridge vlan del dev eth1 vid 10", "bridge vlan add dev eth1 vid 20 pvid untagged"), plan.lines());
    }

    @Test
    void trunkVlanRunsAreCompressedIntoRanges() {
        TestSwitch sw = new TestSwitch();
        sw.script("conf t", "vlan 100-199", "int eth1", "sw mode trunk");
        List<Op> ops = sw.kernel.appliedOps();
        assertTrue(ops.contains(new Op.VlanAdd("eth1", 100, 199, false, false, false)), ops.toString());
        assertTrue(ops.contains(new Op.VlanAdd("eth1", 1, 1, true, true, false)), ops.toString());
        List<String> lines = sw.kernel.applied().stream().flatMap(p -> p.lines().stream()).toList();
        assertTrue(lines.contains("bridge vlan add dev eth1 vid 100-199"), lines.toString());
    }

    @Test
    void bootReplaysStartupConfigAsOneTransaction() throws IOException {
        TestSwitch a = new TestSwitch();
        a.script(RICH);
        a.script("write memory");
        String startup = Files.readString(a.dir.resolve("etc/startup-config"));
        TestSwitch b = new TestSwitch();
        Files.createDirectories(b.dir.resolve("etc"));
        Files.writeString(b.dir.resolve("etc/startup-config"), startup.replace("\nend\n", "\ninterface eth9\n bogus line\nend\n"));
        Replay.Result r = Replay.merge(b.shell, Files.readString(b.dir.resolve("etc/startup-config")));
        assertEquals(1, b.kernel.applied().stream().flatMap(p -> p.batches().stream())
                .filter(x -> x.tool() == Op.Tool.BRIDGE).count(), "one bridge batch");
        assertFalse(r.errors().isEmpty());
        assertEquals(a.script("show running-config").out(), b.script("show running-config").out());
        assertEquals(Files.readString(b.dir.resolve("run/running-config")), b.script("show running-config").out());
    }

    @Test
    void sessionsSeeEachOthersChanges() {
        TestSwitch sw = new TestSwitch();
        Session one = sw.session(), two = sw.session();
        sw.script(one, "conf t", "vlan 77");
        assertTrue(sw.script(two, "show vlan brief").out().contains("77   VLAN0077"));
    }

    @Test
    void userExecCannotSeeRunningConfig() {
        TestSwitch sw = new TestSwitch();
        TestSwitch.Run r = sw.script(new Session(sw.shell, false), "show running-config", "show vlan brief", "configure terminal");
        assertEquals(2, r.failed());
        assertTrue(r.out().contains("VLAN Name"));
    }

    @Test
    void portsAndStaticMacsAddedByHandAreNeverTouched() {
        TestSwitch sw = new TestSwitch();
        sw.script("conf t", "int eth1", "mac address-table static 0050.7966.6801 vlan 1 interface eth1", "end");
        // an admin puts eth4 on the bridge and adds a static MAC with iproute2, behind swsh's back
        sw.kernel.apply(new swsh.kernel.Plan(List.of(new swsh.kernel.Op.Enslave("eth4", "swbr0"),
                new swsh.kernel.Op.FdbAdd("02:00:00:00:00:99", "eth1", 1))));
        sw.script("conf t", "vlan 30", "int eth2", "switchport access vlan 30", "no mac address-table static 0050.7966.6801 vlan 1 interface eth1", "end");
        swsh.kernel.State k = sw.kernel.read();
        assertEquals("swbr0", k.link("eth4").master(), "a port swsh does not own stays on the bridge");
        assertTrue(sw.kernel.fdbEntries().stream().anyMatch(f -> f.mac().equals("02:00:00:00:00:99")), "a static MAC swsh did not add stays");
        assertFalse(sw.kernel.fdbEntries().stream().anyMatch(f -> f.mac().equals("00:50:79:66:68:01")), "swsh's own static MAC went");
        sw.script("conf t", "no interface eth1", "end");
        assertEquals(null, sw.kernel.read().link("eth1").master(), "a port leaving the config is released");
    }
}
