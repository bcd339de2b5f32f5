package swsh.core.rstp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rapid spanning tree (IEEE 802.1w, as 802.1D-2004 clause 17 has it) for one bridge: port
 * role selection from priority vectors, the proposal/agreement handshake on point-to-point links,
 * edge ports, topology change with FDB flushes, and 802.1D compatibility per port (a port that
 * hears configuration BPDUs speaks them, and waits out the forward delay twice). Pure: time comes
 * in as milliseconds, effects go out through {@link Out}; one thread drives it.
 */
public final class Rstp {
    /** What the tree does to the world. */
    public interface Out {
        void send(String port, Bpdu bpdu);

        /** The port's forwarding state changed (or must be set again). */
        void state(String port, PortState state);

        /** Forget the MACs learned on this port (topology change). */
        void flush(String port);

        /** A BPDU arrived on a port with BPDU guard: the port must be err-disabled. */
        void bpduGuard(String port);

        void log(String line);
    }

    public enum Role { DISABLED, ROOT, DESIGNATED, ALTERNATE, BACKUP }

    public enum PortState { DISCARDING, LEARNING, FORWARDING }

    /** A port as configured: its ID (priority and number), cost, edge, link type and guards. */
    public record PortConf(int portId, int cost, boolean edge, boolean pointToPoint, boolean bpduGuard, boolean rootGuard) {}

    /** The bridge's own settings; times in seconds. */
    public record BridgeConf(long bridgeId, int hello, int maxAge, int fwdDelay) {}

    private final Out out;
    private BridgeConf conf = new BridgeConf(0, 2, 20, 15);
    private final Map<String, RstpPort> ports = new LinkedHashMap<>();
    private Vec rootVec;
    private RstpPort rootPort;
    private int rootMsgAge, rootMaxAge, rootHello, rootFwd;
    private long topologyChanges;
    private long lastTopologyChange = -1;
    private String lastTcPort;

    public Rstp(Out out) {
        this.out = out;
    }

    /** Applies settings; ports not listed leave the tree, new ones join it (link down until told). */
    public void configure(BridgeConf c, Map<String, PortConf> portConfs, long now) {
        boolean bridgeChanged = !c.equals(conf);
        conf = c;
        for (String p : List.copyOf(ports.keySet())) if (!portConfs.containsKey(p)) ports.remove(p);
        for (Map.Entry<String, PortConf> e : portConfs.entrySet()) {
            RstpPort p = ports.get(e.getKey());
            if (p == null) {
                p = new RstpPort(e.getKey());
                ports.put(e.getKey(), p);
                out.state(p.name, PortState.DISCARDING); // a port the kernel just made forwarding waits for its role
            }
            if (!e.getValue().equals(p.conf)) {
                p.conf = e.getValue();
                p.operEdge = p.conf.edge();
                p.newInfo = true;
                if (!p.conf.rootGuard()) p.rootInconsistent = false;
            }
        }
        if (bridgeChanged) for (RstpPort p : ports.values()) p.newInfo = true;
        update(now);
    }

    /** A port's link came up or went down. */
    public void link(String port, boolean up, long now) {
        RstpPort p = ports.get(port);
        if (p == null || p.up == up) return;
        p.up = up;
        p.forget();
        p.operEdge = p.conf.edge();
        p.stpVersion = false;
        p.newInfo = true;
        update(now);
    }

