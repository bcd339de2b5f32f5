package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import swsh.core.rstp.Bpdu;
import swsh.core.rstp.Vec;
import swsh.kernel.FakeFrames;

/**
 * The spanning-tree commands as an engineer types them: IOS running-config lines, the older
 * bridge-wide lines still read, one tree for all VLANs (timers for part of them refused), and the
 * tree swshd runs on the (fake) kernel: blocked ports blocked in every VLAN, VLANs a change adds
 * blocked at once, VLANs with spanning tree off forwarding, portfast ports forwarding at once.
 */
class SpanningTreeCommandsTest {
    private final TestSwitch sw = new TestSwitch();

    @AfterEach
    void stop() {
        sw.engine.stp.stop();
    }

    private String run(String... lines) {
        TestSwitch.Run r = sw.script(lines);
        assertEquals(0, r.failed(), r.err());
        return r.out();
    }

    private String runningStp() {
        return run("show running-config | include spanning-tree");
    }

    @Test
    void runningConfigHasTheIosLinesAndTheOlderLinesStillLoad() {
        run("configure terminal", "spanning-tree", "spanning-tree priority 8192", "spanning-tree hello-time 1", "end");
        assertEquals("spanning-tree mode pvst\nspanning-tree vlan 1-4094 priority 8192\nspanning-tree vlan 1-4094 hello-time 1\n", runningStp());
        run("configure terminal", "spanning-tree mode rapid-pvst", "spanning-tree portfast default", "spanning-tree portfast bpduguard default",
                "vlan 10", "vlan 20", "vlan 30", "exit", "spanning-tree vlan 10,20 priority 4096", "no spanning-tree vlan 30",
                "interface eth1", "spanning-tree portfast", "spanning-tree link-type shared", "interface eth2", "spanning-tree portfast trunk", "end");
        String shown = run("show running-config");
        assertTrue(shown.contains("spanning-tree mode rapid-pvst\nspanning-tree portfast default\nspanning-tree portfast bpduguard default\n"
                + "no spanning-tree vlan 30\nspanning-tree vlan 1-4094 priority 8192\nspanning-tree vlan 10,20 priority 4096\n"), shown);
        assertTrue(shown.contains("interface eth1\n spanning-tree portfast\n spanning-tree link-type shared\n"), shown);
        assertTrue(shown.contains("interface eth2\n spanning-tree portfast trunk\n"), shown);
        assertEquals(4096, sw.engine.running().stp().treePriority(), "one tree: the lowest priority of any VLAN");
        run("configure terminal", "no spanning-tree vlan 10,20 priority", "spanning-tree vlan 30", "no spanning-tree mode", "end");
        assertEquals("spanning-tree portfast default\nspanning-tree portfast bpduguard default\nspanning-tree vlan 1-4094 priority 8192\n"
                + "spanning-tree vlan 1-4094 hello-time 1\n spanning-tree portfast\n spanning-tree link-type shared\n spanning-tree portfast trunk\n",
                runningStp());
    }

    @Test
    void timersForPartOfTheVlansAreRefusedAndChangeNothing() {
        TestSwitch.Run r = sw.script("configure terminal", "spanning-tree vlan 10 hello-time 1");
        assertEquals(1, r.failed());
        assertTrue(r.err().contains("% Error: swsh runs one spanning tree for all VLANs"), r.err());
        assertEquals("", runningStp());
        TestSwitch.Run bad = sw.script("configure terminal", "spanning-tree vlan 1 priority 100");
        assertTrue(bad.err().contains("% Error: Bridge Priority must be in increments of 4096."), bad.err());
        assertEquals("", runningStp());
    }

