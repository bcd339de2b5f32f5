package swsh.commands.stp;

import static swsh.commands.Modes.PORT;

import java.util.List;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Guards;
import swsh.commands.Help;
import swsh.commands.RunningConfig;
import swsh.grammar.Arg;
import swsh.grammar.ParamType;
import swsh.model.Iface;
import swsh.model.StpPort;

/** Per-port spanning-tree commands (physical ports only): cost, priority, portfast, link type, guards. */
public final class StpPortCommands {
    private StpPortCommands() {}

    private static final Arg<Integer> COST = Arg.of("cost", ParamType.range(1, 200000000));
    private static final Arg<Integer> PORT_PRIORITY = Arg.of("port-priority", ParamType.range(0, 240));

    private static void stpPort(Context x, java.util.function.UnaryOperator<StpPort> f) {
        x.editIfaces(i -> {
            StpPort s = f.apply(i.stpPort() == null ? StpPort.NONE : i.stpPort());
            return i.withStpPort(s.isDefault() ? null : s);
        });
    }

    private static final String PORTFAST_WARNING = "%Warning: portfast should only be enabled on ports connected to a single\n"
            + " host. Connecting hubs, concentrators, switches, bridges, etc... to this\n"
            + " interface  when portfast is enabled, can cause temporary bridging loops.\n"
            + " Use with CAUTION\n";

    public static void define(Defs d) {
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
        d.cmd(PORT, "spanning-tree portfast [{trunk|disable}]", Help.SPANNING_TREE, "Portfast options for the interface",
                "Enable portfast on the interface even in trunk mode", "Disable portfast for this interface").guard(Guards.PHYSICAL)
                .run((x, a) -> {
                    StpPort.Portfast p = a.has("disable") ? StpPort.Portfast.DISABLE : a.has("trunk") ? StpPort.Portfast.TRUNK : StpPort.Portfast.EDGE;
                    stpPort(x, s -> s.withPortfast(p));
                    if (p == StpPort.Portfast.DISABLE) return;
                    x.print(PORTFAST_WARNING);
                    if (p == StpPort.Portfast.TRUNK) return;
                    for (String n : x.ifaces()) {
                        x.println("");
                        x.println("%Portfast has been configured on " + n + " but will only");
                        x.println(" have effect when the interface is in a non-trunking mode.");
                    }
                })
                .no((x, a) -> stpPort(x, s -> s.withPortfast(null)))
                .renders(Iface.class, i -> i.stpPort() == null || i.stpPort().portfast() == null ? List.of()
                        : List.of("spanning-tree portfast" + switch (i.stpPort().portfast()) {
                            case EDGE -> "";
                            case TRUNK -> " trunk";
                            case DISABLE -> " disable";
                        }));
        d.cmd(PORT, "spanning-tree link-type {point-to-point|shared}", Help.SPANNING_TREE, "Specify a link type for spanning tree protocol use",
                "Consider the interface as point-to-point", "Consider the interface as shared").guard(Guards.PHYSICAL)
                .run((x, a) -> stpPort(x, s -> s.withLinkType(a.has("shared") ? StpPort.LinkType.SHARED : StpPort.LinkType.POINT_TO_POINT)))
                .no((x, a) -> stpPort(x, s -> s.withLinkType(null)))
                .renders(Iface.class, i -> i.stpPort() == null || i.stpPort().linkType() == null ? List.of()
                        : List.of("spanning-tree link-type " + (i.stpPort().linkType() == StpPort.LinkType.SHARED ? "shared" : "point-to-point")));
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
