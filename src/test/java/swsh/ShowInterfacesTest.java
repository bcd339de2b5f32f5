package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import swsh.kernel.FakeKernel;
import swsh.kernel.Op;
import swsh.kernel.Plan;
import swsh.kernel.State;

/**
 * {@code show interfaces [X] [status|counters]} and {@code show ip interface brief} on the in-memory
 * kernel: which interfaces they list, and that state, speed and counters are the kernel's.
 */
class ShowInterfacesTest {
    /**
     * Ports eth1..eth8 (veth), eth9 a 10G NIC nobody configured, and eth0 the host's management NIC
     * (198.51.100.7/24). eth1-2 access VLAN 10, eth3 a trunk, eth4 shut down, eth2 without carrier,
     * Vlan10 with an address and Vlan20 without; eth5..eth9 unconfigured.
     */
    static TestSwitch lab() {
        FakeKernel k = FakeKernel.of("eth1", "eth2", "eth3", "eth4", "eth5", "eth6", "eth7", "eth8");
        k.nic("eth0", 1000, "full");
        k.address("eth0", "198.51.100.7/24");
        k.nic("eth9", 10000, "full");
        TestSwitch sw = new TestSwitch(k);
        TestSwitch.Run r = sw.script("conf t", "vlan 10", "name blue", "vlan 20", "int range eth1 - 2", "sw acc vl 10",
                "int eth1", "desc uplink to core", "int eth3", "sw mode trunk", "int eth4", "shutdown",
                "int vlan 10", "ip address 192.0.2.1 255.255.255.0", "int vlan 20", "end");
        assertEquals(0, r.failed(), r.err());
        k.carrier("eth2", false);
        k.count("eth1", new State.Stats(987654, 4321, 17, 5, 321, 2, 9, 1, 3, 2, 123456, 1234, 4, 6, 1, 3, 7, 8));
        k.count("eth9", State.Stats.traffic(10, 1000, 20, 2000));
        return sw;
    }

    static String out(TestSwitch sw, String cmd) {
        TestSwitch.Run r = sw.script(cmd);
        assertEquals(0, r.failed(), cmd + ": " + r.err());
        return r.out();
    }

    @Test
    void statusListsEveryPortTheSwitchCanUseWithTheKernelsSpeedButNotTheManagementPort() {
        assertEquals("""

                Port      Name               Status       Vlan       Duplex  Speed Type
                eth1      uplink to core     connected    10           auto   auto veth
                eth2                         notconnect   10           auto   auto veth
                eth3                         connected    trunk        auto   auto veth
                eth4                         disabled     1            auto   auto veth
                eth5                         disabled     unassigned   auto   auto veth
                eth6                         disabled     unassigned   auto   auto veth
                eth7                         disabled     unassigned   auto   auto veth
                eth8                         disabled     unassigned   auto   auto veth
                eth9                         connected    unassigned a-full  a-10G Ethernet
                """, out(lab(), "show interfaces status"));
    }

    @Test
    void theManagementPortIsListedOnceTheUserConfiguresIt() {
        TestSwitch sw = lab();
        assertFalse(out(sw, "show interfaces status").contains("\neth0 "));
        sw.script("conf t", "int eth0", "end");
        // eth0 holds the management address: interface eth0 leaves it routed (the lockout guard's rule)
        assertTrue(out(sw, "show interfaces status").contains("\neth0                         connected    routed     a-full a-1000 Ethernet\n"));
        sw.script("conf t", "int eth0", "switchport", "end");
        assertTrue(out(sw, "show interfaces status").contains("\neth0                         connected    1          a-full a-1000 Ethernet\n"),
                "a local session may make it a switchport");
    }

    @Test
    void aConfiguredPortTheKernelLostIsNotPresent() {
        TestSwitch sw = lab();
        sw.kernel.apply(new Plan(List.of(new Op.DeleteLink("eth4"))));
        assertEquals("""

                Port      Name               Status       Vlan       Duplex  Speed Type
                eth4                         notconnect   1            auto   auto not present
                """, out(sw, "show interfaces eth4 status"));
        assertEquals("eth4 is down, line protocol is down (notconnect)\n  Hardware is not present\n", out(sw, "show interfaces eth4"));
        assertFalse(out(sw, "show interfaces counters").contains("eth4"), "no counters without a device");
    }

