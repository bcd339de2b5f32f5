package swsh.commands;

import swsh.grammar.Command;
import swsh.model.Iface;

/** Checks shared by several commands. */
public final class Guards {
    private Guards() {}

    /** Switchport and spanning-tree port settings apply to physical ports, not VLAN interfaces. */
    public static final Command.Guard<Context> PHYSICAL = x -> {
        for (String n : x.ifaces()) {
            if (Iface.isSvi(n)) throw new CommandException("% Error: command not applicable to VLAN interface " + n);
        }
    };

    /** IP addresses go on VLAN interfaces only. */
    public static final Command.Guard<Context> SVI_ONLY = x -> {
        for (String n : x.ifaces()) {
            if (!Iface.isSvi(n)) {
                throw new CommandException("% Error: IP addresses can only be set on VLAN interfaces (interface vlan N); "
                        + n + " is a switchport");
            }
        }
    };
}
