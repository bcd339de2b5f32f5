package swsh.kernel;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One iproute2 program kept open in batch mode with JSON output ({@code ip -j -batch -} or
 * {@code bridge -j -batch -}), fed lines through a pipe, so that no process starts per read or per
 * change. What iproute2 6.1 does in that mode, and what this relies on:
 * <ul>
 * <li>every show prints exactly one JSON value on one line ({@code []} when nothing matches), flushed as
 * it ends;</li>
 * <li>changes print nothing on standard output, so a batch of changes is followed by a marker show
 * ({@code addr show dev lo} for ip, {@code link show dev lo} for bridge) whose answer says the batch has ended;</li>
 * <li>without {@code -force} the program stops at the first line that fails, prints
 * {@code Command failed -:N} on standard error (N counted from the program's first line) and exits:
 * the end of its output says the batch (or show) failed, and the next use starts a new program.</li>
 * </ul>
 * Two more facts of iproute2 6.1 in batch mode shape its use: {@code bridge} keeps the filters of a show
 * ({@code dev}, {@code brport}, {@code vlan}, {@code state}) for the shows after it (so a filtered show
 * may only be followed by shows with the same filter keywords), and it keeps a device's name and index
 * from its first look, so it would address a device deleted and created again under the same name by its
 * old index ({@code Error: unknown ifindex}): {@link #names} restarts the program when that may be.
 * A program that does not answer within {@link #TIMEOUT_S} seconds is killed, which fails the call.
 */
final class BatchPipe implements AutoCloseable {
    private static final Pattern FAILED = Pattern.compile("Command failed -:(\\d+)");
    static final long TIMEOUT_S = 120;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "swsh-iproute2-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** Reads one JSON answer; the parser stands on its first token. */
    interface Answer<T> {
        T read(JsonParser p) throws IOException;
    }

    private final String tool;
    private final List<String> argv;
    private final String marker;
    private final Runnable started;
    private Process process;
    private Writer in;
    private JsonParser out;
    private Thread errReader;
    private final StringBuilder err = new StringBuilder();
    private long linesSent;
    /** Started, and given nothing yet: what it said so far (such as why it ended at once) is kept. */
    private boolean unused;
    /** Every device name and index the program may have seen since it started. */
    private final Map<String, Integer> seen = new HashMap<>();

    /**
     * {@code argv} runs the program in batch mode reading standard input; {@code marker} is a show line
     * that always succeeds; {@code started} is told of every process started.
     */
    BatchPipe(String tool, List<String> argv, String marker, Runnable started) {
        this.tool = tool;
        this.argv = List.copyOf(argv);
        this.marker = marker;
        this.started = started;
    }

    /**
     * Tells the program's user what devices are there now ({@code name -> ifindex}): when a name the
     * program may have looked up has gone or now names another index, the program is started anew.
     */
    synchronized void names(Map<String, Integer> now) {
        boolean moved = false;
        for (Map.Entry<String, Integer> e : seen.entrySet()) {
            if (!e.getValue().equals(now.get(e.getKey()))) {
                moved = true;
                break;
            }
        }
        if (moved) {
            forget();
            seen.clear();
        }
        seen.putAll(now);
    }

    /** Starts the program now unless it runs (it would start on first use). */
    synchronized void start() {
        ensure();
    }

    /** Runs change lines; throws what the kernel refused, naming the line. */
    synchronized void run(List<String> lines) {
        if (lines.isEmpty()) return;
        List<String> all = new ArrayList<>(lines);
        all.add(marker);
        long base = linesSent;
        boolean answered = send(all, p -> {
            p.skipChildren();
            return Boolean.TRUE;
        }) != null;
        if (!answered) throw refused(tool, lines, died(), base);
    }

    /** Runs one show line and reads its answer; throws when it fails (the program's words in the message). */
    synchronized <T> T show(String line, Answer<T> answer) {
        T t = send(List.of(line), answer);
        if (t == null) {
            String why = died().replaceAll("Command failed -:\\d+", "").strip().replace('\n', ' ');
            throw new KernelException("% Error: cannot read the kernel state (" + tool + " " + line + "): " + why);
        }
        return t;
    }

    /** Sends lines, reads the answer of the last one; null when the program ended first. */
    private <T> T send(List<String> lines, Answer<T> answer) {
        boolean fresh = ensure() || unused;
        unused = false;
        if (!fresh) {
            synchronized (err) {
                err.setLength(0); // what earlier lines said (warnings) is not this call's failure
            }
        }
        Process p = process;
        ScheduledFuture<?> dog = WATCHDOG.schedule(() -> {
            synchronized (err) {
                err.append("iproute2 did not answer in ").append(TIMEOUT_S).append(" s\n");
            }
            p.destroyForcibly();
        }, TIMEOUT_S, TimeUnit.SECONDS);
        try {
            try {
                for (String l : lines) {
                    in.write(l);
                    in.write('\n');
                }
                in.flush();
                linesSent += lines.size();
            } catch (IOException e) {
                // the program has ended: its output tells why
            }
            JsonToken t = out.nextToken();
            if (t == null) return null;
            return answer.read(out);
        } catch (IOException e) {
            synchronized (err) {
                err.append(e.getMessage()).append('\n');
            }
            p.destroyForcibly();
            return null;
        } finally {
            dog.cancel(false);
        }
    }

    /** After the program ended: waits for it, returns what it said on standard error, and forgets it. */
    private String died() {
        Process p = process;
        try {
            p.waitFor(5, TimeUnit.SECONDS);
            errReader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        p.destroyForcibly();
        forget();
        synchronized (err) {
            String s = err.toString();
            err.setLength(0);
            return s.isBlank() ? tool + " ended" : s;
        }
    }

    /** Starts the program unless it runs; true when it was started now. */
    private boolean ensure() {
        if (process != null && process.isAlive()) return false;
        if (process != null) forget();
        try {
            Process p = new ProcessBuilder(argv).start();
            started.run();
            process = p;
            in = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8));
            // through a reader: a parser on the bytes would read ahead to guess their encoding, waiting for output
            out = JSON.createParser(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            linesSent = 0;
            unused = true;
            synchronized (err) {
                err.setLength(0);
            }
            errReader = new Thread(() -> drain(p.getErrorStream()), "swsh-" + tool + "-stderr");
            errReader.setDaemon(true);
            errReader.start();
            Processes.add(p);
            return true;
        } catch (IOException e) {
            throw new KernelException("% Error: cannot run " + tool + ": " + e.getMessage());
        }
    }

    /** Keeps what the program says on standard error (the last 64 KiB) for the failure it explains. */
    private void drain(InputStream s) {
        byte[] buf = new byte[4096];
        try (s) {
            for (int n; (n = s.read(buf)) > 0; ) {
                synchronized (err) {
                    err.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (err.length() > 65536) err.delete(0, err.length() - 65536);
                }
            }
        } catch (IOException e) {
            // the program ended
        }
    }

    private void forget() {
        Process p = process;
        process = null;
        if (p != null) {
            Processes.remove(p);
            try {
                in.close();
            } catch (IOException e) {
                // already gone
            }
            p.destroyForcibly();
        }
    }

    /** The error for a failed batch, naming the line iproute2 reports as {@code Command failed -:N}. */
    static KernelException refused(String tool, List<String> lines, String err) {
        return refused(tool, lines, err, 0);
    }

    /** As {@link #refused(String, List, String)}, for a batch after {@code before} lines of the same program. */
    static KernelException refused(String tool, List<String> lines, String err, long before) {
        Matcher m = FAILED.matcher(err);
        String what = "";
        if (m.find()) {
            long n = Long.parseLong(m.group(1)) - before;
            if (n >= 1 && n <= lines.size()) what = " '" + tool + " " + lines.get((int) n - 1) + "'";
        }
        String msg = err.replaceAll("Command failed -:\\d+", "").strip().replace('\n', ' ');
        return new KernelException("% Error: the kernel refused" + what + ": " + msg);
    }

    @Override
    public synchronized void close() {
        forget();
    }
}
