package swsh.shell;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import swsh.commands.CommandSet;
import swsh.commands.Context;
import swsh.commands.Modes;
import swsh.commands.Types;
import swsh.grammar.Grammar;
import swsh.model.Config;

/**
 * What the shells' completion of {@code swsh -c 'LINE} offers ({@code swsh --complete LINE}):
 * the IOS command line with its last word completed, from the grammar, as TAB does in the
 * shell. A {@code -c} script of an admin starts in privileged EXEC, so that is the mode; this
 * process reaches neither swshd nor iproute2: interface names come from /sys/class/net.
 */
public final class LineCompletion {
    private LineCompletion() {}

    /** Every completion of {@code text}'s last line, each the whole text up to it plus the completed word. */
    public static List<String> of(String text) {
        return of(CommandSet.grammar(), text, Path.of("/sys/class/net"));
    }

    static List<String> of(Grammar<Context> g, String text, Path sysNet) {
        int nl = text.lastIndexOf('\n');
        String line = text.substring(nl + 1);
        int start = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t')) + 1;
        String head = text.substring(0, nl + 1 + start);
        List<String> out = new ArrayList<>();
        for (String w : g.complete(Modes.EXEC, line, src -> values(src, sysNet))) out.add(head + w);
        return out;
    }

    private static List<String> values(String src, Path sysNet) {
        List<String> out = new ArrayList<>();
        if (!src.equals(Types.SOURCE_INTERFACES)) return out;
        try (DirectoryStream<Path> links = Files.newDirectoryStream(sysNet)) {
            for (Path p : links) {
                String n = p.getFileName().toString();
                if (!n.equals("lo")) out.add(n);
            }
        } catch (IOException | RuntimeException e) {
            // no names offered
        }
        out.sort(Config.IFACE_ORDER);
        return out;
    }
}
