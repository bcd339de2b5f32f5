package swsh.commands.stp;

import static swsh.commands.Modes.CONFIG;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.grammar.Args;
import swsh.grammar.ParamType;
import swsh.model.Config;
import swsh.model.Stp;
import swsh.model.VlanSet;

/**
 * Global spanning-tree commands: the mode (which protocol runs, if any), the tree's priority and
 * timers ({@code spanning-tree vlan LIST ...}, and the older bridge-wide lines swsh wrote before),
 * the VLANs it is off in, and the portfast/BPDU guard defaults. Per-port commands: {@link StpPortCommands}.
 */
public final class StpCommands {
    private StpCommands() {}

    private static final Arg<Integer> PRIORITY = Arg.of("priority", ParamType.range(0, 61440));
    private static final Arg<Integer> HELLO = Arg.of("hello", ParamType.range(1, 10));
    private static final Arg<Integer> FORWARD = Arg.of("forward", ParamType.range(4, 30));
    private static final Arg<Integer> MAX_AGE = Arg.of("max-age", ParamType.range(6, 40));
    private static final Arg<VlanSet> VLANS = Arg.of("vlans", Types.VLAN_LIST);
    private static final VlanSet ALL = VlanSet.parse("1-4094");

    private static final String PRIO_ERROR = "% Error: Bridge Priority must be in increments of 4096.\n"
            + "% Allowed values are:\n  0     4096  8192  12288 16384 20480 24576 28672\n"
            + "  32768 36864 40960 45056 49152 53248 57344 61440";

    private static void stp(Context x, java.util.function.UnaryOperator<Stp> f) {
        x.edit(c -> c.withStp(f.apply(c.stp())));
    }

    private static VlanSet vlans(Args a) {
        VlanSet v = a.opt(VLANS);
        if (v == null) throw new CommandException("% Incomplete command.");
        return v;
    }

    private static int priority(Args a) {
        int p = a.get(PRIORITY);
        if (p % 4096 != 0) throw new CommandException(PRIO_ERROR);
        return p;
    }

    /** One tree runs for all VLANs: its timers are set for all of them at once. */
    private static void allVlans(VlanSet v, String what) {
        if (!v.equals(ALL)) {
            throw new CommandException("% Error: swsh runs one spanning tree for all VLANs: set its " + what + " with vlan 1-4094");
        }
    }

    /** Global spanning-tree commands. */
    public static void global(Defs d) {
        d.cmd(CONFIG, "spanning-tree mode {pvst|rapid-pvst|mst}", Help.SPANNING_TREE, "Spanning tree operating mode",
                "Per-Vlan spanning tree mode (802.1D, run by the kernel)",
                "Per-Vlan rapid spanning tree mode (802.1w, one tree for all VLANs)",
                "Multiple spanning tree mode (802.1w, one instance for all VLANs)")
                .run((x, a) -> stp(x, s -> s.withMode(a.has("pvst") ? Stp.Mode.PVST : a.has("mst") ? Stp.Mode.MST : Stp.Mode.RAPID_PVST)))
                .no((x, a) -> stp(x, s -> s.withMode(null)))
                .renders(Config.class, StpCommands::render);
        // what swsh wrote before spanning-tree mode existed: still read from old files, written the IOS way
        d.cmd(CONFIG, "spanning-tree", Help.SPANNING_TREE)
                .run((x, a) -> stp(x, s -> s.enabled() ? s : s.withMode(Stp.Mode.PVST)))
                .no((x, a) -> stp(x, s -> s.withMode(null)));
        d.cmd(CONFIG, "spanning-tree vlan $vlans", Help.SPANNING_TREE, "VLAN Switch Spanning Tree", "vlan range, example: 1,3-5,7,9-11")
                .bind(VLANS)
                .run((x, a) -> stp(x, s -> s.withOffVlans(minus(s.offVlans(), vlans(a)))))
                .no((x, a) -> stp(x, s -> s.withOffVlans(plus(s.offVlans(), vlans(a)))));
        d.cmd(CONFIG, "spanning-tree vlan $vlans priority $priority", Help.SPANNING_TREE, "VLAN Switch Spanning Tree",
                "vlan range, example: 1,3-5,7,9-11", "Set the bridge priority for the spanning tree",
                "bridge priority in increments of 4096").bind(VLANS, PRIORITY)
                .run((x, a) -> {
                    int p = priority(a);
                    stp(x, s -> withPriority(s, vlans(a), p));
                })
                .no((x, a) -> stp(x, s -> withPriority(s, vlans(a), null)));
        legacyPriority(d);
        timer(d, "hello-time", "$hello", HELLO, "Set the hello interval for the spanning tree",
                "number of seconds between generation of config BPDUs", (s, v) -> s.withHelloTime(v == null ? Stp.DEFAULT.helloTime() : v));
        timer(d, "forward-time", "$forward", FORWARD, "Set the forward delay for the spanning tree",
                "number of seconds for the forward delay timer", (s, v) -> s.withForwardTime(v == null ? Stp.DEFAULT.forwardTime() : v));
        timer(d, "max-age", "$max-age", MAX_AGE, "Set the max age interval for the spanning tree",
                "maximum number of seconds the information in a BPDU is valid", (s, v) -> s.withMaxAge(v == null ? Stp.DEFAULT.maxAge() : v));
        d.cmd(CONFIG, "spanning-tree portfast default", Help.SPANNING_TREE, Help.PORTFAST, "Enable portfast by default on all access ports")
                .run((x, a) -> stp(x, s -> s.withPortfastDefault(true)))
                .no((x, a) -> stp(x, s -> s.withPortfastDefault(false)));
        d.cmd(CONFIG, "spanning-tree portfast bpduguard default", Help.SPANNING_TREE, Help.PORTFAST,
                "Enable BPDU guard for this interface", "Enable bpdu guard by default on all portfast ports")
                .run((x, a) -> stp(x, s -> s.withBpduguardDefault(true)))
                .no((x, a) -> stp(x, s -> s.withBpduguardDefault(false)));
    }

