package swsh.commands;

import swsh.grammar.Command;
import swsh.model.Channel;
import swsh.model.Iface;

/** Checks shared by several commands. */
public final class Guards {
    private Guards() {}

    /** Switchport and spanning-tree port settings apply to physical ports, not VLAN interfaces. */
    public static final Command.Guard<Context> PHYSICAL = x -> {
        for (String n : x.ifaces()) {
            if (Iface.isSvi(n)) throw new CommandException("% Error: command not applicable to VLAN interface " + n);
        }
        Guards.NOT_MEMBER.check(x);
    };

    /** A channel's member takes its switchport settings and MTU from its Port-channel interface. */
    public static final Command.Guard<Context> NOT_MEMBER = x -> {
        for (String n : x.ifaces()) {
            Iface i = x.config().ifaces().get(n);
            if (i != null && i.channel() != null) {
                String po = Channel.name(i.channel().group());
                throw new CommandException("% Error: " + n + " is a member of " + po + "; configure interface " + po + " instead");
            }
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
