package swsh.shell;

import static swsh.grammar.Mode.CONFIG;
import static swsh.grammar.Mode.EXEC;
import static swsh.grammar.Mode.IF;
import static swsh.grammar.Mode.IF_RANGE;
import static swsh.grammar.Mode.USER;
import static swsh.grammar.Mode.VLAN;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import swsh.grammar.Args;
import swsh.grammar.CliException;
import swsh.grammar.Command;
import swsh.grammar.Grammar;
import swsh.grammar.Mode;
import swsh.kernel.Quote;
import swsh.kernel.State;
import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.Render;
import swsh.model.StaticMac;
import swsh.model.Stp;
import swsh.model.Vlan;
import swsh.model.VlanSet;

/**
 * Every command of the shell, each defined once: syntax and help, modes, what it does, its
 * {@code no} form, and how it renders in running-config. The order of definition is the order
 * of running-config.
 */
public final class Commands {
    private static final List<Mode> EXECS = List.of(USER, EXEC);
    private static final List<Mode> CONFIGS = List.of(CONFIG, IF, IF_RANGE, VLAN);
    private static final List<Mode> PORT = List.of(IF, IF_RANGE);

    private final List<Command> defs = new ArrayList<>();
    private Grammar grammar;

    private Commands() {}

    /** The grammar of the whole shell. */
    public static Grammar grammar() {
        Commands c = new Commands();
        c.exec();
        Show.define(c);
        c.global();
        c.vlanMode();
        c.port();
        c.grammar = new Grammar(c.defs);
        return c.grammar;
    }

    Command cmd(List<Mode> modes, String syntax, String... help) {
        Command c = new Command(modes, syntax, help);
        defs.add(c);
        return c;
    }

    Command cmd(Mode mode, String syntax, String... help) {
        return cmd(List.of(mode), syntax, help);
    }

    // ---------------------------------------------------------------- EXEC

    private void exec() {
        cmd(EXECS, "enable", "Turn on privileged commands").user()
                .run((x, a) -> x.session.enable());
        cmd(EXEC, "disable", "Turn off privileged commands")
                .run((x, a) -> x.session.setPrivileged(false));
        cmd(EXECS, "exit", "Exit from the EXEC").user().run((x, a) -> x.session.end(true));
        cmd(EXECS, "logout", "Exit from the EXEC").user().run((x, a) -> x.session.end(true));
        cmd(EXECS, "terminal length <0-512>", "Set terminal line parameters", "Set number of lines on a screen",
                "Number of lines on screen (0 for no pausing)").user()
                .run((x, a) -> x.session.terminal(a.num("length"), null));
        cmd(EXECS, "terminal width <0-512>", "Set terminal line parameters", "Set width of the display terminal",
                "Number of characters on a screen line").user()
                .run((x, a) -> x.session.terminal(null, a.num("width")));
        cmd(EXEC, "configure terminal", "Enter configuration mode", "Configure from the terminal")
                .run((x, a) -> x.enter(CONFIG, List.of(), 0));
        cmd(EXEC, "write [memory]", "Write running configuration to memory, network, or terminal",
                "Write to NV memory").run((x, a) -> saveStartup(x));
        cmd(EXEC, "write terminal", "Write running configuration to memory, network, or terminal",
                "Write to terminal").run((x, a) -> x.print(x.engine().render(x.config())));
        cmd(EXEC, "copy running-config startup-config", "Copy from one file to another",
                "Copy from current system configuration", "Copy to startup configuration")
                .run((x, a) -> {
                    String ans = x.ask("Destination filename [startup-config]? ").strip();
                    if (!ans.isEmpty() && !ans.equals("startup-config")) {
                        throw new CliException("% Error: only startup-config can be written here");
                    }
                    saveStartup(x);
                });
        cmd(EXEC, "copy startup-config running-config", "Copy from one file to another",
                "Copy from startup configuration", "Update (merge with) current system configuration")
                .run((x, a) -> {
                    String text = readStartup(x, "%Error opening nvram:/startup-config (No such file or directory)");
                    Session s = x.session;
                    Replay.Result r = Replay.merge(s.engine, text);
                    for (String e : r.errors()) x.println(e);
                    x.println(r.lines() + " lines merged into running-config");
                });
        cmd(EXEC, "erase startup-config", "Erase a filesystem", "Erase contents of configuration memory")
                .run((x, a) -> {
                    String ans = x.ask("Erasing the nvram filesystem will remove all configuration files! Continue? [confirm]").strip();
                    if (!ans.isEmpty() && !ans.toLowerCase().startsWith("y")) return;
                    try {
                        x.engine().store.eraseStartup();
                    } catch (IOException e) {
                        throw new CliException("% Error erasing startup-config (" + e.getMessage() + ")");
                    }
                    x.println("[OK]");
                    x.println("Erase of nvram: complete");
                });
    }

