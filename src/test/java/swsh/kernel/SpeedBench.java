package swsh.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import swsh.shell.Replay;
import swsh.shell.Session;

/**
 * The speed of swsh against what the kernel needs, measured in one run as ratios to floors measured in
 * the same run (run inside user-mode Linux as root by {@code bench/kernel-speed.sh}): (a) boot of a
 * 48-port config (24 access ports, 24 trunks carrying 100 VLANs) against one {@code ip -batch} and one
 * {@code bridge -batch} doing the same; (b) one {@code switchport access vlan} change on that switch
 * against one {@code bridge -batch} process; (c) the same with 50,000 MACs in the bridge. Uses only what
 * the shell offers (so it also runs against older versions of swsh).
 */
public final class SpeedBench {
    private SpeedBench() {}

    static final String NS = "bench";
    static final int PORTS = 48, ACCESS = 24, CHANGES = 20, WARMUP = 10;

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } finally {
            swsh.TempDirs.removeAll(); // the switches' and swshd's directories: no JUnit run removes them here
        }
    }

    static void run(String[] args) throws Exception {
        int macs = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Net.reset();
        Net.ns(NS);
        Net.ns("peers");
        StringBuilder cables = new StringBuilder();
        for (int i = 1; i <= PORTS; i++) {
            cables.append("link add eth").append(i).append(" netns ").append(NS).append(" type veth peer name p").append(i).append('\n');
        }
        batch("ip", "peers", cables.toString());
        StringBuilder up = new StringBuilder();
        for (int i = 1; i <= PORTS; i++) up.append("link set p").append(i).append(" up\n");
        batch("ip", "peers", up.toString());

        Net.Switch sw = new Net.Switch(NS);
        String config = config();
        Files.createDirectories(sw.dir.resolve("etc"));
        Files.writeString(sw.dir.resolve("etc/startup-config"), config);

        List<String[]> rows = new ArrayList<>();
        // (a) boot: the floor, then swsh boot (a JVM of its own), then the same replay in a running JVM
        double floorBoot = median(3, () -> {
            unboot(sw);
            long t0 = System.nanoTime();
            batch("ip", NS, floorIp());
            batch("bridge", NS, floorBridge());
            return (System.nanoTime() - t0) / 1e6;
        });
        double bootProcess = median(3, () -> {
            unboot(sw);
            long t0 = System.nanoTime();
            LiveKernel.Result r = sw.process(null, "boot");
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r.status() != 0) throw new IllegalStateException("swsh boot failed: " + r.err());
            return ms;
        });
        rows.add(row("(a) boot, 'swsh boot' (JVM start included)", bootProcess, floorBoot));
        double jvm = median(3, () -> {
            long t0 = System.nanoTime();
            sw.process(null, "--version");
            return (System.nanoTime() - t0) / 1e6;
        });
        rows.add(new String[] {"    of which JVM start ('swsh --version')", fmt(jvm), "", ""});
        double bootMerge = median(3, () -> {
            unboot(sw);
            Net.Switch fresh = new Net.Switch(NS);
            long t0 = System.nanoTime();
            Replay.Result r = Replay.merge(fresh.shell, config);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (!r.errors().isEmpty()) throw new IllegalStateException("replay failed: " + r.errors());
            close(fresh);
            return ms;
        });
        rows.add(row("(a) boot, replay in a running JVM (swshd)", bootMerge, floorBoot));
        if (IfupdownBench.available()) {
            double ifu = median(3, () -> {
                unboot(sw);
                return IfupdownBench.bootMs(NS);
            });
            rows.add(row("(a) boot, Debian's ifupdown2 'ifup -a', same switch", ifu, floorBoot));
        } else {
            rows.add(new String[] {"(no target/ifupdown2: bench/fetch-ifupdown2.sh failed; ifupdown2 row skipped)", "", "", ""});
        }

        // (b) one change on the booted switch, in a running session
        Net.Switch live = new Net.Switch(NS);
        Replay.merge(live.shell, config);
        rows.add(row("(b) one 'switchport access vlan' change", change(live), floorChange()));

        // (c) the same with MACs in the bridge (static, on a trunk: they stay while we measure)
        long t0 = System.nanoTime();
        StringBuilder fdb = new StringBuilder();
        for (int i = 0; i < macs; i++) {
            fdb.append(String.format("fdb add 02:%02x:%02x:%02x:00:01 dev eth%d master static vlan 2%n",
                    (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff, PORTS));
        }
        batch("bridge", NS, fdb.toString());
        System.out.printf("(added %d MACs in %.1f s)%n", macs, (System.nanoTime() - t0) / 1e9);
        rows.add(row("(c) the same change, " + macs + " MACs in the bridge", change(live), floorChange()));
        Session s = new Session(live.shell, true);
        double count = median(3, () -> {
            long t1 = System.nanoTime();
            String out = s.execute("show mac address-table count");
            if (!out.contains("Total")) throw new IllegalStateException(out);
            return (System.nanoTime() - t1) / 1e6;
        });
        rows.add(new String[] {"'show mac address-table count', " + macs + " MACs", fmt(count), "", ""});

        double[] show = DaemonBench.interleaved(5, () -> {
            long t1 = System.nanoTime();
            String out = s.execute("show mac address-table");
            if (!out.contains("Total Mac Addresses for this criterion: " + macs)) throw new IllegalStateException(out.lines().limit(8).toList().toString());
            return (System.nanoTime() - t1) / 1e6;
        }, () -> process("bridge", "-n", NS, "fdb", "show", "br", "swbr0"));
        rows.add(row("(d) 'show mac address-table', " + macs + " MACs, in swshd", show[0], show[1]));
        double hello = median(3, () -> process(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-version"));
        rows.add(new String[] {"bare JVM start here ('java -version')", fmt(hello), "", ""});
        close(live);
        if (DaemonBench.available()) {
            daemonRows(config, macs, rows);
        } else {
            rows.add(new String[] {"(no ./swshd and target/swsh.jar: swshd rows skipped)", "", "", ""});
        }

        System.out.println();
        System.out.println("swsh speed, " + LocalDate.now() + ", user-mode Linux (kernel " + uname() + "), "
                + Runtime.getRuntime().availableProcessors() + " CPU(s); medians");
        System.out.printf("%-52s %12s %12s %8s%n", "what", "swsh", "floor", "ratio");
        for (String[] r : rows) System.out.printf("%-52s %12s %12s %8s%n", (Object[]) r);
    }

    /**
     * swshd as the service runs it ({@code ./swshd}, driven by {@code ./swsh}): its memory with MACS MACs, the
     * client's {@code show mac address-table}, then a switch of 48 trunks carrying every VLAN (4094): boot,
     * memory, and one change against one {@code bridge -batch}.
     */
    static void daemonRows(String config, int macs, List<String[]> rows) throws Exception {
        try (DaemonBench d = DaemonBench.start(NS, config)) {
            long rss = d.memKb("VmRSS");
            double version = median(3, () -> d.timed("show version"));
            double show = median(3, () -> d.timed("show mac address-table"));
            rows.add(new String[] {"(d) the same through ./swsh -c (client JVM included)", fmt(show), fmt(version), "(show version)"});
            rows.add(new String[] {"    swshd RSS before / peak after it", DaemonBench.mb(rss), DaemonBench.mb(d.memKb("VmHWM")), "+"
                    + DaemonBench.mb(d.memKb("VmHWM") - rss)});
        }
        Net.Switch sw = new Net.Switch(NS);
        unboot(sw);
        String all = allVlans();
        double floorBoot = median(3, () -> {
            unboot(sw);
            long t0 = System.nanoTime();
            batch("ip", NS, floorIp());
            StringBuilder b = new StringBuilder();
            for (int i = 1; i <= PORTS; i++) b.append("vlan add dev eth").append(i).append(" vid 2-4094\n");
            batch("bridge", NS, b.toString());
            return (System.nanoTime() - t0) / 1e6;
        });
        unboot(sw);
        long t0 = System.nanoTime();
        try (DaemonBench d = DaemonBench.start(NS, all)) {
            double boot = (System.nanoTime() - t0) / 1e6;
            rows.add(row("(e) 48 trunks x 4094 VLANs: swshd boot (JVM included)", boot, floorBoot));
            rows.add(new String[] {"    swshd RSS after boot / after one change", DaemonBench.mb(d.memKb("VmRSS")),
                    fmt(d.timed("configure terminal", "interface eth1", "switchport trunk allowed vlan remove 100", "end")), ""});
            rows.add(new String[] {"    swshd RSS after it, peak", DaemonBench.mb(d.memKb("VmRSS")), DaemonBench.mb(d.memKb("VmHWM")), ""});
        }
        Net.Switch live = new Net.Switch(NS);
        Replay.Result r = Replay.merge(live.shell, all);
        if (!r.errors().isEmpty()) throw new IllegalStateException("replay failed: " + r.errors());
        Session s = new Session(live.shell, true);
        s.execute("configure terminal");
        s.execute("interface eth1");
        double[] change = DaemonBench.interleaved(CHANGES, () -> {
            long t1 = System.nanoTime();
            s.execute("switchport trunk allowed vlan remove 100");
            s.execute("switchport trunk allowed vlan add 100");
            return (System.nanoTime() - t1) / 2e6;
        }, () -> {
            long t1 = System.nanoTime();
            batch("bridge", NS, "vlan del dev eth1 vid 100\n");
            batch("bridge", NS, "vlan add dev eth1 vid 100\n");
            return (System.nanoTime() - t1) / 2e6;
        });
        rows.add(row("(e) one 'switchport trunk allowed vlan' change, in swshd", change[0], change[1]));
        close(live);
    }

    /** 48 trunks, each carrying VLANs 1-4094 (all of them exist). */
    static String allVlans() {
        StringBuilder c = new StringBuilder("vlan 2-4094\n!\n");
        for (int i = 1; i <= PORTS; i++) c.append("interface eth").append(i).append("\n switchport mode trunk\n!\n");
        return c.append("end\n").toString();
    }

    /** Wall time of one process, its output read. */
    static double process(String... argv) {
        long t0 = System.nanoTime();
        LiveKernel.Result r = LiveKernel.exec(List.of(argv), null);
        if (r.status() != 0) throw new IllegalStateException(argv[0] + " failed: " + r.err());
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Ends what a switch's kernel keeps running (versions without such a thing keep nothing). */
    static void close(Net.Switch sw) throws Exception {
        Object k = sw.kernel;
        if (k instanceof AutoCloseable c) c.close();
    }

    /** The startup-config: VLANs 2-101, ports 1-24 access (VLANs 2-25), ports 25-48 trunks of VLANs 2-101. */
    static String config() {
        StringBuilder c = new StringBuilder("vlan 2-101\n!\n");
        for (int i = 1; i <= PORTS; i++) {
            c.append("interface eth").append(i).append('\n');
            if (i <= ACCESS) {
                c.append(" switchport mode access\n switchport access vlan ").append(1 + i).append('\n');
            } else {
                c.append(" switchport mode trunk\n switchport trunk allowed vlan 2-101\n");
            }
            c.append("!\n");
        }
        return c.append("end\n").toString();
    }

    /** What the config needs of ip, written by hand: the bridge, its ports, all up. */
    static String floorIp() {
        StringBuilder b = new StringBuilder("link add name swbr0 type bridge vlan_filtering 1 vlan_default_pvid 0\n");
        for (int i = 1; i <= PORTS; i++) b.append("link set dev eth").append(i).append(" master swbr0 up\n");
        return b.append("link set dev swbr0 up\n").toString();
    }

    /** What the config needs of bridge: each port's VLANs. */
    static String floorBridge() {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= PORTS; i++) {
            b.append("vlan add dev eth").append(i).append(i <= ACCESS ? " vid " + (1 + i) + " pvid untagged\n" : " vid 2-101\n");
        }
        return b.toString();
    }

    /** Back to a kernel without the switch: no bridge, ports down, no files of swsh. */
    static void unboot(Net.Switch sw) {
        StringBuilder b = new StringBuilder();
        if (Net.ok("ip", "-n", NS, "link", "show", "swbr0")) b.append("link del swbr0\n");
        for (int i = 1; i <= PORTS; i++) b.append("link set dev eth").append(i).append(" down\n");
        batch("ip", NS, b.toString());
        try {
            Files.deleteIfExists(sw.dir.resolve("run/running-config"));
            try (var files = Files.list(sw.dir.resolve("run"))) {
                for (Path p : files.toList()) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // no run directory yet
        }
    }

    /** Median time of one 'switchport access vlan' line, alternating two VLANs on eth1, in one session. */
    static double change(Net.Switch sw) {
        Session s = new Session(sw.shell, true);
        s.execute("configure terminal");
        s.execute("interface eth1");
        s.execute("switchport access vlan 3");
        for (int i = 0; i < WARMUP; i++) s.execute("switchport access vlan " + (i % 2 == 0 ? 4 : 3)); // the JIT's turn
        List<Double> t = new ArrayList<>();
        for (int i = 0; i < CHANGES; i++) {
            long t0 = System.nanoTime();
            s.execute("switchport access vlan " + (i % 2 == 0 ? 4 : 3));
            t.add((System.nanoTime() - t0) / 1e6);
        }
        s.execute("end");
        return median(t);
    }

    /** Median time of one bridge -batch process making the same change. */
    static double floorChange() {
        List<Double> t = new ArrayList<>();
        for (int i = 0; i < CHANGES; i++) {
            int from = i % 2 == 0 ? 3 : 4, to = 7 - from;
            long t0 = System.nanoTime();
            batch("bridge", NS, "vlan del dev eth1 vid " + from + "\nvlan add dev eth1 vid " + to + " pvid untagged\n");
            t.add((System.nanoTime() - t0) / 1e6);
        }
        // leaves eth1 in VLAN 3, as swsh's config has it after its change loop
        return median(t);
    }

    static void batch(String tool, String ns, String lines) {
        LiveKernel.Result r = LiveKernel.exec(List.of(tool, "-n", ns, "-batch", "-"), lines);
        if (r.status() != 0) throw new IllegalStateException(tool + " -batch failed: " + r.err());
    }

    static double median(int n, Timed run) throws Exception {
        List<Double> t = new ArrayList<>();
        for (int i = 0; i < n; i++) t.add(run.ms());
        return median(t);
    }

    interface Timed {
        double ms() throws Exception;
    }

    static double median(List<Double> t) {
        List<Double> s = new ArrayList<>(t);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    static String[] row(String what, double ms, double floor) {
        return new String[] {what, fmt(ms), fmt(floor), String.format("%.1f", ms / floor)};
    }

    static String fmt(double ms) {
        return ms >= 1000 ? String.format("%.2f s", ms / 1000) : String.format("%.0f ms", ms);
    }

    static String uname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
