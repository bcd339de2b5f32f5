package swsh.core;

import java.util.ArrayList;
import java.util.List;

import swsh.kernel.Op;
import swsh.kernel.Plan;
import swsh.kernel.State;

/**
 * The lockout guard: would a plan cut the path between the switch and a session's remote peer? The path
 * is the interface whose connected subnet holds the peer's address (a routed port, or an SVI). A plan cuts
 * it when it takes that interface down, enslaves it to the bridge (a bridge port carries no address of its
 * own), removes the address or deletes the interface, or, for an SVI, removes its VLAN from the bridge.
 * A peer reached through a gateway is not judged (no route is read): nothing is refused for it.
 */
public final class Lockout {
    private Lockout() {}

    /** The interface the switch reaches {@code peer} (an IPv4 address) through, with the address it holds there; null when none. */
    public record Path(String dev, String addr, Integer vlan) {
        /** The interface as the shell names it: {@code VlanN} for an SVI, else the kernel's name. */
        public String shown() {
            return vlan != null ? "Vlan" + vlan : dev;
        }
    }

    public static Path path(State s, String peer) {
        long ip = ipv4(peer);
        if (ip < 0) return null;
        for (State.Link l : s.links().values()) {
            for (String a : l.addrs()) {
                int slash = a.indexOf('/');
                long local = ipv4(a.substring(0, slash));
                int len = Integer.parseInt(a.substring(slash + 1));
                long mask = len == 0 ? 0 : (0xffffffffL << (32 - len)) & 0xffffffffL;
                if (local >= 0 && (local & mask) == (ip & mask)) return new Path(l.name(), a, "vlan".equals(l.kind()) ? l.vlanId() : null);
            }
        }
        return null;
    }

    /** What in {@code plan} cuts {@code path}, in words (empty: nothing). */
    public static List<String> cuts(Plan plan, Path path, String bridge) {
        List<String> why = new ArrayList<>();
        for (Op op : plan.ops()) {
            if (op instanceof Op.Enslave e && e.dev().equals(path.dev())) why.add("it makes " + path.shown() + " a bridge port");
            if (op instanceof Op.SetUp u && !u.up() && u.dev().equals(path.dev())) why.add("it shuts " + path.shown() + " down");
            if (op instanceof Op.DeleteLink d && d.dev().equals(path.dev())) why.add("it deletes " + path.shown());
            if (op instanceof Op.AddrDel a && a.dev().equals(path.dev()) && a.addr().equals(path.addr())) {
                why.add("it removes " + path.addr() + " from " + path.shown());
            }
            if (op instanceof Op.VlanDel v && path.vlan() != null && v.self() && v.dev().equals(bridge)
                    && v.lo() <= path.vlan() && path.vlan() <= v.hi()) {
                why.add("it removes VLAN " + path.vlan() + " from the bridge");
            }
        }
        return why;
    }

    /** An IPv4 address as a number; -1 when it is not one. */
    static long ipv4(String s) {
        String[] p = s.split("\\.");
        if (p.length != 4) return -1;
        long v = 0;
        for (String x : p) {
            if (x.isEmpty() || x.length() > 3 || !x.chars().allMatch(Character::isDigit)) return -1;
            int n = Integer.parseInt(x);
            if (n > 255) return -1;
            v = v << 8 | n;
        }
        return v;
    }
}
