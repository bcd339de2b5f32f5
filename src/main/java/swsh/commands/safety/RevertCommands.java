package swsh.commands.safety;

import static swsh.commands.Modes.CONFIG;
import static swsh.commands.Modes.EXEC;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import swsh.commands.CommandException;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.core.Rollback;
import swsh.grammar.Arg;
import swsh.grammar.ParamType;

/**
 * IOS's Rollback Confirmed Change: {@code configure terminal revert timer N} arms a timer that puts the
 * config of that moment back unless {@code configure confirm} comes first; {@code configure revert
 * now|timer N}; {@code show archive config rollback timer}. The timer runs in swshd. And safe mode
 * ({@code terminal safe-mode}): a session whose connection drops without a logout has its changes rolled back.
 */
public final class RevertCommands {
    private RevertCommands() {}

    private static final Arg<Integer> MINUTES = Arg.of("minutes", ParamType.range(1, 120));
    static final String NONE = "% Error: no Rollback Confirmed Change is pending";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm:ss zzz EEE MMM d yyyy", Locale.ROOT);

    public static void define(Defs d) {
        d.cmd(EXEC, "configure terminal revert timer $minutes", "Enter configuration mode", "Configure from the terminal",
                "Parameters for reverting the configuration", "Set the timer to revert the configuration",
                "Number of minutes before the configuration is reverted").bind(MINUTES)
                .run((x, a) -> {
                    x.engine().rollback.arm(a.get(MINUTES) * 60, x.userName());
                    x.println("Enter configuration commands, one per line.  End with CNTL/Z.");
                    x.enter(CONFIG, List.of(), 0);
                });
        d.cmd(EXEC, "configure confirm", "Enter configuration mode", "Confirm replacement of running-config")
                .run((x, a) -> {
                    if (!x.engine().rollback.confirm(x.userName())) throw new CommandException(NONE);
                });
        d.cmd(EXEC, "configure revert now", "Enter configuration mode", "Parameters for reverting the configuration",
                "Revert the configuration now")
                .run((x, a) -> {
                    if (!x.engine().rollback.now()) throw new CommandException(NONE);
                    x.println("Rollback Done");
                });
        d.cmd(EXEC, "configure revert timer $minutes", "Enter configuration mode", "Parameters for reverting the configuration",
                "Reset the revert timer", "Number of minutes before the configuration is reverted").bind(MINUTES)
                .run((x, a) -> {
                    if (!x.engine().rollback.reset(a.get(MINUTES) * 60, x.userName())) throw new CommandException(NONE);
                });
        d.cmd(EXEC, "terminal safe-mode", Help.TERMINAL, "Roll this session's changes back if its connection drops")
                .run((x, a) -> {
                    if (!x.safeMode(true)) x.println("% Safe mode on: if this connection drops, its changes are rolled back");
                });
        d.cmd(EXEC, "terminal no safe-mode", Help.TERMINAL, "Negate a command or set its defaults", "Keep the changes made in safe mode")
                .run((x, a) -> x.safeMode(false));
        d.cmd(EXEC, "show archive config rollback timer", Help.SHOW, "Archive functions",
                "Configuration archive", "Rollback Confirmed Change", "The revert timer")
                .filterable()
                .run((x, a) -> {
                    Rollback.Pending p = x.engine().rollback.pending().orElseThrow(() -> new CommandException(NONE));
                    x.println("Time configured(or Reset) : " + WHEN.format(p.set().atZone(ZoneId.systemDefault())));
                    x.println("Timer type                : absolute");
                    x.println("Timer value               : " + p.shown());
                    x.println("User                      : " + p.user());
                });
    }
}
