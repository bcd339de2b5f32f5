package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static swsh.kernel.Net.cable;
import static swsh.kernel.Net.host;
import static swsh.kernel.Net.ping;
import static swsh.kernel.Net.sh;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import swsh.commands.Types;

/**
 * LACP port-channels on the real kernel: two swsh switches, each in its own namespace with its own
 * config, joined by two cables bundled into one LACP channel carrying a trunk; a host of each VLAN on
 * each side. Judged by ping, by what each switch says of its partner, and by the traffic still passing
 * when one member's cable is cut.
 */
@Tag("kernel")
class LacpTest {
    @BeforeEach
    void clean() {
        Net.reset();
    }

    private static final String[] VLANS = {"conf t", "vlan 10,20", "int eth1", "sw acc vl 10", "int eth3", "sw acc vl 20"};

    /** Waits (up to 30 s) until {@code show etherchannel summary} shows both members bundled; returns it. */
    static String bundled(Net.Switch sw) throws InterruptedException {
        String s = "";
        for (int i = 0; i < 150; i++) {
            s = sw.run("show etherchannel summary");
            if (s.contains("eth5(P)") && s.contains("eth6(P)")) return s;
            Thread.sleep(200);
        }
        return s;
    }

    /** Runs {@code cmd} until its output contains {@code want} (up to 30 s, tolerant of a loaded machine); returns the last output. */
    static String until(Net.Switch sw, String cmd, String want) throws InterruptedException {
        String s = "";
        for (int i = 0; i < 150; i++) {
            s = sw.run(cmd);
            if (s.contains(want)) return s;
            Thread.sleep(200);
        }
        return s;
    }

    @Test
    void twoSwitchesBundleTwoCablesWithLacpAndSurviveACut() throws Exception {
        host("h1", "sw1", "eth1", "10.0.0.1/24");
        host("h3", "sw1", "eth3", "10.0.0.3/24");
        host("h2", "sw2", "eth1", "10.0.0.2/24");
        host("h4", "sw2", "eth3", "10.0.0.4/24");
        cable("sw1", "eth5", "sw2", "eth5");
        cable("sw1", "eth6", "sw2", "eth6");
        // a bond of the admin's own, with a port in it: swsh must leave both alone
        sh("ip", "-n", "sw1", "link", "add", "bond9", "type", "bond", "mode", "active-backup");
        sh("ip", "-n", "sw1", "link", "add", "spare", "type", "veth", "peer", "name", "spare2");
        sh("ip", "-n", "sw1", "link", "set", "spare", "master", "bond9");
        Net.Switch a = new Net.Switch("sw1"), b = new Net.Switch("sw2");
        a.run(VLANS);
        b.run(VLANS);
        String made = a.run("conf t", "interface range eth5 - 6", "channel-group 1 mode active", "int po1", "sw mode trunk",
                "sw trunk allowed vlan 10,20", "end");
        assertTrue(made.contains("Creating a port-channel interface Port-channel 1"), made);
        b.run("conf t", "interface range eth5 - 6", "channel-group 1 mode passive", "interface port-channel 1", "sw mode trunk",
                "sw trunk allowed vlan 10,20", "end");

        long t0 = System.nanoTime();
        String sum = bundled(a);
        String sumB = bundled(b);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("LACP bundled both members on both sides in " + ms + " ms");
        assertTrue(sum.contains("1      Po1(SU)         LACP      eth5(P)     eth6(P)"), sum);
        assertTrue(sumB.contains("1      Po1(SU)         LACP      eth5(P)     eth6(P)"), sumB);
        assertTrue(ping("h1", "10.0.0.2"), "VLAN 10 across the channel");
        assertTrue(ping("h3", "10.0.0.4"), "VLAN 20 across the channel");
        assertFalse(ping("h1", "10.0.0.4"), "the VLANs stay apart");

        // each side names the other as its partner: sw2's bond is passive, sw1's active
        String macB = Types.ciscoMac(Net.mac("sw2", "Port-channel1")), macA = Types.ciscoMac(Net.mac("sw1", "Port-channel1"));
        String nA = a.run("show lacp neighbor");
        assertTrue(nA.contains("Channel group 1 neighbors"), nA);
        assertTrue(nA.matches("(?s).*\\neth5 +SP +\\d+ +" + macB.replace(".", "\\.") + " +- +0x0 +0x[0-9A-F]+ +0x[0-9A-F]+ +0x3C\\n.*"), nA);
        assertTrue(nA.matches("(?s).*\\neth6 +SP +\\d+ +" + macB.replace(".", "\\.") + " .*"), nA);
        System.out.println(sum + nA);
        String nB = b.run("show lacp neighbor");
        assertTrue(nB.matches("(?s).*\\neth5 +SA +\\d+ +" + macA.replace(".", "\\.") + " +- +0x0 +0x[0-9A-F]+ +0x[0-9A-F]+ +0x3D\\n.*"), nB);

        // the kernel: one bridge port, the bond; the members in it, not in the bridge
        String links = sh("ip", "-n", "sw1", "-d", "link", "show", "Port-channel1");
        assertTrue(links.contains("master swbr0") && links.contains("mode 802.3ad") && links.contains("lacp_active on"), links);
        assertTrue(sh("ip", "-n", "sw2", "-d", "link", "show", "Port-channel1").contains("lacp_active off"));
        assertTrue(sh("ip", "-n", "sw1", "link", "show", "eth5").contains("master Port-channel1"));
        String run = a.run("show running-config");
        assertTrue(run.contains("interface Port-channel1\n switchport trunk allowed vlan 10,20\n switchport mode trunk\n!"), run);
        assertTrue(run.contains("interface eth5\n channel-group 1 mode active\n!"), run);
        assertTrue(a.run("show interfaces status").matches("(?s).*\\nPo1 +connected +trunk .*"));
        assertTrue(a.run("show interfaces trunk").contains("Po1         on               802.1q         trunking      1"));
        assertTrue(a.run("show interfaces port-channel 1").contains("Members in this channel: eth5 eth6"));

        // the same config again sends nothing
        int batches = a.kernel.batches;
        a.run("conf t", "interface range eth5 - 6", "channel-group 1 mode active", "int po1", "sw mode trunk", "end");
        assertEquals(batches, a.kernel.batches, "re-applying the channel changes nothing in the kernel");

        // one cable cut, then the other: the traffic goes on over the one left
        sh("ip", "-n", "sw1", "link", "set", "eth5", "down");
        assertTrue(until(a, "show etherchannel summary", "eth5(D)").contains("eth5(D)"));
        assertTrue(ping("h1", "10.0.0.2"), "VLAN 10 over eth6 alone");
        assertTrue(ping("h3", "10.0.0.4"), "VLAN 20 over eth6 alone");
        sh("ip", "-n", "sw1", "link", "set", "eth5", "up");
        assertTrue(bundled(a).contains("eth5(P)"), "eth5 bundled again on sw1");
        assertTrue(bundled(b).contains("eth5(P)"), "eth5 bundled again on sw2");
        sh("ip", "-n", "sw2", "link", "del", "eth6"); // the cable pulled out: both ends gone
        Thread.sleep(500);
        assertTrue(ping("h1", "10.0.0.2"), "VLAN 10 over eth5 alone");
        assertTrue(ping("h3", "10.0.0.4"), "VLAN 20 over eth5 alone");

        // the channel removed: its members go back to the bridge with its settings; the admin's bond stays
        a.run("conf t", "no interface port-channel 1", "end");
        assertFalse(Net.ok("ip", "-n", "sw1", "link", "show", "Port-channel1"), "the bond is gone");
        assertTrue(sh("ip", "-n", "sw1", "link", "show", "eth5").contains("master swbr0"));
        assertTrue(sh("ip", "-n", "sw1", "link", "show", "spare").contains("master bond9"), "a bond swsh does not own stays as it was");
        b.run("conf t", "no interface Port-channel1", "end");
        assertTrue(ping("h1", "10.0.0.2"), "VLAN 10 over eth5 as a plain trunk");
        assertTrue(ping("h3", "10.0.0.4"), "VLAN 20 over eth5 as a plain trunk");
    }