    /** A BPDU received on a port. */
    public void receive(String port, Bpdu b, long now) {
        RstpPort p = ports.get(port);
        if (p == null || !p.up) return;
        if (p.conf.bpduGuard()) { // the port's own bpduguard, or the portfast default on an edge port
            out.bpduGuard(port);
            return;
        }
        p.operEdge = false; // an edge port that hears a BPDU is no edge
        if (b.type() == Bpdu.TCN) {
            if (p.role == Role.DESIGNATED) {
                p.tcAck = true;
                topologyChange(p, now, true);
            }
            update(now);
            return;
        }
        boolean stp = b.type() == Bpdu.CONFIG;
        if (stp != p.stpVersion) {
            p.stpVersion = stp;
            p.newInfo = true;
        }
        if (stp && b.has(Bpdu.TCA)) p.tcnUntil = 0;
        int role = b.role();
        if (!stp && (role == Bpdu.ROLE_ROOT || role == Bpdu.ROLE_ALT_BACKUP)) {
            // a neighbour's root or alternate port: no priority information, maybe an agreement
            if (b.has(Bpdu.AGREEMENT) && p.role == Role.DESIGNATED && p.designated != null
                    && b.rootId() == p.designated.rootId() && b.bridgeId() == p.designated.bridgeId()) {
                p.agreed = true;
                p.agreedVec = p.designated;
            }
            if (b.has(Bpdu.TC)) topologyChange(p, now, false);
            update(now);
            return;
        }
        if (b.msgAge() >= b.maxAge() && b.maxAge() > 0) return; // too old
        Vec msg = new Vec(b.rootId(), b.rootCost(), b.bridgeId(), b.portId());
        boolean fromSame = p.received != null && p.received.sameSender(msg);
        boolean superior = p.designated == null || msg.compareTo(p.designated) <= 0 || p.role != Role.DESIGNATED;
        if (fromSame || superior) {
            if (p.conf.rootGuard() && rootVec != null && msg.rootId() != rootVec.rootId()
                    && new Vec(msg.rootId(), msg.cost() + p.conf.cost(), msg.bridgeId(), msg.portId()).betterThan(rootVec)
                    || p.conf.rootGuard() && rootPort == null && Long.compareUnsigned(msg.rootId(), conf.bridgeId()) < 0) {
                if (!p.rootInconsistent) out.log("%SPANTREE-2-ROOTGUARD_BLOCK: Root guard blocking port " + port + " on VLAN0001.");
                p.rootInconsistent = true;
                p.received = null;
                p.guardUntil = now + 3000L * Math.max(1, b.hello() / 256);
                update(now);
                return;
            }
            boolean changed = p.received == null || !p.received.equals(msg);
            p.received = msg;
            p.rxMsgAge = b.msgAge();
            p.rxMaxAge = b.maxAge();
            p.rxHello = b.hello();
            p.rxFwd = b.fwdDelay();
            p.infoUntil = now + 3000L * Math.max(1, b.hello() / 256);
            if (!stp && b.has(Bpdu.PROPOSAL)) p.proposed = true;
            if (changed) p.newInfo = true;
        } else {
            p.newInfo = true; // an inferior designated bridge: tell it at once who is better
        }
        if (b.has(Bpdu.TC)) topologyChange(p, now, false);
        update(now);
    }

    /** Timers: hellos, aged information, forward delays, topology change times. */
    public void tick(long now) {
        boolean changed = false;
        for (RstpPort p : ports.values()) {
            if (p.received != null && now >= p.infoUntil) {
                p.forget();
                changed = true;
            }
            if (p.rootInconsistent && now >= p.guardUntil) {
                p.rootInconsistent = false;
                out.log("%SPANTREE-2-ROOTGUARD_UNBLOCK: Root guard unblocking port " + p.name + " on VLAN0001.");
                changed = true;
            }
        }
        if (changed) roles();
        transitions(now);
        transmit(now);
    }

    private void update(long now) {
        roles();
        transitions(now);
        transmit(now);
    }

    /** Port role selection (17.21.25): the best root path, then each port's role against it. */
    private void roles() {
        long me = conf.bridgeId();
        Vec best = new Vec(me, 0, me, 0);
        RstpPort bestPort = null;
        for (RstpPort p : ports.values()) {
            if (!p.up || p.received == null || p.rootInconsistent) continue;
            if (Vec.mac(p.received.bridgeId()) == Vec.mac(me)) continue; // our own BPDU looped back
            Vec cand = new Vec(p.received.rootId(), p.received.cost() + p.conf.cost(), p.received.bridgeId(), p.received.portId());
            int c = cand.compareTo(best);
            if (c < 0 || c == 0 && bestPort != null && p.conf.portId() < bestPort.conf.portId()) {
                best = cand;
                bestPort = p;
            }
        }
        rootVec = best;
        rootPort = bestPort;
        if (bestPort == null) {
            rootMsgAge = 0;
            rootMaxAge = conf.maxAge() * 256;
            rootHello = conf.hello() * 256;
            rootFwd = conf.fwdDelay() * 256;
        } else {
            rootMsgAge = bestPort.rxMsgAge + 256;
            rootMaxAge = bestPort.rxMaxAge;
            rootHello = bestPort.rxHello;
            rootFwd = bestPort.rxFwd;
        }
        for (RstpPort p : ports.values()) {
            Role role;
            Vec desig = new Vec(best.rootId(), best.cost(), me, p.conf.portId());
            if (!p.up) {
                role = Role.DISABLED;
            } else if (p == bestPort) {
                role = Role.ROOT;
            } else if (p.received != null && p.received.betterThan(desig)) {
                role = Vec.mac(p.received.bridgeId()) == Vec.mac(me) ? Role.BACKUP : Role.ALTERNATE;
            } else {
                role = Role.DESIGNATED;
            }
            if (role == Role.DESIGNATED && !desig.equals(p.designated)) {
                p.designated = desig;
                p.newInfo = true;
                if (p.agreedVec == null || p.agreedVec.rootId() != desig.rootId() || p.agreedVec.cost() != desig.cost()) p.agreed = false;
            }
            if (role != p.role) {
                p.role = role;
                p.newInfo = true;
                if (role != Role.DESIGNATED) {
                    p.agreed = false;
                    p.proposing = false;
                }
                if (role != Role.ROOT) p.agreeing = false;
                if (role == Role.DESIGNATED) p.designated = desig;
            }
        }
    }