    private static void saveStartup(Ctx x) {
        x.println("Building configuration...");
        try {
            x.engine().store.saveStartup(Render.body(x.engine().grammar, x.config()));
        } catch (IOException e) {
            throw new CliException("% Error writing startup-config (" + e.getMessage() + ")");
        }
        x.println("[OK]");
    }

    /** The startup-config text; {@code missing} is the IOS message when there is none. */
    static String readStartup(Ctx x, String missing) {
        try {
            return x.engine().store.readStartup().orElseThrow(() -> new CliException(missing));
        } catch (IOException e) {
            throw new CliException("% Error reading startup-config (" + e.getMessage() + ")");
        }
    }

    // ---------------------------------------------------------------- global config

    private void global() {
        for (Mode m : CONFIGS) {
            cmd(m, "end", "Exit from configure mode").run((x, a) -> x.session.end());
            cmd(m, "exit", m == CONFIG ? "Exit from configure mode" : "Exit from " + m.title.toLowerCase() + " mode")
                    .run((x, a) -> x.session.exitMode());
            cmd(m, "do LINE", "To run exec commands in config mode", "Exec Command")
                    .run((x, a) -> x.print(x.session.runExec(a.str("do"))));
        }
        cmd(CONFIG, "hostname WORD", "Set system's network name", "This system's network name")
                .run((x, a) -> {
                    String h = a.str("hostname");
                    if (!h.matches("[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?")) {
                        throw new CliException("% Invalid hostname: it contains one or more illegal characters.", a.column("hostname"));
                    }
                    x.edit(c -> c.withHostname(h));
                })
                .no((x, a) -> x.edit(c -> c.withHostname(x.engine().defaultHostname)))
                .renders((Config c) -> "hostname " + c.hostname());
        cmd(CONFIG, "enable secret WORD", "Modify enable password parameters",
                "Assign the privileged level secret (stored only as a PBKDF2 hash)", "The UNENCRYPTED (cleartext) 'enable' secret").sensitive()
                .run((x, a) -> x.edit(c -> c.withEnableSecret(swsh.model.Secret.hash(a.str("secret")))))
                .no((x, a) -> x.edit(c -> c.withEnableSecret(null)))
                .renders((Config c) -> c.enableSecret() == null ? null
                        : "enable secret " + swsh.model.Secret.type(c.enableSecret()) + " " + c.enableSecret());
        cmd(CONFIG, "enable secret 9 WORD", "Modify enable password parameters",
                "Assign the privileged level secret (stored only as a PBKDF2 hash)", "Specifies a HASHED secret will follow",
                "The HASHED 'enable' secret string ($pbkdf2-sha256$...)").sensitive()
                .run((x, a) -> {
                    String h = a.str("9");
                    if (!swsh.model.Secret.isHash(9, h)) throw new CliException("% Invalid HASHED secret", a.column("9"));
                    x.edit(c -> c.withEnableSecret(h));
                });
        cmd(CONFIG, "spanning-tree", "Spanning Tree Subsystem")
                .run((x, a) -> x.edit(c -> c.withStp(c.stp().withEnabled(true))))
                .no((x, a) -> x.edit(c -> c.withStp(c.stp().withEnabled(false))))
                .renders((Config c) -> {
                    Stp s = c.stp(), d = Stp.DEFAULT;
                    List<String> l = new ArrayList<>();
                    if (s.enabled()) l.add("spanning-tree");
                    if (s.priority() != d.priority()) l.add("spanning-tree priority " + s.priority());
                    if (s.helloTime() != d.helloTime()) l.add("spanning-tree hello-time " + s.helloTime());
                    if (s.forwardTime() != d.forwardTime()) l.add("spanning-tree forward-time " + s.forwardTime());
                    if (s.maxAge() != d.maxAge()) l.add("spanning-tree max-age " + s.maxAge());
                    return l;
                });
        cmd(CONFIG, "spanning-tree priority <0-61440>", "Spanning Tree Subsystem", "Set the bridge priority for the spanning tree",
                "bridge priority in increments of 4096")
                .run((x, a) -> {
                    int p = a.num("priority");
                    if (p % 4096 != 0) {
                        throw new CliException("% Error: Bridge Priority must be in increments of 4096.\n"
                                + "% Allowed values are:\n  0     4096  8192  12288 16384 20480 24576 28672\n"
                                + "  32768 36864 40960 45056 49152 53248 57344 61440");
                    }
                    x.edit(c -> c.withStp(c.stp().withPriority(p)));
                })
                .no((x, a) -> x.edit(c -> c.withStp(c.stp().withPriority(Stp.DEFAULT.priority()))));
        cmd(CONFIG, "spanning-tree hello-time <1-10>", "Spanning Tree Subsystem", "Set the hello interval for the spanning tree",
                "number of seconds between generation of config BPDUs")
                .run((x, a) -> x.edit(c -> c.withStp(c.stp().withHelloTime(a.num("hello-time")))))
                .no((x, a) -> x.edit(c -> c.withStp(c.stp().withHelloTime(Stp.DEFAULT.helloTime()))));
        cmd(CONFIG, "spanning-tree forward-time <4-30>", "Spanning Tree Subsystem", "Set the forward delay for the spanning tree",
                "number of seconds for the forward delay timer")
                .run((x, a) -> x.edit(c -> c.withStp(c.stp().withForwardTime(a.num("forward-time")))))
                .no((x, a) -> x.edit(c -> c.withStp(c.stp().withForwardTime(Stp.DEFAULT.forwardTime()))));
        cmd(CONFIG, "spanning-tree max-age <6-40>", "Spanning Tree Subsystem", "Set the max age interval for the spanning tree",
                "maximum number of seconds the information in a BPDU is valid")
                .run((x, a) -> x.edit(c -> c.withStp(c.stp().withMaxAge(a.num("max-age")))))
                .no((x, a) -> x.edit(c -> c.withStp(c.stp().withMaxAge(Stp.DEFAULT.maxAge()))));
        cmd(CONFIG, "vlan VLANS", "Vlan commands", "ISL VLAN IDs 1-1005 or 802.1Q VLAN IDs 1-4094, e.g. 10,20-30")
                .run((x, a) -> {
                    VlanSet ids = vlanList(a, "vlan");
                    x.edit(c -> {
                        Config n = c;
                        for (int id : ids.ids()) if (!n.hasVlan(id)) n = n.withVlan(new Vlan(id, null));
                        return n;
                    });
                    if (ids.size() == 1) x.enter(VLAN, List.of(), ids.ids().get(0));
                })
                .noWithArgs((x, a) -> {
                    VlanSet ids = vlanList(a, "vlan");
                    if (ids.contains(1)) throw new CliException("% Error: Default VLAN 1 may not be deleted.");
                    x.edit(c -> {
                        Config n = c;
                        for (int id : ids.ids()) n = n.withoutVlan(id);
                        return n;
                    });
                })
                .renders((Config c) -> {
                    List<String> l = new ArrayList<>();
                    for (Vlan v : c.vlans().values()) {
                        if (v.id() == 1 && v.name() == null) continue;
                        l.addAll(Render.block(grammar, VLAN, "vlan " + v.id(), v));
                    }
                    return l;
                });
        cmd(CONFIG, "interface IFNAME", "Select an interface to configure", "Interface name, e.g. eth1")
                .run((x, a) -> enterIface(x, ifaceName(x, a.str("interface"), a.column("interface"))))
                .noWithArgs((x, a) -> x.edit(c -> c.withoutIface(canonical(a.str("interface")))))
                .renders((Config c) -> {
                    List<String> l = new ArrayList<>();
                    for (Iface i : c.ifaces().values()) l.addAll(Render.block(grammar, IF, "interface " + i.name(), i));
                    return l;
                });
        cmd(CONFIG, "interface vlan <1-4094>", "Select an interface to configure", "Catalyst Vlans",
                "Vlan interface number")
                .run((x, a) -> enterIface(x, "Vlan" + a.num("vlan")))
                .noWithArgs((x, a) -> x.edit(c -> c.withoutIface("Vlan" + a.num("vlan"))));
        cmd(CONFIG, "interface range IFRANGE", "Select an interface to configure", "interface range command",
                "Interfaces, e.g. eth1 - 4, eth7")
                .run((x, a) -> {
                    List<String> names = ifaceRange(x, a.str("range"), a.column("range"));
                    x.edit(c -> {
                        Config n = c;
                        for (String i : names) if (!n.ifaces().containsKey(i)) n = n.withIface(Iface.named(i));
                        return n;
                    });
                    x.enter(IF_RANGE, names, 0);
                });
        cmd(CONFIG, "default interface IFNAME", "Set a command to its defaults", "Select an interface to configure",
                "Interface name, e.g. eth1")
                .run((x, a) -> {
                    String n = ifaceName(x, a.str("interface"), a.column("interface"));
                    x.edit(c -> c.withIface(Iface.named(n)));
                    x.println("Interface " + n + " set to default configuration");
                });
        cmd(CONFIG, "mac address-table aging-time <10-1000000>", "MAC configuration", "Configure the MAC address table",
                "Set MAC address table entry maximum age", "Maximum age in seconds")
                .run((x, a) -> x.edit(c -> c.withAgingTime(a.num("aging-time"))))
                .no((x, a) -> x.edit(c -> c.withAgingTime(Config.DEFAULT_AGING)))
                .renders((Config c) -> c.agingTime() == Config.DEFAULT_AGING ? null
                        : "mac address-table aging-time " + c.agingTime());
        cmd(CONFIG, "mac address-table static MAC vlan <1-4094> interface IFNAME", "MAC configuration",
                "Configure the MAC address table", "static keyword", "48 bit mac address", "VLAN keyword",
                "VLAN id of mac address", "interface", "Interface name, e.g. eth1")
                .run((x, a) -> {
                    StaticMac m = new StaticMac(Show.kernelMac(a.str("static")), a.num("vlan"),
                            ifaceName(x, a.str("interface"), a.column("interface")));
                    x.edit(c -> {
                        List<StaticMac> l = new ArrayList<>(c.statics());
                        l.removeIf(s -> s.mac().equals(m.mac()) && s.vlan() == m.vlan());
                        l.add(m);
                        return c.withStatics(l);
                    });
                })
                .noWithArgs((x, a) -> {
                    String mac = Show.kernelMac(a.str("static"));
                    x.edit(c -> {
                        List<StaticMac> l = new ArrayList<>(c.statics());
                        l.removeIf(s -> s.mac().equals(mac) && s.vlan() == a.num("vlan"));
                        return c.withStatics(l);
                    });
                })
                .renders((Config c) -> c.statics().stream().map(s -> "mac address-table static "
                        + Show.ciscoMac(s.mac()) + " vlan " + s.vlan() + " interface " + s.iface()).toList());
    }

