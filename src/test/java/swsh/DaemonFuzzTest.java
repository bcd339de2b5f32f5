package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import swsh.commands.CommandSet;
import swsh.commands.Modes;
import swsh.client.RemoteCli;
import swsh.grammar.Mode;
import swsh.kernel.State;
import swsh.model.Config;
import swsh.client.CliError;
import swsh.shell.Errors;

/**
 * The invalid-input fuzz lines again, this time through swshd's socket as a client sends them:
 * every refused line is an IOS error that changed nothing, and the session survives every line.
 */
class DaemonFuzzTest {
    static final int LINES = 500;

    @Test
    void fuzzLinesThroughSwshdAreRefusedCleanlyAndTheSessionSurvives() throws Exception {
        TestSwitch sw = new TestSwitch();
        Path sock = DaemonTest.start(sw);
        int tried = 0, refused = 0;
        for (Mode mode : List.of(Modes.EXEC, Modes.CONFIG, Modes.IF, Modes.IF_RANGE, Modes.VLAN)) {
            List<String> lines = new FuzzTest.Gen(CommandSet.grammar(), mode, new Random(FuzzTest.SEED ^ mode.name().hashCode()))
                    .lines(LINES);
            RemoteCli c = RemoteCli.connect(sock, false);
            for (String line : lines) {
                if (c.ended()) c = RemoteCli.connect(sock, false);
                enter(c, mode);
                Config before = sw.engine.running();
                State kernel = sw.kernel.read().withFdb(sw.kernel.fdbEntries());
                int plans = sw.kernel.applied().size();
                tried++;
                try {
                    c.execute(line);
                } catch (CliError e) {
                    refused++;
                    String shown = FuzzTest.show(line);
                    assertFalse(e.getMessage().startsWith(Errors.INTERNAL), shown + " -> " + e.getMessage());
                    // as FuzzTest: an error automation clients see as one (IOS's "Command rejected: ..." has no %)
                    assertTrue(e.getMessage().startsWith("%") || e.getMessage().contains("not found")
                            || e.getMessage().startsWith("Command rejected: "), shown + " -> " + e.getMessage());
                    if (!c.ended()) {
                        assertEquals(before, sw.engine.running(), shown + " failed but changed the config");
                        assertEquals(kernel, sw.kernel.read().withFdb(sw.kernel.fdbEntries()), shown + " failed but changed the kernel");
                        assertEquals(plans, sw.kernel.applied().size(), shown);
                    }
                }
            }
            c.close();
        }
        assertTrue(tried >= 2_500 && refused > tried / 2, tried + " lines, " + refused + " refused");
    }

    /** Brings the session to {@code mode} (a fuzz line may have moved it). */
    private static void enter(RemoteCli c, Mode mode) {
        String p = c.prompt();
        if (p.endsWith(mode.prompt()) && (mode.config() || !p.contains("(config"))) return;
        if (c.inConfig()) c.execute("end");
        for (String l : SweepTest.setup(mode)) c.execute(l);
    }
}
