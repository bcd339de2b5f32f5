package swsh.commands.storm;

import static swsh.commands.Modes.EXECS;
import static swsh.commands.Modes.PORT;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Guards;
import swsh.commands.Help;
import swsh.grammar.Arg;
import swsh.grammar.Args;
import swsh.grammar.ParamType;
import swsh.model.Iface;
import swsh.model.StormControl;
import swsh.model.StormControl.Kind;
import swsh.model.StormControl.Level;
import swsh.model.StormControl.Unit;

/**
 * {@code storm-control broadcast|multicast|unicast level ...} and {@code storm-control action shutdown|trap}
 * on switch ports. Enforced by tc policers ({@link swsh.kernel.StormPlanner}) and watched by the engine's
 * {@link swsh.core.StormWatch}; {@code show storm-control} is {@link ShowStorm}.
 */
public final class StormCommands {
    private StormCommands() {}

    static final String STORM = "storm configuration";
    /** A percentage with up to two decimals, 0.00-100.00. */
    static final ParamType<Double> PCT = ParamType.of("PCT", null, "[0-9]{1,3}(\\.[0-9]{1,2})?", w -> {
        double v = Double.parseDouble(w);
        if (v > 100) throw new IllegalArgumentException("Invalid input: the level is a percentage, 0.00 to 100.00");
        return v;
    });
    /** A rate: a number with an optional k, m or g (10^3, 10^6, 10^9), as IOS takes pps and bps levels. */
    static final ParamType<Double> RATE = ParamType.of("RATE", null, "(?i)[0-9]{1,10}(\\.[0-9]{1,3})?[kmg]?", StormCommands::rate);
    private static final Arg<Double> UPPER = Arg.of("upper", PCT);
    private static final Arg<Double> LOWER = Arg.of("lower", PCT);
    private static final Arg<Double> UPPER_RATE = Arg.of("upper-rate", RATE);
    private static final Arg<Double> LOWER_RATE = Arg.of("lower-rate", RATE);
    private static final String[] CLASSES = {"Broadcast address storm control", "Multicast address storm control",
            "Unicast address storm control", "Set storm suppression level on this interface"};

    static double rate(String w) {
        String s = w.toLowerCase(Locale.ROOT);
        double mul = s.endsWith("k") ? 1e3 : s.endsWith("m") ? 1e6 : s.endsWith("g") ? 1e9 : 1;
        double v = Double.parseDouble(mul == 1 ? s : s.substring(0, s.length() - 1)) * mul;
        if (v > 1e10) throw new IllegalArgumentException("Invalid input: the rate is at most 10g");
        return v;
    }

    public static void define(Defs d) {
        d.cmd(PORT, "storm-control {broadcast|multicast|unicast} level $upper [$lower]", "storm configuration", CLASSES[0], CLASSES[1],
                        CLASSES[2], CLASSES[3], "Enter rising threshold", "Enter falling threshold").bind(UPPER, LOWER).guard(Guards.PHYSICAL)
                .run((x, a) -> level(x, a, Unit.PERCENT, a.get(UPPER), a.opt(LOWER)))
                .no((x, a) -> edit(x, s -> s.withLevel(kind(a), null)))
                .renders(Iface.class, StormCommands::lines);
        for (Unit u : List.of(Unit.PPS, Unit.BPS)) {
            String kw = u.name().toLowerCase(Locale.ROOT);
            d.cmd(PORT, "storm-control {broadcast|multicast|unicast} level " + kw + " $upper-rate [$lower-rate]", STORM, CLASSES[0],
                            CLASSES[1], CLASSES[2], CLASSES[3], u == Unit.PPS ? "Enter suppression level in packets per second"
                                    : "Enter suppression level in bits per second",
                            "Enter rising threshold", "Enter falling threshold").bind(UPPER_RATE, LOWER_RATE).guard(Guards.PHYSICAL)
                    .run((x, a) -> level(x, a, u, a.get(UPPER_RATE), a.opt(LOWER_RATE)));
        }
        d.cmd(PORT, "storm-control action {shutdown|trap}", STORM, "Action to take for storm-control",
                        "Shutdown this interface if a storm occurs", "Send SNMP trap if a storm occurs").guard(Guards.PHYSICAL)
                .run((x, a) -> edit(x, s -> a.has("shutdown") ? s.withShutdown(true) : s.withTrap(true)))
                .no((x, a) -> edit(x, s -> a.has("shutdown") ? s.withShutdown(false) : s.withTrap(false)))
                .renders(Iface.class, i -> {
                    List<String> l = new ArrayList<>();
                    if (i.storm() != null && i.storm().shutdown()) l.add("storm-control action shutdown");
                    if (i.storm() != null && i.storm().trap()) l.add("storm-control action trap");
                    return l;
                });
        d.cmd(EXECS, "show storm-control [$interface] [{broadcast|multicast|unicast}]", Help.SHOW, "Show storm control configuration",
                        Help.IFNAME, "Broadcast storm control", "Multicast storm control", "Unicast storm control")
                .bind(ShowStorm.IFACE).filterable().run(ShowStorm::show);
    }

    static Kind kind(Args a) {
        return a.has("multicast") ? Kind.MULTICAST : a.has("unicast") ? Kind.UNICAST : Kind.BROADCAST;
    }

    private static void level(Context x, Args a, Unit u, double upper, Double lower) {
        if (lower != null && lower > upper) {
            throw new CommandException("% Error: the falling threshold must not be above the rising threshold");
        }
        edit(x, s -> s.withLevel(kind(a), new Level(u, upper, lower)));
    }

    private static void edit(Context x, UnaryOperator<StormControl> f) {
        x.editIfaces(i -> i.withStorm(f.apply(i.storm() == null ? StormControl.NONE : i.storm()).orNull()));
    }

    /** Every level of the port, broadcast, multicast, unicast (the three forms of the command render here). */
    private static List<String> lines(Iface i) {
        List<String> l = new ArrayList<>();
        if (i.storm() == null) return l;
        for (Kind k : Kind.values()) {
            Level lv = i.storm().level(k);
            if (lv == null) continue;
            Unit u = lv.unit();
            String kw = u == Unit.PERCENT ? "" : u.name().toLowerCase(Locale.ROOT) + " ";
            l.add("storm-control " + k.ios + " level " + kw + shown(u, lv.upper()) + (lv.lower() == null ? "" : " " + shown(u, lv.lower())));
        }
        return l;
    }

    /** A level as IOS writes it: {@code 20.00} for a percentage, {@code 1k}, {@code 1.5m}, {@code 100} for a rate. */
    static String shown(Unit u, double v) {
        if (u == Unit.PERCENT) return String.format(Locale.ROOT, "%.2f", v);
        String[] suffix = {"g", "m", "k"};
        double[] mul = {1e9, 1e6, 1e3};
        for (int j = 0; j < 3; j++) {
            if (v >= mul[j] && Math.abs(v / mul[j] * 1000 - Math.rint(v / mul[j] * 1000)) < 1e-6) return trim(v / mul[j]) + suffix[j];
        }
        return trim(v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
    }

    /** A level with its unit, as {@code show storm-control} prints it: {@code 20.00%}, {@code 1k pps}, {@code 10m bps}. */
    static String withUnit(Level lv, double v) {
        return switch (lv.unit()) {
            case PERCENT -> String.format(Locale.ROOT, "%.2f%%", v);
            case PPS -> shown(Unit.PPS, v) + " pps";
            case BPS -> shown(Unit.BPS, v) + " bps";
        };
    }
}
