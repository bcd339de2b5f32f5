package swsh.commands.monitor;

import static swsh.commands.Modes.CONFIG;
import static swsh.commands.Modes.EXECS;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.Interfaces;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.grammar.Args;
import swsh.grammar.ParamType;
import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.MonitorSession;
import swsh.model.MonitorSession.Direction;
import swsh.model.VlanSet;

/**
 * Port mirroring (local SPAN): {@code monitor session N source interface X [, Y | - Z] [rx|tx|both]},
 * {@code source vlan V [rx]}, {@code destination interface Y}, their {@code no} forms and {@code no monitor
 * session all}; {@code show monitor [session N]}. The kernel side is {@code kernel/SpanPlanner} (tc
 * {@code clsact}, {@code matchall}/{@code flower} filters with {@code mirred}).
 */
public final class MonitorCommands {
    private MonitorCommands() {}

    static final String MONITOR = "SPAN information and configuration";
    static final String SESSION_KW = "Configure a SPAN session";
    static final String SESSION_NO = "SPAN session number";
    static final String SOURCE = "SPAN source interface, VLAN";
    static final String DESTINATION = "SPAN destination interface or VLAN";
    static final Arg<Integer> SESSION = Arg.of("session", ParamType.range(1, MonitorSession.MAX_ID));
    private static final Arg<String> SOURCES = Arg.of("sources", Types.IFRANGE);
    private static final Arg<VlanSet> VLANS = Arg.of("vlans", Types.VLAN_LIST);
    private static final Arg<String> DEST = Arg.of("destination", Types.IFNAME);

    public static void define(Defs d) {
        d.cmd(CONFIG, "monitor session $session source interface $sources", MONITOR, SESSION_KW, SESSION_NO, SOURCE,
                "SPAN source interface", "Interfaces, e.g. eth1 - 2, eth5, then rx, tx or both (the default)").bind(SESSION, SOURCES)
                .run(MonitorCommands::sourceInterfaces)
                .no(MonitorCommands::noSources)
                .renders(Config.class, MonitorCommands::render);
        d.cmd(CONFIG, "monitor session $session source vlan $vlans [rx]", MonitorCommands.MONITOR, SESSION_KW, SESSION_NO, SOURCE,
                "SPAN source VLAN", "SPAN source VLAN list, e.g. 10,20-30", "Monitor received traffic only (the only direction of VLAN sources)")
                .bind(SESSION, VLANS)
                .run(MonitorCommands::sourceVlans)
                .no(MonitorCommands::noVlans);
        d.cmd(CONFIG, "monitor session $session destination interface $destination", MONITOR, SESSION_KW, SESSION_NO, DESTINATION,
                "SPAN destination interface", Help.IFNAME).bind(SESSION, DEST)
                .run(MonitorCommands::destination)
                .no(MonitorCommands::noDestination);
        d.cmd(CONFIG, "monitor session all", MONITOR, SESSION_KW, "Remove all SPAN sessions in the box (with no)")
                .run((x, a) -> {
                    throw new CommandException("% Incomplete command.");
                })
                .no((x, a) -> x.edit(c -> c.withMonitors(List.of())));
        d.cmd(EXECS, "show monitor [session $session]", Help.SHOW, MONITOR, SESSION_KW, SESSION_NO).bind(SESSION).filterable()
                .run((x, a) -> ShowMonitor.show(x, a.opt(SESSION)));
    }

    private static MonitorSession session(Config c, int id) {
        for (MonitorSession m : c.monitors()) if (m.id() == id) return m;
        return MonitorSession.empty(id);
    }

    /** The config with session {@code id} edited (and dropped when nothing of it is left). */
    private static Config edit(Config c, int id, UnaryOperator<MonitorSession> f) {
        List<MonitorSession> l = new ArrayList<>(c.monitors());
        l.removeIf(m -> m.id() == id);
        MonitorSession m = f.apply(session(c, id));
        if (!m.unused()) l.add(m);
        l.sort((p, q) -> Integer.compare(p.id(), q.id()));
        return c.withMonitors(l);
    }

    /** {@code eth1 - 2, eth5 rx}: the interfaces and the direction (both when none is given). */
    private record Sources(List<String> ifaces, Direction direction) {}

    private static Sources sources(Context x, String text, int col) {
        String t = text.strip();
        Direction dir = Direction.BOTH;
        int sp = t.lastIndexOf(' ');
        String last = (sp < 0 ? t : t.substring(sp + 1)).toLowerCase(Locale.ROOT);
        for (Direction d : Direction.values()) {
            if (!last.isEmpty() && d.keyword.startsWith(last) && !last.matches(".*[0-9].*")) {
                if (sp < 0) throw new CommandException("% Incomplete command.");
                dir = d;
                t = t.substring(0, sp);
            }
        }
        return new Sources(Interfaces.range(x, t, col), dir);
    }

