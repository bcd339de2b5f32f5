package swsh.kernel;

/**
 * How {@link FakeKernel} models the bonding driver: a new bond as the kernel reports it, a member that
 * joins (the bond opens it and gives it its MTU) or leaves (the bond closes it). No LACP partner ever
 * answers here: members show no aggregator.
 */
final class FakeBonds {
    private FakeBonds() {}

    /** A bond just created by {@code o}, down, as {@code ip -d} reports it (LACP settings reported in every mode). */
    static State.Link bond(State.Link l, Op.CreateBond o) {
        return l.with(null, false, null, null).withBond(new Bond(master(o.mode(), o.miimon(), o.lacpRate(), o.lacpActive()), null));
    }

    /** Bond {@code b} with the settings of {@code o}. */
    static State.Link set(State.Link b, Op.SetBond o) {
        return b.withBond(new Bond(master(o.mode(), o.miimon(), o.lacpRate(), o.lacpActive()), null));
    }

    private static Bond.Master master(String mode, int miimon, String lacpRate, Boolean lacpActive) {
        return new Bond.Master(mode, lacpActive == null || lacpActive, lacpRate == null ? "slow" : lacpRate, miimon, "layer2", 0, 0, 0,
                0, null);
    }

    /** {@code l} enslaved to bond {@code b}: up, with the bond's MTU, no longer anything's port. */
    static State.Link joined(State.Link l, State.Link b) {
        State.Link j = new State.Link(l.name(), l.ifindex(), l.kind(), b.name(), true, l.lowerUp(), b.mtu(), l.alias(), l.mac(),
                l.bridge(), l.vlanId(), l.vlanLink(), null, l.addrs(), l.hw(), l.stats());
        return j.withBond(new Bond(null, new Bond.Member("ACTIVE", l.lowerUp(), 0, 0, 0, 0)));
    }

    /** {@code l} let go by its bond: no master, closed. */
    static State.Link released(State.Link l) {
        State.Link r = new State.Link(l.name(), l.ifindex(), l.kind(), null, false, l.lowerUp(), l.mtu(), l.alias(), l.mac(),
                l.bridge(), l.vlanId(), l.vlanLink(), null, l.addrs(), l.hw(), l.stats());
        return r;
    }
}