    @Test
    void statusOfOnePort() {
        TestSwitch sw = lab();
        assertEquals("""

                Port      Name               Status       Vlan       Duplex  Speed Type
                eth2                         notconnect   10           auto   auto veth
                """, out(sw, "show interfaces eth2 status"));
        assertEquals("\nPort      Name               Status       Vlan       Duplex  Speed Type\n",
                out(sw, "show interfaces vlan10 status"), "an SVI is no port");
    }

    @Test
    void anUnconfiguredPortHasTheFullLayout() {
        assertEquals("""
                eth5 is administratively down, line protocol is down (disabled)
                  Hardware is Ethernet, address is 0200.0000.0069 (bia 0200.0000.0069)
                  MTU 1500 bytes, BW 1000000 Kbit/sec, DLY 10 usec,
                     reliability 255/255, txload 1/255, rxload 1/255
                  Encapsulation ARPA, loopback not set
                  Auto-duplex, Auto-speed, media type is veth
                  Last clearing of "show interface" counters never
                  Input queue: 0/75/0/0 (size/max/drops/flushes); Total output drops: 0
                  Queueing strategy: noqueue
                  Output queue: 0/1000 (size/max)
                  5 minute input rate 0 bits/sec, 0 packets/sec
                  5 minute output rate 0 bits/sec, 0 packets/sec
                     0 packets input, 0 bytes, 0 no buffer
                     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored
                     0 watchdog, 0 multicast, 0 pause input
                     0 packets output, 0 bytes, 0 underruns
                     0 output errors, 0 collisions, 0 interface resets
                     0 babbles, 0 late collision, 0 deferred
                     0 lost carrier, 0 no carrier, 0 pause output
                """, out(lab(), "show interfaces eth5"));
    }

    @Test
    void everyCounterComesFromTheKernel() {
        assertEquals("""
                eth1 is up, line protocol is up (connected)
                  Hardware is Ethernet, address is 0200.0000.0065 (bia 0200.0000.0065)
                  Description: uplink to core
                  MTU 1500 bytes, BW 1000000 Kbit/sec, DLY 10 usec,
                     reliability 255/255, txload 1/255, rxload 1/255
                  Encapsulation ARPA, loopback not set
                  Auto-duplex, Auto-speed, media type is veth
                  Last clearing of "show interface" counters never
                  Input queue: 0/75/5/0 (size/max/drops/flushes); Total output drops: 6
                  Queueing strategy: noqueue
                  Output queue: 0/1000 (size/max)
                  5 minute input rate 0 bits/sec, 0 packets/sec
                  5 minute output rate 0 bits/sec, 0 packets/sec
                     4321 packets input, 987654 bytes, 0 no buffer
                     17 input errors, 9 CRC, 1 frame, 2 overrun, 2 ignored
                     0 watchdog, 321 multicast, 0 pause input
                     1234 packets output, 123456 bytes, 7 underruns
                     4 output errors, 3 collisions, 0 interface resets
                     0 babbles, 8 late collision, 0 deferred
                     1 lost carrier, 0 no carrier, 0 pause output
                """, out(lab(), "show interfaces eth1"));
    }

    @Test
    void aNicShowsItsSpeedAndBandwidth() {
        String eth9 = out(lab(), "show interfaces eth9");
        assertTrue(eth9.startsWith("eth9 is up, line protocol is up (connected)\n"), eth9);
        assertTrue(eth9.contains("\n  MTU 1500 bytes, BW 10000000 Kbit/sec, DLY 10 usec,\n"), eth9);
        assertTrue(eth9.contains("\n  Full-duplex, 10Gb/s, media type is Ethernet\n"), eth9);
        assertTrue(eth9.contains("\n     10 packets input, 1000 bytes, 0 no buffer\n"), eth9);
        assertTrue(eth9.contains("\n     20 packets output, 2000 bytes, 0 underruns\n"), eth9);
    }

