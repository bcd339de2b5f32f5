package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import swsh.kernel.LldpAgent;
import swsh.kernel.LldpSpec;
import swsh.kernel.Op;
import swsh.kernel.Plan;

/**
 * LLDP, IGMP snooping and the voice VLAN on the in-memory kernel: the ops planned (and none when the
 * same config is applied again), the lldpd commands the agent runs, running-config and the shows.
 * The real kernel's side is in {@code kernel/LldpTest} and {@code kernel/IgmpSnoopingTest}.
 */
class LldpIgmpVoiceTest {
    private static List<Op> ops(TestSwitch sw) {
        return sw.kernel.appliedOps();
    }

    @Test
    void igmpQuerierGivesEachVlanItsOwnContextAndReplansNothing() {
        TestSwitch sw = new TestSwitch();
        TestSwitch.Run r = sw.script("conf t", "vlan 10,20", "int eth1", "sw acc vl 10", "int eth2", "sw acc vl 20", "end");
        assertEquals(0, r.failed(), r.err());
        assertFalse(ops(sw).stream().anyMatch(o -> o instanceof Op.SetMcast || o instanceof Op.VlanMcast),
                "the defaults are the kernel's: no multicast op");
        int before = sw.kernel.applied().size();
        r = sw.script("conf t", "ip igmp snooping querier", "no ip igmp snooping vlan 20", "end");
        assertEquals(0, r.failed(), r.err());
        List<String> lines = new java.util.ArrayList<>();
        for (Plan p : sw.kernel.applied().subList(before, sw.kernel.applied().size())) lines.addAll(p.lines());
        assertTrue(lines.contains("ip link set dev swbr0 type bridge mcast_vlan_snooping 1"), lines.toString());
        assertTrue(lines.contains("bridge vlan global set dev swbr0 vid 10 mcast_snooping 1 mcast_querier 1"), lines.toString());
        assertTrue(lines.contains("bridge vlan global set dev swbr0 vid 20 mcast_snooping 0 mcast_querier 0"), lines.toString());
        assertTrue(sw.engine.repairPlan().isEmpty(), "applied: nothing left to do");
        String run = sw.script("show running-config").out();
        assertTrue(run.contains("!\nno ip igmp snooping vlan 20\nip igmp snooping querier\n!\n"), run);
        String show = sw.script("show ip igmp snooping vlan 20").out();
        assertTrue(show.contains("IGMP snooping                       : Disabled"), show);
        int drifts = sw.script("show logging").out().split("DRIFT", -1).length;
        r = sw.script("conf t", "no ip igmp snooping querier", "ip igmp snooping vlan 20", "end");
        assertEquals(drifts, sw.script("show logging").out().split("DRIFT", -1).length, "leaving per-VLAN contexts is no drift");
        assertTrue(sw.engine.repairPlan().isEmpty());
        r = sw.script("conf t", "no ip igmp snooping", "end");
        assertTrue(sw.kernel.appliedOps().contains(new Op.SetMcast("swbr0", false, null)), sw.kernel.appliedOps().toString());
        assertTrue(sw.script("show running-config").out().contains("\nno ip igmp snooping\n"));
        assertTrue(sw.engine.repairPlan().isEmpty());
        assertTrue(sw.script("conf t", "no ip igmp snooping vlan").err().contains("% Incomplete command."));
    }

    @Test
    void voiceVlanIsTaggedBesideTheAccessVlan() {
        TestSwitch sw = new TestSwitch();
        TestSwitch.Run r = sw.script("conf t", "int eth1", "switchport access vlan 10", "switchport voice vlan 100", "end");
        assertTrue(r.out().contains("% Voice VLAN does not exist. Creating vlan 100"), r.out());
        List<String> lines = sw.kernel.applied().get(sw.kernel.applied().size() - 1).lines();
        assertTrue(lines.contains("bridge vlan add dev eth1 vid 100"), lines.toString());
        assertTrue(sw.script("show interfaces eth1 switchport").out().contains("Voice VLAN: 100 (VLAN0100)\n"));
        assertTrue(sw.script("show running-config").out().contains(" switchport access vlan 10\n switchport voice vlan 100\n"));
        sw.script("conf t", "int eth1", "no switchport voice vlan", "end");
        assertTrue(sw.kernel.appliedOps().contains(new Op.VlanDel("eth1", 100, 100, false)));
        assertTrue(sw.script("show interfaces eth1 switchport").out().contains("Voice VLAN: none\n"));
    }

