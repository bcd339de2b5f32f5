package swsh.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import swsh.Main;
import swsh.shell.CliException;
import swsh.shell.User;
import swsh.core.ConfigStore;

/**
 * {@code swsh lab}: a virtual switch to try swsh without spare NICs. Namespace {@code swlab}
 * holds the bridge and ports eth1..ethN; each port is a veth to host namespace hI, address
 * 10.0.0.I/24. Where this kernel lacks bridge VLAN filtering, the lab runs inside user-mode Linux.
 */
public final class Lab {
    public static final String SWITCH_NS = "swlab";
    private static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "swsh-lab");

    private Lab() {}

    static int run(List<String> cmd, boolean quiet) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            if (quiet) pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            else pb.inheritIO();
            return pb.start().waitFor();
        } catch (IOException e) {
            return 127;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    static void must(String... cmd) {
        if (run(List.of(cmd), false) != 0) throw new CliException("% Lab setup failed: " + String.join(" ", cmd));
    }

    /** True when this kernel can run a VLAN-filtering bridge (probed in a scratch namespace). */
    static boolean kernelHasVlanFiltering() {
        String probe = "swlab-probe";
        run(List.of("ip", "netns", "del", probe), true);
        if (run(List.of("ip", "netns", "add", probe), true) != 0) return false;
        try {
            return run(List.of("ip", "-n", probe, "link", "add", "p0", "type", "bridge", "vlan_filtering", "1"), true) == 0
                    && run(List.of("ip", "-n", probe, "link", "add", "link", "p0", "name", "p0.2", "type", "vlan", "id", "2"), true) == 0;
        } finally {
            run(List.of("ip", "netns", "del", probe), true);
        }
    }

    public static void down(int ports) {
        run(List.of("ip", "netns", "del", SWITCH_NS), true);
        for (int i = 1; i <= Math.max(ports, 16); i++) run(List.of("ip", "netns", "del", "h" + i), true);
    }

    public static void up(int ports) {
        down(ports);
        must("ip", "netns", "add", SWITCH_NS);
        must("ip", "-n", SWITCH_NS, "link", "set", "lo", "up");
        for (int i = 1; i <= ports; i++) {
            String h = "h" + i;
            must("ip", "netns", "add", h);
            must("ip", "link", "add", "eth" + i, "netns", SWITCH_NS, "type", "veth", "peer", "name", "eth0", "netns", h);
            must("ip", "-n", h, "addr", "add", "10.0.0." + i + "/24", "dev", "eth0");
            must("ip", "-n", h, "link", "set", "eth0", "up");
            must("ip", "-n", h, "link", "set", "lo", "up");
        }
    }

    /**
     * The lab's factory config: rapid spanning tree with portfast on access ports (hosts forward at
     * link-up), every port a switchport in VLAN 1 ({@code interface ethI}, nothing else); h1..hN
     * reach each other at once.
     */
    public static String factoryConfig(int ports) {
        StringBuilder sb = new StringBuilder("!\nspanning-tree mode rapid-pvst\nspanning-tree portfast default\n!\n");
        for (int i = 1; i <= ports; i++) sb.append("interface eth").append(i).append("\n!\n");
        return sb.append("end\n").toString();
    }

    /** Writes the factory config as the lab's startup-config unless one is saved; true if it did. */
    public static boolean seedStartup(ConfigStore store, int ports) throws IOException {
        if (Files.exists(store.startup())) return false;
        store.saveStartup(factoryConfig(ports));
        return true;
    }

    @Command(name = "lab", sortOptions = false,
            description = {"Build a virtual lab switch and open the shell on it (needs root).",
                    "Namespace " + SWITCH_NS + " holds the switch; its ports eth1..ethN are cabled to host",
                    "namespaces h1..hN, addresses 10.0.0.1..N/24. A new lab starts as a factory",
                    "switch (every port in VLAN 1); its startup-config is kept between runs."},
            footerHeading = "%nExamples:%n",
            footer = {"  sudo swsh lab              build 4 ports and open the shell ('exit' leaves it)",
                    "  sudo swsh lab --ports 8    the same with 8 ports and hosts",
                    "  sudo swsh lab down         remove the lab",
                    "then, from another shell:    sudo ip netns exec h1 ping 10.0.0.2"})
    public static final class Cli implements Callable<Integer> {
        @ParentCommand
        Main main;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", defaultValue = "up", paramLabel = "up|down",
                description = "up (default): build the lab (rebuilt if it exists) and open the shell on it; down: remove it.")
        String action;

        @Option(names = "--ports", defaultValue = "4", paramLabel = "N",
                description = "Number of ports eth1..ethN and hosts h1..hN, 1-16 (default: ${DEFAULT-VALUE}).")
        int ports;

        @Override
        public Integer call() throws IOException {
            if (!action.equals("up") && !action.equals("down")) {
                throw new ParameterException(spec.commandLine(), "expected 'up' or 'down', not '" + action + "'");
            }
            if (ports < 1 || ports > 16) {
                throw new ParameterException(spec.commandLine(), "--ports must be 1-16, not " + ports);
            }
            if (!User.processIsRoot()) {
                System.err.println("% swsh lab needs root: it creates network namespaces (try: sudo ./swsh lab)");
                return 1;
            }
            if (action.equals("down")) {
                down(ports);
                System.out.println("Lab removed.");
                return 0;
            }
            if (!kernelHasVlanFiltering()) {
                if (System.getenv("SWSH_IN_UML") != null) {
                    System.err.println("% This kernel lacks bridge VLAN filtering even inside user-mode Linux");
                    return 1;
                }
                return inUml();
            }
            up(ports);
            // a new lab kernel: the running-config starts from startup-config, as after a boot
            run(List.of("rm", "-rf", DIR.resolve("run").toString()), true);
            main.useLab(SWITCH_NS, DIR);
            ConfigStore store = main.sw().engine.store;
            boolean factory = seedStartup(store, ports);
            System.out.println("Lab switch ready: namespace " + SWITCH_NS + ", ports eth1-" + ports + " cabled to hosts h1-h" + ports
                    + " (10.0.0.1-" + ports + "/24).");
            System.out.println(factory ? "New lab: every port is in VLAN 1 (factory config, saved as " + store.startup() + ")."
                    : "Starting from the lab's saved " + store.startup() + ".");
            if (System.getenv("SWSH_IN_UML") == null) {
                System.out.println("Try from another shell: ip netns exec h1 ping 10.0.0.2");
            }
            System.out.println("Try traffic from this session: lab ping h1 10.0.0.2");
            System.out.println("Type 'enable', then 'configure terminal'; 'exit' from EXEC leaves the lab.");
            main.sw().engine.stp.start(main.sw().engine.running()); // the lab's process is its swshd
            Main.replayStartup(main.sw());
            int rc = main.call();
            if (System.getenv("SWSH_IN_UML") == null) System.out.println("The lab stays up; remove it with: swsh lab down");
            return rc;
        }

        /** Re-runs this command inside user-mode Linux on this terminal. */
        private int inUml() throws IOException {
            System.out.println("This kernel (" + System.getProperty("os.version") + ") has no bridge VLAN filtering / 802.1Q:");
            System.out.println("starting the lab inside user-mode Linux (Debian's kernel 6.1), about 5 seconds...");
            Path script = Files.createTempFile("swsh-uml-run", ".sh");
            try (InputStream in = Lab.class.getResourceAsStream("uml-run.sh")) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> cmd = new ArrayList<>(List.of("sh", script.toString(), "--console", DIR.resolve("uml").toString(),
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), "swsh.Main", "lab", "--ports", Integer.toString(ports)));
            int rc = run(cmd, false);
            Files.deleteIfExists(script);
            if (rc == 125) System.err.println("% Could not start user-mode Linux: apt-get install user-mode-linux kmod iproute2");
            return rc == 125 ? 1 : rc;
        }
    }
}
