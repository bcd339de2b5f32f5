package swsh.model;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * IGMP snooping: {@code ip igmp snooping} (on by default, as on a Catalyst), the VLANs where it is
 * off ({@code no ip igmp snooping vlan N}), the switch-wide querier ({@code ip igmp snooping querier})
 * and the VLANs with a querier of their own ({@code ip igmp snooping vlan N querier}).
 */
public record Igmp(boolean snooping, Set<Integer> offVlans, boolean querier, Set<Integer> querierVlans) {
    public static final Igmp DEFAULT = new Igmp(true, Set.of(), false, Set.of());

    public Igmp {
        offVlans = sorted(offVlans);
        querierVlans = sorted(querierVlans);
    }

    private static Set<Integer> sorted(Set<Integer> s) {
        return s == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(s));
    }

    public Igmp withSnooping(boolean v) {
        return new Igmp(v, offVlans, querier, querierVlans);
    }

    public Igmp withQuerier(boolean v) {
        return new Igmp(snooping, offVlans, v, querierVlans);
    }

    /** Snooping on ({@code on}) or off in VLAN {@code vid}. */
    public Igmp withVlan(int vid, boolean on) {
        Set<Integer> s = new TreeSet<>(offVlans);
        if (on) s.remove(vid);
        else s.add(vid);
        return new Igmp(snooping, s, querier, querierVlans);
    }

    /** A querier of VLAN {@code vid}'s own, on or off. */
    public Igmp withVlanQuerier(int vid, boolean on) {
        Set<Integer> s = new TreeSet<>(querierVlans);
        if (on) s.add(vid);
        else s.remove(vid);
        return new Igmp(snooping, offVlans, querier, s);
    }

    /** Whether snooping runs in VLAN {@code vid}. */
    public boolean snoops(int vid) {
        return snooping && !offVlans.contains(vid);
    }

    /** Whether the switch is the IGMP querier of VLAN {@code vid}. */
    public boolean queries(int vid) {
        return snoops(vid) && (querier || querierVlans.contains(vid));
    }

    /**
     * Whether the bridge needs a multicast context per VLAN ({@code mcast_vlan_snooping 1}): when a VLAN
     * differs from the others (snooping off there, or a querier). Otherwise the kernel's bridge-wide
     * snooping, its default, does it all.
     */
    public boolean perVlan() {
        return snooping && (querier || !querierVlans.isEmpty() || !offVlans.isEmpty());
    }
}
