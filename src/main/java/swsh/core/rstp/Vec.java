package swsh.core.rstp;

/**
 * A spanning-tree priority vector (802.1D 17.6): root bridge, cost to it, designated bridge,
 * designated port. Lower is better, field by field; bridge IDs compare unsigned.
 */
public record Vec(long rootId, int cost, long bridgeId, int portId) {
    public int compareTo(Vec o) {
        int c = Long.compareUnsigned(rootId, o.rootId);
        if (c == 0) c = Integer.compareUnsigned(cost, o.cost);
        if (c == 0) c = Long.compareUnsigned(bridgeId, o.bridgeId);
        if (c == 0) c = Integer.compare(portId, o.portId);
        return c;
    }

    public boolean betterThan(Vec o) {
        return compareTo(o) < 0;
    }

    /** Same designated bridge and port: a newer message from the same sender. */
    public boolean sameSender(Vec o) {
        return bridgeId == o.bridgeId && portId == o.portId;
    }

    /** The MAC part of a bridge ID. */
    public static long mac(long bridgeId) {
        return bridgeId & 0xffff_ffff_ffffL;
    }

    /** A bridge ID from a priority (including any system ID extension) and a MAC. */
    public static long bridgeId(int priority, byte[] mac) {
        long m = 0;
        for (int i = 0; i < 6; i++) m = m << 8 | (mac[i] & 0xff);
        return (long) (priority & 0xffff) << 48 | m;
    }
}
