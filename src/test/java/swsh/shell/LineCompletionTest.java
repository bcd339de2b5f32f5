package swsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import swsh.TempDirs;
import swsh.commands.CommandSet;

/** {@code swsh --complete LINE}: the IOS line with its last word completed, as TAB does in the shell. */
class LineCompletionTest {
    @Test
    void completesTheLastWordFromTheGrammar() throws Exception {
        Path none = TempDirs.make("swsh-sysnet");
        assertEquals(List.of("show"), LineCompletion.of(CommandSet.grammar(), "sh", none));
        assertEquals(List.of("show version"), LineCompletion.of(CommandSet.grammar(), "show ver", none));
        assertEquals(List.of("sh version"), LineCompletion.of(CommandSet.grammar(), "sh ver", none));
        assertEquals(List.of("conf terminal"), LineCompletion.of(CommandSet.grammar(), "conf t", none));
        assertTrue(LineCompletion.of(CommandSet.grammar(), "show ", none).containsAll(List.of("show vlan", "show version")));
        assertEquals(List.of(), LineCompletion.of(CommandSet.grammar(), "bogus x", none));
        // a script of several lines: the last one is completed, the others kept
        assertEquals(List.of("conf t\nshow version"), LineCompletion.of(CommandSet.grammar(), "conf t\nshow ver", none));
    }

    @Test
    void interfaceNamesComeFromSysfs() throws Exception {
        Path sys = TempDirs.make("swsh-sysnet");
        for (String n : List.of("lo", "eth10", "eth2", "ens3")) Files.createDirectory(sys.resolve(n));
        assertEquals(java.util.Set.of("show interfaces eth2", "show interfaces eth10"),
                java.util.Set.copyOf(LineCompletion.of(CommandSet.grammar(), "show interfaces et", sys)));
    }
}
