package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The protocol of a kept-open batch program, against a stand-in that behaves as iproute2 6.1 does in
 * batch mode with JSON output (one JSON line per show, nothing per change, {@code Command failed -:N}
 * and the end at the first failure), and the parsing of /proc's netlink table that tells when the
 * monitor listens. No root or kernel needed.
 */
class BatchPipeTest {
    /** Counts lines from its start; "show" prints {"n":N}, "mark" prints [], "fail" fails, others print nothing. */
    static final String FAKE = """
            n=0
            while IFS= read -r line; do
              n=$((n+1))
              case "$line" in
                show*) echo "[{\\"n\\":$n}]";;
                mark) echo "[]";;
                fail*) echo "RTNETLINK answers: Invalid argument" >&2; echo "Command failed -:$n" >&2; exit 1;;
                *) ;;
              esac
            done
            """;

    static BatchPipe fake(AtomicInteger starts) {
        return new BatchPipe("fake", List.of("sh", "-c", FAKE), "mark", starts::incrementAndGet);
    }

    static int n(BatchPipe p, String line) {
        return p.show(line, j -> ((com.fasterxml.jackson.databind.JsonNode) j.readValueAsTree()).get(0).get("n").asInt());
    }

    @Test
    void linesGoThroughOneProgramAndAFailureNamesItsLineThenTheProgramStartsAgain() {
        AtomicInteger starts = new AtomicInteger();
        try (BatchPipe p = fake(starts)) {
            p.run(List.of("set a", "set b"));
            assertEquals(4, n(p, "show 1"), "two lines, the marker, then the show: one program");
            p.run(List.of("set c"));
            assertEquals(7, n(p, "show 2"));
            assertEquals(1, starts.get());
            KernelException e = assertThrows(KernelException.class, () -> p.run(List.of("set d", "fail e", "set f")));
            assertEquals("% Error: the kernel refused 'fake fail e': RTNETLINK answers: Invalid argument", e.getMessage());
            assertEquals(1, n(p, "show 3"), "a new program after the failure");
            assertEquals(2, starts.get());
        }
    }

    @Test
    void aShowThatFailsSaysWhy() {
        try (BatchPipe p = fake(new AtomicInteger())) {
            KernelException e = assertThrows(KernelException.class, () -> n(p, "fail to show"));
            assertEquals("% Error: cannot read the kernel state (fake fail to show): RTNETLINK answers: Invalid argument", e.getMessage());
        }
    }

    @Test
    void aProgramThatCannotStartFailsTheCall() {
        try (BatchPipe p = new BatchPipe("fake", List.of("sh", "-c", "echo 'Cannot open network namespace' >&2; exit 1"),
                "mark", () -> { })) {
            KernelException e = assertThrows(KernelException.class, () -> p.run(List.of("set a")));
            assertTrue(e.getMessage().contains("Cannot open network namespace"), e.getMessage());
        }
    }

    static final String NETLINK = """
            sk               Eth Pid        Groups   Rmem     Wmem     Dump  Locks    Drops    Inode
            00000000a2709e1b 0   3931415324 00000000 0        0        0     2        0        79
            00000000cafdb73e 0   731        00000111 0        0        0     2        0        78
            0000000011f69fec 4   0          00000000 0        0        0     2        0        63
            """;

    @Test
    void theMonitorListensOnceItsRouteSocketJoinedGroups() {
        assertTrue(Monitor.subscribed(NETLINK, Set.of("78")));
        assertFalse(Monitor.subscribed(NETLINK, Set.of("79")), "a socket without groups");
        assertFalse(Monitor.subscribed(NETLINK, Set.of("63")), "not a route socket");
        assertFalse(Monitor.subscribed(NETLINK, Set.of()));
        assertFalse(Monitor.subscribed("sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode\n", Set.of("78")));
    }
}