    private static VlanSet vlanList(Args a, String name) {
        try {
            return VlanSet.parse(a.str(name));
        } catch (CliException e) {
            throw new CliException(e.getMessage(), a.column(name));
        }
    }

    private static void enterIface(Ctx x, String name) {
        x.edit(c -> c.ifaces().containsKey(name) ? c : c.withIface(Iface.named(name)));
        x.enter(IF, List.of(name), 0);
    }

    /** {@code vlan10} or {@code Vlan10} is the SVI of VLAN 10; other names are kernel interfaces. */
    static String canonical(String name) {
        return Iface.isSvi(name) ? "Vlan" + Integer.parseInt(name.substring(4)) : name;
    }

    /** Checks that a kernel interface exists and may become a switchport. */
    static String ifaceName(Ctx x, String raw, int col) {
        return ifaceName(x, raw, col, x.engine().kernel::read);
    }

    /** As above, with the kernel state from {@code kernel} (read at most once by the caller's choice). */
    private static String ifaceName(Ctx x, String raw, int col, Supplier<State> kernel) {
        String name = canonical(raw);
        if (Iface.isSvi(name)) {
            int id = Integer.parseInt(name.substring(4));
            if (id < 1 || id > 4094) throw CliException.invalid(col);
            return name;
        }
        String bridge = x.engine().kernel.bridge();
        if (name.equals(bridge) || name.startsWith(bridge + ".") || name.equals("lo")) {
            throw new CliException("% Invalid input: interface " + name + " is the switch's own and cannot be configured", col);
        }
        if (!x.config().ifaces().containsKey(name) && kernel.get().link(name) == null) {
            throw new CliException("% Invalid input: interface " + name + " not found", col);
        }
        return name;
    }

