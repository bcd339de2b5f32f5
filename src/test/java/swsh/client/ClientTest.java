package swsh.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which command lines are the client's: the rest go to the full swsh (picocli), unparsed here. */
class ClientTest {
    static Client.Options parse(String... args) {
        return Client.parse(args);
    }

    @Test
    void theClientTakesCommandsFilesTheRunDirectoryAndNothing() {
        assertEquals(new Client.Options(List.of(), null, null), parse());
        assertEquals(new Client.Options(List.of("show vlan brief", "show clock"), null, null), parse("-c", "show vlan brief", "-c", "show clock"));
        assertEquals(new Client.Options(List.of("x"), Path.of("f"), Path.of("/r")), parse("--run-dir", "/r", "-f", "f", "-c", "x"));
        assertEquals(new Client.Options(List.of(), null, Path.of("/r")), parse("--run-dir=/r"));
        assertEquals(new Client.Options(List.of(""), null, null), parse("-c", ""), "an empty command is a command");
    }

    @Test
    void everythingElseIsTheFullSwshs() {
        for (List<String> args : List.of(List.of("--local"), List.of("--dry-run"), List.of("daemon"), List.of("boot"), List.of("lab"),
                List.of("--help"), List.of("-h"), List.of("--version"), List.of("-V"), List.of("man"), List.of("generate-completion"),
                List.of("--bogus"), List.of("-c"), List.of("-f"), List.of("--run-dir"), List.of("-cshow"), List.of("-c=show"),
                List.of("-f", "a", "-f", "b"), List.of("--run-dir", "a", "--run-dir=b"), List.of("-f", ""), List.of("--run-dir="),
                List.of("-c", "-f"), List.of("-c", "--help"), List.of("-c", "@file"), List.of("@args"), List.of("--"),
                List.of("-c", "x", "extra"), List.of("--config-dir", "d"), List.of("--bridge", "b"), List.of("--netns", "n"),
                List.of("-c", "show", "--local"), List.of("--run-dir", "/r", "daemon"), List.of("-f", "a\u0000b"))) {
            assertNull(parse(args.toArray(String[]::new)), args.toString());
        }
        assertNotNull(parse("-c", "show -x"), "an option-looking word inside a command is the command's");
    }
}
