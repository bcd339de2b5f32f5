package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static swsh.kernel.Net.sh;
import static swsh.kernel.SpanningTreeTest.millisUntil;
import static swsh.kernel.SpanningTreeTest.ping1;
import static swsh.kernel.SpanningTreeTest.ring;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The figures of the README's spanning-tree paragraph, both protocols on the same ring of three in
 * the same run (bench/spanning-tree.sh runs it in user-mode Linux): convergence after the last
 * switch is configured, and the time until traffic crosses the formerly blocked port after a cut.
 * Not in the suite: the kernel's 802.1D alone takes one and a half minutes.
 */
@Tag("kernel")
class SpanningTreeBench {
    @BeforeEach
    void clean() {
        Net.reset();
    }

    private static void measure(String mode) {
        ring(mode);
        long converge = millisUntil(() -> ping1("h1", "10.0.0.2") && ping1("h2", "10.0.0.3"), 120_000);
        sh("ip", "-n", "sw1", "link", "set", "eth1", "down");
        long t0 = System.nanoTime();
        long back = millisUntil(() -> ping1("h1", "10.0.0.2"), 120_000);
        long cut = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("spanning-tree mode %-10s ring of 3: converged %6d ms, traffic back %6d ms after a cut%n", mode, converge, cut);
        assertTrue(converge >= 0 && back >= 0, mode + " converged");
    }

    @Test
    void rapidPvst() {
        measure("rapid-pvst");
    }

    @Test
    void pvst() {
        measure("pvst");
    }
}
