package swsh.model;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Spanning tree: which protocol runs ({@code spanning-tree mode}; null: none), the tree's bridge
 * priority and timers (seconds) for all VLANs, per-VLAN priorities set with
 * {@code spanning-tree vlan LIST priority N}, the VLANs it is off in, and the portfast and BPDU
 * guard defaults. swsh runs one tree for all VLANs (see the README): its bridge priority is the
 * lowest one configured for any VLAN.
 */
public record Stp(Mode mode, int priority, int helloTime, int forwardTime, int maxAge,
                  SortedMap<Integer, Integer> vlanPriorities, Set<Integer> offVlans,
                  boolean portfastDefault, boolean bpduguardDefault) {

    /** {@code pvst}: the kernel's own 802.1D tree; {@code rapid-pvst} and {@code mst}: swshd's 802.1w engine. */
    public enum Mode {
        PVST("pvst"), RAPID_PVST("rapid-pvst"), MST("mst");

        public final String keyword;

        Mode(String keyword) {
            this.keyword = keyword;
        }

        public boolean rapid() {
            return this != PVST;
        }
    }

    public static final int DEFAULT_PRIORITY = 32768;
    public static final Stp DEFAULT = new Stp(null, DEFAULT_PRIORITY, 2, 15, 20, new TreeMap<>(), Set.of(), false, false);

    public Stp {
        vlanPriorities = Collections.unmodifiableSortedMap(new TreeMap<>(vlanPriorities == null ? Map.of() : vlanPriorities));
        offVlans = Collections.unmodifiableSortedSet(new TreeSet<>(offVlans == null ? Set.of() : offVlans));
        if (priority == 0 && helloTime == 0) { // a model saved before these fields existed
            priority = DEFAULT_PRIORITY;
            helloTime = 2;
            forwardTime = 15;
            maxAge = 20;
        }
    }

    public boolean enabled() {
        return mode != null;
    }

    /** The bridge priority the one tree runs with: the lowest of the bridge-wide and per-VLAN ones. */
    public int treePriority() {
        int p = priority;
        for (int v : vlanPriorities.values()) p = Math.min(p, v);
        return p;
    }

    /** The priority configured for VLAN {@code vid}. */
    public int priorityOf(int vid) {
        return vlanPriorities.getOrDefault(vid, priority);
    }

    public Stp withMode(Mode v) { return new Stp(v, priority, helloTime, forwardTime, maxAge, vlanPriorities, offVlans, portfastDefault, bpduguardDefault); }
    public Stp withPriority(int v) { return new Stp(mode, v, helloTime, forwardTime, maxAge, new TreeMap<>(), offVlans, portfastDefault, bpduguardDefault); }
    public Stp withHelloTime(int v) { return new Stp(mode, priority, v, forwardTime, maxAge, vlanPriorities, offVlans, portfastDefault, bpduguardDefault); }
    public Stp withForwardTime(int v) { return new Stp(mode, priority, helloTime, v, maxAge, vlanPriorities, offVlans, portfastDefault, bpduguardDefault); }
    public Stp withMaxAge(int v) { return new Stp(mode, priority, helloTime, forwardTime, v, vlanPriorities, offVlans, portfastDefault, bpduguardDefault); }
    public Stp withVlanPriorities(SortedMap<Integer, Integer> v) { return new Stp(mode, priority, helloTime, forwardTime, maxAge, v, offVlans, portfastDefault, bpduguardDefault); }
    public Stp withOffVlans(Set<Integer> v) { return new Stp(mode, priority, helloTime, forwardTime, maxAge, vlanPriorities, v, portfastDefault, bpduguardDefault); }
    public Stp withPortfastDefault(boolean v) { return new Stp(mode, priority, helloTime, forwardTime, maxAge, vlanPriorities, offVlans, v, bpduguardDefault); }
    public Stp withBpduguardDefault(boolean v) { return new Stp(mode, priority, helloTime, forwardTime, maxAge, vlanPriorities, offVlans, portfastDefault, v); }
}
