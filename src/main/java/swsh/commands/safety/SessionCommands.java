package swsh.commands.safety;

import static swsh.commands.Modes.CONFIG;
import static swsh.commands.Modes.EXEC;

import java.util.List;

import swsh.commands.CommandException;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.grammar.ParamType;

/**
 * Arista EOS's configuration sessions in this shell: {@code configure session NAME} edits a candidate
 * config (the prompt says {@code (config-s-NAME)}) without touching the kernel; {@code show session-config
 * diffs} shows what it would change; {@code commit} applies it as one plan, {@code abort} drops it. A
 * session left with {@code end} stays pending in the login session until committed or aborted.
 */
public final class SessionCommands {
    private SessionCommands() {}

    private static final Arg<String> NAME = Arg.of("name", Types.WORD);
    /** hh:mm:ss as seconds, up to a day. */
    private static final Arg<Integer> TIME = Arg.of("time", ParamType.of("HH:MM:SS", null, "([01][0-9]|2[0-4]):[0-5][0-9]:[0-5][0-9]", t -> {
        String[] p = t.split(":");
        int s = Integer.parseInt(p[0]) * 3600 + Integer.parseInt(p[1]) * 60 + Integer.parseInt(p[2]);
        if (s > 86400) throw new IllegalArgumentException("Invalid timer " + t + ": at most 24:00:00");
        return s;
    }));

    public static void define(Defs d) {
        d.cmd(EXEC, "configure session $name", "Enter configuration mode", "Configure in a session: changes apply at commit",
                "Name of the session").bind(NAME)
                .run((x, a) -> {
                    String name = a.get(NAME);
                    if (!name.matches("[A-Za-z0-9_.-]{1,32}")) {
                        throw new CommandException("% Invalid session name: use 1-32 letters, digits, '.', '_' or '-'", a.column(NAME));
                    }
                    x.configSession(name);
                });
        d.cmd(CONFIG, "commit", "Apply the configuration session's changes").run((x, a) -> x.commitSession(null));
        d.cmd(CONFIG, "commit timer $time", "Apply the configuration session's changes",
                "Roll them back after this long unless configure confirm comes first", "Time span, hours:minutes:seconds (at most 24:00:00)").bind(TIME)
                .run((x, a) -> {
                    int seconds = a.get(TIME);
                    if (seconds < 1) throw new CommandException("% Invalid timer: at least 00:00:01", a.column(TIME));
                    x.commitSession(seconds);
                });
        d.cmd(CONFIG, "abort", "Drop the configuration session's changes").run((x, a) -> x.abortSession());
        d.cmd(EXEC, "show session-config diffs", Help.SHOW, "The pending configuration session",
                "What commit would change, against the running-config").filterable()
                .run((x, a) -> {
                    if (x.candidate() == null) throw new CommandException("% Error: no configuration session is pending");
                    List<String> diff = ConfigDiff.contextual(x.render(x.engine().running()), x.render(x.candidate()));
                    x.println("");
                    x.println("!Contextual Config Diffs (session " + x.sessionName() + "):");
                    if (diff.isEmpty()) x.println("!No changes were found");
                    for (String l : diff) x.println(l);
                    x.println("");
                });
    }
}
