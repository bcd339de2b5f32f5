package swsh.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import swsh.model.Channel;
import swsh.model.Config;
import swsh.model.Iface;

/**
 * The port-channel part of a plan, run first: each {@code Port-channelN} block of the config is a bond of
 * that name; its members ({@code channel-group N}) are enslaved to it, not to the bridge. LACP channels
 * (members in mode active or passive) are bonds of mode 802.3ad ({@code lacp_active on} when a member is
 * active, else off: passive), static ones (mode on) of mode balance-xor; both with the MII monitor on.
 * The kernel takes neither a mode change with members nor an LACP change while up, so a bond whose
 * settings differ lets its members go and is set down, changed, and filled again (it stays the same
 * bridge port: a bond deleted and made again in one plan would have a new index, which the kept-open
 * {@code bridge} program would not know). The plan goes on against the kernel as it will be after these
 * ops (the {@link Result#state}): a new bond is down and on no bridge, a changed one down, members that
 * join are up and on no bridge, members let go are down; the rest of the planner then puts the bond on the bridge like
 * any switchport. Bonds swsh does not own (neither config names them) and their members are never touched.
 */
final class BondPlan {
    private BondPlan() {}

    /** MII link monitoring interval (ms): without it a bond never notices a member's link going down. */
    static final int MIIMON = 100;
    /** IOS's default {@code lacp rate normal}: the partner is asked for an LACPDU every 30 s. */
    static final String LACP_RATE = "slow";
    static final String LACP_MODE = "802.3ad", STATIC_MODE = "balance-xor";

    /** The bond ops, and the kernel's state as they leave it. */
    record Result(List<Op> ops, State state) {}

    static Result plan(Config cfg, Config owned, State actual) {
        Map<String, State.Link> links = new TreeMap<>(actual.links());
        Map<String, List<State.VlanEntry>> vlans = new TreeMap<>(actual.vlans());
        List<Op> ops = new ArrayList<>();
        // bonds no longer configured
        for (State.Link l : actual.links().values()) {
            if ("bond".equals(l.kind()) && Channel.isPortChannel(l.name()) && !cfg.ifaces().containsKey(l.name())
                    && owned != null && owned.ifaces().containsKey(l.name())) {
                delete(l.name(), links, vlans, ops);
            }
        }
        // bonds made or made again
        for (Iface po : cfg.ifaces().values()) {
            if (!Channel.isPortChannel(po.name())) continue;
            Op.CreateBond want = wanted(cfg, po.name());
            State.Link l = links.get(po.name());
            if (l != null && !"bond".equals(l.kind())) {
                throw new KernelException("% Error: " + po.name() + " exists in the kernel and is not a bond; rename or delete it");
            }
            if (l != null && same(l.bond(), want)) continue;
            if (l == null) {
                ops.add(want);
                links.put(po.name(), new State.Link(po.name(), 0, "bond", null, false, false, Iface.DEFAULT_MTU, null, "", null, null,
                        null, null, List.of(), State.Hardware.ETHER, State.Stats.ZERO));
                continue;
            }
            // changed in place (it keeps its index, bridge port and VLANs): every member out, the bond down
            for (State.Link m : List.copyOf(links.values())) {
                if (!po.name().equals(m.master())) continue;
                ops.add(new Op.Release(m.name()));
                links.put(m.name(), m.with(null, false, null, m.alias()));
            }
            if (l.adminUp()) ops.add(new Op.SetUp(po.name(), false));
            ops.add(new Op.SetBond(po.name(), want.mode(), want.miimon(), want.lacpRate(), want.lacpActive()));
            links.put(po.name(), l.with(l.master(), false, null, l.alias()));
        }
        // members let go: of a bond of ours, named by a config, and no longer (or elsewhere) in it
        for (State.Link l : List.copyOf(links.values())) {
            if (l.master() == null || !Channel.isPortChannel(l.master()) || !names(cfg, owned, l.master())) continue;
            if (!names(cfg, owned, l.name()) || l.master().equals(bondOf(cfg, l.name()))) continue;
            ops.add(new Op.Release(l.name()));
            links.put(l.name(), l.with(null, false, null, l.alias()));
        }
        // members that join, their state and description
        for (Iface m : cfg.ifaces().values()) {
            String bond = bondOf(cfg, m.name());
            State.Link l = links.get(m.name());
            if (bond == null || l == null) continue;
            if (!bond.equals(l.master())) {
                if (l.adminUp()) ops.add(new Op.SetUp(m.name(), false));
                ops.add(new Op.JoinBond(m.name(), bond));
                vlans.remove(m.name());
                l = l.with(bond, true, null, l.alias()); // the bond opens the ports it takes
            }
            if (l.adminUp() == m.shutdown()) {
                ops.add(new Op.SetUp(m.name(), !m.shutdown()));
                l = l.with(l.master(), !m.shutdown(), null, l.alias());
            }
            String alias = m.description() == null ? "" : m.description();
            if (!alias.equals(l.alias() == null ? "" : l.alias())) {
                ops.add(new Op.SetAlias(m.name(), alias));
                l = l.with(l.master(), null, null, alias.isEmpty() ? null : alias);
            }
            links.put(m.name(), l);
        }
        // a channel that is no switchport is on no bridge: its state is set here
        for (Iface po : cfg.ifaces().values()) {
            State.Link l = links.get(po.name());
            if (!Channel.isPortChannel(po.name()) || po.switchport() || l.adminUp() != po.shutdown()) continue;
            ops.add(new Op.SetUp(po.name(), !po.shutdown()));
            links.put(po.name(), l.with(l.master(), !po.shutdown(), null, l.alias()));
        }
        return new Result(ops, new State(links, vlans, actual.fdb(), actual.tc()));
    }