    /** {@code spanning-tree vlan LIST NAME N}, and the older bridge-wide {@code spanning-tree NAME N}. */
    private static void timer(Defs d, String name, String param, Arg<Integer> arg, String help, String valueHelp,
                              BiFunction<Stp, Integer, Stp> set) {
        d.cmd(CONFIG, "spanning-tree vlan $vlans " + name + " " + param, Help.SPANNING_TREE, "VLAN Switch Spanning Tree",
                "vlan range, example: 1,3-5,7,9-11", help, valueHelp).bind(VLANS, arg)
                .run((x, a) -> {
                    allVlans(vlans(a), name);
                    stp(x, s -> set.apply(s, a.get(arg)));
                })
                .no((x, a) -> {
                    allVlans(vlans(a), name);
                    stp(x, s -> set.apply(s, null));
                });
        d.cmd(CONFIG, "spanning-tree " + name + " " + param, Help.SPANNING_TREE, help, valueHelp).bind(arg)
                .run((x, a) -> stp(x, s -> set.apply(s, a.get(arg))))
                .no((x, a) -> stp(x, s -> set.apply(s, null)));
    }

    /** The older bridge-wide {@code spanning-tree priority N}: the priority of every VLAN. */
    private static void legacyPriority(Defs d) {
        d.cmd(CONFIG, "spanning-tree priority $priority", Help.SPANNING_TREE, "Set the bridge priority for the spanning tree",
                "bridge priority in increments of 4096").bind(PRIORITY)
                .run((x, a) -> {
                    int p = priority(a);
                    stp(x, s -> withPriority(s, ALL, p));
                })
                .no((x, a) -> stp(x, s -> withPriority(s, ALL, null)));
    }

    private static Stp withPriority(Stp s, VlanSet v, Integer p) {
        if (v.equals(ALL)) return s.withPriority(p == null ? Stp.DEFAULT_PRIORITY : p);
        TreeMap<Integer, Integer> m = new TreeMap<>(s.vlanPriorities());
        for (int vid : v.ids()) {
            if (p == null || p == s.priority()) m.remove(vid);
            else m.put(vid, p);
        }
        return s.withVlanPriorities(m);
    }

    private static java.util.Set<Integer> plus(java.util.Set<Integer> a, VlanSet b) {
        TreeSet<Integer> s = new TreeSet<>(a);
        s.addAll(b.ids());
        return s;
    }

    private static java.util.Set<Integer> minus(java.util.Set<Integer> a, VlanSet b) {
        TreeSet<Integer> s = new TreeSet<>(a);
        b.ids().forEach(s::remove);
        return s;
    }

    /** The global lines as a Catalyst orders them. */
    private static List<String> render(Config c) {
        Stp s = c.stp(), dflt = Stp.DEFAULT;
        List<String> l = new ArrayList<>();
        if (s.enabled()) l.add("spanning-tree mode " + s.mode().keyword);
        if (s.portfastDefault()) l.add("spanning-tree portfast default");
        if (s.bpduguardDefault()) l.add("spanning-tree portfast bpduguard default");
        if (!s.offVlans().isEmpty()) l.add("no spanning-tree vlan " + VlanSet.of(s.offVlans()));
        if (s.priority() != dflt.priority()) l.add("spanning-tree vlan 1-4094 priority " + s.priority());
        Map<Integer, List<Integer>> byPriority = new TreeMap<>();
        s.vlanPriorities().forEach((vid, p) -> byPriority.computeIfAbsent(p, k -> new ArrayList<>()).add(vid));
        byPriority.forEach((p, vids) -> l.add("spanning-tree vlan " + VlanSet.of(vids) + " priority " + p));
        if (s.helloTime() != dflt.helloTime()) l.add("spanning-tree vlan 1-4094 hello-time " + s.helloTime());
        if (s.forwardTime() != dflt.forwardTime()) l.add("spanning-tree vlan 1-4094 forward-time " + s.forwardTime());
        if (s.maxAge() != dflt.maxAge()) l.add("spanning-tree vlan 1-4094 max-age " + s.maxAge());
        return l;
    }
}
