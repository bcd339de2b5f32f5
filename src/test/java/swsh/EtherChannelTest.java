package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import swsh.kernel.Op;
import swsh.kernel.State;

/** Port-channels in the shell: the commands, the refusals on members, running-config and the shows, on the in-memory kernel. */
class EtherChannelTest {
    static TestSwitch channel(String mode) {
        TestSwitch sw = new TestSwitch();
        TestSwitch.Run r = sw.script("conf t", "vlan 10", "interface range eth1 - 2", "switchport mode trunk",
                "channel-group 1 mode " + mode, "interface eth3", "switchport access vlan 10", "end");
        assertEquals(0, r.failed(), r.err());
        return sw;
    }

    static String out(TestSwitch sw, String... lines) {
        TestSwitch.Run r = sw.script(lines);
        assertEquals(0, r.failed(), r.err());
        return r.out();
    }

    @Test
    void channelGroupCreatesThePortChannelWithTheMembersSettingsAndTheRunningConfigIsACatalysts() {
        TestSwitch sw = channel("active");
        String run = out(sw, "show running-config");
        assertTrue(run.contains("""
                interface Port-channel1
                 switchport mode trunk
                !
                interface eth1
                 channel-group 1 mode active
                !
                interface eth2
                 channel-group 1 mode active
                !
                interface eth3
                 switchport access vlan 10
                !"""), run);
        assertTrue(run.indexOf("interface Port-channel1") < run.indexOf("interface eth1"), run);
    }

    @Test
    void theKernelHasOneBondOnTheBridgeWithBothMembersAndReplanningChangesNothing() {
        TestSwitch sw = channel("active");
        State st = sw.kernel.read();
        State.Link po = st.link("Port-channel1");
        assertEquals("bond", po.kind());
        assertEquals("802.3ad", po.bond().master().mode());
        assertTrue(po.bond().master().lacpActive());
        assertEquals("swbr0", po.master());
        assertTrue(po.adminUp());
        assertEquals("Port-channel1", st.link("eth1").master());
        assertEquals("Port-channel1", st.link("eth2").master());
        assertTrue(st.link("eth1").adminUp());
        assertEquals(List.of(new State.VlanEntry(1, true, true), new State.VlanEntry(10, false, false)), st.vlansOf("Port-channel1"));
        assertTrue(st.vlansOf("eth1").isEmpty());
        int plans = sw.kernel.applied().size();
        out(sw, "conf t", "interface Port-channel1", "end");
        assertEquals(plans, sw.kernel.applied().size(), "re-applying changed nothing");
    }

    @Test
    void passiveMembersMakeAPassiveBondAndModeOnAStaticOne() {
        assertFalse(channel("passive").kernel.read().link("Port-channel1").bond().master().lacpActive());
        assertEquals("balance-xor", channel("on").kernel.read().link("Port-channel1").bond().master().mode());
    }

    @Test
    void aMemberRefusesSwitchportSettingsAndTheProtocolMustMatch() {
        TestSwitch sw = channel("active");
        TestSwitch.Run r = sw.script("conf t", "interface eth1", "switchport access vlan 20");
        assertEquals(1, r.failed());
        assertTrue(r.err().contains("% Error: eth1 is a member of Port-channel1; configure interface Port-channel1 instead"), r.err());
        r = sw.script("conf t", "interface eth3", "channel-group 1 mode on");
        assertEquals(1, r.failed());
        assertTrue(r.err().contains("Command rejected (Channel protocol mismatch for interface eth3 in group 1)"), r.err());
        r = sw.script("conf t", "interface eth3", "mtu 9000", "interface eth1", "mtu 9000");
        assertEquals(1, r.failed(), r.err());
    }

    @Test
    void abbreviationsNameThePortChannel() {
        TestSwitch sw = channel("active");
        for (String name : List.of("int po1", "interface port-channel 1", "interface Port-channel1", "int port-chan 1", "in Po1")) {
            TestSwitch.Run r = sw.script("conf t", name, "description up " + name.length(), "end");
            assertEquals(0, r.failed(), name + ": " + r.err());
        }
        assertTrue(out(sw, "show running-config").contains("interface Port-channel1\n description up"));
        assertEquals(1, sw.script("conf t", "interface port-channel 129").failed());
    }

