package swsh.commands.system;

import static swsh.commands.Modes.EXEC;
import static swsh.commands.Modes.EXECS;
import static swsh.commands.Modes.IF;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import swsh.commands.CommandException;
import swsh.commands.CommandSet;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.Interfaces;
import swsh.commands.Modes;
import swsh.commands.RunningConfig;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.kernel.State;
import swsh.model.Config;
import swsh.model.Iface;

/** show commands about the switch itself: configs, version, the session, users and the log. */
public final class ShowSystem {
    private ShowSystem() {}

    public static final String VERSION = "0.1.0";
    private static final Arg<String> IFACE = Arg.of("interface", Types.IFNAME);

    public static void define(Defs d) {
        d.cmd(EXEC, "show running-config [interface $interface]", Help.SHOW, "Current operating configuration",
                "Show interface configuration", Help.IFNAME).bind(IFACE).filterable()
                .run((x, a) -> {
                    Config cfg = x.config();
                    String n = Interfaces.resolve(x, a.opt(IFACE));
                    if (n == null) {
                        x.print(x.render(cfg));
                        return;
                    }
                    Iface i = cfg.ifaces().get(n);
                    if (i == null) throw new CommandException("% Error: interface " + n + " is not in the running-config");
                    String body = String.join("\n", RunningConfig.block(CommandSet.grammar(), IF, "interface " + n, i)) + "\nend\n";
                    x.print("Building configuration...\n\nCurrent configuration : " + body.length() + " bytes\n!\n" + body);
                });
        d.cmd(EXEC, "show startup-config", Help.SHOW, "Contents of startup configuration").filterable()
                .run((x, a) -> {
                    try {
                        x.print(x.engine().store.readStartup().orElse("startup-config is not present\n"));
                    } catch (IOException e) {
                        throw new CommandException("%Error opening nvram:/startup-config (" + swsh.core.IoErrors.reason(e) + ")");
                    }
                });
        d.cmd(EXEC, "show startup-config errors", Help.SHOW, "Contents of startup configuration",
                "What failed when swshd last applied it at its start").filterable()
                .run((x, a) -> {
                    List<String> errors = x.startupErrors();
                    if (errors.isEmpty()) {
                        x.println("No errors: every line of startup-config was applied when swshd started.");
                        return;
                    }
                    x.println(errors.size() + " line(s) of startup-config failed when swshd started; every other line was applied:");
                    for (String e : errors) x.println(e);
                });
        d.cmd(EXECS, "show version", Help.SHOW, "System hardware and software status").filterable().json(ShowSystem::versionJson).run(ShowSystem::version);
        d.cmd(EXECS, "show privilege", Help.SHOW, "Show current privilege level").filterable()
                .run((x, a) -> x.println("Current privilege level is " + (x.mode() == Modes.USER ? 1 : 15)));
        d.cmd(EXECS, "show history", Help.SHOW, "Display the session command history").filterable()
                .run((x, a) -> x.history().forEach(h -> x.println("  " + h)));
        d.cmd(EXECS, "show users", Help.SHOW, "Display information about terminal lines").filterable()
                .run(ShowSystem::users);
        d.cmd(EXEC, "show logging", Help.SHOW, "Show the contents of logging buffers").filterable()
                .run((x, a) -> {
                    List<String> log = x.log();
                    x.println("Syslog logging: enabled (console, buffer, syslog via logger)");
                    x.println("");
                    x.println("Log Buffer (" + log.size() + " messages):");
                    x.println("");
                    log.forEach(x::println);
                });
    }

    /** IOS numbers lines absolutely: the console is line 0, vty N is line N+1. */
    static int lineNumber(String line) {
        if (line.startsWith("vty ")) return Integer.parseInt(line.substring(4)) + 1;
        return 0;
    }

    private static void users(Context x, swsh.grammar.Args a) {
        x.println("    Line       User       Host(s)              Idle       Location");
        for (Context.SessionInfo s : x.sessions()) {
            long idle = s.idleSeconds();
            x.println(String.format("%s%3d %-9s %-10s %-20s %02d:%02d:%02d %s", s.self() ? "*" : " ", lineNumber(s.line()),
                    s.line(), s.user(), "idle", idle / 3600, idle / 60 % 60, idle % 60, s.from()).stripTrailing());
        }
    }

    /** {@code | json}: {"version", "hostname", "kernelRelease", "uptimeSeconds", "ethernetInterfaces", "systemMacAddress"}. */
    private static Object versionJson(Context x, swsh.grammar.Args a) {
        Config cfg = x.config();
        State.Link br = x.engine().kernel.read().link(x.engine().kernel.bridge());
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("version", VERSION);
        m.put("hostname", cfg.hostname());
        m.put("kernelRelease", kernelRelease());
        m.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        m.put("ethernetInterfaces", cfg.ifaces().values().stream().filter(i -> !i.svi()).count());
        m.put("systemMacAddress", br == null ? null : swsh.commands.Types.ciscoMac(br.mac()));
        return m;
    }

    private static void version(Context x, swsh.grammar.Args a) {
        Config cfg = x.config();
        long up = ManagementFactory.getRuntimeMXBean().getUptime() / 60000;
        State.Link br = x.engine().kernel.read().link(x.engine().kernel.bridge());
        x.println("Cisco IOS Software, swsh Software (swsh-LINUX-M), Version " + VERSION + ", RELEASE SOFTWARE (fc1)");
        x.println("Technical Support: see the swsh README");
        x.println("swsh: an IOS-style shell for the Linux kernel bridge");
        x.println("");
        x.println("ROM: Linux " + kernelRelease());
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

    private static String kernelRelease() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
        } catch (IOException e) {
            return System.getProperty("os.version");
        }
    }
}
