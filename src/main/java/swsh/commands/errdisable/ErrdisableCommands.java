package swsh.commands.errdisable;

import static swsh.commands.Modes.CONFIG;
import static swsh.commands.Modes.EXECS;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.port.SwitchPorts;
import swsh.core.ErrDisable;
import swsh.grammar.Arg;
import swsh.grammar.Args;
import swsh.grammar.ParamType;
import swsh.model.Config;
import swsh.model.ErrdisableRecovery;
import swsh.model.Iface;

/**
 * Err-disable recovery ({@code errdisable recovery cause C}, {@code errdisable recovery interval N}) and the
 * shows of err-disabled ports ({@code show errdisable recovery}, {@code show interfaces status err-disabled}).
 * The state itself is the engine's ({@link ErrDisable}): runtime, not config.
 */
public final class ErrdisableCommands {
    private ErrdisableCommands() {}

    private static final Arg<Integer> INTERVAL = Arg.of("interval", ParamType.range(30, 86400));
    private static final String ERRDISABLE = "Error disable";
    private static final String RECOVERY = "Error disable recovery";
    private static final String CAUSE = "Enable error disable recovery for application";

    public static void define(Defs d) {
        List<String> help = new ArrayList<>(List.of(ERRDISABLE, RECOVERY, CAUSE, "Enable timer to recover from all error causes"));
        StringBuilder causes = new StringBuilder("{all");
        for (ErrDisable.Cause c : ErrDisable.Cause.values()) {
            causes.append('|').append(c.ios);
            help.add(c.help);
        }
        d.cmd(CONFIG, "errdisable recovery cause " + causes + "}", help.toArray(new String[0]))
                .run((x, a) -> x.edit(c -> c.withErrdisable(new ErrdisableRecovery(with(c.errdisable().causes(), causes(a), true),
                        c.errdisable().interval()))))
                .noWithArgs((x, a) -> x.edit(c -> c.withErrdisable(new ErrdisableRecovery(with(c.errdisable().causes(), causes(a), false),
                        c.errdisable().interval()))))
                .renders(Config.class, c -> c.errdisable().causes().stream().map(s -> "errdisable recovery cause " + s).toList());
        d.cmd(CONFIG, "errdisable recovery interval $interval", ERRDISABLE, RECOVERY, "Error disable recovery timer value",
                        "timer-interval(sec)").bind(INTERVAL)
                .run((x, a) -> x.edit(c -> c.withErrdisable(new ErrdisableRecovery(c.errdisable().causes(), a.get(INTERVAL)))))
                .no((x, a) -> x.edit(c -> c.withErrdisable(new ErrdisableRecovery(c.errdisable().causes(),
                        ErrdisableRecovery.DEFAULT_INTERVAL))))
                .renders(Config.class, c -> c.errdisable().interval() == ErrdisableRecovery.DEFAULT_INTERVAL ? List.of()
                        : List.of("errdisable recovery interval " + c.errdisable().interval()));
        d.cmd(EXECS, "show errdisable recovery", Help.SHOW, ERRDISABLE, "Error disable recovery").filterable()
                .run(ErrdisableCommands::recovery);
        d.cmd(EXECS, "show interfaces status err-disabled", Help.SHOW, Help.INTERFACES, "Show interface line status",
                "Show interfaces in error-disabled state").filterable().run(ErrdisableCommands::errDisabled);
    }

    private static Set<String> causes(Args a) {
        Set<String> s = new TreeSet<>();
        for (ErrDisable.Cause c : ErrDisable.Cause.values()) if (a.has("all") || a.has(c.ios)) s.add(c.ios);
        return s;
    }

    private static Set<String> with(Set<String> have, Set<String> change, boolean add) {
        Set<String> s = new TreeSet<>(have);
        if (add) s.addAll(change);
        else s.removeAll(change);
        return s;
    }

    /** {@code show errdisable recovery}: the causes swsh knows and their timers, the interval, the ports due. */
    static void recovery(Context x, Args a) {
        ErrdisableRecovery r = x.config().errdisable();
        x.println("ErrDisable Reason            Timer Status");
        x.println("-----------------            --------------");
        for (ErrDisable.Cause c : ErrDisable.Cause.values()) {
            x.println(String.format("%-29s%s", c.ios, r.causes().contains(c.ios) ? "Enabled" : "Disabled"));
        }
        x.println("");
        x.println("Timer interval: " + r.interval() + " seconds");
        x.println("");
        x.println("Interfaces that will be enabled at the next timeout:");
        x.println("");
        List<String> rows = new ArrayList<>();
        ErrDisable e = x.engine().errdisable;
        for (ErrDisable.Entry en : e.entries()) {
            long left = e.secondsLeft(en, r);
            if (left >= 0) rows.add(String.format("%-16s%-24s%d", en.port(), en.cause().ios, left));
        }
        x.println("Interface       Errdisable reason       Time left(sec)");
        x.println("---------       -----------------       --------------");
        rows.forEach(x::println);
    }

    /** {@code show interfaces status err-disabled}: the err-disabled ports and why. */
    static void errDisabled(Context x, Args a) {
        x.println("");
        x.println("Port      Name               Status       Reason               Err-disabled Vlans");
        for (ErrDisable.Entry en : x.engine().errdisable.entries()) {
            Iface i = x.config().ifaces().get(en.port());
            String name = i == null ? null : SwitchPorts.description(i, x.engine().kernel.read().link(en.port()));
            name = name == null ? "" : name.length() > 18 ? name.substring(0, 18) : name;
            x.println(String.format("%-9s %-18s %-12s %s", en.port(), name, "err-disabled", en.cause().ios).stripTrailing());
        }
    }
}
