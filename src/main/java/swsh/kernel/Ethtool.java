package swsh.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ethtool, one process per line (it has no batch mode and no namespace option: in a namespace it runs
 * under {@code ip netns exec}). Lines come from {@link BatchText} (checked words only).
 */
public final class Ethtool {
    private Ethtool() {}

    /** Runs each line; throws naming the first one refused. */
    static void run(List<String> runIn, List<String> lines) {
        for (String line : lines) {
            List<String> argv = new ArrayList<>(runIn);
            argv.add("ethtool");
            argv.addAll(Arrays.asList(line.split(" ")));
            LiveKernel.Result r = LiveKernel.exec(argv, null);
            if (r.status() != 0) {
                throw new KernelException("% Error: the kernel refused 'ethtool " + line + "': " + r.err().strip().replace('\n', ' '));
            }
        }
    }

    /**
     * {@code ethtool -i DEV}'s fields ({@code driver}, {@code version}, {@code bus-info}...) in the switch's
     * namespace; empty when it fails or the kernel is a simulated one.
     */
    public static Map<String, String> info(Kernel kernel, String dev) {
        Map<String, String> m = new TreeMap<>();
        List<String> runIn = kernel.runIn();
        if (runIn == null || !BatchText.safeName(dev) || dev.startsWith("-")) return m;
        List<String> argv = new ArrayList<>(runIn);
        argv.addAll(List.of("ethtool", "-i", dev));
        LiveKernel.Result r = LiveKernel.exec(argv, null);
        if (r.status() != 0) return m;
        for (String line : r.out().split("\n")) {
            int c = line.indexOf(':');
            if (c > 0) m.put(line.substring(0, c).strip(), line.substring(c + 1).strip());
        }
        return m;
    }
}
