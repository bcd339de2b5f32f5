package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which devices swsh reads again after kernel events and its own changes. */
class DirtyTest {
    @Test
    void eventLinesNameTheirDevice() {
        // lines as iproute2 6.1 prints them with ip -o monitor link address
        assertEquals("eth1", Dirty.device("3: eth1@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master swbr0 state UP \\    link/ether 02:00:00:00:00:01"));
        assertEquals("eth3", Dirty.device("Deleted 5: eth3: <BROADCAST,MULTICAST> mtu 1500 master swbr0 state DOWN"));
        assertEquals("vlan10", Dirty.device("7: vlan10    inet 10.0.10.1/24 scope global vlan10\\       valid_lft forever"));
        assertEquals("swbr0", Dirty.device("Deleted 4: swbr0    inet6 fe80::1/64 scope link"));
        assertNull(Dirty.device("Error: receive buffer overrun"));
    }

    @Test
    void aFewDevicesAreReadOneByOneManyOrUnknownInFull() {
        Dirty d = new Dirty();
        assertNull(d.take(), "at first: everything");
        assertEquals(Set.of(), d.take(), "then nothing");
        d.event("3: eth1@if2: <UP> mtu 1500");
        d.event("4: eth2: <UP> mtu 1500");
        assertEquals(Set.of("eth1", "eth2"), d.take());
        d.event("something else");
        assertNull(d.take(), "a line naming no device: everything");
        for (int i = 0; i <= Dirty.MAX_DEVICES; i++) d.add("eth" + i);
        assertNull(d.take(), "many devices: one full read");
        d.event(null);
        assertNull(d.take(), "the monitor ended: events may be lost");
    }

    @Test
    void ownChangesMarkTheirDevicesAndReshapingMarksAll() {
        Dirty d = new Dirty();
        d.take();
        d.touched(List.of(new Op.VlanAdd("eth1", 10, 10, true, true, false), new Op.FdbAdd("02:00:00:00:00:01", "eth2", 10)), "swbr0");
        assertEquals(Set.of("eth1"), d.take(), "a static MAC is not resident state");
        d.touched(List.of(new Op.SetUp("eth4", false)), "swbr0");
        assertEquals(Set.of("eth4", "swbr0"), d.take(), "a port's carrier is the bridge's too");
        d.touched(List.of(new Op.VlanDel("eth1", 10, 10, false), new Op.Enslave("eth5", "swbr0")), "swbr0");
        assertNull(d.take());
    }
}
