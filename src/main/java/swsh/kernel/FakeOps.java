package swsh.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What each op does to a {@link FakeKernel}'s links, VLANs, FDB and tc, refusing what the kernel refuses. */
final class FakeOps implements Op.Visitor<Void> {
    private final FakeKernel k;

    FakeOps(FakeKernel k) {
        this.k = k;
    }

    @Override
    public Void createBridge(Op.CreateBridge o) {
        if (k.links.containsKey(o.name())) throw FakeKernel.refused(o, "File exists");
        State.Link l = k.addLink(o.name(), "bridge", null, null);
        k.put(FakeKernel.withBridge(l, FakeKernel.settle(FakeKernel.NEW_BRIDGE, o.settings())));
        return null;
    }

    @Override
    public Void setBridge(Op.SetBridge o) {
        State.Link l = k.need(o.name(), o);
        if (l.bridge() == null) throw FakeKernel.refused(o, o.name() + " is not a bridge");
        k.put(FakeKernel.withBridge(l, FakeKernel.settle(l.bridge(), o.settings())));
        return null;
    }

    @Override
    public Void enslave(Op.Enslave o) {
        State.Link l = k.need(o.dev(), o);
        State.Link m = k.need(o.master(), o);
        if (m.bridge() == null) throw FakeKernel.refused(o, o.master() + " is not a bridge");
        if (o.master().equals(l.master())) return null;
        k.forgetPort(o.dev());
        k.put(FakeKernel.withMaster(l, o.master(), FakeKernel.NEW_PORT));
        return null;
    }

    @Override
    public Void release(Op.Release o) {
        State.Link l = k.need(o.dev(), o);
        k.forgetPort(o.dev());
        State.Link m = l.master() == null ? null : k.links.get(l.master());
        boolean bond = m != null && "bond".equals(m.kind());
        k.put(bond ? FakeBonds.released(l) : FakeKernel.withMaster(l, null, null)); // a bond closes the ports it lets go
        return null;
    }

    @Override
    public Void setMtu(Op.SetMtu o) {
        State.Link l = k.need(o.dev(), o);
        k.put(l.with(l.master(), null, o.mtu(), l.alias()));
        return null;
    }

    @Override
    public Void setAlias(Op.SetAlias o) {
        State.Link l = k.need(o.dev(), o);
        k.put(l.with(l.master(), null, null, o.alias().isEmpty() ? null : o.alias()));
        return null;
    }

    @Override
    public Void vlanAdd(Op.VlanAdd o) {
        k.port(o.dev(), o.self(), o);
        List<State.VlanEntry> list = k.vlans.computeIfAbsent(o.dev(), k -> new ArrayList<>());
        if (o.pvid()) list.replaceAll(e -> new State.VlanEntry(e.vid(), false, e.untagged()));
        list.removeIf(e -> e.vid() >= o.lo() && e.vid() <= o.hi());
        for (int vid = o.lo(); vid <= o.hi(); vid++) list.add(new State.VlanEntry(vid, o.pvid(), o.untagged()));
        list.sort((x, y) -> Integer.compare(x.vid(), y.vid()));
        return null;
    }

    @Override
    public Void vlanState(Op.VlanState o) {
        k.port(o.dev(), false, o);
        for (int vid = o.lo(); vid <= o.hi(); vid++) k.vlanStates.computeIfAbsent(o.dev(), k -> new TreeMap<>()).put(vid, o.state());
        return null;
    }

    @Override
    public Void vlanDel(Op.VlanDel o) {
        k.port(o.dev(), o.self(), o);
        List<State.VlanEntry> list = k.vlans.get(o.dev());
        if (list != null) list.removeIf(e -> e.vid() >= o.lo() && e.vid() <= o.hi());
        Map<Integer, String> st = k.vlanStates.get(o.dev());
        if (st != null) st.keySet().removeIf(v -> v >= o.lo() && v <= o.hi()); // a new entry starts forwarding
        return null;
    }

