package swsh.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Port security's eyes: the source MACs of the frames that arrive on a port from MACs it does not know yet.
 * A locked bridge port drops such frames without a word (kernel 6.1 has no MAC authentication bypass, which
 * would learn them as locked entries), but a packet tap sees every frame a port receives before the bridge
 * does: {@code tcpdump --immediate-mode -l -n -e -t -Q in -i DEV 'not (ether src A or ...)'} (run in the switch's namespace),
 * whose filter runs in the kernel, so only frames from unknown MACs reach swsh. One per secured port; a new
 * set of known MACs is a new watch.
 */
public final class SourceWatch implements AutoCloseable {
    private static final Pattern SOURCE = Pattern.compile("^([0-9a-f]{2}(?::[0-9a-f]{2}){5}) > ");
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

    private final String dev;
    private final Set<String> known;
    private final Process process;
    private final CountDownLatch listening = new CountDownLatch(1);

    /** Starts watching {@code dev} (in namespace {@code netns}, null: this one) for sources other than {@code known}. */
    public SourceWatch(String netns, String dev, Set<String> known, BiConsumer<String, String> unknown) {
        if (!BatchText.safeName(dev) || dev.startsWith("-")) throw new KernelException("% Error: cannot watch " + dev);
        this.dev = dev;
        this.known = Set.copyOf(known);
        List<String> argv = new ArrayList<>();
        if (netns != null) argv.addAll(List.of("ip", "netns", "exec", netns));
        argv.addAll(List.of("tcpdump", "--immediate-mode", "-l", "-n", "-e", "-t", "-Q", "in", "-i", dev));
        String filter = filter(known);
        if (!filter.isEmpty()) argv.add(filter);
        try {
            process = new ProcessBuilder(argv).start();
        } catch (IOException e) {
            throw new KernelException("% Error: cannot run tcpdump for port security: " + e.getMessage());
        }
        Processes.add(process);
        thread("swsh-psecure-" + dev, () -> read(process.getInputStream(), unknown));
        thread("swsh-psecure-err-" + dev, () -> drain(process.getErrorStream()));
    }

    /** The tcpdump filter that passes frames from every source but {@code known}. */
    static String filter(Set<String> known) {
        List<String> parts = new ArrayList<>();
        for (String m : new java.util.TreeSet<>(known)) {
            if (!MAC.matcher(m).matches()) throw new KernelException("% Error: MAC address " + m + " cannot be passed to tcpdump");
            parts.add("ether src " + m);
        }
        return parts.isEmpty() ? "" : "not (" + String.join(" or ", parts) + ")";
    }

    /** The source MAC of one line of {@code tcpdump -e -t}, or null. */
    static String source(String line) {
        Matcher m = SOURCE.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    public String dev() {
        return dev;
    }

    public Set<String> known() {
        return known;
    }

    /** Waits until tcpdump listens (up to {@code ms}); false when it did not. */
    public boolean awaitListening(long ms) {
        try {
            return listening.await(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    private void read(InputStream in, BiConsumer<String, String> unknown) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null; ) {
                String src = source(line);
                try {
                    if (src != null && !known.contains(src)) unknown.accept(dev, src);
                } catch (RuntimeException e) {
                    // the listener failed on this frame: the next frame is told all the same
                }
            }
        } catch (IOException e) {
            // tcpdump ended: the owner sees the watch is not alive and starts another
        }
    }

    private void drain(InputStream err) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) if (line.startsWith("listening on")) listening.countDown();
        } catch (IOException e) {
            // ended
        }
    }

    private static void thread(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        process.destroy();
        Processes.remove(process);
    }
}
