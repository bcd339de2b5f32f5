package swsh.commands.port;

import static swsh.commands.Modes.CONFIG;
import static swsh.commands.Modes.IF;
import static swsh.commands.Modes.IF_RANGE;
import static swsh.commands.Modes.PORT;

import java.util.ArrayList;
import java.util.List;

import swsh.commands.CommandException;
import swsh.commands.CommandSet;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.Interfaces;
import swsh.commands.RunningConfig;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.kernel.Quote;
import swsh.model.Channel;
import swsh.model.Config;
import swsh.model.Iface;

/** Selecting interfaces ({@code interface}, {@code interface range}) and what every interface has: description, state. */
public final class InterfaceCommands {
    private InterfaceCommands() {}

    private static final Arg<String> NAME = Arg.of("name", Types.IFNAME);
    private static final Arg<String> RANGE = Arg.of("range", Types.IFRANGE);
    private static final Arg<String> TEXT = Arg.of("text", Types.LINE);

    /** The interface blocks and their first lines. */
    public static void define(Defs d) {
        d.cmd(CONFIG, "interface $name", Help.INTERFACE, Help.IFNAME).bind(NAME)
                .run((x, a) -> enter(x, Interfaces.existing(x, a.get(NAME), a.column(NAME))))
                .noWithArgs((x, a) -> x.edit(c -> Channel.without(c, a.get(NAME))))
                .dflt((x, a) -> {
                    String n = Interfaces.existing(x, a.get(NAME), a.column(NAME));
                    x.edit(c -> c.withIface(Iface.named(n)));
                    x.println("Interface " + n + " set to default configuration");
                })
                .renders(Config.class, c -> {
                    List<String> l = new ArrayList<>();
                    // a Catalyst lists its Port-channel interfaces first
                    for (Iface i : c.ifaces().values()) {
                        if (Channel.isPortChannel(i.name())) l.addAll(RunningConfig.block(CommandSet.grammar(), IF, "interface " + i.name(), i));
                    }
                    for (Iface i : c.ifaces().values()) {
                        if (!Channel.isPortChannel(i.name())) l.addAll(RunningConfig.block(CommandSet.grammar(), IF, "interface " + i.name(), i));
                    }
                    return l;
                });
        d.cmd(CONFIG, "interface range $range", Help.INTERFACE, "interface range command", "Interfaces, e.g. eth1 - 4, eth7")
                .bind(RANGE)
                .run((x, a) -> {
                    List<String> names = Interfaces.range(x, a.get(RANGE), a.column(RANGE));
                    for (String n : names) warnIfManaged(x, n);
                    x.edit(c -> {
                        Config n = c;
                        for (String i : names) if (!n.ifaces().containsKey(i)) n = n.withIface(fresh(x, i));
                        return n;
                    });
                    x.enter(IF_RANGE, names, 0);
                });
        d.cmd(PORT, "description $text", "Interface specific description", "Up to 240 characters describing this interface")
                .bind(TEXT)
                .run((x, a) -> {
                    String text = a.get(TEXT);
                    if (text.length() > 240 || !Quote.safe(text)) {
                        throw new CommandException("% Invalid description: use up to 240 printable characters without # \" or \\",
                                a.column(TEXT));
                    }
                    x.editIfaces(i -> i.withDescription(text));
                })
                .no((x, a) -> x.editIfaces(i -> i.withDescription(null)))
                .renders(Iface.class, i -> RunningConfig.lineIf(i.description() != null, "description " + i.description()));
    }

    /** {@code shutdown}: rendered after the addresses, as IOS does. */
    public static void state(Defs d) {
        d.cmd(PORT, "shutdown", "Shutdown the selected interface")
                .run((x, a) -> x.editIfaces(i -> i.withShutdown(true)))
                .no((x, a) -> x.editIfaces(i -> i.withShutdown(false)))
                .renders(Iface.class, i -> RunningConfig.lineIf(i.shutdown(), "shutdown"));
    }

    /** Creates the interface block if needed and enters config-if for it. */
    public static void enter(Context x, String name) {
        Iface fresh = fresh(x, name);
        warnIfManaged(x, name);
        x.edit(c -> c.ifaces().containsKey(name) ? c : c.withIface(fresh));
        x.enter(IF, List.of(name), 0);
    }

    /** A port new to the config that another network manager drives: said, as it may undo swsh's work. */
    static void warnIfManaged(Context x, String name) {
        if (x.config().ifaces().containsKey(name)) return;
        String manager = x.engine().kernel.managedBy(name);
        if (manager != null) {
            x.println("% Warning: " + name + " is managed by " + manager + ", which may remove the VLANs and addresses swsh sets;"
                    + " mark it unmanaged there (see the README, Coexistence)");
        }
    }

    /**
     * The block {@code interface NAME} opens for a port not yet configured: a switchport, except for a port
     * that holds an IPv4 address (a routed port, perhaps the one this session comes in on), which stays
     * routed ({@code no switchport}) until a {@code switchport} line, which the lockout guard checks.
     */
    static Iface fresh(Context x, String name) {
        Iface i = Iface.named(name);
        if (i.svi()) return i;
        swsh.kernel.State.Link l = x.engine().kernel.read().link(name);
        return l != null && !l.addrs().isEmpty() && l.master() == null ? i.withSwitchport(false) : i;
    }
}