    @Override
    public Void portFlags(Op.PortFlags o) {
        State.Link l = k.port(o.dev(), false, o);
        State.PortAttrs p = l.port();
        k.put(FakeKernel.withPort(l, new State.PortAttrs(p.state(), FakeKernel.or(o.priority(), p.priority()), FakeKernel.or(o.cost(), p.cost()),
                FakeKernel.or(o.guard(), p.guard()), FakeKernel.or(o.rootBlock(), p.rootBlock()), FakeKernel.or(o.isolated(), p.isolated()),
                p.designatedRoot(), p.designatedBridge(), p.portNo(), p.portId())));
        return null;
    }

    @Override
    public Void fdbAdd(Op.FdbAdd o) {
        k.port(o.dev(), false, o);
        // as the kernel's k.bridge: no entry for the zero address or a multicast address
        if (o.mac().equals("00:00:00:00:00:00") || (Integer.parseInt(o.mac().substring(0, 2), 16) & 1) != 0) {
            throw FakeKernel.refused(o, "Invalid argument");
        }
        k.fdb.removeIf(f -> FakeKernel.same(f, o.mac(), o.dev(), o.vlan()));
        k.fdb.add(new State.Fdb(o.mac(), o.dev(), o.vlan(), false, false));
        return null;
    }

    @Override
    public Void fdbDel(Op.FdbDel o) {
        k.port(o.dev(), false, o);
        k.fdb.removeIf(f -> FakeKernel.same(f, o.mac(), o.dev(), o.vlan()));
        return null;
    }

    @Override
    public Void setMcast(Op.SetMcast o) {
        State.Link l = k.need(o.bridge(), o);
        if (l.bridge() == null) throw FakeKernel.refused(o, o.bridge() + " is not a bridge");
        State.Mcast m = l.bridge().mcast();
        k.put(l.withBridge(l.bridge().withMcast(new State.Mcast(FakeKernel.or(o.snooping(), m.snooping()),
                FakeKernel.or(o.vlanSnooping(), m.vlanSnooping()), m.vlans()))));
        return null;
    }

    @Override
    public Void vlanMcast(Op.VlanMcast o) {
        k.port(o.bridge(), true, o);
        boolean present = k.vlans.values().stream().anyMatch(l -> l.stream().anyMatch(e -> e.vid() == o.vid()));
        if (!present) throw FakeKernel.refused(o, "No such file or directory");
        k.vlanMcast.put(o.vid(), new State.VlanMcast(o.snooping(), o.querier()));
        return null;
    }

    @Override
    public Void addVlanDevice(Op.AddVlanDevice o) {
        k.need(o.bridge(), o);
        if (k.links.containsKey(o.name())) throw FakeKernel.refused(o, "File exists");
        k.addLink(o.name(), "vlan", o.vid(), o.bridge());
        return null;
    }

    @Override
    public Void deleteLink(Op.DeleteLink o) {
        State.Link gone = k.need(o.dev(), o);
        if ("bond".equals(gone.kind())) {
            for (State.Link l : List.copyOf(k.links.values())) if (o.dev().equals(l.master())) k.put(FakeBonds.released(l));
        }
        k.links.remove(o.dev());
        k.forgetPort(o.dev());
        k.tc.forget(o.dev());
        return null;
    }

    @Override
    public Void addrAdd(Op.AddrAdd o) {
        State.Link l = k.need(o.dev(), o);
        if (l.addrs().contains(o.addr())) throw FakeKernel.refused(o, "File exists");
        List<String> addrs = new ArrayList<>(l.addrs());
        addrs.add(o.addr());
        k.put(FakeKernel.withAddrs(l, addrs));
        return null;
    }

    @Override
    public Void addrDel(Op.AddrDel o) {
        State.Link l = k.need(o.dev(), o);
        List<String> addrs = new ArrayList<>(l.addrs());
        if (!addrs.remove(o.addr())) throw FakeKernel.refused(o, "Cannot assign requested address");
        k.put(FakeKernel.withAddrs(l, addrs));
        return null;
    }

    @Override
    public Void setUp(Op.SetUp o) {
        State.Link l = k.need(o.dev(), o);
        k.put(l.with(l.master(), o.up(), null, l.alias()));
        return null;
    }

