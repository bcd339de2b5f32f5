package swsh.shell;

import static swsh.grammar.Mode.EXEC;
import static swsh.grammar.Mode.USER;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import swsh.grammar.Args;
import swsh.grammar.CliException;
import swsh.grammar.Mode;
import swsh.kernel.State;
import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.Render;
import swsh.model.Vlan;

/** The show commands (and {@code clear}), in Catalyst layouts, built from the config and the kernel. */
final class Show {
    private static final List<Mode> EXECS = List.of(USER, EXEC);
    static final String VERSION = "0.1.0";

    private Show() {}

    static void define(Commands c) {
        c.cmd(EXEC, "show running-config [interface IFNAME]", "Show running system information",
                "Current operating configuration", "Show interface configuration", "Interface name, e.g. eth1")
                .run((x, a) -> {
                    Config cfg = x.config();
                    if (!a.has("interface")) {
                        x.print(x.engine().render(cfg));
                        return;
                    }
                    String n = Commands.canonical(a.str("interface"));
                    Iface i = cfg.ifaces().get(n);
                    if (i == null) throw new CliException("% Error: interface " + n + " is not in the running-config");
                    String body = String.join("\n", Render.block(x.engine().grammar, Mode.IF, "interface " + n, i)) + "\nend\n";
                    x.print("Building configuration...\n\nCurrent configuration : " + body.length() + " bytes\n!\n" + body);
                });
        c.cmd(EXEC, "show startup-config", "Show running system information", "Contents of startup configuration")
                .run((x, a) -> {
                    try {
                        x.print(x.engine().store.readStartup().orElse("startup-config is not present\n"));
                    } catch (java.io.IOException e) {
                        throw new CliException("%Error opening nvram:/startup-config (" + e.getMessage() + ")");
                    }
                });
        c.cmd(EXECS, "show vlan [brief]", "Show running system information", "VTP VLAN status", "VTP all VLAN status in brief")
                .user().run((x, a) -> vlans(x, null));
        c.cmd(EXECS, "show vlan id <1-4094>", "Show running system information", "VTP VLAN status",
                "VTP VLAN status by VLAN id", "VLAN id").user()
                .run((x, a) -> {
                    if (!x.config().hasVlan(a.num("id"))) throw new CliException("VLAN id " + a.num("id") + " not found in current VLAN database");
                    vlans(x, a.num("id"));
                });
        c.cmd(EXECS, "show mac address-table [{dynamic|static}] [vlan <1-4094>] [interface IFNAME] [address MAC]",
                "Show running system information", "MAC configuration", "MAC forwarding table",
                "dynamic entry type", "static entry type", "VLAN keyword", "VLAN number", "interface keyword",
                "Interface name, e.g. eth1", "address keyword", "48 bit mac address").user()
                .run(Show::macTable);
        c.cmd(EXECS, "show mac address-table count", "Show running system information", "MAC configuration",
                "MAC forwarding table", "Count of MAC addresses").user()
                .run(Show::macCount);
        c.cmd(EXECS, "show interfaces status", "Show running system information", "Interface status and configuration",
                "Show interface line status").user().run(Show::status);
        c.cmd(EXECS, "show interfaces [IFNAME] switchport", "Show running system information",
                "Interface status and configuration", "Interface name, e.g. eth1", "Show interface switchport information")
                .user().run(Show::switchport);
        c.cmd(EXECS, "show interfaces trunk", "Show running system information", "Interface status and configuration",
                "Show interface trunk information").user().run(Show::trunk);
        c.cmd(EXECS, "show spanning-tree [vlan <1-4094>]", "Show running system information", "Spanning tree topology",
                "VLAN Switch Spanning Trees", "Spanning tree VLAN id").user().run(Show::spanningTree);
        c.cmd(EXECS, "show version", "Show running system information", "System hardware and software status")
                .user().run(Show::version);
        c.cmd(EXECS, "show privilege", "Show running system information", "Show current privilege level").user()
                .run((x, a) -> x.println("Current privilege level is " + (x.session.mode() == USER ? 1 : 15)));
        c.cmd(EXECS, "show history", "Show running system information", "Display the session command history").user()
                .run((x, a) -> x.session.history().forEach(h -> x.println("  " + h)));
        c.cmd(EXECS, "show users", "Show running system information", "Display information about terminal lines").user()
                .run(Show::users);
        c.cmd(EXEC, "show logging", "Show running system information", "Show the contents of logging buffers")
                .run((x, a) -> {
                    List<String> log = x.engine().audit.recent();
                    x.println("Syslog logging: enabled (console, buffer, syslog via logger)");
                    x.println("");
                    x.println("Log Buffer (" + log.size() + " messages):");
                    x.println("");
                    log.forEach(x::println);
                });
        c.cmd(EXEC, "clear mac address-table dynamic [vlan <1-4094>] [interface IFNAME]", "Reset functions",
                "MAC forwarding table", "MAC forwarding table", "dynamic entry type", "VLAN keyword", "VLAN number",
                "interface keyword", "Interface name, e.g. eth1")
                .run((x, a) -> {
                    Config cfg = x.config();
                    String only = a.has("interface") ? Commands.canonical(a.str("interface")) : null;
                    Integer vlan = a.has("vlan") ? a.num("vlan") : null;
                    for (Iface i : cfg.ifaces().values()) {
                        if (i.svi() || !i.switchport() || (only != null && !only.equals(i.name()))) continue;
                        x.engine().kernel.flushDynamic(i.name(), vlan);
                    }
                });
    }

