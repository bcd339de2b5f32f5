package swsh.commands.storm;

import java.util.Locale;

import swsh.commands.Context;
import swsh.commands.Interfaces;
import swsh.commands.Types;
import swsh.core.StormWatch;
import swsh.grammar.Arg;
import swsh.grammar.Args;
import swsh.kernel.State;
import swsh.kernel.StormPlanner;
import swsh.model.Iface;
import swsh.model.StormControl.Kind;
import swsh.model.StormControl.Level;

/**
 * {@code show storm-control [X] [broadcast|multicast|unicast]}: the Catalyst table (Interface, Filter State,
 * Upper, Lower, Current) for one traffic class, broadcast unless named. Filter State is {@code Forwarding},
 * {@code Blocking} while the policer drops (in the last second), {@code Link Down} or {@code Error-disabled};
 * Current is the rate seen in the last second, in the level's unit (of the link's speed, or
 * {@link StormPlanner#DEFAULT_SPEED_MBPS} for a percentage).
 */
final class ShowStorm {
    private ShowStorm() {}

    static final Arg<String> IFACE = Arg.of("interface", Types.IFNAME);

    static void show(Context x, Args a) {
        String only = a.opt(IFACE) == null ? null : Interfaces.existing(x, a.opt(IFACE), a.column(IFACE));
        Kind k = StormCommands.kind(a);
        State st = x.engine().kernel.read();
        x.println("Interface  Filter State   Upper        Lower        Current");
        x.println("---------  -------------  -----------  -----------  ----------");
        for (Iface i : x.config().ifaces().values()) {
            if (only != null && !only.equals(i.name())) continue;
            Level lv = i.storm() == null ? null : i.storm().level(k);
            if (lv == null) {
                if (only != null) x.println(String.format("%-10s %-13s  %11s  %11s  %10s", i.name(), "Inactive", "100.00%", "100.00%", "0.00%"));
                continue;
            }
            State.Link l = st.link(i.name());
            StormWatch.Rate r = x.engine().storm.rate(i.name(), k);
            String state = x.engine().errdisable.has(i.name()) ? "Error-disabled" : l == null || !l.lowerUp() || !l.adminUp() ? "Link Down"
                    : r.blocking() ? "Blocking" : "Forwarding";
            double current = switch (lv.unit()) {
                case PPS -> r.pps();
                case BPS -> r.bps();
                case PERCENT -> r.bps() / ((l != null && l.hw() != null && l.hw().speed() != null ? l.hw().speed()
                        : StormPlanner.DEFAULT_SPEED_MBPS) * 1e6) * 100;
            };
            String cur = lv.unit() == swsh.model.StormControl.Unit.PERCENT ? String.format(Locale.ROOT, "%.2f%%", current)
                    : StormCommands.withUnit(lv, Math.rint(current));
            x.println(String.format("%-10s %-13s  %11s  %11s  %10s", i.name(), state, StormCommands.withUnit(lv, lv.upper()),
                    StormCommands.withUnit(lv, lv.effectiveLower()), cur));
        }
    }
}
