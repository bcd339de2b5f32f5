package swsh.commands.reach;

import static swsh.commands.Modes.EXECS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.grammar.Args;
import swsh.grammar.ParamType;
import swsh.kernel.Planner;
import swsh.kernel.Probe;
import swsh.kernel.State;

/**
 * {@code ping [ip] A.B.C.D [repeat N] [size N] [timeout N] [source VlanN|A.B.C.D]} and {@code traceroute
 * [ip] A.B.C.D} from the switch (its SVIs), in IOS's output layout, through {@link Probe} (iputils ping).
 * IOS's size is the IP datagram's (20 bytes of IP and 8 of ICMP header included); ping's {@code -s} is the
 * payload, 28 less. The round trips are ping's, rounded up to whole ms as IOS counts them.
 */
public final class ReachCommands {
    private ReachCommands() {}

    static final String IP_ECHO = "IP echo";
    private static final Arg<String> ADDR = Arg.of("addr", Types.IPV4);
    private static final Arg<Integer> REPEAT = Arg.of("repeat", ParamType.range(1, 2147483647));
    private static final Arg<Integer> SIZE = Arg.of("size", ParamType.range(36, 18024));
    private static final Arg<Integer> TIMEOUT = Arg.of("timeout", ParamType.range(0, 3600));
    private static final Arg<String> SOURCE = Arg.of("source", ParamType.of("SOURCE", null,
            "(?i)vlan0*[0-9]{1,4}|([0-9]{1,3}\\.){3}[0-9]{1,3}", s -> s));
    private static final Arg<Integer> SOURCE_VLAN = Arg.of("source-vlan", Types.VLAN_ID);
    private static final Arg<String> TRACE_ADDR = Arg.of("target", Types.IPV4);
    /** IOS's traceroute: 3 probes a hop, 3 seconds each, up to 30 hops. */
    static final int PROBES = 3, PROBE_TIMEOUT_S = 3, MAX_TTL = 30;

    public static void define(Defs d) {
        d.cmd(EXECS, "ping [ip] $addr [repeat $repeat] [size $size] [timeout $timeout] [source $source]", "Send echo messages",
                IP_ECHO, "Ping destination address", "specify repeat count", "repeat count", "specify datagram size",
                "datagram size", "specify timeout interval", "timeout in seconds", "specify source address or name",
                "source address or VLAN interface, e.g. Vlan10").bind(ADDR, REPEAT, SIZE, TIMEOUT, SOURCE).user()
                .run((x, a) -> ping(x, a, a.opt(SOURCE) == null ? null : source(x, a.get(SOURCE), a.column(SOURCE))));
        // IOS also takes the interface type and number apart: source Vlan 10
        d.cmd(EXECS, "ping [ip] $addr [repeat $repeat] [size $size] [timeout $timeout] source vlan $source-vlan", "Send echo messages",
                IP_ECHO, "Ping destination address", "specify repeat count", "repeat count", "specify datagram size",
                "datagram size", "specify timeout interval", "timeout in seconds", "specify source address or name",
                "Catalyst Vlans", "Vlan interface number").bind(ADDR, REPEAT, SIZE, TIMEOUT, SOURCE_VLAN).user()
                .run((x, a) -> ping(x, a, source(x, "Vlan" + a.get(SOURCE_VLAN), a.column(SOURCE_VLAN))));
        d.cmd(EXECS, "traceroute [ip] $target", "Trace route to destination", "IP Trace", "Trace route to destination address")
                .bind(TRACE_ADDR).user().run(ReachCommands::traceroute);
    }