    /** Port state transitions (17.29): discard at once, forward as soon as it is safe. */
    private void transitions(long now) {
        // a proposal on the root port: put every other designated port in sync, then agree (17.29.2)
        if (rootPort != null && rootPort.proposed) {
            for (RstpPort p : ports.values()) {
                if (p.role == Role.DESIGNATED && !p.operEdge && !p.agreed && p.state != PortState.DISCARDING) {
                    set(p, PortState.DISCARDING, now);
                }
            }
            rootPort.proposed = false;
            rootPort.sendAgreement = true;
            rootPort.agreeing = true;
            rootPort.newInfo = true;
        }
        for (RstpPort p : ports.values()) {
            if ((p.role == Role.ALTERNATE || p.role == Role.BACKUP) && p.proposed) {
                p.sendAgreement = true; // discarding, so already in sync: agree (17.29.3)
                p.newInfo = true;
            }
            if (p.role != Role.ROOT) p.proposed = false;
            switch (p.role) {
                case DISABLED, ALTERNATE, BACKUP -> set(p, PortState.DISCARDING, now);
                case ROOT -> {
                    if (p.stpVersion) timed(p, now);
                    else set(p, PortState.FORWARDING, now);
                }
                case DESIGNATED -> {
                    if (p.rootInconsistent) {
                        set(p, PortState.DISCARDING, now);
                    } else if (p.operEdge || p.agreed && !p.stpVersion) {
                        set(p, PortState.FORWARDING, now);
                    } else {
                        if (p.state != PortState.FORWARDING && !p.proposing && !p.stpVersion && p.conf.pointToPoint()) {
                            p.proposing = true;
                            p.newInfo = true;
                        }
                        timed(p, now);
                    }
                }
                default -> { }
            }
        }
    }

    /** The 802.1D way: discarding, learning after one forward delay, forwarding after another. */
    private void timed(RstpPort p, long now) {
        if (p.state == PortState.FORWARDING) return;
        long fwd = (p.role == Role.ROOT ? rootFwd : conf.fwdDelay() * 256) * 1000L / 256;
        if (p.fdUntil == 0) p.fdUntil = now + fwd;
        if (now < p.fdUntil) return;
        p.fdUntil = now + fwd;
        set(p, p.state == PortState.DISCARDING ? PortState.LEARNING : PortState.FORWARDING, now);
    }

    private void set(RstpPort p, PortState s, long now) {
        if (s == PortState.DISCARDING) p.fdUntil = 0;
        if (p.state == s) return;
        PortState old = p.state;
        p.state = s;
        p.newInfo = true;
        if (s == PortState.FORWARDING) p.proposing = false;
        out.state(p.name, s);
        if (s == PortState.FORWARDING && old != PortState.FORWARDING && !p.operEdge) topologyChange(p, now, true);
    }

