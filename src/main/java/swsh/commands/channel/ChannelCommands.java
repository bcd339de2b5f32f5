package swsh.commands.channel;

import static swsh.commands.Modes.CONFIG;
import static swsh.commands.Modes.PORT;

import java.util.List;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.port.InterfaceCommands;
import swsh.grammar.Arg;
import swsh.grammar.Command;
import swsh.grammar.ParamType;
import swsh.model.Channel;
import swsh.model.Config;
import swsh.model.Iface;

/**
 * EtherChannel: {@code interface port-channel N} (the channel's switchport settings, one bridge port) and
 * {@code channel-group N mode active|passive|on} on its member ports. A member's switchport settings are
 * the channel's: joining a channel that does not exist yet creates it with the member's settings, as
 * IOS does, and the member's own settings go; a member leaving takes the channel's.
 */
public final class ChannelCommands {
    private ChannelCommands() {}

    static final ParamType<Integer> GROUP = ParamType.range(1, Channel.MAX_GROUP);
    private static final Arg<Integer> NUM = Arg.of("num", GROUP);
    private static final Arg<Integer> CHANNEL = Arg.of("channel", GROUP);

    /** Members are ports (a channel's member may change its own {@code channel-group}, unlike its switchport settings). */
    private static final Command.Guard<Context> NOT_SVI = x -> {
        for (String n : x.ifaces()) {
            if (Iface.isSvi(n)) throw new CommandException("% Error: command not applicable to VLAN interface " + n);
        }
    };

    /** {@code interface port-channel N}, defined beside {@code interface vlan N}. */
    public static void define(Defs d) {
        d.cmd(CONFIG, "interface port-channel $num", Help.INTERFACE, "Ethernet Channel of interfaces", "Port-channel interface number")
                .bind(NUM)
                .run((x, a) -> InterfaceCommands.enter(x, Channel.name(a.get(NUM))))
                .noWithArgs((x, a) -> x.edit(c -> Channel.without(c, Channel.name(a.get(NUM)))));
    }

    /** {@code channel-group}: rendered after {@code shutdown}, as a Catalyst does. */
    public static void port(Defs d) {
        d.cmd(PORT, "channel-group $channel mode {active|passive|on}", "Etherchannel/port bundling configuration",
                "Channel group number", "Etherchannel Mode of the interface", "Enable LACP unconditionally",
                "Enable LACP only if a LACP device is detected", "Enable Etherchannel only")
                .bind(CHANNEL).guard(NOT_SVI)
                .run((x, a) -> join(x, a.get(CHANNEL),
                        a.has("active") ? Channel.Mode.ACTIVE : a.has("passive") ? Channel.Mode.PASSIVE : Channel.Mode.ON))
                .no((x, a) -> x.edit(c -> {
                    Config n = c;
                    for (String name : x.ifaces()) n = leave(n, name);
                    return n;
                }))
                .renders(Iface.class, i -> i.channel() == null ? List.of()
                        : List.of("channel-group " + i.channel().group() + " mode " + i.channel().mode().name().toLowerCase()));
    }

    private static void join(Context x, int group, Channel.Mode mode) {
        String po = Channel.name(group);
        for (String name : x.ifaces()) {
            if (Channel.isPortChannel(name)) {
                throw new CommandException("% Error: channel-group cannot be configured on a port-channel interface (" + name + ")");
            }
            Iface i = x.config().ifaces().get(name);
            if (i != null && !i.switchport()) {
                throw new CommandException("% Error: Command rejected (" + po + ", " + name + "): Either port is L2 and port-channel is L3, or vice-versa");
            }
            for (Iface m : Channel.members(x.config(), group)) {
                if (!m.name().equals(name) && m.channel().mode().lacp() != mode.lacp()) {
                    throw new CommandException("% Error: Command rejected (Channel protocol mismatch for interface " + name + " in group " + group
                            + "): the interface can not be added to the channel group");
                }
            }
        }
        if (!x.config().ifaces().containsKey(po)) x.println("Creating a port-channel interface Port-channel " + group);
        x.edit(c -> {
            Config n = c;
            for (String name : x.ifaces()) {
                Iface i = n.ifaces().getOrDefault(name, Iface.named(name));
                if (i.channel() != null && i.channel().group() != group) n = leave(n, name);
                i = n.ifaces().getOrDefault(name, Iface.named(name));
                if (!n.ifaces().containsKey(po)) n = n.withIface(Channel.switchport(i, Iface.named(po)));
                // a member loses what only its channel may have: switchport, MTU, spanning-tree, port security, storm control
                n = n.withIface(Channel.switchport(Iface.named(name), i).withMtu(null).withStpCost(null).withStpPriority(null)
                        .withBpduguard(null).withRootGuard(false).withStpPort(null).withSecurity(null).withStorm(null)
                        .withChannel(new Channel(group, mode)));
            }
            return n;
        });
    }

    /** {@code name} leaves its channel, taking the channel's switchport settings. */
    private static Config leave(Config c, String name) {
        Iface i = c.ifaces().get(name);
        if (i == null || i.channel() == null) return c;
        Iface po = c.ifaces().get(Channel.name(i.channel().group()));
        return c.withIface((po == null ? i : Channel.switchport(po, i)).withChannel(null));
    }
}