    @Test
    void passiveChannelsThenOneSideActiveThenStaticModeOnCarriesTraffic() throws Exception {
        host("h1", "sw1", "eth1", "10.0.0.1/24");
        host("h2", "sw2", "eth1", "10.0.0.2/24");
        cable("sw1", "eth5", "sw2", "eth5");
        cable("sw1", "eth6", "sw2", "eth6");
        Net.Switch a = new Net.Switch("sw1"), b = new Net.Switch("sw2");
        String[] passive = {"conf t", "int eth1", "int range eth5 - 6", "channel-group 2 mode passive", "end"};
        a.run(passive);
        b.run(passive);
        // passive is lacp_active off; each side sees its partner passive. Unlike a Catalyst's, two passive
        // 6.1 bonds still bundle: each starts out taking its unknown partner for active (see the README)
        assertTrue(sh("ip", "-n", "sw1", "-d", "link", "show", "Port-channel2").contains("lacp_active off"));
        assertTrue(sh("ip", "-n", "sw2", "-d", "link", "show", "Port-channel2").contains("lacp_active off"));
        System.out.println(a.run("show etherchannel summary"));
        String n = until(a, "show lacp neighbor", "\neth5      SP ");
        System.out.println(n);
        assertTrue(n.matches("(?s).*\\neth5 +SP .*"), "the partner is passive: " + n);

        // one side active: the bond is made again with LACP active, the members join it again, and it bundles
        a.run("conf t", "int range eth5 - 6", "channel-group 2 mode active", "end");
        assertTrue(sh("ip", "-n", "sw1", "-d", "link", "show", "Port-channel2").contains("lacp_active on"));
        String both = "2      Po2(SU)         LACP      eth5(P)     eth6(P)";
        String s = until(a, "show etherchannel summary", both);
        assertTrue(s.contains(both), s);
        assertTrue(ping("h1", "10.0.0.2"), "across the LACP channel");

        // both static (mode on): balance-xor bonds, no LACP, traffic over either cable
        String[] on = {"conf t", "int range eth5 - 6", "no channel-group", "channel-group 2 mode on", "end"};
        a.run(on);
        b.run(on);
        assertTrue(sh("ip", "-n", "sw1", "-d", "link", "show", "Port-channel2").contains("mode balance-xor"));
        String st = until(a, "show etherchannel summary", "2      Po2(SU)         -         eth5(P)     eth6(P)");
        assertTrue(st.contains("2      Po2(SU)         -         eth5(P)     eth6(P)"), st);
        assertTrue(ping("h1", "10.0.0.2"), "across the static channel");
        sh("ip", "-n", "sw2", "link", "set", "eth6", "down");
        Thread.sleep(500);
        assertTrue(ping("h1", "10.0.0.2"), "across the static channel with one cable down");
    }
}