    @Test
    void noInterfacePortChannelDeletesTheBondAndTheMembersGoBackToTheBridgeWithItsSettings() {
        TestSwitch sw = channel("active");
        out(sw, "conf t", "no interface port-channel 1", "end");
        State st = sw.kernel.read();
        assertNull(st.link("Port-channel1"));
        assertEquals("swbr0", st.link("eth1").master());
        assertTrue(st.link("eth1").adminUp(), "the bond closed it; the plan opens it again");
        String run = out(sw, "show running-config");
        assertTrue(run.contains("interface eth1\n switchport mode trunk\n!"), run);
        assertFalse(run.contains("channel-group"), run);
        List<Op> ops = sw.kernel.appliedOps();
        assertTrue(ops.contains(new Op.DeleteLink("Port-channel1")), ops.toString());
    }

    @Test
    void noChannelGroupReleasesOneMember() {
        TestSwitch sw = channel("active");
        out(sw, "conf t", "interface eth2", "no channel-group", "end");
        State st = sw.kernel.read();
        assertEquals("Port-channel1", st.link("eth1").master());
        assertEquals("swbr0", st.link("eth2").master());
        assertTrue(st.link("eth2").adminUp());
    }

    @Test
    void showsNameThePortChannelPo1() {
        TestSwitch sw = channel("active");
        String summary = out(sw, "show etherchannel summary");
        assertTrue(summary.contains("Number of channel-groups in use: 1"), summary);
        assertTrue(summary.contains("1      Po1(SU)         LACP      eth1(w)     eth2(w)"), summary);
        String status = out(sw, "show interfaces status");
        assertTrue(status.contains("\nPo1 "), status);
        assertTrue(status.matches("(?s).*\neth1 +connected +trunk .*"), status);
        String trunk = out(sw, "show interfaces trunk");
        assertTrue(trunk.contains("Po1         on"), trunk);
        assertFalse(trunk.contains("eth1"), trunk);
        out(sw, "conf t", "interface po1", "switchport mode access", "switchport access vlan 10", "end");
        String vlan = out(sw, "show vlan brief");
        assertTrue(vlan.contains("active    eth3, Po1\n"), vlan); // after the physical ports, as a Catalyst lists them
        assertTrue(out(sw, "show interfaces port-channel 1").contains("Members in this channel: eth1 eth2"));
    }

    @Test
    void theRunningConfigReplaysIntoAFreshSwitchToTheSameText() {
        TestSwitch sw = channel("passive");
        out(sw, "conf t", "interface eth2", "description second", "shutdown", "interface po1", "switchport trunk allowed vlan 10", "end");
        String run = out(sw, "show running-config");
        TestSwitch fresh = new TestSwitch();
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of("conf t"));
        for (String l : run.split("\n")) if (!l.isBlank() && !l.startsWith("!") && !l.startsWith("Building") && !l.startsWith("Current")) lines.add(l.strip());
        TestSwitch.Run r = fresh.script(lines.toArray(new String[0]));
        assertEquals(0, r.failed(), r.err());
        assertEquals(run, out(fresh, "show running-config"));
        assertFalse(fresh.kernel.read().link("eth2").adminUp(), "a shut member stays down");
        assertEquals("Port-channel1", fresh.kernel.read().link("eth2").master());
    }

    @Test
    void theModelFileKeepsTheChannels() throws Exception {
        TestSwitch sw = channel("on");
        swsh.core.ConfigStore store = new swsh.core.ConfigStore(sw.dir.resolve("etc"), sw.dir.resolve("run"));
        swsh.model.Config saved = store.loadRunning().orElseThrow();
        assertEquals(new swsh.model.Channel(1, swsh.model.Channel.Mode.ON), saved.ifaces().get("eth1").channel());
        assertEquals(sw.engine.running(), saved);
    }
}
