package swsh.core.rstp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The tree on simulated wires: bridges exchange BPDUs through a queue with 1 ms of delay, time
 * runs in steps of 10 ms. What a user of a ring of switches would notice: one port discarding,
 * the lowest bridge ID as root, fast reconvergence after a cut, edge ports forwarding at once.
 */
class RstpTest {
    static final class Net {
        final Map<String, Sw> sws = new LinkedHashMap<>();
        final Map<String, String> wires = new HashMap<>(); // "A/p" -> "B/q"
        final List<Object[]> queue = new ArrayList<>();
        final List<String> logs = new ArrayList<>();
        long now;

        Sw sw(String name, int prio, int mac) {
            Sw s = new Sw(name, this);
            s.bridgeId = Vec.bridgeId(prio + 1, new byte[] {2, 0, 0, 0, 0, (byte) mac});
            sws.put(name, s);
            return s;
        }

        void cable(String a, String pa, String b, String pb) {
            wires.put(a + "/" + pa, b + "/" + pb);
            wires.put(b + "/" + pb, a + "/" + pa);
            sws.get(a).ports.put(pa, false);
            sws.get(b).ports.put(pb, false);
        }

        void start() {
            for (Sw s : sws.values()) s.configure();
            for (Map.Entry<String, String> w : wires.entrySet()) link(w.getKey(), true);
        }

        void link(String end, boolean up) {
            String[] e = end.split("/");
            sws.get(e[0]).rstp.link(e[1], up, now);
        }

        void cut(String a, String pa) {
            String other = wires.remove(a + "/" + pa);
            wires.remove(other);
            link(a + "/" + pa, false);
            link(other, false);
        }

        void run(long millis) {
            long end = now + millis;
            while (now < end) {
                now += 10;
                List<Object[]> q = new ArrayList<>(queue);
                queue.clear();
                for (Object[] m : q) {
                    String[] e = ((String) m[0]).split("/");
                    sws.get(e[0]).rstp.receive(e[1], (Bpdu) m[1], now);
                }
                for (Sw s : sws.values()) s.rstp.tick(now);
            }
        }

        /** Time until no port of any switch is learning and the state stopped changing. */
        long lastChange;

        /** Time from now to the last port state change, once the tree has been still and stable for 3 s. */
        long converge(long max) {
            long start = now;
            lastChange = now;
            while (now - start < max + 3000) {
                run(10);
                if (stable() && now - lastChange >= 3000) return lastChange - start;
            }
            return -1;
        }

        boolean stable() {
            for (Sw s : sws.values()) {
                for (TreeView.Port p : s.rstp.view(now).ports()) {
                    if (p.role() == Rstp.Role.DISABLED) continue;
                    boolean blocking = p.role() == Rstp.Role.ALTERNATE || p.role() == Rstp.Role.BACKUP;
                    if (blocking != (p.state() == Rstp.PortState.DISCARDING)) return false;
                    if (!blocking && p.state() != Rstp.PortState.FORWARDING) return false;
                }
            }
            return true;
        }

        String dump() {
            StringBuilder b = new StringBuilder();
            for (Sw s : sws.values()) for (TreeView.Port p : s.rstp.view(now).ports()) b.append(s.name).append('/').append(p.name()).append(' ').append(p.role()).append(' ').append(p.state()).append("; ");
            return b.toString();
        }

        int discarding() {
            int n = 0;
            for (Sw s : sws.values()) for (TreeView.Port p : s.rstp.view(now).ports()) if (p.role() != Rstp.Role.DISABLED && p.state() == Rstp.PortState.DISCARDING) n++;
            return n;
        }
    }

    static final class Sw implements Rstp.Out {
        final String name;
        final Net net;
        final Rstp rstp = new Rstp(this);
        final Map<String, Boolean> ports = new LinkedHashMap<>();
        final Map<String, Boolean> edge = new HashMap<>();
        long bridgeId;
        int flushes;

        Sw(String name, Net net) {
            this.name = name;
            this.net = net;
        }

        void configure() {
            Map<String, Rstp.PortConf> pc = new LinkedHashMap<>();
            int n = 1;
            for (String p : ports.keySet()) pc.put(p, new Rstp.PortConf(0x8000 | n++, 4, edge.getOrDefault(p, false), true, false, false));
            rstp.configure(new Rstp.BridgeConf(bridgeId, 2, 20, 15), pc, net.now);
        }

