package swsh.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The whole switch configuration as an immutable value. Commands produce a new Config; the
 * planner compares it with the kernel.
 */
public record Config(
        String hostname,
        SortedMap<Integer, Vlan> vlans,
        SortedMap<String, Iface> ifaces,
        Stp stp,
        int agingTime,
        List<StaticMac> statics,
        String enableSecret,
        Archive archive,
        boolean driftRestore,
        ErrdisableRecovery errdisable,
        Lldp lldp,
        Igmp igmp,
        List<MonitorSession> monitors) {

    public static final int DEFAULT_AGING = 300;

    /** Interfaces sort like a switch lists them: by name with numbers in numeric order. */
    public static final Comparator<String> IFACE_ORDER = Config::compareNames;

    public Config {
        TreeMap<Integer, Vlan> v = new TreeMap<>(vlans);
        v.putIfAbsent(1, new Vlan(1, null));
        vlans = Collections.unmodifiableSortedMap(v);
        TreeMap<String, Iface> i = new TreeMap<>(IFACE_ORDER);
        i.putAll(ifaces);
        ifaces = Collections.unmodifiableSortedMap(i);
        statics = List.copyOf(statics);
        if (archive == null) archive = Archive.NONE; // a model saved before the archive existed
        if (errdisable == null) errdisable = ErrdisableRecovery.DEFAULT;
        if (lldp == null) lldp = Lldp.DEFAULT;
        if (igmp == null) igmp = Igmp.DEFAULT;
        monitors = monitors == null ? List.of() : List.copyOf(monitors);
    }

    public static Config empty(String hostname) {
        return new Config(hostname, new TreeMap<>(), new TreeMap<>(), Stp.DEFAULT, DEFAULT_AGING, List.of(), null, Archive.NONE, false,
                ErrdisableRecovery.DEFAULT, Lldp.DEFAULT, Igmp.DEFAULT, List.of());
    }

    public Config withHostname(String h) {
        return new Config(h, vlans, ifaces, stp, agingTime, statics, enableSecret, archive, driftRestore, errdisable, lldp, igmp, monitors);
    }

    public Config withVlan(Vlan v) {
        TreeMap<Integer, Vlan> m = new TreeMap<>(vlans);
        m.put(v.id(), v);
        return new Config(hostname, m, ifaces, stp, agingTime, statics, enableSecret, archive, driftRestore, errdisable, lldp, igmp, monitors);
    }

    public Config withoutVlan(int id) {
        TreeMap<Integer, Vlan> m = new TreeMap<>(vlans);
        m.remove(id);
        return new Config(hostname, m, ifaces, stp, agingTime, statics, enableSecret, archive, driftRestore, errdisable, lldp, igmp, monitors);
    }

    public Config withIface(Iface i) {
        TreeMap<String, Iface> m = new TreeMap<>(IFACE_ORDER);
        m.putAll(ifaces);
        m.put(i.name(), i);
        return new Config(hostname, vlans, m, stp, agingTime, statics, enableSecret, archive, driftRestore, errdisable, lldp, igmp, monitors);
    }

    public Config withoutIface(String name) {
        TreeMap<String, Iface> m = new TreeMap<>(IFACE_ORDER);
        m.putAll(ifaces);
        m.remove(name);
        List<StaticMac> s = new ArrayList<>(statics);
        s.removeIf(x -> x.iface().equals(name));
        return new Config(hostname, vlans, m, stp, agingTime, s, enableSecret, archive, driftRestore, errdisable, lldp, igmp, monitors);
    }

    /** Applies {@code f} to the named interface, creating its block first if needed. */
    public Config editIface(String name, UnaryOperator<Iface> f) {
        return withIface(f.apply(ifaces.getOrDefault(name, Iface.named(name))));
    }

    public Config withStp(Stp s) {
        return new Config(hostname, vlans, ifaces, s, agingTime, statics, enableSecret, archive, driftRestore, errdisable, lldp, igmp, monitors);
    }

    public Config withAgingTime(int a) {
        return new Config(hostname, vlans, ifaces, stp, a, statics, enableSecret, archive, driftRestore, errdisable, lldp, igmp, monitors);
    }

    public Config withStatics(List<StaticMac> s) {
        return new Config(hostname, vlans, ifaces, stp, agingTime, s, enableSecret, archive, driftRestore, errdisable, lldp, igmp, monitors);
    }

    /** The enable secret as a PBKDF2 hash (see {@link Secret}), or null. */
    public Config withEnableSecret(String hash) {
        return new Config(hostname, vlans, ifaces, stp, agingTime, statics, hash, archive, driftRestore, errdisable, lldp, igmp, monitors);
    }

    public Config withArchive(Archive a) {
        return new Config(hostname, vlans, ifaces, stp, agingTime, statics, enableSecret, a, driftRestore, errdisable, lldp, igmp, monitors);
    }

    /** Whether swsh puts the kernel back at once when it drifts from this config (else it reports). */
    public Config withDriftRestore(boolean r) {
        return new Config(hostname, vlans, ifaces, stp, agingTime, statics, enableSecret, archive, r, errdisable, lldp, igmp, monitors);
    }

    public Config withErrdisable(ErrdisableRecovery e) {
        return new Config(hostname, vlans, ifaces, stp, agingTime, statics, enableSecret, archive, driftRestore, e, lldp, igmp, monitors);
    }

    public Config withLldp(Lldp l) {
        return new Config(hostname, vlans, ifaces, stp, agingTime, statics, enableSecret, archive, driftRestore, errdisable, l, igmp, monitors);
    }

    public Config withIgmp(Igmp g) {
        return new Config(hostname, vlans, ifaces, stp, agingTime, statics, enableSecret, archive, driftRestore, errdisable, lldp, g, monitors);
    }

    public Config withMonitors(List<MonitorSession> m) {
        return new Config(hostname, vlans, ifaces, stp, agingTime, statics, enableSecret, archive, driftRestore, errdisable, lldp, igmp, m);
    }

    public boolean hasVlan(int id) {
        return vlans.containsKey(id);
    }

    static int compareNames(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i), cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i, sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
                while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) return c;
            } else {
                int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (c == 0) c = Character.compare(ca, cb);
                if (c != 0) return c;
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