    /** {@code src}: the source's kernel name (or address) and address, or null. */
    private static void ping(Context x, Args a, String[] src) {
        String addr = a.get(ADDR);
        int n = a.opt(REPEAT) == null ? 5 : a.get(REPEAT);
        int size = a.opt(SIZE) == null ? 100 : a.get(SIZE);
        int timeout = a.opt(TIMEOUT) == null ? 2 : a.get(TIMEOUT);
        Probe.Echo e = new Probe.Echo(addr, n, size - 28, timeout, src == null ? null : src[0], null);
        x.println("Type escape sequence to abort.");
        x.println("Sending " + n + ", " + size + "-byte ICMP Echos to " + addr + ", timeout is " + timeout + " seconds:");
        if (src != null) x.println("Packet sent with a source address of " + src[1]);
        Map<Integer, Probe.Answer> got = new TreeMap<>();
        Probe.ping(x.engine().kernel, e, ans -> got.putIfAbsent(ans.seq(), ans));
        StringBuilder marks = new StringBuilder();
        int ok = 0;
        long min = Long.MAX_VALUE, max = 0, sum = 0;
        for (int seq = 1; seq <= n; seq++) {
            Probe.Answer ans = got.get(seq);
            if (marks.length() > 0 && (seq - 1) % 70 == 0) marks.append('\n');
            if (ans == null) {
                marks.append('.');
            } else if (ans.kind() == Probe.Kind.ECHO) {
                marks.append('!');
                long ms = (long) Math.ceil(ans.ms());
                ok++;
                min = Math.min(min, ms);
                max = Math.max(max, ms);
                sum += ms;
            } else {
                marks.append(ans.kind() == Probe.Kind.UNREACHABLE ? 'U' : '&');
            }
        }
        x.println(marks.toString());
        x.println("Success rate is " + (ok * 100L / n) + " percent (" + ok + "/" + n + ")"
                + (ok == 0 ? "" : ", round-trip min/avg/max = " + min + "/" + (sum / ok) + "/" + max + " ms"));
    }

    /**
     * {@code VlanN} to its kernel device and address, or an address to itself, checked against the
     * switch's SVIs: IOS pings only from its own up interfaces.
     */
    private static String[] source(Context x, String text, int col) {
        State st = x.engine().kernel.read();
        String bridge = x.engine().kernel.bridge();
        if (Character.isLetter(text.charAt(0))) {
            int vid = Integer.parseInt(text.replaceAll("(?i)vlan0*", "").isEmpty() ? "0" : text.replaceAll("(?i)vlan0*", ""));
            State.Link l = vid < 1 || vid > 4094 ? null : st.link(Planner.sviDevice(bridge, vid));
            if (l == null || l.addrs().isEmpty()) {
                throw new CommandException("% Invalid source interface - Vlan" + vid + " has no IP address", col);
            }
            return new String[] {l.name(), l.addrs().get(0).split("/")[0]};
        }
        for (String part : text.split("\\.")) {
            if (Integer.parseInt(part) > 255) throw new CommandException("% Invalid input detected at '^' marker.", col);
        }
        for (State.Link l : st.links().values()) {
            if (!l.name().startsWith(bridge + ".")) continue;
            for (String cidr : l.addrs()) if (cidr.split("/")[0].equals(text)) return new String[] {text, text};
        }
        throw new CommandException("% Invalid source address- IP address not on any of our up interfaces", col);
    }

    private static void traceroute(Context x, Args a) {
        String addr = a.get(TRACE_ADDR);
        Probe.check(x.engine().kernel);
        x.println("Type escape sequence to abort.");
        x.println("Tracing the route to " + addr);
        x.println("");
        for (int ttl = 1; ttl <= MAX_TTL; ttl++) {
            StringBuilder line = new StringBuilder(String.format("%3d", ttl));
            String shownFrom = null;
            boolean reached = false;
            for (int probe = 0; probe < PROBES; probe++) {
                List<Probe.Answer> got = new ArrayList<>();
                long t0 = System.nanoTime();
                long[] at = {0};
                Probe.ping(x.engine().kernel, new Probe.Echo(addr, 1, 32, PROBE_TIMEOUT_S, null, ttl), ans -> {
                    if (got.isEmpty()) at[0] = System.nanoTime();
                    got.add(ans);
                });
                if (got.isEmpty()) {
                    line.append("  * ");
                    continue;
                }
                Probe.Answer ans = got.get(0);
                if (!ans.from().equals(shownFrom)) {
                    line.append(' ').append(ans.from());
                    shownFrom = ans.from();
                }
                if (ans.kind() == Probe.Kind.UNREACHABLE) {
                    line.append(" !H ");
                    reached = true;
                    continue;
                }
                long ms = ans.ms() != null ? (long) Math.ceil(ans.ms()) : Math.max(1, (at[0] - t0 + 999_999) / 1_000_000);
                line.append(' ').append(ms).append(" msec");
                if (ans.kind() == Probe.Kind.ECHO) reached = true;
            }
            x.println(line.toString().stripTrailing());
            if (reached) return;
        }
    }
}
