package swsh.commands.system;

import static swsh.commands.Modes.EXEC;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.grammar.Arg;
import swsh.grammar.ParamType;
import swsh.model.Config;

/**
 * {@code configure replace nvram:startup-config [list] [force]}: the running config becomes the file's,
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

    /** The file to replace with; only the startup-config for now (archive files come with the archive). */
    private static final Arg<String> SOURCE = Arg.of("source",
            ParamType.of("nvram:startup-config", null, "nvram:startup-config", s -> s));

    public static void define(Defs d) {
        d.cmd(EXEC, "configure replace $source [list] [force]", "Enter configuration mode",
                "Replace the running-config with a new config file", "URL of the config file (nvram:startup-config)",
                "List the commands applied", "Do not ask for confirmation").bind(SOURCE)
                .run((x, a) -> {
                    String text = ExecCommands.readStartup(x, "%Error opening nvram:/startup-config (No such file or directory)");
                    Context.Parsed p = x.parse(text);
                    if (!p.errors().isEmpty()) {
                        throw new CommandException(String.join("\n", p.errors()) + "\n% Configuration replace aborted: " + p.errors().size()
                                + " line(s) of nvram:startup-config failed; the running-config is unchanged");
                    }
                    if (!a.has("force") && !x.ask(CONFIRM).strip().toLowerCase().startsWith("y")) return;
                    Config before = x.config();
                    if (a.has("list")) {
                        x.println("!Pass 1");
                        x.println("");
                        x.println("!List of Commands:");
                        for (String l : commands(x.render(before), x.render(p.config()))) x.println(l);
                        x.println("end");
                        x.println("");
                    }
                    x.engine().replace(p.config());
                    x.println("Total number of passes: 1");
                    x.println("Rollback Done");
                });
    }

    /**
     * The commands that turn running-config text {@code from} into {@code to}, per block (a top-level line
     * and the lines indented below it): a block gone is its first line with {@code no}; in a block on
     * both sides, each line gone is negated under the block's first line and each new line added.
     */
    static List<String> commands(String from, String to) {
        Map<String, List<String>> a = blocks(from), b = blocks(to);
        List<String> out = new ArrayList<>();
        a.forEach((head, body) -> {
            if (!b.containsKey(head)) out.add("no " + head);
        });
        b.forEach((head, body) -> {
            List<String> old = a.get(head);
            if (old == null) {
                out.add(head);
                out.addAll(body);
                return;
            }
            List<String> change = new ArrayList<>();
            for (String l : old) if (!body.contains(l)) change.add(" no " + l.strip());
            for (String l : body) if (!old.contains(l)) change.add(l);
            if (!change.isEmpty()) {
                out.add(head);
                out.addAll(change);
            }
        });
        return out;
    }

    private static Map<String, List<String>> blocks(String text) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        List<String> body = null;
        for (String l : text.split("\n")) {
            String s = l.strip();
            if (s.isEmpty() || s.startsWith("!") || s.equals("end") || s.startsWith("Building configuration")
                    || s.startsWith("Current configuration")) continue;
            if (Character.isWhitespace(l.charAt(0)) && body != null) {
                body.add(l);
            } else {
                body = new ArrayList<>();
                blocks.put(l, body);
            }
        }
        return blocks;
    }
}
