package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static swsh.kernel.Net.cable;
import static swsh.kernel.Net.host;
import static swsh.kernel.Net.ping;
import static swsh.kernel.Net.sh;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The acceptance scenarios on a real kernel with bridge VLAN filtering. Every switch is
 * configured only through the shell; ping between host namespaces is the judge. Run inside
 * user-mode Linux by {@link RealKernelSuiteTest}.
 */
@Tag("kernel")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KernelScenariosTest {
    @BeforeEach
    void clean() {
        Net.reset();
    }

    /** Four hosts h1..h4 on ports eth1..eth4 of switch namespace {@code sw}, all in one subnet. */
    static Net.Switch fourHosts(String sw) {
        for (int i = 1; i <= 4; i++) host("h" + i, sw, "eth" + i, "10.0.0." + i + "/24");
        return new Net.Switch(sw);
    }

    @Test
    @Order(1)
    void s1_twoHostsOnOneCable() {
        Net.ns("h1");
        Net.ns("h2");
        sh("ip", "link", "add", "eth0", "netns", "h1", "type", "veth", "peer", "name", "eth0", "netns", "h2");
        sh("ip", "-n", "h1", "addr", "add", "10.0.0.1/24", "dev", "eth0");
        sh("ip", "-n", "h2", "addr", "add", "10.0.0.2/24", "dev", "eth0");
        sh("ip", "-n", "h1", "link", "set", "eth0", "up");
        sh("ip", "-n", "h2", "link", "set", "eth0", "up");
        assertTrue(ping("h1", "10.0.0.2"));
    }

    @Test
    @Order(2)
    void s2_bridgeInAThirdNamespaceJoinsTwoHosts() {
        host("h1", "sw", "eth1", "10.0.0.1/24");
        host("h2", "sw", "eth2", "10.0.0.2/24");
        Net.Switch sw = new Net.Switch("sw");
        assertFalse(ping("h1", "10.0.0.2"), "no switch yet");
        sw.run("configure terminal", "interface eth1", "interface eth2", "end");
        assertTrue(ping("h1", "10.0.0.2"));
        assertTrue(Net.ok("ip", "-n", "sw", "link", "show", "swbr0"));
        assertFalse(Net.ok("ip", "link", "show", "swbr0"), "the bridge stays out of the host's sight");
    }

    @Test
    @Order(3)
    void s3_accessVlansIsolateTwoGroupsOnOneSubnet_andMacTable() {
        Net.Switch sw = fourHosts("sw");
        sw.run("conf t", "vlan 10", "name blue", "vlan 20", "name red",
                "interface range eth1 - 2", "switchport mode access", "switchport access vlan 10",
                "interface range eth3 - 4", "switchport mode access", "switchport access vlan 20", "end");
        assertTrue(ping("h1", "10.0.0.2"));
        assertTrue(ping("h3", "10.0.0.4"));
        assertFalse(ping("h1", "10.0.0.3"));
        assertFalse(ping("h2", "10.0.0.4"));
        String table = sw.run("show mac address-table dynamic");
        String h1 = ciscoMac(Net.mac("h1", "eth0")), h3 = ciscoMac(Net.mac("h3", "eth0"));
        assertTrue(table.matches("(?s).*\\n  10    " + h1 + "    DYNAMIC     eth1\\n.*"), table);
        assertTrue(table.matches("(?s).*\\n  20    " + h3 + "    DYNAMIC     eth3\\n.*"), table);
        assertTrue(sw.run("show mac address-table vlan 20").contains(h3));
        assertFalse(sw.run("show mac address-table vlan 20").contains(h1));
        // silence h1 (no ARP at all) so that nothing teaches the bridge its MAC again
        sh("ip", "-n", "h1", "link", "set", "eth0", "arp", "off");
        sh("ip", "-n", "h1", "neigh", "flush", "all");
        sw.run("clear mac address-table dynamic interface eth1");
        assertFalse(sw.run("show mac address-table").contains(h1 + "    DYNAMIC     eth1"));
    }

    static String ciscoMac(String mac) {
        String h = mac.replace(":", "");
        return h.substring(0, 4) + "." + h.substring(4, 8) + "." + h.substring(8);
    }

    @Test
    @Order(4)
    void s4_hostWithTaggedSubinterfaceOnATrunkPort() {
        Net.Switch sw = fourHosts("sw");
        host("h5", "sw", "eth5", null);
        Net.tagged("h5", 10, "10.0.0.5/24");
        sw.run("conf t", "vlan 10,20", "int range eth1 - 2", "sw acc vl 10", "int range eth3 - 4", "sw acc vl 20",
                "int eth5", "switchport mode trunk", "switchport trunk allowed vlan 10,20", "end");
        assertTrue(ping("h5", "10.0.0.1"));
        assertFalse(ping("h5", "10.0.0.3"), "the tagged subinterface is in VLAN 10 only");
        String vlans = sh("bridge", "-n", "sw", "-j", "vlan", "show", "dev", "eth5");
        assertTrue(vlans.contains("\"vlan\":10") && vlans.contains("\"vlan\":20"), vlans);
        assertTrue(sw.run("show interfaces trunk").contains("eth5        on               802.1q"));
    }

    @Test
    @Order(5)
    void s5_twoSwitchesJoinedByATrunk_thenAStpLoop() throws Exception {
        host("h1", "sw1", "eth1", "10.0.0.1/24");
        host("h3", "sw1", "eth3", "10.0.0.3/24");
        host("h2", "sw2", "eth1", "10.0.0.2/24");
        host("h4", "sw2", "eth3", "10.0.0.4/24");
        cable("sw1", "trunk1", "sw2", "trunk1");
        Net.Switch a = new Net.Switch("sw1"), b = new Net.Switch("sw2");
        String[] cfg = {"conf t", "vlan 10,20", "int eth1", "sw acc vl 10", "int eth3", "sw acc vl 20",
            "int trunk1", "sw mode trunk", "sw trunk allowed vlan 10,20", "end"};
        a.run(cfg);
        b.run(cfg);
        assertTrue(ping("h1", "10.0.0.2"), "blue group across the trunk");
        assertTrue(ping("h3", "10.0.0.4"), "red group across the trunk");
        assertFalse(ping("h1", "10.0.0.4"));
        assertFalse(ping("h3", "10.0.0.2"));

        String[] stp = {"conf t", "spanning-tree", "spanning-tree hello-time 1", "spanning-tree forward-time 4",
            "spanning-tree max-age 6", "end"};
        a.run(stp);
        b.run(stp);
        a.run("conf t", "spanning-tree priority 4096", "end");
        cable("sw1", "trunk2", "sw2", "trunk2");
        String[] second = {"conf t", "int trunk2", "sw mode trunk", "sw trunk allowed vlan 10,20", "end"};
        a.run(second);
        b.run(second);
        Thread.sleep(12000);
        long before = Net.rxPackets("sw2", "trunk1") + Net.rxPackets("sw2", "trunk2");
        ping("h1", "10.0.0.2");
        Thread.sleep(2000);
        long after = Net.rxPackets("sw2", "trunk1") + Net.rxPackets("sw2", "trunk2");
        assertTrue(after - before < 200, "no broadcast storm: " + (after - before) + " packets in 2 s");
        assertTrue(ping("h1", "10.0.0.2"), "still connected over the forwarding trunk");
        String tree = b.run("show spanning-tree vlan 10");
        assertTrue(tree.matches("(?s).*\\ntrunk\\d +Altn BLK .*"), tree);
        assertTrue(tree.matches("(?s).*\\ntrunk\\d +Root FWD .*"), tree);
        String root = a.run("show spanning-tree vlan 10");
        assertTrue(root.contains("This bridge is the root"), root);
    }

    @Test
    @Order(6)
    void s6_hybridPortInBothGroupsWithNativeVlan() {
        host("h1", "sw", "eth1", "10.0.10.1/24");
        host("h3", "sw", "eth3", "10.0.20.3/24");
        host("h6", "sw", "eth6", "10.0.10.6/24");
        Net.tagged("h6", 20, "10.0.20.6/24");
        Net.Switch sw = new Net.Switch("sw");
        sw.run("conf t", "vlan 10,20", "int eth1", "sw acc vl 10", "int eth3", "sw acc vl 20",
                "int eth6", "sw mode trunk", "sw trunk native vlan 10", "sw trunk allowed vlan 10,20", "end");
        assertTrue(ping("h6", "10.0.10.1"), "untagged native VLAN 10");
        assertTrue(ping("h6", "10.0.20.3"), "tagged VLAN 20");
        assertFalse(ping("h1", "10.0.20.3"));
    }

    @Test
    @Order(7)
    void s7_groupsOnDifferentSubnets() {
        host("h1", "sw", "eth1", "10.0.10.1/24");
        host("h2", "sw", "eth2", "10.0.10.2/24");
        host("h3", "sw", "eth3", "10.0.20.3/24");
        host("h4", "sw", "eth4", "10.0.20.4/24");
        Net.Switch sw = new Net.Switch("sw");
        sw.run("conf t", "int range eth1 - 2", "sw acc vl 10", "int range eth3 - 4", "sw acc vl 20", "end");
        assertTrue(ping("h1", "10.0.10.2"));
        assertTrue(ping("h4", "10.0.20.3"));
        sh("ip", "-n", "h1", "addr", "add", "10.0.20.11/24", "dev", "eth0");
        assertFalse(ping("h1", "10.0.20.3"), "even with an address in the red subnet, blue cannot reach red");
    }

    @Test
    @Order(8)
    void s8_linuxServerAsAnUnmanagedSwitch() {
        Net.Switch sw = fourHosts("sw");
        sw.run("conf t", "interface range eth1 - 4", "end");
        for (int i = 1; i <= 4; i++) for (int j = 1; j <= 4; j++) if (i != j) assertTrue(ping("h" + i, "10.0.0." + j), i + "->" + j);
        assertEquals("", sh("ip", "-n", "sw", "-4", "addr", "show", "dev", "swbr0").strip(), "the bridge has no IP address");
        assertTrue(sh("bridge", "-n", "sw", "-j", "vlan", "show", "dev", "swbr0").replace(" ", "").matches("\\[(\\{\"ifname\":\"swbr0\",\"vlans\":\\[\\]\\})?\\]\\s*"),
                "the bridge is in no VLAN itself");
    }

    @Test
    @Order(9)
    void s9_switchAsAnEndDeviceOnInterfaceVlan1() {
        Net.Switch sw = fourHosts("sw");
        sw.run("conf t", "interface range eth1 - 4", "interface vlan 1", "ip address 10.0.0.254 255.255.255.0", "end");
        assertTrue(ping("h1", "10.0.0.254"));
        assertTrue(ping("h4", "10.0.0.254"));
        sw.run("conf t", "interface vlan 1", "no ip address", "end");
        assertFalse(ping("h1", "10.0.0.254"));
        assertFalse(Net.ok("ip", "-n", "sw", "link", "show", "swbr0.1"));
    }

    @Test
    @Order(10)
    void bootReplayAndIdempotency() {
        Net.Switch sw = fourHosts("sw");
        sw.run("conf t", "vlan 10,20", "int range eth1 - 2", "sw acc vl 10", "int range eth3 - 4", "sw acc vl 20",
                "interface vlan 10", "ip address 10.0.0.254/24", "end", "write memory");
        assertTrue(ping("h1", "10.0.0.2"));
        sh("ip", "-n", "sw", "link", "del", "swbr0");
        assertFalse(ping("h1", "10.0.0.2"));
        LiveKernel.Result boot = sw.process(null, "boot");
        assertEquals(0, boot.status(), boot.err());
        assertTrue(ping("h1", "10.0.0.2"));
        assertTrue(ping("h3", "10.0.0.4"));
        assertFalse(ping("h1", "10.0.0.3"));
        assertTrue(ping("h2", "10.0.0.254"));

        String links = sh("ip", "-n", "sw", "-j", "-d", "link", "show");
        int before = sw.kernel.batches;
        swsh.shell.Replay.merge(sw.shell, sw.run("show startup-config"));
        swsh.shell.Replay.merge(sw.shell, sw.run("show startup-config"));
        assertEquals(before, sw.kernel.batches, "replaying the same startup-config sends nothing to the kernel");
        LiveKernel.Result again = sw.process(null, "boot");
        assertEquals(0, again.status(), again.err());
        assertEquals(stripTimers(links), stripTimers(sh("ip", "-n", "sw", "-j", "-d", "link", "show")), "no port flapped");
    }

    static String stripTimers(String json) {
        return json.replaceAll("\"[a-z_]*timer\":[0-9.]+", "").replaceAll("\"(rx|tx)_[a-z_]+\":\\d+", "");
    }

    @Test
    @Order(11)
    void noSwitchportHandsThePortBackUntouched() {
        Net.Switch sw = fourHosts("sw");
        sh("ip", "-n", "sw", "link", "set", "eth4", "mtu", "1400");
        sw.run("conf t", "int eth4", "sw acc vl 20", "mtu 1400", "end");
        assertTrue(sh("ip", "-n", "sw", "link", "show", "eth4").contains("master swbr0"));
        sw.run("conf t", "int eth4", "no switchport", "end");
        String l = sh("ip", "-n", "sw", "-d", "link", "show", "eth4");
        assertFalse(l.contains("master"), l);
        assertTrue(l.contains("mtu 1400"), l);
        assertEquals("", sh("bridge", "-n", "sw", "vlan", "show", "dev", "eth4").replaceAll("port\\s+vlan-id\\s*", "").strip());
        sw.run("conf t", "no interface eth4", "end");
        assertFalse(sw.run("show running-config").contains("interface eth4"));
        assertFalse(sh("ip", "-n", "sw", "link", "show", "eth4").contains("master"));
    }

    @Test
    @Order(12)
    void userTextCannotBecomeABatchLineAndKernelErrorsNameTheOperation() {
        Net.Switch sw = fourHosts("sw");
        sw.run("conf t", "int eth1", "description core uplink; link del eth2", "end");
        assertEquals("core uplink; link del eth2", sh("ip", "-n", "sw", "-j", "link", "show", "eth1")
                .replaceAll("(?s).*\"ifalias\":\"([^\"]*)\".*", "$1"));
        assertTrue(Net.ok("ip", "-n", "sw", "link", "show", "eth2"), "eth2 still exists");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int failed = swsh.shell.Replay.run(new swsh.shell.Session(sw.shell, true),
                java.util.List.of("conf t", "int eth1", "description bad\" -force", "spanning-tree cost 100000", "end"),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err));
        assertEquals(2, failed, err.toString());
        assertTrue(err.toString().contains("% Error: the kernel refused 'bridge link set dev eth1 cost 100000"), err.toString());
        assertFalse(sw.run("show running-config").contains("cost 100000"), "the running-config keeps what the kernel has");
    }

    /** {@code swsh lab}: a fresh lab is a factory switch (every port in VLAN 1) and its session can ping between hosts. */
    @Test
    @Order(13)
    void lab_isAFactorySwitchAndPingsFromItsOwnSession() throws Exception {
        swsh.lab.Lab.up(3);
        java.nio.file.Path dir = swsh.TempDirs.make("swsh-lab");
        swsh.core.ConfigStore store = new swsh.core.ConfigStore(dir.resolve("etc"), dir.resolve("run"));
        assertTrue(swsh.lab.Lab.seedStartup(store, 3));
        swsh.shell.Switch sw = swsh.shell.Switch.lab(new LiveKernel("swbr0", swsh.lab.Lab.SWITCH_NS), store, "lab");
        assertTrue(swsh.Main.replayStartup(sw));
        swsh.shell.Session s = new swsh.shell.Session(sw, true);
        String out = s.execute("lab ping h1 10.0.0.3 repeat 2");
        assertTrue(out.contains("2 received"), out);
        swsh.shell.CliException e = org.junit.jupiter.api.Assertions.assertThrows(swsh.shell.CliException.class,
                () -> s.execute("lab ping h9 10.0.0.1"));
        assertEquals("% No lab host h9", e.getMessage());
        s.execute("configure terminal");
        s.execute("interface eth3");
        s.execute("shutdown");
        assertFalse(s.execute("do lab ping h1 10.0.0.3 repeat 1").contains(" 1 received"), "a shut port cuts the host off");
        s.close();
        swsh.lab.Lab.down(3);
    }

    /**
     * Hardening on the real kernel: a port and a static MAC added by hand survive swsh's next
     * change; a device whose name iproute2 would cut at '#' is never passed to it; a startup-config
     * line the kernel refuses costs only that line at boot.
     */
    @Test
    @Order(14)
    void hardening_handAddedThingsHostileNamesAndAPartlyRefusedBoot() throws Exception {
        Net.Switch sw = fourHosts("sw");
        sw.run("conf t", "interface eth1", "interface eth2", "end");
        sh("ip", "-n", "sw", "link", "set", "eth3", "master", "swbr0");
        sh("bridge", "-n", "sw", "fdb", "add", "02:00:00:00:00:99", "dev", "eth3", "master", "static");
        sh("ip", "-n", "sw", "link", "add", "victim", "type", "veth", "peer", "name", "victim#x");
        sh("ip", "-n", "sw", "link", "set", "victim#x", "master", "swbr0");
        sw.run("conf t", "vlan 20", "interface eth2", "switchport access vlan 20", "end");
        assertTrue(sh("ip", "-n", "sw", "link", "show", "eth3").contains("master swbr0"), "a port added by hand stays");
        assertTrue(sh("bridge", "-n", "sw", "fdb", "show", "dev", "eth3").contains("02:00:00:00:00:99"), "a MAC added by hand stays");
        assertTrue(Net.ok("ip", "-n", "sw", "link", "show", "victim"), "victim was not deleted through 'victim#x'");
        assertTrue(sh("ip", "-n", "sw", "link", "show", "victim#x").contains("master swbr0"));
        swsh.shell.CliException e = org.junit.jupiter.api.Assertions.assertThrows(swsh.shell.CliException.class,
                () -> new swsh.shell.Session(sw.shell, true).execute("show interfaces victim#x switchport"));
        assertTrue(e.getMessage().startsWith("% Invalid input"), e.getMessage());

        java.nio.file.Files.createDirectories(sw.dir.resolve("etc"));
        // eth2 is not in VLAN 30: the kernel refuses a static entry there
        java.nio.file.Files.writeString(sw.dir.resolve("etc/startup-config"), String.join("\n", "!", "vlan 20,30", "!",
                "interface eth1", " switchport access vlan 20", "!", "interface eth2", " switchport access vlan 20", "!",
                "mac address-table static 0050.7966.6801 vlan 30 interface eth2", "!", "interface eth4",
                " switchport access vlan 20", "!", "end", ""));
        sh("ip", "-n", "sw", "link", "del", "swbr0");
        sh("ip", "-n", "sw", "link", "set", "eth3", "nomaster");
        LiveKernel.Result boot = sw.process(null, "boot");
        assertEquals(1, boot.status(), boot.err());
        assertTrue(boot.err().startsWith("line 10: mac address-table static 0050.7966.6801 vlan 30 interface eth2\n% Error: the kernel refused"),
                boot.err());
        assertTrue(ping("h1", "10.0.0.2"), "the good lines before the refused one stand");
        assertTrue(ping("h1", "10.0.0.4"), "and the ones after it");
        assertFalse(sw.run("show running-config").contains("0050.7966.6801"));
    }

    /** Waits up to 5 s for {@code check} to hold (the kernel's events reach swsh within milliseconds). */
    static boolean eventually(java.util.function.BooleanSupplier check) throws InterruptedException {
        return swsh.TestSwitch.eventually(check);
    }

    /**
     * The resident state follows the kernel: changes made with iproute2 behind swsh's back show in the
     * next show once their events arrive, and the next change is planned against them, all without a
     * restart and without a process started to read.
     */
    @Test
    @Order(15)
    void residentStateFollowsChangesMadeBehindSwshsBack() throws Exception {
        Net.Switch sw = fourHosts("sw");
        sw.run("conf t", "vlan 10,20", "int range eth1 - 2", "sw acc vl 10", "int range eth3 - 4", "sw acc vl 20", "end");
        assertTrue(sw.run("show interfaces status").matches("(?s).*\\neth3 +connected .*"));
        Thread.sleep(1500); // the last carrier events of the ports swsh set up
        sw.run("show interfaces status");
        long reads = sw.live.fullReads(), deviceReads = sw.live.deviceReads();
        for (int i = 0; i < 3; i++) sw.run("show interfaces status", "show interfaces eth1 switchport");
        assertEquals(reads, sw.live.fullReads(), "no change, no read: the state stays resident");
        assertEquals(deviceReads, sw.live.deviceReads(), "not even of one device");
        long started = sw.live.processStarts();
        sh("bridge", "-n", "sw", "vlan", "add", "dev", "eth2", "vid", "20");
        sh("ip", "-n", "sw", "link", "set", "eth3", "down");
        // the VLAN event came first: once eth3 shows down, the state has eth2's VLAN 20 too
        assertTrue(eventually(() -> sw.run("show interfaces status").matches("(?s).*\\neth3 +disabled .*")),
                sw.run("show interfaces status"));
        assertTrue(sw.live.deviceReads() > deviceReads, "read again once the events said so");
        assertEquals(reads, sw.live.fullReads(), "only the devices the events named: eth2, eth3");
        sw.run("conf t", "vlan 30", "end");
        assertFalse(sh("bridge", "-n", "sw", "-j", "vlan", "show", "dev", "eth2").contains("\"vlan\":20"),
                "the next change removed the VLAN added by hand: it was planned against the kernel as it is");
        assertTrue(sh("ip", "-n", "sw", "link", "show", "eth3").contains(",UP"), "and set eth3 up again, as configured");
        assertTrue(eventually(() -> sw.run("show interfaces status").matches("(?s).*\\neth3 +connected .*")));
        assertEquals(started, sw.live.processStarts(), "no process started to read or to write");
    }

    /** A sequence of 20 interface and config lines (shows among them) starts no process: reads and writes go through kept-open programs. */
    @Test
    @Order(16)
    void twentyConfigLinesStartNoProcess() {
        Net.Switch sw = fourHosts("sw");
        sw.run("conf t", "interface eth1", "end");
        long started = sw.live.processStarts();
        int batches = sw.kernel.batches;
        sw.run("conf t", "vlan 10", "vlan 20", "interface eth1", "switchport access vlan 10", "interface eth2",
                "switchport access vlan 10", "interface eth3", "switchport access vlan 20", "interface eth4",
                "switchport access vlan 20", "description fourth", "do show interfaces status", "do show mac address-table",
                "interface range eth1 - 4", "spanning-tree port-priority 64", "interface eth4", "no description",
                "do show interfaces eth1 counters", "end");
        assertEquals(started, sw.live.processStarts(), "no process started to read or to write");
        assertTrue(sw.kernel.batches > batches, "the lines did change the kernel");
        assertTrue(ping("h1", "10.0.0.2"));
        assertTrue(ping("h3", "10.0.0.4"));
        assertFalse(ping("h1", "10.0.0.3"));
    }
}
