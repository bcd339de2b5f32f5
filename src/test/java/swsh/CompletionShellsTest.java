package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The generated completions, loaded in real bash, zsh (on a pseudo-terminal, TAB typed) and fish
 * ({@code complete -C}): {@code swsh -c 'sh} completes to {@code show} from the grammar (through
 * {@code swsh --complete}), {@code lab} to up/down, {@code --netns} to the namespaces. A shell
 * that is not installed fails the test (.ci/run installs them).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CompletionShellsTest {
    private static Path bin;
    private static final Path COMPLETIONS = Path.of("completions").toAbsolutePath();

    /** A bin directory with this build's swsh and an ip(8) that lists namespaces blue and red. */
    @BeforeAll
    static void bin() throws Exception {
        bin = TempDirs.make("swsh-completion-bin");
        script(bin.resolve("swsh"), "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                + System.getProperty("java.class.path") + "' swsh.Main \"$@\"");
        script(bin.resolve("ip"), "[ \"$*\" = 'netns list' ] && printf 'blue (id: 0)\\nred\\n'");
    }

    private static void script(Path p, String body) throws Exception {
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String path() {
        return bin + ":" + System.getenv("PATH");
    }

    /** Types {@code line} and TAB in {@code shell} after {@code setup}; asserts the screen then shows {@code want}. */
    private static void tab(String shell, String setup, String line, String want) throws Exception {
        Path driver = TempDirs.make("swsh-pty").resolve("pty-complete.py");
        try (var in = CompletionShellsTest.class.getResourceAsStream("/pty-complete.py")) {
            Files.copy(in, driver);
        }
        ProcessCliTest.Result r = ProcessCliTest.run(List.of("python3", driver.toString(), shell, setup, line, want), Map.of());
        assertEquals(0, r.rc(), shell + ": '" + line + "<TAB>' did not show '" + want + "':\n" + r.out() + r.err());
    }

    @Test
    void bash() throws Exception {
        String setup = "PATH=" + path() + "; source " + COMPLETIONS.resolve("swsh.bash");
        String bash = "bash --norc --noprofile -i";
        tab(bash, setup, "swsh -c 'sh", "swsh -c 'show");
        tab(bash, setup, "swsh -c 'show ver", "swsh -c 'show version");
        tab(bash, setup, "swsh lab d", "swsh lab down");
        tab(bash, setup, "swsh --netns bl", "swsh --netns blue");
    }

    @Test
    void zsh() throws Exception {
        String setup = "PATH=" + path() + "; fpath=(" + COMPLETIONS + " $fpath); autoload -Uz compinit && compinit -u -D";
        String zsh = "zsh -f -i";
        tab(zsh, setup, "swsh -c 'sh", "swsh -c 'show");
        tab(zsh, setup, "swsh -c 'show ver", "swsh -c 'show version");
        tab(zsh, setup, "swsh lab d", "swsh lab down");
        tab(zsh, setup, "swsh --netns bl", "swsh --netns blue");
    }

    /** fish's candidates: one a line, before the tab and its description. */
    private static List<String> candidates(String out) {
        return out.lines().map(l -> l.split("\t", 2)[0]).toList();
    }

    @Test
    void fish() throws Exception {
        String probe = String.join("; ", "source " + COMPLETIONS.resolve("swsh.fish"), "complete -C\"swsh -c 'sh\"",
                "echo ==", "complete -C'swsh lab '", "echo ==", "complete -C'swsh --netns '");
        ProcessCliTest.Result r = ProcessCliTest.run(List.of("fish", "--no-config", "-c", probe), Map.of("PATH", path()));
        assertEquals(0, r.rc(), r.err());
        String[] parts = r.out().split("==\n");
        assertEquals(3, parts.length, r.out());
        assertEquals(List.of("show"), candidates(parts[0]), r.out());
        assertEquals(List.of("down", "up"), candidates(parts[1]), r.out());
        assertEquals(List.of("blue", "red"), candidates(parts[2]), r.out());
    }
}