    @Test
    void svisShowAsVlanN() {
        TestSwitch sw = lab();
        String vlan10 = out(sw, "show interfaces vlan 10");
        assertTrue(vlan10.startsWith("""
                Vlan10 is up, line protocol is up
                  Hardware is EtherSVI, address is 0200.0000.0070 (bia 0200.0000.0070)
                  Internet address is 192.0.2.1/24
                  MTU 1500 bytes, BW 1000000 Kbit/sec, DLY 10 usec,
                """), vlan10);
        assertEquals(vlan10, out(sw, "show interfaces Vlan10"));
        assertEquals(vlan10, out(sw, "show interfaces swbr0.10"), "the kernel's name of the SVI");
        assertEquals("Vlan20 is down, line protocol is down\n  Hardware is EtherSVI\n", out(sw, "show interfaces vlan 20"),
                "no kernel device without an address");
    }

    @Test
    void showInterfacesListsTheSvisThenEveryPort() {
        String all = out(lab(), "show interfaces");
        List<String> heads = all.lines().filter(l -> !l.startsWith(" ")).toList();
        assertEquals(List.of("Vlan10 is up, line protocol is up", "Vlan20 is down, line protocol is down",
                "eth1 is up, line protocol is up (connected)", "eth2 is down, line protocol is down (notconnect)",
                "eth3 is up, line protocol is up (connected)", "eth4 is administratively down, line protocol is down (disabled)",
                "eth5 is administratively down, line protocol is down (disabled)",
                "eth6 is administratively down, line protocol is down (disabled)",
                "eth7 is administratively down, line protocol is down (disabled)",
                "eth8 is administratively down, line protocol is down (disabled)",
                "eth9 is up, line protocol is up (connected)"), heads);
    }

    @Test
    void countersAreTheCatalystTablesOfTheKernelsCounters() {
        assertEquals("""
                Port            InOctets    InUcastPkts    InMcastPkts    InBcastPkts
                eth1              987654           4000            321              0
                eth2                   0              0              0              0
                eth3                   0              0              0              0
                eth4                   0              0              0              0
                eth5                   0              0              0              0
                eth6                   0              0              0              0
                eth7                   0              0              0              0
                eth8                   0              0              0              0
                eth9                1000             10              0              0

                Port           OutOctets   OutUcastPkts   OutMcastPkts   OutBcastPkts
                eth1              123456           1234              0              0
                eth2                   0              0              0              0
                eth3                   0              0              0              0
                eth4                   0              0              0              0
                eth5                   0              0              0              0
                eth6                   0              0              0              0
                eth7                   0              0              0              0
                eth8                   0              0              0              0
                eth9                2000             20              0              0
                """, out(lab(), "show interfaces counters"));
        assertEquals("""
                Port            InOctets    InUcastPkts    InMcastPkts    InBcastPkts
                eth9                1000             10              0              0

                Port           OutOctets   OutUcastPkts   OutMcastPkts   OutBcastPkts
                eth9                2000             20              0              0
                """, out(lab(), "show interfaces eth9 counters"));
    }

    @Test
    void ipInterfaceBriefListsEverySviAndEveryPort() {
        assertEquals("""
                Interface              IP-Address      OK? Method Status                Protocol
                Vlan10                 192.0.2.1       YES manual up                    up
                Vlan20                 unassigned      YES unset  down                  down
                eth1                   unassigned      YES unset  up                    up
                eth2                   unassigned      YES unset  down                  down
                eth3                   unassigned      YES unset  up                    up
                eth4                   unassigned      YES unset  administratively down down
                eth5                   unassigned      YES unset  administratively down down
                eth6                   unassigned      YES unset  administratively down down
                eth7                   unassigned      YES unset  administratively down down
                eth8                   unassigned      YES unset  administratively down down
                eth9                   unassigned      YES unset  up                    up
                """, out(lab(), "show ip interface brief"));
    }

    @Test
    void anInterfaceNobodyHasIsAnError() {
        TestSwitch.Run r = lab().script("show interfaces eth42");
        assertEquals(1, r.failed());
        assertEquals("line 1: show interfaces eth42\n                        ^\n% Invalid input: interface eth42 not found\n", r.err());
        assertTrue(lab().script("show interfaces vlan 30").err().contains("% Invalid input: interface Vlan30 not found"));
    }

    @Test
    void theOutputFilterWorksOnTheNewCommands() {
        assertEquals("     4321 packets input, 987654 bytes, 0 no buffer\n",
                out(lab(), "show interfaces eth1 | include packets input"));
        assertEquals("Vlan10                 192.0.2.1       YES manual up                    up\n",
                out(lab(), "show ip interface brief | include Vlan10"));
    }
}
