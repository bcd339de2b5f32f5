package swsh.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of {@link SpeedBench} that runs swshd as the service does: the {@code ./swshd} launcher (its JVM
 * flags and class-data archive) in the bench namespace, driven by the {@code ./swsh} client. Reads swshd's
 * resident and peak memory from /proc. Needs {@code mvn package} (target/swsh.jar); absent launchers
 * (an older commit under {@code --at}) skip these rows with a word.
 */
final class DaemonBench implements AutoCloseable {
    final Path dir;
    final Process daemon;

    private DaemonBench(Path dir, Process daemon) {
        this.dir = dir;
        this.daemon = daemon;
    }

    static boolean available() {
        return Files.isExecutable(Path.of("swshd")) && Files.isRegularFile(Path.of("target/swsh.jar"));
    }

    /** Starts swshd on {@code ns} with {@code startup} as its startup-config; returns once it serves, with its start time. */
    static DaemonBench start(String ns, String startup) throws Exception {
        Path dir = swsh.TempDirs.make("swshd-bench");
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/startup-config"), startup);
        Process p = new ProcessBuilder("./swshd", "--netns", ns, "--config-dir", dir.resolve("etc").toString(),
                "--run-dir", dir.resolve("run").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("swshd.log").toFile()).start();
        DaemonBench d = new DaemonBench(dir, p);
        for (int i = 0; i < 1200; i++) {
            if (!p.isAlive()) throw new IllegalStateException("swshd stopped: " + Files.readString(dir.resolve("swshd.log")));
            if (d.client("show version").status() == 0) return d;
            Thread.sleep(50);
        }
        throw new IllegalStateException("swshd did not answer");
    }

    /** One {@code ./swsh -c LINE...} through this swshd. */
    LiveKernel.Result client(String... lines) {
        List<String> argv = new ArrayList<>(List.of("./swsh", "--run-dir", dir.resolve("run").toString()));
        for (String l : lines) argv.addAll(List.of("-c", l));
        return LiveKernel.exec(argv, null);
    }

    /** Wall time of one client run of these lines, failing on an error. */
    double timed(String... lines) {
        long t0 = System.nanoTime();
        LiveKernel.Result r = client(lines);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.status() != 0) throw new IllegalStateException("swsh -c " + List.of(lines) + " failed: " + r.err());
        return ms;
    }

    /** VmRSS or VmHWM (peak) of swshd, in kB. */
    long memKb(String field) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + daemon.pid() + "/status"))) {
            if (l.startsWith(field + ":")) return Long.parseLong(l.replaceAll("\\D", ""));
        }
        throw new IOException("no " + field + " for swshd");
    }

    static String mb(long kb) {
        return String.format("%.1f MB", kb / 1024.0);
    }

    /** Median of the interleaved wall times of a swsh command and of its floor process, {swsh, floor}. */
    static double[] interleaved(int n, SpeedBench.Timed swsh, SpeedBench.Timed floor) throws Exception {
        List<Double> a = new ArrayList<>(), b = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            a.add(swsh.ms());
            b.add(floor.ms());
        }
        return new double[] {SpeedBench.median(a), SpeedBench.median(b)};
    }

    @Override
    public void close() throws Exception {
        daemon.destroy();
        daemon.waitFor();
    }
}