    @Override
    public Void createBond(Op.CreateBond o) {
        if (k.links.containsKey(o.name())) throw FakeKernel.refused(o, "File exists");
        k.put(FakeBonds.bond(k.addLink(o.name(), "bond", null, null), o));
        return null;
    }

    @Override
    public Void portLock(Op.PortLock o) {
        State.Link l = k.port(o.dev(), false, o);
        k.put(FakeKernel.withPort(l, l.port().withLock(o.locked(), !o.locked())));
        return null;
    }

    @Override
    public Void tcQdisc(Op.TcQdisc o) {
        k.need(o.dev(), o);
        k.tc.qdisc(o, why -> FakeKernel.refused(o, why));
        return null;
    }

    @Override
    public Void ingressQdisc(Op.IngressQdisc o) {
        k.need(o.dev(), o);
        if (k.storm.dev(o.dev()).ingress()) throw FakeKernel.refused(o, "Exclusivity flag on, cannot modify");
        k.storm = k.storm.with(o.dev(), new StormTc.Dev(true, Map.of()));
        return null;
    }

    @Override
    public Void setBond(Op.SetBond o) {
        State.Link b = k.need(o.name(), o);
        if (!"bond".equals(b.kind())) throw FakeKernel.refused(o, o.name() + " is not a bond");
        if (k.links.values().stream().anyMatch(l -> o.name().equals(l.master()))) {
            throw FakeKernel.refused(o, "unable to set option because the bond device has slaves.");
        }
        if (b.adminUp()) throw FakeKernel.refused(o, "unable to set option because the bond is up.");
        k.put(FakeBonds.set(b, o));
        return null;
    }

    @Override
    public Void stormFilterAdd(Op.StormFilterAdd o) {
        StormTc.Dev d = k.storm.dev(o.dev());
        if (!d.ingress()) throw FakeKernel.refused(o, "Cannot find specified qdisc on specified device");
        if (d.filters().containsKey(o.pref())) throw FakeKernel.refused(o, "Filter already exists");
        Map<Integer, StormTc.Filter> f = new TreeMap<>(d.filters());
        f.put(o.pref(), new StormTc.Filter(o.pref(), o.cookie(), 0, 0, 0));
        k.storm = k.storm.with(o.dev(), new StormTc.Dev(true, f));
        return null;
    }

    @Override
    public Void tcFilter(Op.TcFilter o) {
        k.need(o.filter().dev(), o);
        k.tc.filter(o, k.links.keySet(), why -> FakeKernel.refused(o, why));
        return null;
    }

    @Override
    public Void joinBond(Op.JoinBond o) {
        State.Link l = k.need(o.dev(), o);
        State.Link b = k.need(o.bond(), o);
        if (!"bond".equals(b.kind())) throw FakeKernel.refused(o, o.bond() + " is not a bond");
        if (l.adminUp()) throw FakeKernel.refused(o, "Device can not be enslaved while up.");
        k.forgetPort(o.dev());
        k.put(FakeBonds.joined(l, b));
        return null;
    }

    @Override
    public Void linkMode(Op.LinkMode o) {
        State.Link l = k.need(o.dev(), o);
        if (l.kind() != null) throw FakeKernel.refused(o, "netlink error: Operation not supported");
        State.Hardware hw = l.hw();
        if (o.speed() != null || o.duplex() != null) {
            k.put(l.withHardware(hw.withMode(o.speed() == null ? hw.speed() : o.speed(), o.duplex() == null ? hw.duplex() : o.duplex())));
        }
        return null;
    }

    @Override
    public Void stormFilterDel(Op.StormFilterDel o) {
        StormTc.Dev d = k.storm.dev(o.dev());
        if (!d.filters().containsKey(o.pref())) throw FakeKernel.refused(o, "Filter with specified priority/protocol not found");
        Map<Integer, StormTc.Filter> f = new TreeMap<>(d.filters());
        f.remove(o.pref());
        k.storm = k.storm.with(o.dev(), new StormTc.Dev(true, f));
        return null;
    }
}
