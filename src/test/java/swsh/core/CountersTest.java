package swsh.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import swsh.kernel.FakeKernel;
import swsh.kernel.State;

/** The 5-minute rates (an exponentially weighted average of sampled rates) and the offsets of clear counters. */
class CountersTest {
    @Test
    void aSteadyLoadShowsIosLikeFiveMinuteAverages() {
        FakeKernel k = FakeKernel.of("eth1");
        long[] now = {1_000_000_000L};
        Counters c = new Counters(k, () -> now[0]);
        long bytes = 0, pkts = 0;
        c.read();
        // 125 bytes/s = 1000 bits/s, 2 packets/s, for 300 s in samples 10 s apart
        for (int i = 1; i <= 30; i++) {
            now[0] += 10_000_000_000L;
            bytes += 1250;
            pkts += 20;
            k.count("eth1", State.Stats.traffic(pkts, bytes, 0, 0));
            c.read();
        }
        State.Link l = k.read().link("eth1");
        Counters.Rate r = c.rate(l);
        assertEquals(Math.round(1000 * (1 - Math.exp(-1))), r.inBits(), 1, "after one time constant, 63% of the load: " + r);
        assertEquals(1, r.inPackets());
        assertEquals(0, r.outBits());
        for (int i = 1; i <= 120; i++) {
            now[0] += 10_000_000_000L;
            bytes += 1250;
            pkts += 20;
            k.count("eth1", State.Stats.traffic(pkts, bytes, 0, 0));
            c.read();
        }
        assertEquals(Math.round(1000 * (1 - Math.exp(-5))), c.rate(l).inBits(), 1, "after five: 99%");
        assertEquals(2, c.rate(l).inPackets());
    }

    @Test
    void clearCountersSubtractsWithoutResettingTheKernel() {
        FakeKernel k = FakeKernel.of("eth1");
        Counters c = new Counters(k);
        k.count("eth1", State.Stats.traffic(10, 1000, 5, 500));
        assertNull(c.sinceCleared(k.read().link("eth1")));
        c.clear(null);
        k.count("eth1", State.Stats.traffic(12, 1200, 5, 500));
        State.Stats s = c.read().link("eth1").stats();
        assertEquals(2, s.rxPackets());
        assertEquals(200, s.rxBytes());
        assertEquals(0, s.txPackets());
        assertEquals(12, k.read().link("eth1").stats().rxPackets(), "the kernel's own counters run on");
        assertTrue(c.sinceCleared(k.read().link("eth1")).getSeconds() < 5);
    }
}