    private static void users(Ctx x, Args a) {
        x.println("    Line       User       Host(s)              Idle       Location");
        long now = System.currentTimeMillis();
        List<Session> all = x.engine().sessions();
        for (Session s : all) {
            long idle = (now - s.lastActive) / 1000;
            String mark = s == x.session ? "*" : " ";
            x.println(String.format("%s %-10s %-10s %-20s %02d:%02d:%02d %s", mark, s.user().line(), s.user().name(), "idle",
                    idle / 3600, idle / 60 % 60, idle % 60, s.user().from() == null ? "" : s.user().from()).stripTrailing());
        }
    }

    // ---------------------------------------------------------------- VLANs

    private static void vlans(Ctx x, Integer only) {
        Config cfg = x.config();
        x.println("");
        x.println("VLAN Name                             Status    Ports");
        x.println("---- -------------------------------- --------- -------------------------------");
        for (Vlan v : cfg.vlans().values()) {
            if (only != null && v.id() != only) continue;
            List<String> ports = new ArrayList<>();
            for (Iface i : cfg.ifaces().values()) {
                if (!i.svi() && i.switchport() && !i.trunk() && i.accessVlan() == v.id()) ports.add(i.name());
            }
            String head = String.format("%-4d %-32s %-9s ", v.id(), v.displayName(), "active");
            List<String> lines = wrap(ports, 31);
            if (lines.isEmpty()) x.println(head.stripTrailing());
            for (int n = 0; n < lines.size(); n++) x.println((n == 0 ? head : " ".repeat(48)) + lines.get(n));
        }
    }

