package swsh.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import swsh.shell.Replay;
import swsh.shell.Session;
import swsh.core.ConfigStore;

/** Test network: namespaces as hosts, veth pairs as cables, and swsh switches in namespaces. */
final class Net {
    private Net() {}

    static String sh(String... cmd) {
        LiveKernel.Result r = LiveKernel.exec(List.of(cmd), null);
        if (r.status() != 0) fail(String.join(" ", cmd) + " failed: " + r.err());
        return r.out();
    }

    static boolean ok(String... cmd) {
        return LiveKernel.exec(List.of(cmd), null).status() == 0;
    }

    /** The switches of the scenario under way: their kept-open iproute2 programs end with it. */
    private static final List<Switch> OPEN = new ArrayList<>();

    /** Removes every namespace (each scenario starts from a clean kernel). */
    static void reset() {
        synchronized (OPEN) {
            OPEN.forEach(s -> {
                s.shell.engine.stp.stop();
                s.shell.engine.lldp.close();
                s.kernel.close();
            });
            OPEN.clear();
        }
        ok("ip", "-all", "netns", "delete");
    }

    static void ns(String name) {
        if (!Files.exists(Path.of("/run/netns", name))) {
            sh("ip", "netns", "add", name);
            // no IPv6 router solicitations or DAD: only the test's own traffic teaches the bridge MACs
            sh("ip", "netns", "exec", name, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1",
                    "net.ipv6.conf.default.disable_ipv6=1");
        }
        sh("ip", "-n", name, "link", "set", "lo", "up");
    }

    /** A host namespace {@code host} with eth0 cabled to port {@code port} of switch namespace {@code sw}. */
    static void host(String host, String sw, String port, String cidr) {
        ns(host);
        ns(sw);
        sh("ip", "link", "add", port, "netns", sw, "type", "veth", "peer", "name", "eth0", "netns", host);
        if (cidr != null) sh("ip", "-n", host, "addr", "add", cidr, "dev", "eth0");
        sh("ip", "-n", host, "link", "set", "eth0", "up");
    }

    /** A tagged 802.1Q subinterface eth0.VID on a host, with an address. */
    static void tagged(String host, int vid, String cidr) {
        String dev = "eth0." + vid;
        sh("ip", "-n", host, "link", "add", "link", "eth0", "name", dev, "type", "vlan", "id", Integer.toString(vid));
        sh("ip", "-n", host, "addr", "add", cidr, "dev", dev);
        sh("ip", "-n", host, "link", "set", dev, "up");
    }

    /** A cable between two switches. */
    static void cable(String swA, String portA, String swB, String portB) {
        ns(swA);
        ns(swB);
        sh("ip", "link", "add", portA, "netns", swA, "type", "veth", "peer", "name", portB, "netns", swB);
    }

