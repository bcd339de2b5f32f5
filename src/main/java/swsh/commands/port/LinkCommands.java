package swsh.commands.port;

import static swsh.commands.Modes.PORT;

import java.util.List;
import java.util.function.UnaryOperator;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Guards;
import swsh.commands.RunningConfig;
import swsh.kernel.State;
import swsh.model.Iface;
import swsh.model.PortLink;

/**
 * {@code speed 10|100|1000|auto} and {@code duplex full|half|auto}: set on the NIC with ethtool
 * ({@code kernel/LinkPlanner}). A virtual port (veth, bond...) has no speed of its own to set: refused
 * with a clear error before anything is tried, as the kernel would refuse it.
 */
public final class LinkCommands {
    private LinkCommands() {}

    public static void define(Defs d) {
        d.cmd(PORT, "speed {10|100|1000|auto}", "Configure speed operation.", "Force 10 Mbps operation",
                "Force 100 Mbps operation", "Force 1000 Mbps operation", "Enable AUTO speed configuration").guard(Guards.PHYSICAL)
                .run((x, a) -> {
                    Integer s = a.has("auto") ? null : a.has("10") ? 10 : a.has("100") ? 100 : 1000;
                    set(x, s == null ? null : "speed " + s, l -> l.withSpeed(s));
                })
                .no((x, a) -> set(x, null, l -> l.withSpeed(null)))
                .renders(Iface.class, i -> RunningConfig.lineIf(i.link() != null && i.link().speed() != null,
                        "speed " + PortLink.of(i).speed()));
        d.cmd(PORT, "duplex {full|half|auto}", "Configure duplex operation.", "Force full duplex operation",
                "Force half-duplex operation", "Enable AUTO duplex configuration").guard(Guards.PHYSICAL)
                .run((x, a) -> {
                    String dx = a.has("full") ? "full" : a.has("half") ? "half" : null;
                    set(x, dx == null ? null : "duplex " + dx, l -> l.withDuplex(dx));
                })
                .no((x, a) -> set(x, null, l -> l.withDuplex(null)))
                .renders(Iface.class, i -> RunningConfig.lineIf(i.link() != null && i.link().duplex() != null,
                        "duplex " + PortLink.of(i).duplex()));
    }

    /** Checks that every port of the mode can take {@code what} (null: going back to auto, always fine), then edits. */
    private static void set(Context x, String what, UnaryOperator<PortLink> f) {
        if (what != null) {
            State st = x.engine().kernel.read();
            for (String n : x.ifaces()) {
                State.Link l = st.link(n);
                if (l != null && l.kind() != null) {
                    throw new CommandException("% Error: " + n + " is a " + l.kind() + " device, whose speed and duplex cannot be set"
                            + " (ethtool: Operation not supported); '" + what + "' was not applied");
                }
            }
        }
        List<String> names = x.ifaces();
        x.edit(c -> {
            var n = c;
            for (String name : names) n = n.editIface(name, i -> i.withLink(f.apply(PortLink.of(i)).orNull()));
            return n;
        });
    }
}
