package swsh.kernel;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import swsh.model.Igmp;

/**
 * The IGMP snooping part of a plan: the bridge's {@code mcast_snooping}, and when a VLAN differs from
 * the others ({@link Igmp#perVlan()}) a multicast context per VLAN ({@code mcast_vlan_snooping 1}) with
 * each VLAN's snooping and querier ({@code bridge vlan global set}). Only what differs from the kernel.
 */
final class McastPlanner {
    private McastPlanner() {}

    /**
     * Adds the ops: the bridge's to {@code ipOps}, the VLANs' to {@code bridgeOps} (after the VLAN
     * adds, as a VLAN's options exist only once a port or the bridge has it). {@code vids}: the VLANs the
     * bridge has after the plan.
     */
    static void plan(Igmp igmp, State actual, String bridge, Collection<Integer> vids, List<Op> ipOps, List<Op> bridgeOps) {
        State.Link br = actual.link(bridge);
        State.Mcast have = br == null || br.bridge() == null ? State.Mcast.DEFAULT : br.bridge().mcast();
        boolean perVlan = igmp.perVlan();
        Boolean snooping = have.snooping() == igmp.snooping() ? null : igmp.snooping();
        Boolean vlanMode = have.vlanSnooping() == perVlan ? null : perVlan;
        if (snooping != null || vlanMode != null) ipOps.add(new Op.SetMcast(bridge, snooping, vlanMode));
        if (!perVlan) return;
        for (int vid : new TreeSet<>(vids)) {
            State.VlanMcast want = new State.VlanMcast(igmp.snoops(vid), igmp.queries(vid));
            if (!have.vlan(vid).equals(want)) bridgeOps.add(new Op.VlanMcast(bridge, vid, want.snooping(), want.querier()));
        }
    }

    /** The VLANs of a set of wanted memberships. */
    static Set<Integer> vids(Collection<List<State.VlanEntry>> memberships) {
        Set<Integer> out = new TreeSet<>();
        for (List<State.VlanEntry> l : memberships) for (State.VlanEntry v : l) out.add(v.vid());
        return out;
    }
}
