package swsh.commands;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import swsh.grammar.Command;
import swsh.grammar.Grammar;
import swsh.grammar.Mode;
import swsh.model.Config;

/**
 * running-config text in IOS layout. Each line comes from the command that sets it (its
 * {@code renders} function), in the order the commands are defined, so the text and the
 * grammar cannot drift apart.
 */
public final class RunningConfig {
    private RunningConfig() {}

    /** The config body: from the first {@code !} to {@code end}. */
    public static String body(Grammar<Context> g, Config c) {
        StringBuilder sb = new StringBuilder("!\n");
        for (Command<Context> cmd : g.commands()) {
            if (!cmd.modes.contains(Modes.CONFIG)) continue;
            List<String> lines = cmd.render(c);
            for (String l : lines) sb.append(l).append('\n');
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).equals("!")) sb.append("!\n");
        }
        return sb.append("end\n").toString();
    }

    public static String text(Grammar<Context> g, Config c) {
        String body = body(g, c);
        return "Building configuration...\n\nCurrent configuration : "
                + body.getBytes(StandardCharsets.UTF_8).length + " bytes\n" + body;
    }

    /** One block: the header line, each sub-mode command's lines indented by one space, then {@code !}. */
    public static List<String> block(Grammar<Context> g, Mode sub, String header, Object scope) {
        List<String> out = new ArrayList<>();
        out.add(header);
        for (Command<Context> cmd : g.commands()) {
            if (!cmd.modes.contains(sub)) continue;
            for (String l : cmd.render(scope)) out.add(" " + l);
        }
        out.add("!");
        return out;
    }

    /** One line when {@code cond} holds, else none. */
    public static List<String> lineIf(boolean cond, String line) {
        return cond ? List.of(line) : List.of();
    }
}