        @Override
        public void send(String port, Bpdu b) {
            String to = net.wires.get(name + "/" + port);
            Bpdu wire = Bpdu.parse(b.frame(new byte[] {2, 0, 0, 0, 1, 1}));
            assertEquals(b, wire, "a BPDU survives its frame");
            if (to != null) net.queue.add(new Object[] {to, wire});
        }

        @Override
        public void state(String port, Rstp.PortState s) {
            net.lastChange = net.now;
        }

        @Override
        public void flush(String port) {
            flushes++;
        }

        @Override
        public void bpduGuard(String port) {
            net.logs.add(name + " bpduguard " + port);
        }

        @Override
        public void log(String line) {
            net.logs.add(name + " " + line);
        }

        TreeView.Port port(String p) {
            return rstp.view(net.now).ports().stream().filter(x -> x.name().equals(p)).findFirst().orElseThrow();
        }
    }

    static Net ring() {
        Net n = new Net();
        n.sw("A", 4096, 1);
        n.sw("B", 32768, 2);
        n.sw("C", 32768, 3);
        n.cable("A", "eth1", "B", "eth1");
        n.cable("B", "eth2", "C", "eth1");
        n.cable("C", "eth2", "A", "eth2");
        return n;
    }

    @Test
    void aRingOfThreeConvergesFastWithOnePortDiscardingAndTheLowestIdAsRoot() {
        Net n = ring();
        n.start();
        long t = n.converge(10_000);
        assertTrue(t >= 0 && t < 1000, "converged in " + t + " ms: " + n.dump());
        assertEquals(1, n.discarding());
        for (Sw s : n.sws.values()) assertEquals(n.sws.get("A").bridgeId, s.rstp.view(n.now).root().rootId());
        assertTrue(n.sws.get("A").rstp.view(n.now).isRoot());
        // B and C have equal cost to A; C's port towards B loses to B's (lower bridge ID)
        assertEquals(Rstp.Role.ALTERNATE, n.sws.get("C").port("eth1").role());
        assertEquals(Rstp.Role.ROOT, n.sws.get("B").port("eth1").role());
        n.run(10_000);
        assertEquals(1, n.discarding(), "stays converged with hellos");
    }

    @Test
    void cuttingALinkReconvergesInUnderThreeSeconds() {
        Net n = ring();
        n.start();
        n.converge(10_000);
        n.cut("A", "eth1");
        long t = n.converge(60_000);
        assertTrue(t >= 0 && t < 3000, "reconverged in " + t + " ms");
        assertEquals(0, n.discarding(), "the alternate port forwards: it is the only path left: " + n.dump());
        assertEquals(Rstp.Role.ROOT, n.sws.get("B").port("eth2").role(), "B reaches A through C now");
        assertEquals(Rstp.Role.DESIGNATED, n.sws.get("C").port("eth1").role());
    }

    @Test
    void anEdgePortForwardsAtOnceAndLosesEdgeOnABpdu() {
        Net n = new Net();
        Sw a = n.sw("A", 32768, 1);
        Sw b = n.sw("B", 32768, 2);
        n.cable("A", "eth1", "B", "eth1");
        a.edge.put("eth1", true);
        n.start();
        n.run(10);
        assertEquals(Rstp.PortState.FORWARDING, a.port("eth1").state());
        n.run(3000);
        assertTrue(!a.port("eth1").edge(), "a BPDU from B ended edge operation");
    }

    @Test
    void withoutAgreementsADesignatedPortWaitsTwoForwardDelays() {
        Net n = new Net();
        Sw a = n.sw("A", 32768, 1);
        n.sw("B", 32768, 2);
        n.cable("A", "eth1", "B", "eth1");
        n.start();
        n.wires.clear(); // nothing answers: a hub, or a bridge that speaks no spanning tree
        n.run(29_000);
        assertEquals(Rstp.PortState.LEARNING, a.port("eth1").state());
        n.run(1_100);
        assertEquals(Rstp.PortState.FORWARDING, a.port("eth1").state());
    }
}
