package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import picocli.AutoComplete;
import picocli.CommandLine;
import swsh.commands.CommandSet;
import swsh.shell.ManPage;

/** The man page and the bash completion are generated from the definitions and kept in sync. */
class DocsTest {
    @Test
    void manPageIsTheGeneratedOne() throws Exception {
        String generated = ManPage.render(CommandSet.grammar());
        assertTrue(generated.contains("switchport access vlan <1\\-4094>"), "every command is listed");
        assertEquals(generated, Files.readString(Path.of("man/swsh.1")),
                "man/swsh.1 is stale: regenerate with ./swsh man > man/swsh.1");
    }

    @Test
    void bashCompletionIsTheGeneratedOne() throws Exception {
        // what './swsh generate-completion' prints: the script and a newline
        String generated = AutoComplete.bash("swsh", new CommandLine(new Main())) + "\n";
        assertEquals(generated, Files.readString(Path.of("completions/swsh.bash")),
                "completions/swsh.bash is stale: regenerate with ./swsh generate-completion > completions/swsh.bash");
    }
}
