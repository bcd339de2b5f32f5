package swsh.commands.port;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import swsh.commands.Types;
import swsh.core.Counters;
import swsh.kernel.State;

/**
 * {@code show interfaces [X]}: the Catalyst layout of one interface, its state, hardware, MTU and the
 * kernel's counters ({@code ip -s -s} stats64), in the lines and words the IOS parsers (TextFSM's
 * cisco_ios show interfaces) read.
 *
 * <p>What the kernel does not keep is left out or printed as a constant, never made up as a measure:
 * <ul>
 * <li>rates: the {@code 5 minute input/output rate} lines are swshd's, from samples of the kernel's totals
 *     ({@link Counters}); the counters count from the last {@code clear counters} (offsets kept in swshd);
 * <li>left out: the load line's measure (the kernel keeps no load), last input/output (no
 *     timestamps), keepalive, flow control, ARP timeout, broadcasts received (not counted), runts and
 *     giants (the kernel lumps them as length errors, which the input errors include);
 * <li>constants: reliability 255/255 and load 1/255 (the MTU line ends with a comma that this line
 *     continues), DLY 10 usec, BW 1000000 Kbit/sec when the speed is unknown (veth, no carrier), the
 *     input queue's size, max and flushes (0/75/../0, the IOS idle figures: Linux has no per-device
 *     input queue; its drops are the kernel's rx_dropped), no buffer, watchdog, pause
 *     frames, interface resets, babbles, deferred, no carrier: 0;
 * <li>from the kernel: packets and bytes each way, input errors (rx errors), CRC, frame, overrun
 *     (rx over_errors), ignored (rx missed_errors), multicast (rx multicast, as the driver counts it),
 *     input drops (rx dropped), output drops (tx dropped), underruns (tx fifo_errors), output errors,
 *     collisions, late collision (tx window_errors), lost carrier (tx carrier_errors), the queueing
 *     discipline and the transmit queue length.
 * </ul>
 */
final class InterfaceDetail {
    private InterfaceDetail() {}

    /** IOS's delay of a Gigabit port. */
    static final String DELAY = "DLY 10 usec,";
    /** Bandwidth when the kernel knows no speed: a Gigabit port's. */
    static final long DEFAULT_BW_KBIT = 1_000_000;

    /** The first line of a port's {@code show interfaces} and {@code show ip interface}: its state. */
    static String head(SwitchPorts.Port p) {
        SwitchPorts.Line line = SwitchPorts.line(p);
        return p.name() + " is " + line.link + ", line protocol is " + line.protocol + " (" + line.status + ")";
    }

    /** The first line of an SVI's {@code show interfaces} and {@code show ip interface}. */
    static String head(SwitchPorts.Svi s) {
        String[] line = SwitchPorts.line(s);
        return s.name() + " is " + line[0] + ", line protocol is " + line[1];
    }

    static List<String> port(SwitchPorts.Port p, Counters k) {
        return port(p, k, null);
    }

    /** A port's lines; a bond's with {@code Members in this channel} (its kernel members) after the media type. */
    static List<String> port(SwitchPorts.Port p, Counters k, List<String> members) {
        State.Link l = p.link();
        List<String> out = new ArrayList<>();
        out.add(head(p));
        out.add("  Hardware is " + hardware(l) + (l == null ? "" : address(l)));
        description(out, SwitchPorts.description(p.cfg(), l));
        if (l == null) return out;
        addresses(out, l);
        mtu(out, l);
        Integer speed = l.hw().speed();
        String duplex = l.hw().duplex();
        out.add("  " + (duplex == null ? "Auto-duplex" : capital(duplex) + "-duplex") + ", "
                + (speed == null ? "Auto-speed" : speed >= 10000 && speed % 1000 == 0 ? speed / 1000 + "Gb/s" : speed + "Mb/s")
                + ", media type is " + SwitchPorts.type(l));
        if (members != null && !members.isEmpty()) out.add("  Members in this channel: " + String.join(" ", members));
        counters(out, l, k);
        return out;
    }