    /**
     * A topology change detected on (or heard through) port {@code from}: flush what the other
     * ports learned and tell the rest of the tree (TC flag for two hello times, TCN towards an
     * 802.1D root).
     */
    private void topologyChange(RstpPort from, long now, boolean detected) {
        topologyChanges++;
        lastTopologyChange = now;
        lastTcPort = from.name;
        long until = now + 2000L * Math.max(1, rootHello / 256);
        for (RstpPort p : ports.values()) {
            if (p == from && !detected || p.operEdge || !p.up) continue;
            if (p != from) out.flush(p.name);
            if (p.role == Role.ROOT || p.role == Role.DESIGNATED) {
                p.tcUntil = p.stpVersion ? now + (rootMaxAge + rootFwd) * 1000L / 256 : until;
                if (p.role == Role.ROOT && p.stpVersion) p.tcnUntil = until;
                p.newInfo = true;
            }
        }
    }

    /** BPDUs: every hello time on designated ports, at once on news (at most 6 a second a port). */
    private void transmit(long now) {
        for (RstpPort p : ports.values()) {
            if (!p.up) continue;
            boolean hello = now >= p.helloDue;
            boolean blocked = p.role == Role.ALTERNATE || p.role == Role.BACKUP;
            if (p.role == Role.DESIGNATED && (hello || p.newInfo) || p.role == Role.ROOT && (p.sendAgreement || p.tcnUntil > now
                    || p.tcUntil > now && p.newInfo) || blocked && p.sendAgreement && p.received != null) {
                if (now - p.txWindow >= 1000) {
                    p.txWindow = now;
                    p.txCount = 0;
                }
                if (p.txCount >= 6 && !hello) continue;
                p.txCount++;
                out.send(p.name, bpdu(p, now));
                p.helloDue = now + conf.hello() * 1000L;
                p.newInfo = false;
                p.sendAgreement = false;
                p.tcAck = false;
            } else if (hello) {
                p.helloDue = now + conf.hello() * 1000L;
                p.newInfo = false;
            }
        }
    }

    private Bpdu bpdu(RstpPort p, long now) {
        if (p.role == Role.ROOT && p.stpVersion) return new Bpdu(0, Bpdu.TCN, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        int flags = 0;
        if (p.tcUntil > now) flags |= Bpdu.TC;
        if (p.state != PortState.DISCARDING) flags |= Bpdu.LEARNING;
        if (p.state == PortState.FORWARDING) flags |= Bpdu.FORWARDING;
        Vec v;
        if (p.role == Role.ROOT) {
            v = p.received;
            flags |= Bpdu.ROLE_ROOT << 2;
            if (p.agreeing) flags |= Bpdu.AGREEMENT;
        } else if (p.role != Role.DESIGNATED) {
            v = p.received;
            flags |= Bpdu.ROLE_ALT_BACKUP << 2 | Bpdu.AGREEMENT;
        } else {
            v = p.designated;
            flags |= Bpdu.ROLE_DESIGNATED << 2;
            if (p.proposing && p.state != PortState.FORWARDING) flags |= Bpdu.PROPOSAL;
        }
        if (p.stpVersion) {
            flags &= Bpdu.TC;
            if (p.tcAck) flags |= Bpdu.TCA;
            return new Bpdu(0, Bpdu.CONFIG, flags, v.rootId(), v.cost(), v.bridgeId(), v.portId(), rootMsgAge, rootMaxAge, rootHello, rootFwd);
        }
        return new Bpdu(2, Bpdu.RST, flags, v.rootId(), v.cost(), v.bridgeId(), v.portId(), rootMsgAge, rootMaxAge, rootHello, rootFwd);
    }

    /** The ports in the tree. */
    public List<String> portNames() {
        return new ArrayList<>(ports.keySet());
    }

    /** What {@code show spanning-tree} prints. */
    public TreeView view(long now) {
        List<TreeView.Port> ps = new ArrayList<>();
        for (RstpPort p : ports.values()) {
            ps.add(new TreeView.Port(p.name, p.role, p.state, p.conf.cost(), p.conf.portId(), p.conf.pointToPoint(), p.operEdge,
                    p.stpVersion, p.rootInconsistent, p.role == Role.DESIGNATED ? p.designated : p.received));
        }
        return new TreeView(conf, rootVec == null ? new Vec(conf.bridgeId(), 0, conf.bridgeId(), 0) : rootVec,
                rootPort == null ? null : rootPort.name, rootPort == null ? 0 : rootPort.conf.portId(),
                rootMaxAge / 256, rootHello / 256, rootFwd / 256, topologyChanges,
                lastTopologyChange < 0 ? -1 : (now - lastTopologyChange) / 1000, lastTcPort, ps);
    }
}