    private static final Pattern RANGE_PART = Pattern.compile("\\s*([A-Za-z0-9_.@:+-]*?)(\\d+)\\s*(?:-\\s*(\\d+))?\\s*");

    /** {@code eth1 - 4, eth7} to the interface names. */
    static List<String> ifaceRange(Ctx x, String text, int col) {
        State[] read = {null};
        Supplier<State> once = () -> read[0] != null ? read[0] : (read[0] = x.engine().kernel.read());
        List<String> out = new ArrayList<>();
        int offset = 0;
        for (String part : text.split(",", -1)) {
            Matcher m = RANGE_PART.matcher(part);
            if (!m.matches()) throw CliException.invalid(col + offset);
            int lo = Integer.parseInt(m.group(2));
            int hi = m.group(3) == null ? lo : Integer.parseInt(m.group(3));
            if (hi < lo || hi - lo > 4094) throw CliException.invalid(col + offset);
            for (int i = lo; i <= hi; i++) out.add(ifaceName(x, m.group(1) + i, col + offset, once));
            offset += part.length() + 1;
        }
        return out;
    }

    // ---------------------------------------------------------------- config-vlan

    private void vlanMode() {
        cmd(VLAN, "name WORD", "Ascii name of the VLAN", "The ascii name for the VLAN")
                .run((x, a) -> {
                    String n = a.str("name");
                    if (n.length() > 32 || !Quote.safe(n)) {
                        throw new CliException("% Invalid VLAN name: use 1-32 printable characters", a.column("name"));
                    }
                    if (x.vlan() == 1) throw new CliException("% Error: Default VLAN 1 may not have its name changed.");
                    x.edit(c -> c.withVlan(new Vlan(x.vlan(), n)));
                })
                .no((x, a) -> x.edit(c -> c.withVlan(new Vlan(x.vlan(), null))))
                .renders((Vlan v) -> v.name() == null ? null : "name " + v.name());
    }

