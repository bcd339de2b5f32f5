package swsh.commands.voice;

import static swsh.commands.Modes.PORT;

import swsh.commands.Defs;
import swsh.commands.Guards;
import swsh.commands.Help;
import swsh.commands.RunningConfig;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.Vlan;

/**
 * {@code switchport voice vlan N}: on an access port, VLAN N is tagged in addition to the untagged
 * access VLAN (a phone tags its voice, the PC behind it does not), and when LLDP runs the port
 * advertises it as an LLDP-MED network policy (application voice, tagged, DSCP 46).
 */
public final class VoiceVlanCommands {
    private VoiceVlanCommands() {}

    private static final Arg<Integer> VOICE = Arg.of("voice-vlan", Types.VLAN_ID);

    public static void define(Defs d) {
        d.cmd(PORT, "switchport voice vlan $voice-vlan", Help.SWITCHPORT, "Voice appliance attributes", "Vlan for voice traffic",
                "Vlan for voice traffic").bind(VOICE).guard(Guards.PHYSICAL)
                .run((x, a) -> {
                    int id = a.get(VOICE);
                    if (!x.config().hasVlan(id)) x.println("% Voice VLAN does not exist. Creating vlan " + id);
                    x.edit(c -> {
                        Config n = c.hasVlan(id) ? c : c.withVlan(new Vlan(id, null));
                        for (String name : x.ifaces()) n = n.editIface(name, i -> i.withVoiceVlan(id));
                        return n;
                    });
                })
                .no((x, a) -> x.editIfaces(i -> i.withVoiceVlan(null)))
                .renders(Iface.class, i -> RunningConfig.lineIf(i.voiceVlan() != null, "switchport voice vlan " + i.voiceVlan()));
    }

    /** The {@code Voice VLAN:} line of {@code show interfaces switchport}. */
    public static String shown(Config cfg, Iface i) {
        Integer v = i.voiceVlan();
        if (v == null) return "none";
        Vlan vl = cfg.vlans().get(v);
        return v + " (" + (vl == null ? "Inactive" : vl.displayName()) + ")";
    }
}
