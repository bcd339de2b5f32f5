package swsh.model;

import java.util.Set;
import java.util.TreeSet;

/**
 * {@code ip igmp snooping} (on by default on a Catalyst), the VLANs where it is off
 * ({@code no ip igmp snooping vlan N}) and {@code ip igmp snooping querier} (issue 11).
 */
public record Igmp(boolean snooping, Set<Integer> offVlans, boolean querier) {
    public static final Igmp DEFAULT = new Igmp(true, Set.of(), false);

    public Igmp {
        offVlans = offVlans == null ? Set.of() : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(offVlans));
    }
}
