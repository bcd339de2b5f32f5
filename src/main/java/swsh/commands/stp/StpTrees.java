package swsh.commands.stp;

import java.util.ArrayList;
import java.util.List;

import swsh.commands.Context;
import swsh.commands.Types;
import swsh.core.rstp.Rstp;
import swsh.core.rstp.TreeView;
import swsh.core.rstp.Vec;
import swsh.kernel.State;
import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.Stp;

/**
 * The spanning tree as each VLAN shows it, from whichever runs it: swshd's rapid tree
 * ({@link TreeView}) or the kernel's 802.1D tree. One tree serves every VLAN, so each VLAN's view
 * lists that tree's ports that are members of the VLAN, and shows bridge priorities with the
 * VLAN's system ID extension as a Catalyst does (priority + VLAN).
 */
final class StpTrees {
    private StpTrees() {}

    /** One port's line: role and state as the table abbreviates them, cost, priority, number, type. */
    record PortRow(String name, String role, String state, int cost, int priority, int number, String type,
                   boolean inconsistent, boolean edge, String desigRoot, String desigBridge, int desigPort, int desigCost) {}

    /** One VLAN's view of the tree. Priorities are without the VLAN's extension ({@link #vlan} adds it). */
    record Instance(int vlan, String protocol, int rootPriority, String rootMac, boolean isRoot, int rootCost, String rootPortName,
                    int rootPortId, int hello, int maxAge, int fwdDelay, int selfPriority, String selfMac, int selfHello,
                    int selfMaxAge, int selfFwd, int aging, long changes, long sinceChange, String changePort, List<PortRow> ports) {}

    /** The trees of the VLANs asked for (all when {@code only} is null); null when no spanning tree runs. */
    static List<Instance> instances(Context x, Integer only) {
        Config cfg = x.config();
        Stp stp = cfg.stp();
        if (!stp.enabled()) return null;
        State st = x.engine().kernel.read();
        TreeView tv = stp.mode().rapid() ? x.engine().stp.view() : null;
        State.Link br = st.link(x.engine().kernel.bridge());
        if (tv == null && (stp.mode().rapid() || br == null || br.bridge() == null)) return null;
        List<Instance> out = new ArrayList<>();
        for (int vid : cfg.vlans().keySet()) {
            if (only != null && vid != only || stp.offVlans().contains(vid)) continue;
            out.add(tv != null ? fromEngine(cfg, st, tv, vid) : fromKernel(x, cfg, st, br.bridge(), vid));
        }
        return out;
    }

    private static boolean member(State st, String port, int vid) {
        return st.vlansOf(port).stream().anyMatch(v -> v.vid() == vid);
    }

    private static Instance fromEngine(Config cfg, State st, TreeView tv, int vid) {
        List<PortRow> rows = new ArrayList<>();
        for (TreeView.Port p : tv.ports()) {
            if (p.role() == Rstp.Role.DISABLED || !member(st, p.name(), vid)) continue;
            String type = (p.pointToPoint() ? "P2p" : "Shr") + (p.edge() ? " Edge" : "") + (p.stpPeer() ? " Peer(STP)" : "")
                    + (p.rootInconsistent() ? " *ROOT_Inc" : "");
            String state = p.rootInconsistent() ? "BKN*" : switch (p.state()) {
                case DISCARDING -> "BLK";
                case LEARNING -> "LRN";
                case FORWARDING -> "FWD";
            };
            Vec d = p.designated();
            rows.add(new PortRow(p.name(), role(p.role()), state, p.cost(), (p.portId() >> 12) * 16, p.portId() & 0xfff, type,
                    p.rootInconsistent(), p.edge(), d == null ? null : id(d.rootId()), d == null ? null : id(d.bridgeId()),
                    d == null ? 0 : d.portId(), d == null ? 0 : d.cost()));
        }
        Vec r = tv.root();
        int rootPrio = (int) (r.rootId() >>> 48) & 0xf000;
        int selfPrio = (int) (tv.bridge().bridgeId() >>> 48) & 0xf000;
        return new Instance(vid, "rstp", rootPrio, mac(r.rootId()), tv.isRoot(), r.cost(), tv.rootPort(), tv.rootPortId(),
                tv.hello(), tv.maxAge(), tv.fwdDelay(), selfPrio, mac(tv.bridge().bridgeId()), tv.bridge().hello(), tv.bridge().maxAge(),
                tv.bridge().fwdDelay(), cfg.agingTime(), tv.topologyChanges(), tv.sinceChange(), tv.lastChangePort(), rows);
    }

