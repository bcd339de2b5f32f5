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
import swsh.grammar.ParamType;
import swsh.kernel.Quote;
import swsh.model.Config;
import swsh.model.Vlan;
import swsh.model.VlanSet;

/** The VLAN database: {@code vlan LIST} (and config-vlan mode) and VLAN names. */
public final class VlanCommands {
    private VlanCommands() {}

    private static final Arg<VlanSet> IDS = Arg.of("ids", Types.VLAN_LIST);
    private static final Arg<String> NAME = Arg.of("name", Types.WORD);
    private static final Arg<Integer> MTU = Arg.of("mtu", ParamType.range(1500, 18190));

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

        // the state, MTU and shutdown of a VLAN as automation (Ansible's ios_vlans) sets them: the
        // bridge's VLANs are always active, of MTU 1500 and never shut, so only those values are taken
        d.cmd(VLAN, "state {active|suspend}", "Operational state of the VLAN", "VLAN Active State", "VLAN Suspended State")
                .run((x, a) -> {
                    if (a.has("suspend")) {
                        throw new CommandException("% Error: VLAN " + x.vlan() + " cannot be suspended on this switch;"
                                + " remove it with 'no vlan " + x.vlan() + "'");
                    }
                })
                .no((x, a) -> {});
        d.cmd(VLAN, "mtu $mtu", "VLAN Maximum Transmission Unit", "Value of VLAN Maximum Tranmission Unit").bind(MTU)
                .run((x, a) -> {
                    if (a.get(MTU) != Vlan.MTU) {
                        throw new CommandException("% Error: the MTU of VLANs is " + Vlan.MTU + " on this switch;"
                                + " set it on the interfaces with 'mtu'", a.column(MTU));
                    }
                })
                .no((x, a) -> {});
        d.cmd(VLAN, "shutdown", "Shutdown VLAN switching")
                .run((x, a) -> {
                    throw new CommandException("% Error: VLAN " + x.vlan() + " cannot be shut down on this switch;"
                            + " remove it with 'no vlan " + x.vlan() + "'");
                })
                .no((x, a) -> {});
    }
}
