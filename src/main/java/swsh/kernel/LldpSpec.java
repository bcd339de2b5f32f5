package swsh.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.PortLldp;

/**
 * What the switch's LLDP agent (lldpd) should run, derived from the config alone: whether it runs,
 * with CDP or not, the system name, the timers, and each port of the config the kernel has with its
 * transmit/receive status and voice VLAN (an LLDP-MED network policy). {@link #lines()} are its
 * {@code lldpcli} commands; {@link #changes} what turns one spec into another without a restart.
 * Every word is checked ({@link #SAFE}), so no user text can become another lldpcli word or command.
 */
public record LldpSpec(boolean run, boolean cdp, String hostname, int txInterval, int txHold, SortedMap<String, Port> ports) {
    /** A port: lldpd's status word ({@code rx-and-tx}...) and its voice VLAN (null: none). */
    public record Port(String status, Integer voiceVlan) {}

    /** What a word given to lldpcli may hold: no blank, quote, comma, wildcard or {@code !} (lldpd's pattern syntax). */
    static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");

    public static final LldpSpec OFF = new LldpSpec(false, false, "", 30, 4, new TreeMap<>());

    public LldpSpec {
        ports = new TreeMap<>(ports);
    }

    /** The spec of {@code cfg} on a kernel with state {@code st}: only ports the kernel has, with names lldpd can take. */
    public static LldpSpec of(Config cfg, State st) {
        if (!cfg.lldp().agent()) return OFF;
        SortedMap<String, Port> ports = new TreeMap<>();
        for (Iface i : cfg.ifaces().values()) {
            if (i.svi() || st.link(i.name()) == null || !SAFE.matcher(i.name()).matches()) continue;
            PortLldp p = i.lldp() == null ? PortLldp.BOTH : i.lldp();
            Integer voice = i.switchport() && !i.trunk() ? i.voiceVlan() : null;
            ports.put(i.name(), new Port(p.status(), voice));
        }
        String host = SAFE.matcher(cfg.hostname()).matches() ? cfg.hostname() : "Switch";
        return new LldpSpec(true, cfg.lldp().cdp(), host, cfg.lldp().timer(), cfg.lldp().txHold(), ports);
    }

    /** lldpd's interface pattern: the ports, or a pattern no interface matches. */
    public String pattern() {
        return ports.isEmpty() ? "!*" : String.join(",", ports.keySet());
    }

    /** The lldpcli commands that configure a fresh lldpd for this spec, as words. */
    public List<List<String>> lines() {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("configure", "system", "hostname", hostname));
        out.add(List.of("configure", "system", "platform", "swsh"));
        out.add(List.of("configure", "lldp", "portidsubtype", "ifname"));
        out.add(List.of("configure", "lldp", "tx-interval", Integer.toString(txInterval)));
        out.add(List.of("configure", "lldp", "tx-hold", Integer.toString(txHold)));
        for (Map.Entry<String, Port> e : ports.entrySet()) out.addAll(portLines(e.getKey(), e.getValue()));
        return out;
    }

    private static List<List<String>> portLines(String port, Port p) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("configure", "ports", port, "lldp", "status", p.status()));
        if (p.voiceVlan() != null) {
            out.add(List.of("configure", "ports", port, "med", "policy", "application", "voice", "tagged", "vlan",
                    Integer.toString(p.voiceVlan()), "priority", "voice", "dscp", "46"));
        }
        return out;
    }

    /** Whether going from {@code old} to this spec needs lldpd started again (CDP, the ports, a voice VLAN removed). */
    public boolean restartFrom(LldpSpec old) {
        if (old == null || !old.run || old.cdp != cdp || !old.ports.keySet().equals(ports.keySet())) return true;
        for (Map.Entry<String, Port> e : old.ports.entrySet()) {
            if (e.getValue().voiceVlan() != null && ports.get(e.getKey()).voiceVlan() == null) return true;
        }
        return false;
    }

    /** The lldpcli commands that turn a running {@code old} into this spec (see {@link #restartFrom}). */
    public List<List<String>> changes(LldpSpec old) {
        List<List<String>> out = new ArrayList<>();
        List<List<String>> before = old.lines();
        for (List<String> l : lines()) if (!before.contains(l)) out.add(l);
        return out;
    }

    /** The words of every command, checked; throws when one is not safe to pass. */
    static List<String> checked(List<String> words) {
        for (String w : words) {
            if (!SAFE.matcher(w).matches() && !Objects.equals(w, "!*")) {
                throw new KernelException("% Error: '" + w + "' cannot be passed to lldpd safely");
            }
        }
        return words;
    }
}