    /**
     * Waits (up to 3 s) until every port of swbr0 in {@code ns} that is up with carrier has left the
     * {@code disabled} state. The kernel's link watch tells the bridge of a carrier up to a second after
     * the fact, so a port swsh has just set up may not forward yet: a test that pings at once would race it.
     */
    static void settle(String ns) {
        for (int i = 0; i < 60; i++) {
            LiveKernel.Result r = LiveKernel.exec(List.of("bridge", "-n", ns, "-j", "link", "show"), null);
            if (r.status() != 0 || !DISABLED_WITH_CARRIER.matcher(r.out()).find()) return;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** An entry of {@code bridge -j link show}: up with carrier, but disabled. */
    private static final java.util.regex.Pattern DISABLED_WITH_CARRIER = java.util.regex.Pattern.compile(
            "\\{[^{}]*\"flags\":\\[[^\\]]*\"UP\",\"LOWER_UP\"\\][^{}]*\"state\":\"disabled\"");

    static boolean ping(String from, String ip) {
        return ok("ip", "netns", "exec", from, "ping", "-c", "2", "-i", "0.2", "-W", "1", ip);
    }

    static String mac(String ns, String dev) {
        String j = sh("ip", "-n", ns, "-br", "link", "show", dev);
        return j.trim().split("\\s+")[2];
    }

    static long rxPackets(String ns, String dev) {
        try {
            String s = sh("ip", "netns", "exec", ns, "cat", "/sys/class/net/" + dev + "/statistics/rx_packets");
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A switch run by swsh inside namespace {@code ns}, counting what it sends to the kernel. */
    /**
     * Serves {@code sw}'s shells as swshd does, on a daemon thread of this JVM, at the socket in {@code runDir};
     * returns the socket once swshd answers on it (fails the test when it does not within 5 s).
     */
    static Path swshd(swsh.shell.Switch sw, Path runDir, String thread) throws InterruptedException {
        Path sock = swsh.daemon.Daemon.socketIn(runDir);
        Thread t = new Thread(() -> {
            try {
                new swsh.daemon.Daemon(sw, sock).serve();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, thread);
        t.setDaemon(true);
        t.start();
        for (int i = 0; i < 250; i++) {
            swsh.client.RemoteCli probe = Files.exists(sock) ? swsh.client.RemoteCli.connect(sock, false) : null;
            if (probe != null) {
                probe.close();
                return sock;
            }
            Thread.sleep(20);
        }
        fail("swshd did not start on " + sock);
        return sock;
    }

    static final class Switch {
        final String ns;
        final Counting kernel;
        final LiveKernel live;
        final swsh.shell.Switch shell;
        final Path dir;

        Switch(String ns) {
            this.ns = ns;
            Net.ns(ns);
            try {
                dir = swsh.TempDirs.make("swsh-" + ns);
                // as /run/swsh: others may cross it (lldpcli reaches lldpd's socket below it without privileges)
                Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            live = new LiveKernel("swbr0", ns);
            kernel = new Counting(live);
            shell = swsh.shell.Switch.of(kernel, store(), ns);
            synchronized (OPEN) {
                OPEN.add(this);
            }
        }

        ConfigStore store() {
            return new ConfigStore(dir.resolve("etc"), dir.resolve("run"));
        }

        /** Types the lines into a privileged shell session; fails on any error line. */
        String run(String... lines) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(), err = new java.io.ByteArrayOutputStream();
            int failed = Replay.run(new Session(shell, true), List.of(lines), new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                    new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
            if (failed != 0) fail("swsh in " + ns + " reported:\n" + err);
            settle(ns);
            return out.toString(StandardCharsets.UTF_8);
        }

        /** Runs the real swsh process (same as ./swsh) with these arguments. */
        LiveKernel.Result process(String stdin, String... args) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "swsh.Main", "--netns", ns,
                    "--config-dir", dir.resolve("etc").toString(), "--run-dir", dir.resolve("run").toString()));
            cmd.addAll(List.of(args));
            return LiveKernel.exec(cmd, stdin);
        }
    }

    /** Passes everything to the real kernel and counts the non-empty batches sent. */
    static final class Counting implements Kernel {
        final Kernel real;
        int batches;

        Counting(Kernel real) {
            this.real = real;
        }

        @Override
        public State read() {
            return real.read();
        }

        @Override
        public State readCounters() {
            return real.readCounters();
        }

        @Override
        public void fdb(FdbQuery q, java.util.function.Consumer<State.Fdb> each) {
            real.fdb(q, each);
        }

        @Override
        public void close() {
            real.close();
        }

        @Override
        public void apply(Plan plan) {
            batches += plan.batches().size();
            real.apply(plan);
        }

        @Override
        public void flushDynamic(String dev, Integer vlan) {
            real.flushDynamic(dev, vlan);
        }

        @Override
        public StormTc stormTc(java.util.Set<String> devs) {
            return real.stormTc(devs);
        }

        @Override
        public String netns() {
            return real.netns();
        }

        @Override
        public String bridge() {
            return real.bridge();
        }

        @Override
        public FrameIo frames() {
            return real.frames();
        }

        @Override
        public String bondingStatus(String bond) {
            return real.bondingStatus(bond);
        }

        @Override
        public TcState tc(java.util.Set<String> devs) {
            return real.tc(devs);
        }

        @Override
        public java.util.List<String> runIn() {
            return real.runIn();
        }

        @Override
        public java.util.Map<Integer, State.VlanMcast> vlanMcast() {
            return real.vlanMcast();
        }

        @Override
        public List<McastJson.Group> mdb() {
            return real.mdb();
        }

        @Override
        public LldpAgent lldpAgent(Path runDir) {
            return real.lldpAgent(runDir);
        }
    }
}
