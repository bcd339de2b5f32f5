package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import swsh.commands.CommandSet;
import swsh.shell.ManPage;

/**
 * The manual pages and the completions are kept in sync with the definitions: swsh-commands(7)
 * and the bash, zsh and fish completions are what the generators print; swsh(1) and swshd(8)
 * name every option and subcommand there is, and every option they name exists.
 */
class DocsTest {
    private static CommandSpec spec() {
        return new CommandLine(new Main()).getCommandSpec();
    }

    @Test
    void commandReferenceIsTheGeneratedOne() throws Exception {
        String generated = ManPage.render(CommandSet.grammar());
        assertTrue(generated.contains("switchport access vlan <1\\-4094>"), "every command is listed");
        assertTrue(generated.contains(".B | include \\fIREGEX\\fR"), "and the pipes");
        // no internal type names (list:VLANS): each word of a usage is a keyword, a range or a
        // placeholder the Notation section explains
        String notation = generated.substring(generated.indexOf(".SS Notation"), generated.indexOf(".SH USER EXEC"));
        Matcher usage = Pattern.compile("(?m)^\\.TP\n\\.B (.*)$").matcher(generated.substring(generated.indexOf(".SH USER EXEC")));
        while (usage.find()) {
            for (String w : usage.group(1).replace("\\-", "-").split("[\\s\\[\\]{}|]+")) {
                if (w.isEmpty() || w.matches("[a-z0-9][a-z0-9.-]*(:[a-z0-9-]+)?|<[0-9]+-[0-9]+>|\\\\fIREGEX\\\\fR")) continue;
                String placeholder = w.replaceFirst("^flash:", "");
                boolean explained = notation.contains("\\fB" + placeholder + "\\fR") || notation.contains("\\fI" + placeholder + "\\fR")
                        || notation.contains("\n.I " + placeholder + "\n");
                assertTrue(placeholder.matches("[A-Z][A-Z.:]*(/nn)?") && explained, "'" + w + "' in '" + usage.group(1) + "' is explained");
            }
        }
        assertEquals(generated, Files.readString(Path.of("man/swsh-commands.7")),
                "man/swsh-commands.7 is stale: regenerate with ./swsh man > man/swsh-commands.7");
    }

    @Test
    void completionsAreTheGeneratedOnes() throws Exception {
        CommandSpec top = spec();
        assertEquals(Completions.bash(top), Files.readString(Path.of("completions/swsh.bash")),
                "completions/swsh.bash is stale: regenerate with ./swsh generate-completion bash > completions/swsh.bash");
        assertEquals(Completions.zsh(top), Files.readString(Path.of("completions/_swsh")),
                "completions/_swsh is stale: regenerate with ./swsh generate-completion zsh > completions/_swsh");
        assertEquals(Completions.fish(top), Files.readString(Path.of("completions/swsh.fish")),
                "completions/swsh.fish is stale: regenerate with ./swsh generate-completion fish > completions/swsh.fish");
    }

    /** The options a page documents: {@code .BI --x " ARG"}, {@code .B --x}, {@code .BR -h ", " --help}. */
    private static List<String> documented(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\.TP\\n\\.B[IR]? (.*)$").matcher(page);
        while (m.find()) {
            for (String w : m.group(1).split("[ \"]+")) {
                String opt = w.replace("\\-", "-");
                if (opt.matches("--?[a-zA-Z][a-z-]*")) out.add(opt.replaceAll(",$", ""));
            }
        }
        return out;
    }

    private static List<String> visibleOptions(CommandSpec s) {
        List<String> out = new ArrayList<>();
        for (OptionSpec o : s.options()) if (!o.hidden()) out.addAll(List.of(o.names()));
        return out;
    }

    @Test
    void swshPageDocumentsEveryOptionAndSubcommand() throws Exception {
        String page = Files.readString(Path.of("man/swsh.1"));
        List<String> doc = documented(page);
        assertEquals(new java.util.TreeSet<>(visibleOptions(spec())), new java.util.TreeSet<>(doc), "OPTIONS of swsh(1)");
        for (String sub : spec().subcommands().keySet()) {
            if (spec().subcommands().get(sub).getCommandSpec().usageMessage().hidden()) continue;
            assertTrue(page.contains(".TP\n.B " + sub + "\n") || page.contains(".TP\n\\fB" + sub + "\\fR"), sub);
        }
        for (String section : List.of("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "FILES", "EXIT STATUS", "EXAMPLES", "SEE ALSO")) {
            assertTrue(page.contains("\n.SH " + section + "\n"), section);
        }
    }

    @Test
    void swshdPageDocumentsTheDaemonsOptions() throws Exception {
        String page = Files.readString(Path.of("man/swshd.8"));
        CommandSpec daemon = spec().subcommands().get("daemon").getCommandSpec();
        List<String> want = new ArrayList<>(visibleOptions(daemon));
        want.removeAll(List.of("--local", "-V", "--version")); // inherited, meaningless for the service
        assertEquals(new java.util.TreeSet<>(want), new java.util.TreeSet<>(documented(page)), "OPTIONS of swshd(8)");
    }
}