    static List<String> svi(SwitchPorts.Svi s, Counters k) {
        State.Link l = s.link();
        List<String> out = new ArrayList<>();
        out.add(head(s));
        out.add("  Hardware is EtherSVI" + (l == null ? "" : address(l)));
        description(out, SwitchPorts.description(s.cfg(), l));
        if (l == null) return out;
        addresses(out, l);
        mtu(out, l);
        counters(out, l, k);
        return out;
    }

    private static String hardware(State.Link l) {
        if (l == null) return "not present";
        if ("loopback".equals(l.hw().linkType())) return "Loopback";
        if ("bond".equals(l.kind())) return "EtherChannel";
        if ("bridge".equals(l.kind())) return "Bridge";
        return "Ethernet";
    }

    private static String address(State.Link l) {
        if (l.mac() == null || !l.mac().matches("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}")) return "";
        String mac = Types.ciscoMac(l.mac());
        return ", address is " + mac + " (bia " + mac + ")";
    }

    private static void description(List<String> out, String d) {
        if (d != null && !d.isEmpty()) out.add("  Description: " + d);
    }

    private static void addresses(List<String> out, State.Link l) {
        if (!l.addrs().isEmpty()) out.add("  Internet address is " + l.addrs().get(0));
        for (String a : l.addrs().subList(Math.min(1, l.addrs().size()), l.addrs().size())) {
            out.add("  Secondary address " + a);
        }
    }

    private static void mtu(List<String> out, State.Link l) {
        Integer speed = l.hw().speed();
        long bw = speed == null ? DEFAULT_BW_KBIT : speed * 1000L;
        out.add("  MTU " + l.mtu() + " bytes, BW " + bw + " Kbit/sec, " + DELAY);
        out.add("     reliability 255/255, txload 1/255, rxload 1/255");
        out.add("  Encapsulation ARPA, loopback not set");
    }

    private static void counters(List<String> out, State.Link l, Counters k) {
        State.Stats c = l.stats();
        State.Hardware hw = l.hw();
        out.add("  Last clearing of \"show interface\" counters " + since(k.sinceCleared(l)));
        out.add("  Input queue: 0/75/" + c.rxDropped() + "/0 (size/max/drops/flushes); Total output drops: " + c.txDropped());
        out.add("  Queueing strategy: " + (hw.qdisc() == null ? "fifo" : hw.qdisc()));
        out.add("  Output queue: 0/" + hw.txqlen() + " (size/max)");
        Counters.Rate r = k.rate(l);
        out.add("  5 minute input rate " + r.inBits() + " bits/sec, " + r.inPackets() + " packets/sec");
        out.add("  5 minute output rate " + r.outBits() + " bits/sec, " + r.outPackets() + " packets/sec");
        out.add("     " + c.rxPackets() + " packets input, " + c.rxBytes() + " bytes, 0 no buffer");
        out.add("     " + c.rxErrors() + " input errors, " + c.rxCrcErrors() + " CRC, " + c.rxFrameErrors() + " frame, "
                + c.rxOverErrors() + " overrun, " + c.rxMissedErrors() + " ignored");
        out.add("     0 watchdog, " + c.rxMulticast() + " multicast, 0 pause input");
        out.add("     " + c.txPackets() + " packets output, " + c.txBytes() + " bytes, " + c.txFifoErrors() + " underruns");
        out.add("     " + c.txErrors() + " output errors, " + c.collisions() + " collisions, 0 interface resets");
        out.add("     0 babbles, " + c.txWindowErrors() + " late collision, 0 deferred");
        out.add("     " + c.txCarrierErrors() + " lost carrier, 0 no carrier, 0 pause output");
    }

    /** IOS's elapsed time: {@code never}, {@code 00:01:23} under a day, {@code 1d02h} under a week, else {@code 2w3d}. */
    static String since(Duration d) {
        if (d == null) return "never";
        long s = d.getSeconds();
        if (s < 86400) return String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        if (s < 7 * 86400) return String.format("%dd%02dh", s / 86400, s / 3600 % 24);
        return String.format("%dw%dd", s / (7 * 86400), s / 86400 % 7);
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
