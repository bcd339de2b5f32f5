package swsh.commands.vlan;

import static swsh.commands.Modes.CONFIG;
import static swsh.commands.Modes.VLAN;

import java.util.ArrayList;
import java.util.List;

import swsh.commands.CommandException;
import swsh.commands.CommandSet;
import swsh.commands.Defs;
import swsh.commands.RunningConfig;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.kernel.Quote;
import swsh.model.Config;
import swsh.model.Vlan;
import swsh.model.VlanSet;

/** The VLAN database: {@code vlan LIST} (and config-vlan mode) and VLAN names. */
public final class VlanCommands {
    private VlanCommands() {}

    private static final Arg<VlanSet> IDS = Arg.of("ids", Types.VLAN_LIST);
    private static final Arg<String> NAME = Arg.of("name", Types.WORD);

    public static void define(Defs d) {
        d.cmd(CONFIG, "vlan $ids", "Vlan commands", "ISL VLAN IDs 1-1005 or 802.1Q VLAN IDs 1-4094, e.g. 10,20-30").bind(IDS)
                .run((x, a) -> {
                    VlanSet ids = a.get(IDS);
                    x.edit(c -> {
                        Config n = c;
                        for (int id : ids.ids()) if (!n.hasVlan(id)) n = n.withVlan(new Vlan(id, null));
                        return n;
                    });
                    if (ids.size() == 1) x.enter(VLAN, List.of(), ids.ids().get(0));
                })
                .noWithArgs((x, a) -> {
                    VlanSet ids = a.get(IDS);
                    if (ids.contains(1)) throw new CommandException("% Error: Default VLAN 1 may not be deleted.");
                    x.edit(c -> {
                        Config n = c;
                        for (int id : ids.ids()) n = n.withoutVlan(id);
                        return n;
                    });
                })
                .renders(Config.class, c -> {
                    List<String> l = new ArrayList<>();
                    for (Vlan v : c.vlans().values()) {
                        if (v.id() == 1 && v.name() == null) continue;
                        l.addAll(RunningConfig.block(CommandSet.grammar(), VLAN, "vlan " + v.id(), v));
                    }
                    return l;
                });
        d.cmd(VLAN, "name $name", "Ascii name of the VLAN", "The ascii name for the VLAN").bind(NAME)
                .run((x, a) -> {
                    String n = a.get(NAME);
                    if (n.length() > 32 || !Quote.safe(n)) {
                        throw new CommandException("% Invalid VLAN name: use 1-32 printable characters", a.column(NAME));
                    }
                    if (x.vlan() == 1) throw new CommandException("% Error: Default VLAN 1 may not have its name changed.");
                    x.edit(c -> c.withVlan(new Vlan(x.vlan(), n)));
                })
                .no((x, a) -> x.edit(c -> c.withVlan(new Vlan(x.vlan(), null))))
                .renders(Vlan.class, v -> RunningConfig.lineIf(v.name() != null, "name " + v.name()));
    }
}
