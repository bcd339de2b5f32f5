package swsh.commands.system;

import static swsh.commands.Modes.EXECS;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.port.SwitchPorts;
import swsh.kernel.Ethtool;
import swsh.kernel.State;

/**
 * What scripts ask a Catalyst first about the box: {@code show clock}, {@code show inventory}
 * (the switch and its ports' NICs with their driver, bus and speed from {@code ethtool -i} and the kernel; as
 * serial number the MAC address, the only identity the kernel gives a device). CDP and LLDP are in {@code commands/lldp}.
 */
public final class ShowPlatform {
    private ShowPlatform() {}

    /** IOS's clock layout; the leading {@code *} says the time is not authoritative (swsh runs no NTP of its own). */
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("'*'HH:mm:ss.SSS zzz EEE MMM d yyyy", Locale.ENGLISH);

    public static void define(Defs d) {
        d.cmd(EXECS, "show clock", Help.SHOW, "Display the system clock").filterable()
                .run((x, a) -> x.println(CLOCK.format(ZonedDateTime.now())));
        d.cmd(EXECS, "show inventory", Help.SHOW, "Show the physical inventory").filterable().run((x, a) -> inventory(x));
    }

    /** The switch (its bridge), then each port with a kernel device: its kind, speed and MAC. */
    private static void inventory(Context x) {
        State st = x.engine().kernel.read();
        String bridge = x.engine().kernel.bridge();
        State.Link br = st.link(bridge);
        entry(x, "Switch", "swsh " + ShowSystem.VERSION + " Linux bridge switch (" + bridge + ")", "swsh", ShowSystem.VERSION,
                br == null ? "" : br.mac().replace(":", "").toUpperCase(Locale.ROOT));
        for (SwitchPorts.Port p : SwitchPorts.ports(x.config(), st, bridge)) {
            State.Link l = p.link();
            if (l == null) continue;
            Integer speed = l.hw().speed();
            String kind = SwitchPorts.type(l);
            Map<String, String> info = Ethtool.info(x.engine().kernel, l.name());
            String driver = info.getOrDefault("driver", l.kind() == null ? "unknown" : l.kind());
            String bus = info.getOrDefault("bus-info", "");
            entry(x, p.name(), kind + " port, driver " + driver + (bus.isEmpty() ? "" : " at " + bus)
                    + (speed == null ? "" : ", " + speed + " Mb/s"), driver, info.getOrDefault("version", ""),
                    l.mac() == null ? "" : l.mac().replace(":", "").toUpperCase(Locale.ROOT));
        }
    }

    private static void entry(Context x, String name, String descr, String pid, String vid, String sn) {
        x.println("NAME: \"" + name + "\", DESCR: \"" + descr + "\"");
        x.println(String.format("PID: %-18s, VID: %-5s, SN: %s", pid, vid, sn).stripTrailing());
        x.println("");
    }
}
