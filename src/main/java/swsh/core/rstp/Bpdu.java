package swsh.core.rstp;

import java.nio.ByteBuffer;

/**
 * A spanning-tree BPDU (IEEE 802.1D-2004 clause 9): an RST BPDU (version 2, type 2), an 802.1D
 * configuration BPDU (version 0, type 0) or a topology change notification (type 0x80). Bridge
 * IDs are 64-bit (priority and MAC); times are in 1/256 s as on the wire.
 */
public record Bpdu(int version, int type, int flags, long rootId, int rootCost, long bridgeId, int portId,
                   int msgAge, int maxAge, int hello, int fwdDelay) {
    public static final int CONFIG = 0x00, RST = 0x02, TCN = 0x80;
    public static final int TC = 0x01, PROPOSAL = 0x02, LEARNING = 0x10, FORWARDING = 0x20, AGREEMENT = 0x40, TCA = 0x80;
    public static final int ROLE_ALT_BACKUP = 1, ROLE_ROOT = 2, ROLE_DESIGNATED = 3;

    /** The STP multicast address every BPDU goes to. */
    public static final byte[] GROUP = {0x01, (byte) 0x80, (byte) 0xc2, 0, 0, 0};

    /** The port role an RST BPDU carries (0: unknown, as in a configuration BPDU). */
    public int role() {
        return type == RST ? (flags >> 2) & 3 : 0;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** The BPDU of a whole Ethernet frame (802.3 length, LLC 42 42 03), or null when it is none. */
    public static Bpdu parse(byte[] f) {
        if (f.length < 14 + 3 + 4) return null;
        ByteBuffer b = ByteBuffer.wrap(f);
        for (int i = 0; i < 6; i++) if (f[i] != GROUP[i]) return null;
        int len = b.getShort(12) & 0xffff;
        if (len > 1500 || len < 7 || (f[14] & 0xff) != 0x42 || (f[15] & 0xff) != 0x42 || (f[16] & 0xff) != 0x03) return null;
        if (b.getShort(17) != 0) return null; // protocol identifier
        int version = f[19] & 0xff, type = f[20] & 0xff;
        if (type == TCN) return new Bpdu(version, TCN, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        if ((type != CONFIG && type != RST) || f.length < 17 + 35) return null;
        b.position(21);
        int flags = b.get() & 0xff;
        long root = b.getLong();
        int cost = b.getInt();
        long bridge = b.getLong();
        int port = b.getShort() & 0xffff;
        int age = b.getShort() & 0xffff, max = b.getShort() & 0xffff, hello = b.getShort() & 0xffff, fwd = b.getShort() & 0xffff;
        return new Bpdu(version, type, flags, root, cost, bridge, port, age, max, hello, fwd);
    }

    /** This BPDU as an Ethernet frame from {@code src}, padded to the 60-byte minimum. */
    public byte[] frame(byte[] src) {
        int bpduLen = type == TCN ? 4 : type == CONFIG ? 35 : 36;
        ByteBuffer b = ByteBuffer.allocate(Math.max(60, 17 + bpduLen));
        b.put(GROUP).put(src, 0, 6).putShort((short) (3 + bpduLen)).put((byte) 0x42).put((byte) 0x42).put((byte) 0x03);
        b.putShort((short) 0).put((byte) version).put((byte) type);
        if (type != TCN) {
            b.put((byte) flags).putLong(rootId).putInt(rootCost).putLong(bridgeId).putShort((short) portId)
                    .putShort((short) msgAge).putShort((short) maxAge).putShort((short) hello).putShort((short) fwdDelay);
            if (type == RST) b.put((byte) 0); // version 1 length
        }
        return b.array();
    }
}
