package swsh.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The switch's own lldpd (Debian's, which also speaks CDP), one per switch: started in the switch's
 * network namespace ({@code ip netns exec NS lldpd -d ...}) on only the config's ports, its control
 * socket, configuration and pid file in {@code RUN/lldpd/} (0755: lldpcli drops privileges before it
 * connects), with no neighbour filtering ({@code -H 0}: a neighbour speaking LLDP and CDP is in both
 * tables, as on a Catalyst), driven with {@code lldpcli -u SOCKET} and words checked by {@link LldpSpec}. It is this
 * JVM's child: stopped by {@code no lldp run}, {@link #close()} and when the JVM ends; one a killed
 * swshd left behind (its pid file) is stopped before a new one starts.
 */
public final class Lldpd implements LldpAgent {
    private static final long START_TIMEOUT_MS = 10_000;

    private final String netns;
    private final Path dir;
    private Process process;
    private LldpSpec spec = LldpSpec.OFF;

    public Lldpd(String netns, Path runDir) {
        this.netns = netns;
        this.dir = runDir.resolve("lldpd");
    }

    Path socket() {
        return dir.resolve("lldpd.sock");
    }

    @Override
    public synchronized LldpSpec applied() {
        return spec;
    }

    @Override
    public synchronized void apply(LldpSpec want) {
        boolean alive = process != null && process.isAlive();
        if (want.equals(spec) && (alive || !want.run())) return;
        if (!want.run()) {
            stop();
            spec = want;
            return;
        }
        if (!alive || want.restartFrom(spec)) {
            stop();
            start(want);
        } else {
            for (List<String> words : want.changes(spec)) lldpcli(words);
        }
        spec = want;
    }

    /** Writes the configuration, starts lldpd with it and waits until its socket answers. */
    private void start(LldpSpec want) {
        List<String> conf = new ArrayList<>();
        for (List<String> words : want.lines()) conf.add(String.join(" ", LldpSpec.checked(words)));
        LldpSpec.checked(List.of(want.pattern()));
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            // lldpcli, once it dropped privileges, must reach the socket: others may cross the run directory
            Set<PosixFilePermission> up = Files.getPosixFilePermissions(dir.getParent());
            if (up.add(PosixFilePermission.OTHERS_EXECUTE)) Files.setPosixFilePermissions(dir.getParent(), up);
            for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
                if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new KernelException("% Error: lldpd's socket would be out of lldpcli's reach: " + p
                            + " is not searchable by others (lldpcli drops privileges)");
                }
            }
            killLeftOver();
            Files.deleteIfExists(socket());
            Path tmp = dir.resolve("lldpd.conf.tmp");
            Files.write(tmp, conf, StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve("lldpd.conf"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new KernelException("% Error: cannot prepare " + dir + " for lldpd: " + e.getMessage());
        }
        List<String> argv = new ArrayList<>();
        if (netns != null) argv.addAll(List.of("ip", "netns", "exec", netns));
        argv.addAll(List.of("lldpd", "-d", "-H", "0", "-M", "4", "-u", socket().toString(), "-I", want.pattern(), "-O",
                dir.resolve("lldpd.conf").toString()));
        if (want.cdp()) argv.add("-ccccc"); // CDPv2 sent (as a Catalyst does), CDPv1 off
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("lldpd.log").toFile()));
            pb.environment().remove("NOTIFY_SOCKET"); // swshd's readiness is its own, not lldpd's
            process = pb.start();
        } catch (IOException e) {
            throw new KernelException("% Error: cannot start lldpd (Debian package lldpd): " + e.getMessage());
        }
        Processes.add(process);
        try {
            Files.writeString(dir.resolve("lldpd.pid"), process.pid() + "\n");
        } catch (IOException e) {
            // only used to stop a left-over lldpd after a crash
        }
        long end = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < end) {
            if (!process.isAlive()) {
                stop();
                throw new KernelException("% Error: lldpd did not start: " + lastLog());
            }
            if (Files.exists(socket()) && LiveKernel.exec(cli(List.of("show", "configuration")), null).status() == 0) return;
            sleep(100);
        }
        stop();
        throw new KernelException("% Error: lldpd did not answer on " + socket() + " within " + START_TIMEOUT_MS / 1000 + " s");
    }

    private String lastLog() {
        try {
            List<String> l = Files.readAllLines(dir.resolve("lldpd.log"), StandardCharsets.UTF_8);
            return l.isEmpty() ? "no message" : l.get(l.size() - 1);
        } catch (IOException | RuntimeException e) {
            return "no message";
        }
    }

    /** Stops a lldpd of this run directory that a previous process left (its pid file, if it is still lldpd). */
    private void killLeftOver() {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve("lldpd.pid")).strip());
            String cmd = Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
            // lldpd renames itself ("lldpd: monitor."): its pid file and its name identify it
            if (cmd.startsWith("lldpd")) {
                ProcessHandle.of(pid).ifPresent(h -> {
                    h.destroy();
                    waitGone(h);
                });
            }
        } catch (IOException | RuntimeException e) {
            // no pid file, or that process is gone
        }
    }

    private static void waitGone(ProcessHandle h) {
        try {
            h.onExit().get(3, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            h.destroyForcibly();
        }
    }

    private List<String> cli(List<String> words) {
        List<String> a = new ArrayList<>(List.of("lldpcli", "-u", socket().toString()));
        a.addAll(words);
        return a;
    }

    private void lldpcli(List<String> words) {
        LiveKernel.Result r = LiveKernel.exec(cli(LldpSpec.checked(words)), null);
        if (r.status() != 0 || r.err().contains("error")) {
            throw new KernelException("% Error: lldpd refused '" + String.join(" ", words) + "': "
                    + (r.err().isBlank() ? "exit status " + r.status() : r.err().strip().replace('\n', ' ')));
        }
    }

    @Override
    public List<LldpNeighbor> neighbors() {
        synchronized (this) {
            if (!spec.run()) return List.of();
        }
        LiveKernel.Result r = LiveKernel.exec(cli(List.of("-f", "json0", "show", "neighbors", "details")), null);
        if (r.status() != 0) return List.of();
        return LldpNeighbor.parse(r.out());
    }

    private void stop() {
        Process p = process;
        process = null;
        if (p != null) {
            p.destroy();
            waitGone(p.toHandle());
            Processes.remove(p);
        }
        try {
            Files.deleteIfExists(dir.resolve("lldpd.pid"));
        } catch (IOException e) {
            // nothing to stop next time either way
        }
    }

    @Override
    public synchronized void close() {
        stop();
        spec = LldpSpec.OFF;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