    private boolean eventually(java.util.function.BooleanSupplier c) {
        try {
            return TestSwitch.eventually(c);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theTreeBlocksNewPortsInEveryVlanAndPortfastPortsForwardAtOnce() {
        sw.engine.stp.start(sw.engine.running());
        run("configure terminal", "vlan 10", "vlan 20", "exit", "spanning-tree mode rapid-pvst", "interface eth1", "switchport mode trunk",
                "interface eth2", "switchport access vlan 10", "spanning-tree portfast", "end");
        assertTrue(eventually(() -> "blocking".equals(sw.kernel.vlanState("eth1", 20))), "a trunk with no agreement yet is blocked");
        assertTrue(eventually(() -> run("show spanning-tree interface eth2").contains("Desg FWD")), "a portfast port forwards");
        assertEquals("forwarding", sw.kernel.vlanState("eth2", 10));
        run("configure terminal", "vlan 30", "end");
        assertEquals("blocking", sw.kernel.vlanState("eth1", 30), "a VLAN added to a blocked port is blocked at once");
        run("configure terminal", "no spanning-tree vlan 20", "end");
        assertEquals("forwarding", sw.kernel.vlanState("eth1", 20), "spanning tree off in VLAN 20: forwarding there");
        assertEquals("blocking", sw.kernel.vlanState("eth1", 10));
        FakeFrames f = sw.kernel.frames();
        assertTrue(eventually(() -> f.sent().stream().anyMatch(x -> x.port().equals("eth1"))), "BPDUs go out on the trunk");
        Bpdu b = Bpdu.parse(f.sent().get(0).data());
        assertEquals(Bpdu.RST, b.type());
        assertTrue(b.has(Bpdu.PROPOSAL), "the designated trunk proposes");
        String shown = run("show spanning-tree vlan 10");
        assertTrue(shown.contains("Spanning tree enabled protocol rstp"), shown);
        assertTrue(shown.contains("This bridge is the root"), shown);
        assertTrue(shown.contains("Bridge ID  Priority    32778  (priority 32768 sys-id-ext 10)"), shown);
        assertTrue(shown.matches("(?s).*eth2\\s+Desg FWD 2\\s+128\\.\\d+\\s+P2p Edge.*"), shown);
        run("configure terminal", "no spanning-tree mode", "end");
        assertEquals("forwarding", sw.kernel.vlanState("eth1", 10), "no tree: every port forwards again");
    }

    @Test
    void aBpduOnAPortfastPortWithBpduGuardTakesItDown() {
        sw.engine.stp.start(sw.engine.running());
        run("configure terminal", "spanning-tree mode rapid-pvst", "spanning-tree portfast bpduguard default", "interface eth3",
                "spanning-tree portfast", "end");
        assertTrue(eventually(() -> run("show spanning-tree interface eth3").contains("Desg FWD")));
        long other = Vec.bridgeId(4097, new byte[] {2, 0, 0, 0, 0, 9});
        Bpdu b = new Bpdu(2, Bpdu.RST, Bpdu.ROLE_DESIGNATED << 2, other, 0, other, 0x8001, 0, 20 * 256, 2 * 256, 15 * 256);
        sw.kernel.frames().inject("eth3", b.frame(new byte[] {2, 0, 0, 0, 0, 9}));
        assertTrue(eventually(() -> !sw.kernel.read().link("eth3").adminUp()), "the port is down");
        assertTrue(sw.shell.audit.recent().stream().anyMatch(l -> l.contains(
                "%SPANTREE-2-BLOCK_BPDUGUARD: Received BPDU on port eth3 with BPDU Guard enabled. Disabling port.")), sw.shell.audit.recent().toString());
        assertTrue(sw.shell.audit.recent().stream().anyMatch(l -> l.contains(
                "%PM-4-ERR_DISABLE: bpduguard error detected on eth3, putting eth3 in err-disable state")), sw.shell.audit.recent().toString());
        assertTrue(run("show interfaces status err-disabled").contains("eth3"), run("show interfaces status err-disabled"));
        assertTrue(run("show interfaces status").matches("(?s).*eth3\\s+err-disabled.*"), run("show interfaces status"));
        run("configure terminal", "interface eth3", "shutdown", "no shutdown", "end");
        assertTrue(sw.kernel.read().link("eth3").adminUp(), "shutdown / no shutdown clears it by hand");
    }
}