    private static String role(Rstp.Role r) {
        return switch (r) {
            case ROOT -> "Root";
            case DESIGNATED -> "Desg";
            case ALTERNATE -> "Altn";
            case BACKUP -> "Back";
            case DISABLED -> "Disa";
        };
    }

    private static final String[] KERNEL_STATE = {"BLK", "LIS", "LRN", "FWD", "BLK"};

    private static Instance fromKernel(Context x, Config cfg, State st, State.BridgeAttrs b, int vid) {
        String[] root = kernelId(b.rootId()), self = kernelId(b.bridgeId());
        String rootPort = null;
        int rootPortId = 0;
        List<PortRow> rows = new ArrayList<>();
        for (Iface i : cfg.ifaces().values()) {
            if (i.svi() || !i.switchport() || st.link(i.name()) == null || !member(st, i.name(), vid)) continue;
            State.PortAttrs p = st.link(i.name()).port();
            if (p == null) continue;
            if (p.portNo() == b.rootPort()) {
                rootPort = i.name();
                rootPortId = (p.priority() * 4 / 16) << 12 | p.portNo();
            }
            String role = p.portNo() == b.rootPort() ? "Root" : p.state() == 4 ? "Altn" : p.state() == 0 ? "Disa" : "Desg";
            String sts = p.state() >= 0 && p.state() < KERNEL_STATE.length ? KERNEL_STATE[p.state()] : "BLK";
            String[] dr = kernelId(p.designatedRoot()), db = kernelId(p.designatedBridge());
            rows.add(new PortRow(i.name(), role, sts, p.cost(), p.priority() * 4, p.portNo(), "P2p", false, false,
                    Integer.parseInt(dr[0]) + " " + dr[1], Integer.parseInt(db[0]) + " " + db[1], 0, 0));
        }
        if (b.rootPort() == 0) rootPort = null;
        return new Instance(vid, "ieee", Integer.parseInt(root[0]) & 0xf000, root[1], b.rootPort() == 0, b.rootPathCost(), rootPort,
                rootPortId, b.helloTime() / 100, b.maxAge() / 100, b.forwardDelay() / 100, Integer.parseInt(self[0]) & 0xf000, self[1],
                b.helloTime() / 100, b.maxAge() / 100, b.forwardDelay() / 100, b.ageingTime() / 100, -1, -1, null, rows);
    }

    /** {@code 8000.2:0:0:0:0:1} (kernel bridge id) to its priority and dotted MAC. */
    static String[] kernelId(String id) {
        if (id == null || !id.contains(".")) return new String[] {"32768", "0000.0000.0000"};
        String[] p = id.split("\\.", 2);
        String[] bytes = p[1].split(":");
        StringBuilder hex = new StringBuilder();
        for (String b : bytes) hex.append(b.length() == 1 ? "0" + b : b);
        String h = hex.toString();
        while (h.length() < 12) h = "0" + h;
        return new String[] {Integer.toString(Integer.parseInt(p[0], 16)), Types.ciscoMac(h)};
    }

    static String mac(long bridgeId) {
        return Types.ciscoMac(String.format("%012x", Vec.mac(bridgeId)));
    }

    /** A bridge ID as {@code show spanning-tree detail} words it: priority and address. */
    private static String id(long bridgeId) {
        return ((bridgeId >>> 48) & 0xffff) + " " + mac(bridgeId);
    }
}