    @Test
    void lldpdIsConfiguredOnceAndOnlyWhatChangesIsSentAgain() {
        TestSwitch sw = new TestSwitch();
        LldpAgent.Memory agent = (LldpAgent.Memory) sw.engine.lldp;
        assertEquals("% LLDP is not enabled\n", sw.script("show lldp neighbors").out());
        sw.script("conf t", "hostname core1", "int eth1", "int eth2", "switchport voice vlan 20", "lldp run", "end");
        assertEquals(1, agent.starts());
        LldpSpec s = agent.applied();
        assertTrue(s.run() && s.hostname().equals("core1") && s.ports().keySet().equals(java.util.Set.of("eth1", "eth2")), s.toString());
        assertTrue(agent.commands().contains(List.of("configure", "ports", "eth2", "med", "policy", "application", "voice", "tagged",
                "vlan", "20", "priority", "voice", "dscp", "46")), agent.commands().toString());
        int n = agent.commands().size();
        sw.script("conf t", "int eth1", "no lldp transmit", "end");
        assertEquals(1, agent.starts(), "a port's status needs no restart");
        assertEquals(List.of(List.of("configure", "ports", "eth1", "lldp", "status", "rx-only")), agent.commands().subList(n, agent.commands().size()));
        sw.script("conf t", "lldp timer 5", "lldp holdtime 20", "end");
        assertEquals(List.of("configure", "lldp", "tx-hold", "4"), agent.commands().get(agent.commands().size() - 1));
        String run = sw.script("show running-config").out();
        assertTrue(run.contains("\nlldp timer 5\nlldp holdtime 20\nlldp run\n"), run);
        assertTrue(run.contains("interface eth1\n no lldp transmit\n"), run);
        assertTrue(sw.script("show lldp").out().contains("LLDP hold time advertised is 20 seconds"));
        assertTrue(sw.script("show lldp neighbors").out().contains("Total entries displayed: 0"));
        sw.script("conf t", "no lldp run", "end");
        assertFalse(agent.applied().run());
        assertEquals("% CDP is not enabled\n", sw.script("show cdp neighbors").out());
    }

    @Test
    void aRestartedSwshdStartsTheAgentOfTheRunningConfig() {
        TestSwitch sw = new TestSwitch();
        sw.script("conf t", "lldp run", "int eth1", "end");
        // another engine on the same files and kernel: swshd started again, with no startup-config
        swsh.shell.Switch again = swsh.shell.Switch.of(sw.kernel, new swsh.core.ConfigStore(sw.dir.resolve("etc"), sw.dir.resolve("run")), "Switch");
        assertFalse(again.engine.lldp.applied().run());
        again.engine.startAgents();
        assertEquals(sw.engine.lldp.applied(), again.engine.lldp.applied());
        int n = ((LldpAgent.Memory) again.engine.lldp).commands().size();
        again.engine.startAgents();
        assertEquals(n, ((LldpAgent.Memory) again.engine.lldp).commands().size(), "the same spec again: nothing sent");
    }

    @Test
    void namesLldpdCouldReadOtherwiseAreLeftOut() {
        swsh.kernel.FakeKernel k = swsh.kernel.FakeKernel.of("eth1", "x,y", "e*");
        TestSwitch sw = new TestSwitch(k);
        sw.script("conf t", "lldp run", "int eth1", "end");
        sw.engine.commit(c -> c.editIface("x,y", i -> i).editIface("e*", i -> i));
        assertEquals(java.util.Set.of("eth1"), sw.engine.lldp.applied().ports().keySet());
    }
}
