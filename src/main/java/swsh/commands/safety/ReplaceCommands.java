package swsh.commands.safety;

import static swsh.commands.Modes.EXEC;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.grammar.Arg;
import swsh.model.Config;

/**
 * {@code configure replace nvram:startup-config|flash:NAME [list] [force]}: the running config becomes the file's,
 * as one transaction planned once against the kernel, so only what differs is touched. A file with a
 * failing line replaces nothing.
 */
public final class ReplaceCommands {
    private ReplaceCommands() {}

    static final String CONFIRM = """
            This will apply all necessary additions and deletions
            to replace the current running configuration with the
            contents of the specified configuration file, which is
            assumed to be a complete configuration, not a partial
            configuration. Enter Y if you are sure you want to proceed. ? [no]: """;

    private static final Arg<String> SOURCE = Arg.of("source", ConfigFiles.URL);

    public static void define(Defs d) {
        d.cmd(EXEC, "configure replace $source [list] [force]", "Enter configuration mode",
                "Replace the running-config with a new config file", "The config file: nvram:startup-config, flash:NAME (an archive copy)",
                "List the commands applied", "Do not ask for confirmation").bind(SOURCE)
                .run((x, a) -> {
                    String url = a.get(SOURCE);
                    String text = ConfigFiles.read(x, url);
                    Context.Parsed p = x.parse(text);
                    if (!p.errors().isEmpty()) {
                        throw new CommandException(String.join("\n", p.errors()) + "\n% Configuration replace aborted: " + p.errors().size()
                                + " line(s) of " + url + " failed; the running-config is unchanged");
                    }
                    if (!a.has("force") && !x.ask(CONFIRM).strip().toLowerCase().startsWith("y")) return;
                    Config before = x.config();
                    if (a.has("list")) {
                        x.println("!Pass 1");
                        x.println("");
                        x.println("!List of Commands:");
                        for (String l : ConfigDiff.commands(x.render(before), x.render(p.config()))) x.println(l);
                        x.println("end");
                        x.println("");
                    }
                    x.engine().replace(p.config());
                    x.println("Total number of passes: 1");
                    x.println("Rollback Done");
                });
    }
}
