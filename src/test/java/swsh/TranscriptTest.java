package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden transcripts: each {@code transcripts/NAME.in} is typed key by key into the interactive
 * shell on an ANSI test terminal ({@code ?} and TAB included); the screen must equal
 * {@code NAME.out}. Set -Dswsh.regolden=true to rewrite the .out files after a deliberate change.
 * A missing .out fails the test (it is written from the run, for the author to review).
 */
class TranscriptTest {
    static final Path DIR = Path.of("src/test/resources/transcripts");

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException {
        List<Path> ins;
        try (Stream<Path> s = Files.list(DIR)) {
            ins = s.filter(p -> p.toString().endsWith(".in")).sorted().toList();
        }
        return ins.stream().map(in -> DynamicTest.dynamicTest(in.getFileName().toString(), () -> {
            String keys = Files.readString(in);
            String screen = new TestSwitch().typed(keys);
            Path out = Path.of(in.toString().replaceAll("\\.in$", ".out"));
            if (Boolean.getBoolean("swsh.regolden")) {
                Files.writeString(out, screen);
            } else if (!Files.exists(out)) {
                // written to help the author, but a transcript without a reviewed golden fails
                Files.writeString(out, screen);
                fail(out + " was missing: wrote it from this run; review it, then run again");
            }
            assertEquals(Files.readString(out), screen);
        }));
    }
}
