package swsh.commands;

import java.util.ArrayList;
import java.util.List;

import swsh.commands.channel.ChannelCommands;
import swsh.commands.channel.ShowEtherchannel;
import swsh.commands.errdisable.ErrdisableCommands;
import swsh.commands.igmp.IgmpCommands;
import swsh.commands.lab.LabCommands;
import swsh.commands.lldp.LldpCommands;
import swsh.commands.lldp.ShowLldp;
import swsh.commands.portsecurity.PortSecurityCommands;
import swsh.commands.storm.StormCommands;
import swsh.commands.voice.VoiceVlanCommands;
import swsh.commands.mac.MacCommands;
import swsh.commands.mac.ShowMac;
import swsh.commands.monitor.MonitorCommands;
import swsh.commands.safety.ArchiveCommands;
import swsh.commands.safety.DriftCommands;
import swsh.commands.safety.ReplaceCommands;
import swsh.commands.safety.RevertCommands;
import swsh.commands.safety.SessionCommands;
import swsh.commands.port.CounterCommands;
import swsh.commands.port.InterfaceCommands;
import swsh.commands.port.LinkCommands;
import swsh.commands.port.PortCommands;
import swsh.commands.port.ShowInterfaces;
import swsh.commands.port.ShowIp;
import swsh.commands.reach.ReachCommands;
import swsh.commands.stp.ShowSpanningTree;
import swsh.commands.stp.StpCommands;
import swsh.commands.stp.StpPortCommands;
import swsh.commands.svi.SviCommands;
import swsh.commands.system.ExecCommands;
import swsh.commands.system.ShowPlatform;
import swsh.commands.system.ShowSystem;
import swsh.commands.system.SystemCommands;
import swsh.commands.system.TechSupport;
import swsh.commands.vlan.ShowVlan;
import swsh.commands.vlan.VlanCommands;
import swsh.grammar.Grammar;
import swsh.grammar.Mode;
import swsh.model.Config;

/**
 * Every command of the switch, feature by feature. The order of definition is the order of
 * running-config (and of the lines inside each interface or VLAN block).
 */
public final class CommandSet {
    private CommandSet() {}

    private static volatile Grammar<Context> grammar;
    private static volatile Grammar<Context> lab;

    /** The grammar of the whole shell, built (and checked) once. */
    public static Grammar<Context> grammar() {
        Grammar<Context> g = grammar;
        if (g == null) {
            synchronized (CommandSet.class) {
                if (grammar == null) grammar = build(false);
                g = grammar;
            }
        }
        return g;
    }

    /** The grammar of {@code swsh lab}: the switch's commands plus the lab's own ({@code lab ping}). */
    public static synchronized Grammar<Context> labGrammar() {
        if (lab == null) lab = build(true);
        return lab;
    }

    private static Grammar<Context> build(boolean withLab) {
        Defs d = new Defs();
        if (withLab) LabCommands.define(d);
        ExecCommands.define(d);
        ReachCommands.define(d);
        ReplaceCommands.define(d);
        RevertCommands.define(d);
        ShowSystem.define(d);
        ShowVlan.define(d);
        ShowInterfaces.define(d);
        CounterCommands.define(d);
        ShowIp.define(d);
        ShowPlatform.define(d);
        TechSupport.define(d);
        ShowLldp.define(d);
        ShowSpanningTree.define(d);
        ShowMac.define(d);
        ShowEtherchannel.define(d);
        IgmpCommands.shows(d);
        SystemCommands.define(d);
        ArchiveCommands.define(d);
        DriftCommands.define(d);
        SessionCommands.define(d);
        ErrdisableCommands.define(d);
        StpCommands.global(d);
        IgmpCommands.define(d);
        LldpCommands.global(d);
        VlanCommands.define(d);
        InterfaceCommands.define(d);
        PortCommands.define(d);
        LinkCommands.define(d);
        VoiceVlanCommands.define(d);
        PortSecurityCommands.define(d);
        StormCommands.define(d);
        SviCommands.define(d);
        ChannelCommands.define(d);
        InterfaceCommands.state(d);
        ChannelCommands.port(d);
        StpPortCommands.define(d);
        LldpCommands.port(d);
        MacCommands.define(d);
        MonitorCommands.define(d);
        PortSecurityCommands.exec(d);
        List<Grammar.Delegate> delegates = new ArrayList<>();
        for (Mode m : Modes.CONFIGS) delegates.add(new Grammar.Delegate(m, "do", Help.DO, Modes.EXEC));
        List<Grammar.FilterDef> filters = List.of(
                new Grammar.FilterDef("begin", "Begin with the line that matches", false),
                new Grammar.FilterDef("count", "Count number of lines which match regexp", true),
                new Grammar.FilterDef("exclude", "Exclude lines that match", false),
                new Grammar.FilterDef("include", "Include lines that match", false),
                new Grammar.FilterDef("json", "Produce JSON output for this command", true),
                new Grammar.FilterDef("section", "Filter a section of output", false));
        return Grammar.build(Modes.ALL, d.all(), delegates, Help.PIPE, filters, Help.REGEX, Help.NO, Help.DEFAULT);
    }

    /** running-config text of a config. */
    public static String render(Config c) {
        return RunningConfig.text(grammar(), c);
    }
}
