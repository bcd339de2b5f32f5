package swsh.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * With kernel STP off the bridge floods BPDUs like any frame; while swshd's spanning-tree engine
 * runs a port, a tc filter on the port's ingress drops them (the engine's packet socket, a tap,
 * has seen them already). The filter is swsh's by its preference {@value #PREF} on the
 * {@code clsact} qdisc; one {@code tc -batch} per update.
 */
public final class BpduFilter {
    /** The tc filter preference of the BPDU drop: first, before any other ingress filter. */
    public static final int PREF = 1;

    private final String netns;

    public BpduFilter(String netns) {
        this.netns = netns;
    }

    /** Installs the drop on {@code added} ports and removes it from {@code removed} ones. */
    public void update(List<String> added, List<String> removed) {
        StringBuilder b = new StringBuilder();
        for (String p : added) {
            if (!BatchText.safeName(p)) continue;
            b.append("qdisc add dev ").append(p).append(" clsact\n");
            b.append("filter replace dev ").append(p).append(" ingress pref ").append(PREF)
                    .append(" handle 1 protocol all flower dst_mac 01:80:c2:00:00:00 action drop\n");
        }
        for (String p : removed) {
            if (BatchText.safeName(p)) b.append("filter del dev ").append(p).append(" ingress pref ").append(PREF).append('\n');
        }
        if (b.length() > 0) run(b.toString());
    }

    private void run(String lines) {
        List<String> argv = new ArrayList<>(List.of("tc"));
        if (netns != null) argv.addAll(List.of("-n", netns));
        argv.addAll(List.of("-force", "-batch", "-"));
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Processes.add(p);
            try (OutputStream in = p.getOutputStream()) {
                in.write(lines.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            Processes.remove(p);
        } catch (IOException e) {
            throw new KernelException("% Error: cannot run tc: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