    // ---------------------------------------------------------------- config-if

    /** Refuses switchport settings on VLAN interfaces. */
    private static void physical(Ctx x) {
        for (String n : x.ifaces()) {
            if (Iface.isSvi(n)) throw new CliException("% Error: command not applicable to VLAN interface " + n);
        }
    }

    private void port() {
        cmd(PORT, "description LINE", "Interface specific description", "Up to 240 characters describing this interface")
                .run((x, a) -> {
                    String d = a.str("description");
                    if (d.length() > 240 || !Quote.safe(d)) {
                        throw new CliException("% Invalid description: use up to 240 printable characters without # \" or \\",
                                a.column("description"));
                    }
                    x.editIfaces(i -> i.withDescription(d));
                })
                .no((x, a) -> x.editIfaces(i -> i.withDescription(null)))
                .renders((Iface i) -> i.description() == null ? null : "description " + i.description());
        cmd(PORT, "switchport", "Set switching mode characteristics")
                .run((x, a) -> { physical(x); x.editIfaces(i -> i.withSwitchport(true)); })
                .no((x, a) -> { physical(x); x.editIfaces(i -> i.withSwitchport(false)); })
                .renders((Iface i) -> i.switchport() ? null : "no switchport");
        cmd(PORT, "switchport access vlan <1-4094>", "Set switching mode characteristics",
                "Set access mode characteristics of the interface", "Set VLAN when interface is in access mode",
                "VLAN ID of the VLAN when this port is in access mode")
                .run((x, a) -> {
                    physical(x);
                    int id = a.num("vlan");
                    if (!x.config().hasVlan(id)) {
                        x.println("% Access VLAN does not exist. Creating vlan " + id);
                    }
                    x.edit(c -> {
                        Config n = c.hasVlan(id) ? c : c.withVlan(new Vlan(id, null));
                        for (String name : x.ifaces()) n = n.editIface(name, i -> i.withAccessVlan(id));
                        return n;
                    });
                })
                .no((x, a) -> x.editIfaces(i -> i.withAccessVlan(1)))
                .renders((Iface i) -> i.accessVlan() == 1 ? null : "switchport access vlan " + i.accessVlan());
        cmd(PORT, "switchport trunk native vlan <1-4094>", "Set switching mode characteristics",
                "Set trunking characteristics of the interface", "Set trunking native characteristics when interface is in trunking mode",
                "Set native VLAN when interface is in trunking mode", "VLAN ID of the native VLAN when this port is in trunking mode")
                .run((x, a) -> { physical(x); x.editIfaces(i -> i.withNativeVlan(a.num("vlan"))); })
                .no((x, a) -> x.editIfaces(i -> i.withNativeVlan(1)))
                .renders((Iface i) -> i.nativeVlan() == 1 ? null : "switchport trunk native vlan " + i.nativeVlan());
        cmd(PORT, "switchport trunk allowed vlan VLANS", "Set switching mode characteristics",
                "Set trunking characteristics of the interface", "Set allowed VLAN characteristics when interface is in trunking mode",
                "Set allowed VLANs when interface is in trunking mode", "VLAN IDs of the allowed VLANs when this port is in trunking mode")
                .run((x, a) -> { physical(x); VlanSet s = vlanList(a, "vlan"); x.editIfaces(i -> i.withAllowed(s)); })
                .no((x, a) -> x.editIfaces(i -> i.withAllowed(null)))
                .renders((Iface i) -> i.allowed() == null ? null : "switchport trunk allowed vlan " + i.allowed());
        cmd(PORT, "switchport trunk allowed vlan {add|remove|except} list:VLANS", "Set switching mode characteristics",
                "Set trunking characteristics of the interface", "Set allowed VLAN characteristics when interface is in trunking mode",
                "Set allowed VLANs when interface is in trunking mode", "add VLANs to the current list",
                "remove VLANs from the current list", "all VLANs except the following",
                "VLAN IDs of the allowed VLANs when this port is in trunking mode")
                .run((x, a) -> {
                    physical(x);
                    String key = a.has("add") ? "add" : a.has("remove") ? "remove" : "except";
                    VlanSet s = vlanList(a, "list");
                    x.editIfaces(i -> i.withAllowed(switch (key) {
                        case "add" -> i.allowedOrAll().union(s);
                        case "remove" -> i.allowedOrAll().minus(s);
                        default -> VlanSet.ALL.minus(s);
                    }));
                });
        cmd(PORT, "switchport trunk allowed vlan {all|none}", "Set switching mode characteristics",
                "Set trunking characteristics of the interface", "Set allowed VLAN characteristics when interface is in trunking mode",
                "Set allowed VLANs when interface is in trunking mode", "all VLANs", "no VLANs")
                .run((x, a) -> { physical(x); x.editIfaces(i -> i.withAllowed(a.has("all") ? null : VlanSet.NONE)); });
        cmd(PORT, "switchport mode {access|trunk}", "Set switching mode characteristics",
                "Set trunking mode of the interface", "Set trunking mode to ACCESS unconditionally",
                "Set trunking mode to TRUNK unconditionally")
                .run((x, a) -> {
                    physical(x);
                    Iface.PortMode m = a.has("trunk") ? Iface.PortMode.TRUNK : Iface.PortMode.ACCESS;
                    x.editIfaces(i -> i.withMode(m));
                })
                .no((x, a) -> x.editIfaces(i -> i.withMode(null)))
                .renders((Iface i) -> i.mode() == null ? null : "switchport mode " + i.mode().name().toLowerCase());
        cmd(PORT, "switchport protected", "Set switching mode characteristics", "Configure an interface to be a protected port")
                .run((x, a) -> { physical(x); x.editIfaces(i -> i.withIsolated(true)); })
                .no((x, a) -> x.editIfaces(i -> i.withIsolated(false)))
                .renders((Iface i) -> i.isolated() ? "switchport protected" : null);
        cmd(PORT, "mtu <68-9216>", "Set the interface Maximum Transmission Unit (MTU)", "MTU size in bytes")
                .run((x, a) -> x.editIfaces(i -> i.withMtu(a.num("mtu"))))
                .no((x, a) -> x.editIfaces(i -> i.withMtu(null)))
                .renders((Iface i) -> i.mtu() == null ? null : "mtu " + i.mtu());
        cmd(PORT, "ip address addr:A.B.C.D mask:A.B.C.D", "Interface Internet Protocol config commands",
                "Set the IP address of an interface", "IP address", "IP subnet mask")
                .run((x, a) -> setIp(x, a.str("addr"), maskLength(a.str("mask"), a), a.column("addr")))
                .no((x, a) -> x.editIfaces(i -> i.withIp(null)))
                .renders((Iface i) -> i.ip() == null ? null : "ip address " + i.ip().split("/")[0] + " "
                        + Render.mask(Integer.parseInt(i.ip().split("/")[1])));
        cmd(PORT, "ip address A.B.C.D/M", "Interface Internet Protocol config commands",
                "Set the IP address of an interface", "IP address with prefix length")
                .run((x, a) -> {
                    String[] p = a.str("address").split("/");
                    int len = Integer.parseInt(p[1]);
                    if (len > 32) throw CliException.invalid(a.column("address"));
                    setIp(x, p[0], len, a.column("address"));
                });
        cmd(PORT, "shutdown", "Shutdown the selected interface")
                .run((x, a) -> x.editIfaces(i -> i.withShutdown(true)))
                .no((x, a) -> x.editIfaces(i -> i.withShutdown(false)))
                .renders((Iface i) -> i.shutdown() ? "shutdown" : null);
        cmd(PORT, "spanning-tree cost <1-200000000>", "Spanning Tree Subsystem", "Change an interface's spanning tree port path cost",
                "port path cost")
                .run((x, a) -> { physical(x); x.editIfaces(i -> i.withStpCost(a.num("cost"))); })
                .no((x, a) -> x.editIfaces(i -> i.withStpCost(null)))
                .renders((Iface i) -> i.stpCost() == null ? null : "spanning-tree cost " + i.stpCost());
        cmd(PORT, "spanning-tree port-priority <0-240>", "Spanning Tree Subsystem", "Change an interface's spanning tree port priority",
                "port priority in increments of 16")
                .run((x, a) -> {
                    physical(x);
                    int p = a.num("port-priority");
                    if (p % 16 != 0) throw new CliException("% Error: Port Priority in increments of 16 is required");
                    x.editIfaces(i -> i.withStpPriority(p));
                })
                .no((x, a) -> x.editIfaces(i -> i.withStpPriority(null)))
                .renders((Iface i) -> i.stpPriority() == null ? null : "spanning-tree port-priority " + i.stpPriority());
        cmd(PORT, "spanning-tree bpduguard {enable|disable}", "Spanning Tree Subsystem", "Don't accept BPDUs on this interface",
                "Enable BPDU guard for this interface", "Disable BPDU guard for this interface")
                .run((x, a) -> { physical(x); x.editIfaces(i -> i.withBpduguard(a.has("enable"))); })
                .no((x, a) -> x.editIfaces(i -> i.withBpduguard(null)))
                .renders((Iface i) -> i.bpduguard() == null ? null
                        : "spanning-tree bpduguard " + (i.bpduguard() ? "enable" : "disable"));
        cmd(PORT, "spanning-tree guard {root|none}", "Spanning Tree Subsystem", "Change an interface's spanning tree guard mode",
                "Set guard mode to root guard on interface", "Set guard mode to none")
                .run((x, a) -> { physical(x); x.editIfaces(i -> i.withRootGuard(a.has("root"))); })
                .no((x, a) -> x.editIfaces(i -> i.withRootGuard(false)))
                .renders((Iface i) -> i.rootGuard() ? "spanning-tree guard root" : null);
    }

    private static int maskLength(String mask, Args a) {
        long m = 0;
        for (String p : mask.split("\\.")) m = (m << 8) | Integer.parseInt(p);
        int len = Long.bitCount(m);
        if (p32(mask) || m != ((0xffffffffL << (32 - len)) & 0xffffffffL)) {
            throw new CliException("% Bad mask " + mask + " for address " + a.str("addr"), a.column("mask"));
        }
        return len;
    }

    private static boolean p32(String dotted) {
        for (String p : dotted.split("\\.")) if (Integer.parseInt(p) > 255) return true;
        return false;
    }

    private static void setIp(Ctx x, String addr, int len, int col) {
        if (p32(addr)) throw CliException.invalid(col);
        for (String n : x.ifaces()) {
            if (!Iface.isSvi(n)) {
                throw new CliException("% Error: IP addresses can only be set on VLAN interfaces (interface vlan N); "
                        + n + " is a switchport");
            }
        }
        x.editIfaces(i -> i.withIp(addr + "/" + len));
    }
}
