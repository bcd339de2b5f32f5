package swsh.commands.system;

import static swsh.commands.Modes.CONFIG;
import static swsh.commands.Modes.CONFIGS;
import static swsh.commands.Modes.EXEC;
import static swsh.commands.Modes.EXECS;

import java.io.IOException;
import java.util.List;

import swsh.commands.CommandException;
import swsh.commands.CommandSet;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.RunningConfig;
import swsh.commands.safety.ArchiveCommands;
import swsh.commands.safety.ConfigFiles;
import swsh.grammar.Arg;
import swsh.grammar.Mode;
import swsh.grammar.ParamType;

/** EXEC commands: privilege, terminal settings, configuration mode, and the config files. */
public final class ExecCommands {
    private ExecCommands() {}

    private static final Arg<Integer> LENGTH = Arg.of("length", ParamType.range(0, 512));
    private static final Arg<Integer> WIDTH = Arg.of("width", ParamType.range(0, 512));

    public static void define(Defs d) {
        d.cmd(EXECS, "enable", "Turn on privileged commands").run((x, a) -> x.enable());
        d.cmd(EXEC, "disable", "Turn off privileged commands").run((x, a) -> x.disable());
        d.cmd(EXECS, "exit", "Exit from the EXEC").run((x, a) -> x.logout());
        d.cmd(EXECS, "logout", "Exit from the EXEC").run((x, a) -> x.logout());
        d.cmd(EXECS, "terminal length $length", Help.TERMINAL, "Set number of lines on a screen",
                "Number of lines on screen (0 for no pausing)").bind(LENGTH)
                .run((x, a) -> x.terminal(a.get(LENGTH), null));
        d.cmd(EXECS, "terminal width $width", Help.TERMINAL, "Set width of the display terminal",
                "Number of characters on a screen line").bind(WIDTH)
                .run((x, a) -> x.terminal(null, a.get(WIDTH)));
        d.cmd(EXEC, "configure terminal", "Enter configuration mode", "Configure from the terminal")
                .run((x, a) -> {
                    x.println("Enter configuration commands, one per line.  End with CNTL/Z.");
                    x.enter(CONFIG, List.of(), 0);
                });
        d.cmd(EXEC, "write [memory]", Help.WRITE, "Write to NV memory").run((x, a) -> saveStartup(x));
        d.cmd(EXEC, "write terminal", Help.WRITE, "Write to terminal").filterable()
                .run((x, a) -> x.print(x.render(x.config())));
        d.cmd(EXEC, "copy running-config startup-config", Help.COPY,
                "Copy from current system configuration", "Copy to startup configuration")
                .run((x, a) -> {
                    String ans = x.ask("Destination filename [startup-config]? ").strip();
                    if (!ans.isEmpty() && !ans.equals("startup-config")) {
                        throw new CommandException("% Error: only startup-config can be written here");
                    }
                    saveStartup(x);
                });
        d.cmd(EXEC, "copy startup-config running-config", Help.COPY,
                "Copy from startup configuration", "Update (merge with) current system configuration")
                .run((x, a) -> {
                    String text = ConfigFiles.readStartup(x, "%Error opening nvram:/startup-config (No such file or directory)");
                    Context.MergeResult r = x.merge(text);
                    for (String e : r.errors()) x.println(e);
                    x.println(r.lines() + " lines merged into running-config");
                });
        d.cmd(EXEC, "erase startup-config", "Erase a filesystem", "Erase contents of configuration memory")
                .run((x, a) -> {
                    String ans = x.ask("Erasing the nvram filesystem will remove all configuration files! Continue? [confirm]").strip();
                    if (!ans.isEmpty() && !ans.toLowerCase().startsWith("y")) return;
                    try {
                        x.engine().store.eraseStartup();
                    } catch (IOException e) {
                        throw new CommandException("% Error erasing startup-config (" + swsh.core.IoErrors.reason(e) + ")");
                    }
                    x.println("[OK]");
                    x.println("Erase of nvram: complete");
                });
        for (Mode m : CONFIGS) {
            d.cmd(m, "end", "Exit from configure mode").run((x, a) -> x.end());
            d.cmd(m, "exit", m == CONFIG ? "Exit from configure mode" : "Exit from " + m.title().toLowerCase() + " mode")
                    .run((x, a) -> x.exitMode());
        }
    }

    private static void saveStartup(Context x) {
        x.println("Building configuration...");
        try {
            x.engine().store.saveStartup(RunningConfig.body(CommandSet.grammar(), x.config()));
        } catch (IOException e) {
            throw new CommandException("% Error writing startup-config (" + swsh.core.IoErrors.reason(e) + ")");
        }
        x.println("[OK]");
        ArchiveCommands.afterWriteMemory(x);
    }
}