    /** The bond a port should be in: its channel's, when the config has that channel; else null. */
    static String bondOf(Config cfg, String port) {
        Iface i = cfg.ifaces().get(port);
        if (i == null || i.channel() == null || Channel.isPortChannel(port)) return null;
        String bond = Channel.name(i.channel().group());
        return cfg.ifaces().containsKey(bond) ? bond : null;
    }

    /** The bond channel {@code name} should be: 802.3ad unless a member is in mode on; LACP active unless every member is passive. */
    static Op.CreateBond wanted(Config cfg, String name) {
        List<Iface> members = Channel.members(cfg, Channel.number(name));
        boolean lacp = members.stream().allMatch(m -> m.channel().mode().lacp());
        if (!lacp) return new Op.CreateBond(name, STATIC_MODE, MIIMON, null, null);
        boolean active = members.isEmpty() || members.stream().anyMatch(m -> m.channel().mode() == Channel.Mode.ACTIVE);
        return new Op.CreateBond(name, LACP_MODE, MIIMON, LACP_RATE, active);
    }

    private static boolean same(Bond have, Op.CreateBond want) {
        if (have == null || have.master() == null) return false;
        Bond.Master m = have.master();
        if (!m.mode().equals(want.mode()) || m.miimon() != want.miimon()) return false;
        return want.lacpRate() == null || m.lacpRate().equals(want.lacpRate()) && m.lacpActive() == want.lacpActive();
    }

    /** Deletes a bond; the kernel lets its members go (closed) and takes it off the bridge. */
    private static void delete(String bond, Map<String, State.Link> links, Map<String, List<State.VlanEntry>> vlans, List<Op> ops) {
        ops.add(new Op.DeleteLink(bond));
        links.remove(bond);
        vlans.remove(bond);
        for (State.Link l : List.copyOf(links.values())) {
            if (bond.equals(l.master())) links.put(l.name(), l.with(null, false, null, l.alias()));
        }
    }

    private static boolean names(Config cfg, Config owned, String name) {
        return cfg.ifaces().containsKey(name) || owned != null && owned.ifaces().containsKey(name);
    }
}