    /** Joins names with ", " in lines no wider than {@code width}. */
    private static List<String> wrap(List<String> names, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            String item = names.get(i) + (i < names.size() - 1 ? "," : "");
            if (sb.length() > 0 && sb.length() + 1 + item.length() > width) {
                out.add(sb.toString());
                sb.setLength(0);
            }
            if (sb.length() > 0) sb.append(' ');
            sb.append(item);
        }
        if (sb.length() > 0) out.add(sb.toString());
        return out;
    }

    // ---------------------------------------------------------------- MAC table

    /** {@code 0050.7966.6800} or {@code 00:50:79:66:68:00} to the kernel's lower-case colon form. */
    static String kernelMac(String mac) {
        String hex = mac.replaceAll("[.:]", "").toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) sb.append(':');
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }

    /** Kernel MAC to Cisco's dotted form. */
    static String ciscoMac(String mac) {
        String hex = mac.replace(":", "").toLowerCase(Locale.ROOT);
        return hex.substring(0, 4) + "." + hex.substring(4, 8) + "." + hex.substring(8, 12);
    }

    /** The entries shown: learned ones and the user's static ones on our switchports. */
    private static List<State.Fdb> entries(Ctx x) {
        Config cfg = x.config();
        List<State.Fdb> out = new ArrayList<>();
        for (State.Fdb f : x.engine().kernel.read().fdb()) {
            Iface i = cfg.ifaces().get(f.dev());
            if (i == null || i.svi() || f.permanent() || f.vlan() == null) continue;
            out.add(f);
        }
        out.sort((p, q) -> p.vlan().equals(q.vlan()) ? p.mac().compareTo(q.mac()) : p.vlan() - q.vlan());
        return out;
    }

    private static void macTable(Ctx x, Args a) {
        String dev = a.has("interface") ? Commands.canonical(a.str("interface")) : null;
        String mac = a.has("address") ? kernelMac(a.str("address")) : null;
        x.println("          Mac Address Table");
        x.println("-------------------------------------------");
        x.println("");
        x.println("Vlan    Mac Address       Type        Ports");
        x.println("----    -----------       --------    -----");
        int n = 0;
        for (State.Fdb f : entries(x)) {
            if (a.has("dynamic") && !f.dynamic() || a.has("static") && f.dynamic()) continue;
            if (a.has("vlan") && f.vlan() != a.num("vlan")) continue;
            if (dev != null && !dev.equals(f.dev()) || mac != null && !mac.equals(f.mac())) continue;
            x.println(String.format("%4d    %s    %-8s    %s", f.vlan(), ciscoMac(f.mac()),
                    f.dynamic() ? "DYNAMIC" : "STATIC", f.dev()));
            n++;
        }
        x.println("Total Mac Addresses for this criterion: " + n);
    }

    private static void macCount(Ctx x, Args a) {
        List<State.Fdb> all = entries(x);
        long dyn = all.stream().filter(State.Fdb::dynamic).count();
        x.println("");
        x.println("Mac Entries for all vlans :");
        x.println("---------------------------");
        x.println("Dynamic Address Count  : " + dyn);
        x.println("Static  Address Count  : " + (all.size() - dyn));
        x.println("Total Mac Addresses    : " + all.size());
    }

    // ---------------------------------------------------------------- interfaces

    private static String sysfs(String dev, String file) {
        try {
            return Files.readString(Path.of("/sys/class/net", dev, file)).strip();
        } catch (Exception e) {
            return null;
        }
    }

    private static String vlanColumn(Iface i) {
        if (i.trunk()) return "trunk";
        return Integer.toString(i.accessVlan());
    }

    private static void status(Ctx x, Args a) {
        Config cfg = x.config();
        State st = x.engine().kernel.read();
        x.println("");
        x.println("Port      Name               Status       Vlan       Duplex  Speed Type");
        for (Iface i : cfg.ifaces().values()) {
            if (i.svi()) continue;
            State.Link l = st.link(i.name());
            String status = l == null ? "notpresent" : i.shutdown() || !l.adminUp() ? "disabled"
                    : l.lowerUp() ? "connected" : "notconnect";
            String speed = l == null ? null : sysfs(i.name(), "speed");
            String duplex = l == null ? null : sysfs(i.name(), "duplex");
            speed = speed == null || speed.startsWith("-") ? "auto" : speed;
            duplex = duplex == null || duplex.equals("unknown") ? "auto" : duplex;
            String name = i.description() == null ? "" : i.description();
            if (name.length() > 18) name = name.substring(0, 18);
            x.println(String.format("%-9s %-18s %-12s %-10s %6s %6s %s", i.name(), name, status,
                    i.switchport() ? vlanColumn(i) : "routed", duplex, speed, l == null ? "" : l.kind() == null ? "Ethernet" : l.kind()));
        }
    }

    private static void switchport(Ctx x, Args a) {
        Config cfg = x.config();
        String only = a.opt("interfaces") == null ? null : Commands.canonical(a.str("interfaces"));
        if (only != null && !cfg.ifaces().containsKey(only)) throw new CliException("% Error: interface " + only + " is not a switchport");
        for (Iface i : cfg.ifaces().values()) {
            if (i.svi() || (only != null && !only.equals(i.name()))) continue;
            x.println("Name: " + i.name());
            x.println("Switchport: " + (i.switchport() ? "Enabled" : "Disabled"));
            if (!i.switchport()) {
                x.println("");
                continue;
            }
            x.println("Administrative Mode: " + (i.trunk() ? "trunk" : "static access"));
            x.println("Operational Mode: " + (i.shutdown() ? "down" : i.trunk() ? "trunk" : "static access"));
            x.println("Administrative Trunking Encapsulation: dot1q");
            x.println("Negotiation of Trunking: Off");
            x.println("Access Mode VLAN: " + i.accessVlan() + " (" + vlanName(cfg, i.accessVlan()) + ")");
            x.println("Trunking Native Mode VLAN: " + i.nativeVlan() + " (" + vlanName(cfg, i.nativeVlan()) + ")");
            x.println("Administrative Native VLAN tagging: disabled");
            x.println("Voice VLAN: none");
            x.println("Protected: " + (i.isolated() ? "true" : "false"));
            x.println("Trunking VLANs Enabled: " + (i.allowed() == null ? "ALL" : i.allowed().toString().toUpperCase()));
            x.println("Pruning VLANs Enabled: 2-1001");
            x.println("");
        }
    }

    private static String vlanName(Config cfg, int id) {
        Vlan v = cfg.vlans().get(id);
        return v == null ? "Inactive" : v.displayName();
    }

    private static void trunk(Ctx x, Args a) {
        Config cfg = x.config();
        List<Iface> trunks = cfg.ifaces().values().stream().filter(i -> !i.svi() && i.switchport() && i.trunk()).toList();
        if (trunks.isEmpty()) return;
        x.println("");
        x.println("Port        Mode             Encapsulation  Status        Native vlan");
        for (Iface i : trunks) {
            x.println(String.format("%-11s %-16s %-14s %-13s %d", i.name(), "on", "802.1q", i.shutdown() ? "disabled" : "trunking", i.nativeVlan()));
        }
        x.println("");
        x.println("Port        Vlans allowed on trunk");
        for (Iface i : trunks) x.println(String.format("%-11s %s", i.name(), i.allowed() == null ? "1-4094" : i.allowed()));
        x.println("");
        x.println("Port        Vlans allowed and active in management domain");
        for (Iface i : trunks) x.println(String.format("%-11s %s", i.name(), swsh.model.VlanSet.of(cfg.vlans().keySet()).intersect(i.allowedOrAll())));
    }

    // ---------------------------------------------------------------- spanning tree

    private static final String[] STP_STATE = {"BLK", "LIS", "LRN", "FWD", "BLK"};

    /** {@code 8000.2:0:0:0:0:1} (kernel bridge id) to its priority and dotted MAC. */
    private static String[] bridgeId(String id) {
        if (id == null || !id.contains(".")) return new String[] {"32768", "0000.0000.0000"};
        String[] p = id.split("\\.", 2);
        String[] bytes = p[1].split(":");
        StringBuilder hex = new StringBuilder();
        for (String b : bytes) hex.append(b.length() == 1 ? "0" + b : b);
        String h = hex.toString();
        while (h.length() < 12) h = "0" + h;
        return new String[] {Integer.toString(Integer.parseInt(p[0], 16)), ciscoMac(h)};
    }

    private static void spanningTree(Ctx x, Args a) {
        Config cfg = x.config();
        State st = x.engine().kernel.read();
        State.Link br = st.link(x.engine().kernel.bridge());
        if (!cfg.stp().enabled() || br == null || br.bridge() == null) {
            x.println("No spanning tree instance exists.");
            return;
        }
        State.BridgeAttrs b = br.bridge();
        List<Integer> vlans = new ArrayList<>();
        for (int vid : cfg.vlans().keySet()) if (!a.has("vlan") || vid == a.num("vlan")) vlans.add(vid);
        // one 802.1D tree for the whole bridge: its identity is the same in every VLAN's block
        String[] root = bridgeId(b.rootId()), self = bridgeId(b.bridgeId());
        String rootPort = st.links().values().stream().filter(l -> l.port() != null && l.port().portNo() == b.rootPort()
                && x.engine().kernel.bridge().equals(l.master())).map(State.Link::name).findFirst().orElse("?");
        for (int vid : vlans) {
            List<Iface> ports = new ArrayList<>();
            for (Iface i : cfg.ifaces().values()) {
                if (i.svi() || !i.switchport() || st.link(i.name()) == null) continue;
                boolean member = st.vlansOf(i.name()).stream().anyMatch(v -> v.vid() == vid);
                if (member) ports.add(i);
            }
            if (ports.isEmpty() && a.has("vlan")) {
                x.println("Spanning tree instance(s) for vlan " + vid + " does not exist.");
                continue;
            }
            if (ports.isEmpty()) continue;
            x.println("");
            x.println(String.format("VLAN%04d", vid));
            x.println("  Spanning tree enabled protocol ieee");
            x.println(String.format("  Root ID    Priority    %s", root[0]));
            x.println(String.format("             Address     %s", root[1]));
            if (b.rootPort() == 0) {
                x.println("             This bridge is the root");
            } else {
                x.println(String.format("             Cost        %d", b.rootPathCost()));
                x.println(String.format("             Port        %d (%s)", b.rootPort(), rootPort));
            }
            x.println(String.format("             Hello Time  %2d sec  Max Age %2d sec  Forward Delay %2d sec",
                    b.helloTime() / 100, b.maxAge() / 100, b.forwardDelay() / 100));
            x.println("");
            x.println(String.format("  Bridge ID  Priority    %s", self[0]));
            x.println(String.format("             Address     %s", self[1]));
            x.println(String.format("             Hello Time  %2d sec  Max Age %2d sec  Forward Delay %2d sec",
                    b.helloTime() / 100, b.maxAge() / 100, b.forwardDelay() / 100));
            x.println(String.format("             Aging Time  %d sec", b.ageingTime() / 100));
            x.println("");
            x.println("Interface           Role Sts Cost      Prio.Nbr Type");
            x.println("------------------- ---- --- --------- -------- --------------------------------");
            for (Iface i : ports) {
                State.PortAttrs p = st.link(i.name()).port();
                if (p == null) continue;
                String role = p.portNo() == b.rootPort() ? "Root" : p.state() == 4 ? "Altn"
                        : p.state() == 0 ? "Disa" : "Desg";
                String sts = p.state() >= 0 && p.state() < STP_STATE.length ? STP_STATE[p.state()] : "BLK";
                x.println(String.format("%-19s %-4s %-3s %-9d %3d.%-4d %s", i.name(), role, sts, p.cost(),
                        p.priority() * 4, p.portNo(), "P2p"));
            }
        }
    }

    // ---------------------------------------------------------------- version

    private static void version(Ctx x, Args a) {
        Config cfg = x.config();
        long up = ManagementFactory.getRuntimeMXBean().getUptime() / 60000;
        String kernel = sysfsKernel();
        State.Link br = x.engine().kernel.read().link(x.engine().kernel.bridge());
        x.println("Cisco IOS Software, swsh Software (swsh-LINUX-M), Version " + VERSION + ", RELEASE SOFTWARE (fc1)");
        x.println("Technical Support: see the swsh README");
        x.println("swsh: an IOS-style shell for the Linux kernel bridge");
        x.println("");
        x.println("ROM: Linux " + kernel);
        x.println("");
        x.println(cfg.hostname() + " uptime is " + (up / 1440) + " days, " + (up / 60 % 24) + " hours, " + (up % 60) + " minutes");
        x.println("System returned to ROM by power-on");
        x.println("System image file is \"flash:swsh-" + VERSION + ".jar\"");
        x.println("");
        x.println("cisco swsh (Linux) processor with " + Runtime.getRuntime().maxMemory() / 1024 + "K bytes of memory.");
        x.println("Processor board ID " + (br == null ? "none" : br.mac().replace(":", "").toUpperCase(Locale.ROOT)));
        x.println(cfg.ifaces().values().stream().filter(i -> !i.svi()).count() + " Ethernet interfaces");
        if (br != null) x.println("Base ethernet MAC Address       : " + br.mac().toUpperCase(Locale.ROOT));
        x.println("");
        x.println("Configuration register is 0xF");
    }

    private static String sysfsKernel() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
        } catch (Exception e) {
            return System.getProperty("os.version");
        }
    }
}