    private static void sourceInterfaces(Context x, Args a) {
        int id = a.get(SESSION);
        Sources s = sources(x, a.get(SOURCES), a.column(SOURCES));
        Config c = x.config();
        if (!session(c, id).sourceVlans().isEmpty()) {
            throw new CommandException("% Error: session " + id + " has VLAN sources; a session takes interfaces or VLANs, not both");
        }
        for (String n : s.ifaces()) {
            if (Iface.isSvi(n)) throw new CommandException("% Error: " + n + " is a VLAN interface; use source vlan", a.column(SOURCES));
            for (MonitorSession m : c.monitors()) {
                if (n.equals(m.destination())) {
                    throw new CommandException("% Error: interface " + n + " is the destination of session " + m.id() + "; a port is a source or a destination, not both");
                }
            }
        }
        x.edit(cfg -> edit(cfg, id, m -> {
            for (String n : s.ifaces()) m = m.withSource(n, s.direction());
            return m;
        }));
    }

    private static void sourceVlans(Context x, Args a) {
        int id = a.get(SESSION);
        if (!session(x.config(), id).sources().isEmpty()) {
            throw new CommandException("% Error: session " + id + " has interface sources; a session takes interfaces or VLANs, not both");
        }
        List<Integer> add = a.get(VLANS).ids();
        x.edit(c -> edit(c, id, m -> {
            List<Integer> v = new ArrayList<>(m.sourceVlans());
            v.addAll(add);
            return m.withSourceVlans(v);
        }));
    }

    private static void destination(Context x, Args a) {
        int id = a.get(SESSION);
        String dest = Interfaces.existing(x, a.get(DEST), a.column(DEST));
        if (Iface.isSvi(dest)) throw new CommandException("% Error: a VLAN interface cannot be a SPAN destination", a.column(DEST));
        swsh.kernel.State.Link l = x.engine().kernel.read().link(dest);
        Iface have = x.config().ifaces().get(dest);
        if (l != null && !l.addrs().isEmpty() && (have == null || !have.switchport())) {
            // a routed port (the management port, perhaps this session's): its drop filter would cut it off
            throw new CommandException("% Error: " + dest + " holds an IPv4 address (a routed port); it cannot be a SPAN destination",
                    a.column(DEST));
        }
        for (MonitorSession m : x.config().monitors()) {
            if (m.id() != id && dest.equals(m.destination())) {
                throw new CommandException("% Error: interface " + dest + " is already the destination of session " + m.id());
            }
            for (MonitorSession.Source s : m.sources()) {
                if (s.iface().equals(dest)) {
                    throw new CommandException("% Error: interface " + dest + " is a source of session " + m.id() + "; a port is a source or a destination, not both");
                }
            }
        }
        x.edit(c -> {
            Config n = c.ifaces().containsKey(dest) ? c : c.withIface(Iface.named(dest)); // swsh owns the port it takes off the bridge
            return edit(n, id, m -> m.withDestination(dest));
        });
    }

    private static int id(Args a) {
        Integer id = a.opt(SESSION);
        if (id == null) throw new CommandException("% Incomplete command.");
        return id;
    }

    /** {@code no monitor session N}, {@code ... source}, {@code ... source interface [X]}: the session, or (some of) its sources. */
    private static void noSources(Context x, Args a) {
        int id = id(a);
        if (!a.has("source")) {
            x.edit(c -> edit(c, id, m -> MonitorSession.empty(id)));
        } else if (!a.has("interface")) {
            x.edit(c -> edit(c, id, m -> new MonitorSession(id, List.of(), List.of(), m.destination())));
        } else {
            List<String> names = a.opt(SOURCES) == null ? null : sources(x, a.get(SOURCES), a.column(SOURCES)).ifaces();
            x.edit(c -> edit(c, id, m -> {
                if (names == null) return new MonitorSession(id, List.of(), m.sourceVlans(), m.destination());
                for (String n : names) m = m.withoutSource(n);
                return m;
            }));
        }
    }

    /** {@code no monitor session N source vlan [V]}. */
    private static void noVlans(Context x, Args a) {
        int id = id(a);
        VlanSet v = a.opt(VLANS);
        x.edit(c -> edit(c, id, m -> m.withSourceVlans(v == null ? List.of() : m.sourceVlans().stream().filter(i -> !v.contains(i)).toList())));
    }

    /** {@code no monitor session N destination [interface [Y]]}. */
    private static void noDestination(Context x, Args a) {
        int id = id(a);
        String d = a.opt(DEST) == null ? null : Interfaces.resolve(x, a.get(DEST));
        x.edit(c -> edit(c, id, m -> d == null || d.equals(m.destination()) ? m.withDestination(null) : m));
    }

    /** Per session: its source ports by direction, its source VLANs, its destination (IOS's order). */
    private static List<String> render(Config c) {
        List<String> out = new ArrayList<>();
        for (MonitorSession m : c.monitors()) {
            String head = "monitor session " + m.id();
            for (Direction d : Direction.values()) {
                List<String> ports = m.sources().stream().filter(s -> s.direction() == d).map(MonitorSession.Source::iface).toList();
                if (!ports.isEmpty()) out.add(head + " source interface " + String.join(" , ", ports) + (d == Direction.BOTH ? "" : " " + d.keyword));
            }
            if (!m.sourceVlans().isEmpty()) out.add(head + " source vlan " + VlanSet.of(m.sourceVlans()) + " rx");
            if (m.destination() != null) out.add(head + " destination interface " + m.destination());
        }
        return out;
    }
}
