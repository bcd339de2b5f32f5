package swsh;

import swsh.kernel.FakeKernel;
import swsh.kernel.Plan;
import swsh.kernel.Planner;
import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.Vlan;

/**
 * Benchmark (run by bench/run.sh, not a test): a 48-port switch with all 4094 VLANs defined and
 * every port a trunk. Prints the plan size from an empty kernel, the time to plan it, the time
 * to re-plan an applied config (which must be empty), and the heap in use.
 */
public final class PlannerBench {
    private PlannerBench() {}

    public static void main(String[] args) {
        String[] nics = new String[48];
        for (int i = 0; i < 48; i++) nics[i] = "eth" + (i + 1);
        FakeKernel k = FakeKernel.of(nics);
        Config c = Config.empty("bench");
        for (int v = 2; v <= 4094; v++) c = c.withVlan(new Vlan(v, null));
        for (String n : nics) c = c.withIface(Iface.named(n).withMode(Iface.PortMode.TRUNK));
        Plan first = null;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            first = Planner.plan(c, k.read(), "swbr0");
            best = Math.min(best, System.nanoTime() - t);
        }
        k.apply(first);
        long bestRe = Long.MAX_VALUE;
        boolean empty = true;
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            empty &= Planner.plan(c, k.read(), "swbr0").isEmpty();
            bestRe = Math.min(bestRe, System.nanoTime() - t);
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("plan 48 trunks x 4094 VLANs from scratch: %d batch lines in %d batches, best %.1f ms%n",
                first.lines().size(), first.batches().size(), best / 1e6);
        System.out.printf("re-plan after apply: empty=%s, best %.1f ms%n", empty, bestRe / 1e6);
        System.out.printf("heap in use after GC: %.1f MiB%n", (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
    }
}
