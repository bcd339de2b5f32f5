package swsh.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Echo probes from the switch: iputils {@code ping} run in the switch's namespace ({@link Kernel#runIn}),
 * its argument list built only from checked typed values (an IPv4 address, numbers, an interface name
 * or address as source), and its output read into typed answers. {@code traceroute} is ping with a rising
 * TTL ({@code -t}): Debian's minimal images have no traceroute.
 */
public final class Probe {
    private Probe() {}

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");
    private static final Pattern ECHO = Pattern.compile("^\\d+ bytes from ([0-9.]+): icmp_seq=(\\d+) .*time=([0-9.]+) ms");
    private static final Pattern FROM = Pattern.compile("^From ([0-9.]+)(?: icmp_seq=(\\d+))? (.*)$");

    /** What came back for one probe: an echo reply, the TTL exceeded on the way, or unreachable. */
    public enum Kind { ECHO, TTL_EXCEEDED, UNREACHABLE }

    /** One answer: its sequence number (from 1), who sent it, the round trip in ms (null when ping gives none). */
    public record Answer(int seq, String from, Kind kind, Double ms) {}

    /**
     * One run of ping: {@code count} echoes of {@code payload} bytes each, {@code timeoutS} for the last
     * answer, from {@code source} (an address or a kernel interface, or null), with {@code ttl} (or null).
     */
    public record Echo(String addr, int count, int payload, int timeoutS, String source, Integer ttl) {
        public Echo {
            if (addr == null || !IPV4.matcher(addr).matches()) throw new IllegalArgumentException("bad address " + addr);
            if (count < 1 || payload < 0 || payload > 65507 || timeoutS < 0 || ttl != null && (ttl < 1 || ttl > 255)) {
                throw new IllegalArgumentException("bad ping values");
            }
            if (source != null && (source.startsWith("-") || !BatchText.safeName(source))) {
                throw new IllegalArgumentException("bad source " + source);
            }
        }

        /** {@code ping -n -c N -i 0.2 -s S -W T [-I SRC] [-t TTL] -- ADDR}. */
        List<String> argv(List<String> runIn) {
            List<String> a = new ArrayList<>(runIn);
            a.addAll(List.of("ping", "-n", "-c", Integer.toString(count), "-i", "0.2", "-s", Integer.toString(payload), "-W",
                    timeoutS == 0 ? "0.001" : Integer.toString(timeoutS)));
            if (source != null) a.addAll(List.of("-I", source));
            if (ttl != null) a.addAll(List.of("-t", Integer.toString(ttl)));
            a.addAll(List.of("--", addr));
            return a;
        }
    }

    /** Runs {@code e} on {@code kernel}, giving each answer to {@code each} as it comes; throws a clear error when ping cannot run. */
    public static void ping(Kernel kernel, Echo e, Consumer<Answer> each) {
        List<String> runIn = check(kernel);
        try {
            Process p = new ProcessBuilder(e.argv(runIn)).redirectErrorStream(true).start();
            Processes.add(p);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                p.getOutputStream().close();
                int seq = 0;
                for (String line; (line = r.readLine()) != null; ) {
                    Answer a = answer(line, seq);
                    if (a != null) {
                        seq = a.seq();
                        each.accept(a);
                    } else if (line.startsWith("ping: ")) {
                        throw new KernelException("% Error: " + line.substring(6).strip());
                    }
                }
                p.waitFor(5, TimeUnit.SECONDS);
            } finally {
                p.destroyForcibly();
                Processes.remove(p);
            }
        } catch (IOException x) {
            throw new KernelException("% Error: cannot run ping: " + x.getMessage());
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new KernelException("% Error: ping interrupted");
        }
    }

    /** The argv prefix of {@link Kernel#runIn}; a clear error when the kernel is a simulated one. */
    public static List<String> check(Kernel kernel) {
        List<String> runIn = kernel.runIn();
        if (runIn == null) throw new KernelException("% Error: ping needs the switch's kernel; this one is simulated (--dry-run)");
        return runIn;
    }

    /** One line of ping's output as an answer, or null ({@code last}: the sequence number of the answer before). */
    static Answer answer(String line, int last) {
        Matcher m = ECHO.matcher(line);
        if (m.find()) return new Answer(Integer.parseInt(m.group(2)), m.group(1), Kind.ECHO, Double.parseDouble(m.group(3)));
        m = FROM.matcher(line);
        if (!m.find()) return null;
        int seq = m.group(2) == null ? last + 1 : Integer.parseInt(m.group(2));
        String what = m.group(3).toLowerCase(Locale.ROOT);
        if (what.contains("time to live exceeded")) return new Answer(seq, m.group(1), Kind.TTL_EXCEEDED, null);
        if (what.contains("unreachable")) return new Answer(seq, m.group(1), Kind.UNREACHABLE, null);
        return null;
    }
}
