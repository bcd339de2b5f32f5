package swsh.commands.stp;

import static swsh.commands.Modes.CONFIG;
import static swsh.commands.Modes.PORT;

import java.util.ArrayList;
import java.util.List;

import swsh.commands.CommandException;
import swsh.commands.Defs;
import swsh.commands.Guards;
import swsh.commands.Help;
import swsh.commands.RunningConfig;
import swsh.grammar.Arg;
import swsh.grammar.ParamType;
import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.Stp;

/** Spanning tree: the bridge-wide tree and its timers, and each port's cost, priority and guards. */
public final class StpCommands {
    private StpCommands() {}

    private static final Arg<Integer> PRIORITY = Arg.of("priority", ParamType.range(0, 61440));
    private static final Arg<Integer> HELLO = Arg.of("hello", ParamType.range(1, 10));
    private static final Arg<Integer> FORWARD = Arg.of("forward", ParamType.range(4, 30));
    private static final Arg<Integer> MAX_AGE = Arg.of("max-age", ParamType.range(6, 40));
    private static final Arg<Integer> COST = Arg.of("cost", ParamType.range(1, 200000000));
    private static final Arg<Integer> PORT_PRIORITY = Arg.of("port-priority", ParamType.range(0, 240));

    /** Global spanning-tree commands. */
    public static void global(Defs d) {
        d.cmd(CONFIG, "spanning-tree", Help.SPANNING_TREE)
                .run((x, a) -> x.edit(c -> c.withStp(c.stp().withEnabled(true))))
                .no((x, a) -> x.edit(c -> c.withStp(c.stp().withEnabled(false))))
                .renders(Config.class, c -> {
                    Stp s = c.stp(), dflt = Stp.DEFAULT;
                    List<String> l = new ArrayList<>();
                    if (s.enabled()) l.add("spanning-tree");
                    if (s.priority() != dflt.priority()) l.add("spanning-tree priority " + s.priority());
                    if (s.helloTime() != dflt.helloTime()) l.add("spanning-tree hello-time " + s.helloTime());
                    if (s.forwardTime() != dflt.forwardTime()) l.add("spanning-tree forward-time " + s.forwardTime());
                    if (s.maxAge() != dflt.maxAge()) l.add("spanning-tree max-age " + s.maxAge());
                    return l;
                });
        d.cmd(CONFIG, "spanning-tree priority $priority", Help.SPANNING_TREE, "Set the bridge priority for the spanning tree",
                "bridge priority in increments of 4096").bind(PRIORITY)
                .run((x, a) -> {
                    int p = a.get(PRIORITY);
                    if (p % 4096 != 0) {
                        throw new CommandException("% Error: Bridge Priority must be in increments of 4096.\n"
                                + "% Allowed values are:\n  0     4096  8192  12288 16384 20480 24576 28672\n"
                                + "  32768 36864 40960 45056 49152 53248 57344 61440");
                    }
                    x.edit(c -> c.withStp(c.stp().withPriority(p)));
                })
                .no((x, a) -> x.edit(c -> c.withStp(c.stp().withPriority(Stp.DEFAULT.priority()))));
        d.cmd(CONFIG, "spanning-tree hello-time $hello", Help.SPANNING_TREE, "Set the hello interval for the spanning tree",
                "number of seconds between generation of config BPDUs").bind(HELLO)
                .run((x, a) -> x.edit(c -> c.withStp(c.stp().withHelloTime(a.get(HELLO)))))
                .no((x, a) -> x.edit(c -> c.withStp(c.stp().withHelloTime(Stp.DEFAULT.helloTime()))));
        d.cmd(CONFIG, "spanning-tree forward-time $forward", Help.SPANNING_TREE, "Set the forward delay for the spanning tree",
                "number of seconds for the forward delay timer").bind(FORWARD)
                .run((x, a) -> x.edit(c -> c.withStp(c.stp().withForwardTime(a.get(FORWARD)))))
                .no((x, a) -> x.edit(c -> c.withStp(c.stp().withForwardTime(Stp.DEFAULT.forwardTime()))));
        d.cmd(CONFIG, "spanning-tree max-age $max-age", Help.SPANNING_TREE, "Set the max age interval for the spanning tree",
                "maximum number of seconds the information in a BPDU is valid").bind(MAX_AGE)
                .run((x, a) -> x.edit(c -> c.withStp(c.stp().withMaxAge(a.get(MAX_AGE)))))
                .no((x, a) -> x.edit(c -> c.withStp(c.stp().withMaxAge(Stp.DEFAULT.maxAge()))));
    }

    /** Per-port spanning-tree commands (physical ports only). */
    public static void port(Defs d) {
        d.cmd(PORT, "spanning-tree cost $cost", Help.SPANNING_TREE, "Change an interface's spanning tree port path cost",
                "port path cost").bind(COST).guard(Guards.PHYSICAL)
                .run((x, a) -> x.editIfaces(i -> i.withStpCost(a.get(COST))))
                .no((x, a) -> x.editIfaces(i -> i.withStpCost(null)))
                .renders(Iface.class, i -> RunningConfig.lineIf(i.stpCost() != null, "spanning-tree cost " + i.stpCost()));
        d.cmd(PORT, "spanning-tree port-priority $port-priority", Help.SPANNING_TREE,
                "Change an interface's spanning tree port priority", "port priority in increments of 16").bind(PORT_PRIORITY)
                .guard(Guards.PHYSICAL)
                .run((x, a) -> {
                    int p = a.get(PORT_PRIORITY);
                    if (p % 16 != 0) throw new CommandException("% Error: Port Priority in increments of 16 is required");
                    x.editIfaces(i -> i.withStpPriority(p));
                })
                .no((x, a) -> x.editIfaces(i -> i.withStpPriority(null)))
                .renders(Iface.class, i -> RunningConfig.lineIf(i.stpPriority() != null, "spanning-tree port-priority " + i.stpPriority()));
        d.cmd(PORT, "spanning-tree bpduguard {enable|disable}", Help.SPANNING_TREE, "Don't accept BPDUs on this interface",
                "Enable BPDU guard for this interface", "Disable BPDU guard for this interface").guard(Guards.PHYSICAL)
                .run((x, a) -> x.editIfaces(i -> i.withBpduguard(a.has("enable"))))
                .no((x, a) -> x.editIfaces(i -> i.withBpduguard(null)))
                .renders(Iface.class, i -> i.bpduguard() == null ? List.of()
                        : List.of("spanning-tree bpduguard " + (i.bpduguard() ? "enable" : "disable")));
        d.cmd(PORT, "spanning-tree guard {root|none}", Help.SPANNING_TREE, "Change an interface's spanning tree guard mode",
                "Set guard mode to root guard on interface", "Set guard mode to none").guard(Guards.PHYSICAL)
                .run((x, a) -> x.editIfaces(i -> i.withRootGuard(a.has("root"))))
                .no((x, a) -> x.editIfaces(i -> i.withRootGuard(false)))
                .renders(Iface.class, i -> RunningConfig.lineIf(i.rootGuard(), "spanning-tree guard root"));
    }
}
