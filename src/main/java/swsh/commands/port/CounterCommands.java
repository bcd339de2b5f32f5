package swsh.commands.port;

import static swsh.commands.Modes.EXEC;
import static swsh.commands.Modes.EXECS;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.Interfaces;
import swsh.grammar.Args;
import swsh.kernel.State;

/**
 * {@code show interfaces [X] counters errors} (a Catalyst's two error tables) and {@code clear counters
 * [X]}, which asks as IOS does and then keeps the counters of now as offsets in swshd (the kernel's
 * counters are never reset; see {@code core/Counters}).
 *
 * <p>The error columns from the kernel's counters: Align-Err the frame errors, FCS-Err the CRC errors,
 * Xmit-Err the transmit errors, Rcv-Err the receive errors, UnderSize the length errors (the kernel keeps
 * runts and giants as one), OutDiscards the transmit drops; Multi-Col the collisions, Late-Col the window
 * errors, Carri-Sen the carrier errors. What the kernel does not count (single and excessive collisions,
 * runts and giants apart) is 0.
 */
public final class CounterCommands {
    private CounterCommands() {}

    public static void define(Defs d) {
        d.cmd(EXECS, "show interfaces [$name] counters errors", Help.SHOW, Help.INTERFACES, Help.IFNAME, "Show interface counters",
                "Show interface error counters").bind(ShowInterfaces.NAME).filterable().run(CounterCommands::errors);
        d.cmd(EXEC, "clear counters [$name]", Help.CLEAR, "Clear counters on one or all interfaces", Help.IFNAME)
                .bind(ShowInterfaces.NAME).run(CounterCommands::clear);
    }

    private static void errors(Context x, Args a) {
        List<State.Link> links = new ArrayList<>();
        for (SwitchPorts.Port p : ShowInterfaces.ports(x, a, true)) if (p.link() != null) links.add(p.link());
        x.println("");
        x.println("Port        Align-Err     FCS-Err    Xmit-Err     Rcv-Err  UnderSize  OutDiscards");
        for (State.Link l : links) {
            State.Stats c = l.stats();
            x.println(String.format("%-10s%11d%12d%12d%12d%11d%13d", l.name(), c.rxFrameErrors(), c.rxCrcErrors(), c.txErrors(),
                    c.rxErrors(), c.rxLengthErrors(), c.txDropped()));
        }
        x.println("");
        x.println("Port      Single-Col  Multi-Col   Late-Col  Excess-Col  Carri-Sen      Runts     Giants");
        for (State.Link l : links) {
            State.Stats c = l.stats();
            x.println(String.format("%-10s%10d%11d%11d%12d%11d%11d%11d", l.name(), 0, c.collisions(), c.txWindowErrors(), 0,
                    c.txCarrierErrors(), 0, 0));
        }
    }

    private static void clear(Context x, Args a) {
        String only = Interfaces.resolve(x, a.opt(ShowInterfaces.NAME));
        String dev = only == null ? null : kernelName(x, only);
        if (dev != null && x.engine().kernel.read().link(dev) == null) {
            throw new CommandException("% Invalid input: interface " + only + " not found", a.column(ShowInterfaces.NAME));
        }
        String answer = x.ask("Clear \"show interface\" counters on " + (only == null ? "all interfaces" : "this interface") + " [confirm]")
                .strip().toLowerCase(Locale.ROOT);
        if (!answer.isEmpty() && !"yes".startsWith(answer)) return;
        x.engine().counters.clear(dev);
        x.logEvent("%CLEAR-5-COUNTERS: Clear counter on " + (only == null ? "all interfaces" : "interface " + only) + " by " + x.userName());
    }

    /** The kernel's name of an interface as shown ({@code Vlan10} is the bridge's VLAN device). */
    private static String kernelName(Context x, String name) {
        return swsh.model.Iface.isSvi(name) ? x.engine().kernel.bridge() + "." + name.substring(4) : name;
    }
}
