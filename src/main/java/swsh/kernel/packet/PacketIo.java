package swsh.kernel.packet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import swsh.kernel.BpduFilter;
import swsh.kernel.FrameIo;
import swsh.kernel.KernelException;

/**
 * BPDUs through one AF_PACKET socket per port (JNA), in the switch's network namespace. A socket
 * bound with ETH_P_ALL is a tap: it sees a frame before the tc ingress hook and the bridge, so the
 * bridge may drop it afterwards ({@link BpduFilter}) and the engine still gets it. A classic BPF
 * program keeps only frames to 01:80:c2:00:00:00, so no other traffic reaches Java. The thread
 * that first uses an instance enters the namespace (setns is per thread): use one thread.
 */
public final class PacketIo implements FrameIo {
    private static final Libc C = Libc.C;
    private final String netns;
    private final BpduFilter filter;
    private final Map<String, Integer> fds = new LinkedHashMap<>();
    private int ctl = -1;
    private boolean entered;

    public PacketIo(String netns) {
        this.netns = netns;
        this.filter = new BpduFilter(netns);
    }

    private void enter() {
        if (entered) return;
        entered = true;
        if (netns == null) return;
        if (!netns.matches("[A-Za-z0-9_.-]+")) throw new KernelException("% Error: bad namespace name");
        int fd = C.open("/run/netns/" + netns, Libc.O_RDONLY);
        try {
            C.setns(fd, Libc.CLONE_NEWNET);
        } finally {
            C.close(fd);
        }
    }

    private int ctl() {
        enter();
        if (ctl < 0) ctl = C.socket(Libc.AF_PACKET, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, 0);
        return ctl;
    }

    @Override
    public synchronized void ports(List<String> ports) {
        ctl();
        List<String> added = new ArrayList<>(), removed = new ArrayList<>();
        for (String p : List.copyOf(fds.keySet())) {
            if (!ports.contains(p)) {
                C.close(fds.remove(p));
                removed.add(p);
            }
        }
        for (String p : ports) {
            if (fds.containsKey(p)) continue;
            int idx = ifindex(p);
            if (idx <= 0) continue;
            fds.put(p, open(idx));
            added.add(p);
        }
        filter.update(added, removed);
    }

    private static int open(int ifindex) {
        int fd = C.socket(Libc.AF_PACKET, Libc.SOCK_RAW | Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC, 0);
        try {
            attachFilter(fd);
            C.setsockopt(fd, Libc.SOL_PACKET, Libc.PACKET_IGNORE_OUTGOING, intBytes(1), 4);
            ByteBuffer sll = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
            sll.putShort((short) Libc.AF_PACKET);
            sll.order(ByteOrder.BIG_ENDIAN).putShort((short) Libc.ETH_P_ALL);
            sll.order(ByteOrder.nativeOrder()).putInt(ifindex);
            C.bind(fd, sll.array(), 20);
            return fd;
        } catch (LastErrorException e) {
            C.close(fd);
            throw new KernelException("% Error: cannot open a packet socket: errno " + e.getErrorCode());
        }
    }

    /** ld [0]; jeq 0x0180c200; ldh [4]; jeq 0; ret 0xffff; ret 0. */
    private static void attachFilter(int fd) {
        int[][] prog = {
            {0x20, 0, 0, 0}, {0x15, 0, 3, 0x0180c200}, {0x28, 0, 0, 4}, {0x15, 0, 1, 0x0000},
            {0x06, 0, 0, 0xffff}, {0x06, 0, 0, 0},
        };
        Memory insns = new Memory(8L * prog.length);
        for (int i = 0; i < prog.length; i++) {
            insns.setShort(8L * i, (short) prog[i][0]);
            insns.setByte(8L * i + 2, (byte) prog[i][1]);
            insns.setByte(8L * i + 3, (byte) prog[i][2]);
            insns.setInt(8L * i + 4, prog[i][3]);
        }
        ByteBuffer fprog = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        fprog.putShort((short) prog.length).putShort((short) 0).putInt(0).putLong(com.sun.jna.Pointer.nativeValue(insns));
        C.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_ATTACH_FILTER, fprog.array(), 16);
        java.lang.ref.Reference.reachabilityFence(insns); // the kernel has copied the program: the memory may go now
    }

    @Override
    public List<Frame> receive(int millis) {
        List<String> names;
        byte[] pfds;
        synchronized (this) {
            names = new ArrayList<>(fds.keySet());
            pfds = new byte[8 * names.size()];
            ByteBuffer b = ByteBuffer.wrap(pfds).order(ByteOrder.nativeOrder());
            for (String n : names) b.putInt(fds.get(n)).putShort((short) Libc.POLLIN).putShort((short) 0);
        }
        List<Frame> out = new ArrayList<>();
        if (names.isEmpty()) {
            sleep(millis);
            return out;
        }
        try {
            if (C.poll(pfds, names.size(), millis) <= 0) return out;
        } catch (LastErrorException e) {
            return out; // EINTR
        }
        ByteBuffer b = ByteBuffer.wrap(pfds).order(ByteOrder.nativeOrder());
        byte[] buf = new byte[1600];
        synchronized (this) {
            for (int i = 0; i < names.size(); i++) {
                int fd = b.getInt(8 * i);
                short revents = b.getShort(8 * i + 6);
                if (revents == 0 || !Integer.valueOf(fd).equals(fds.get(names.get(i)))) continue;
                for (int n = 0; n < 64; n++) {
                    int len;
                    try {
                        len = C.recv(fd, buf, buf.length, 0);
                    } catch (LastErrorException e) {
                        break; // EAGAIN: drained; ENETDOWN: the link went down
                    }
                    if (len <= 0) break;
                    byte[] f = new byte[len];
                    System.arraycopy(buf, 0, f, 0, len);
                    out.add(new Frame(names.get(i), f));
                }
            }
        }
        return out;
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean send(String port, byte[] frame) {
        Integer fd = fds.get(port);
        if (fd == null) return false;
        try {
            return C.send(fd, frame, frame.length, 0) == frame.length;
        } catch (LastErrorException e) {
            return false; // ENETDOWN, ENOBUFS: the next hello sends again
        }
    }

    /** The last answer per port: MAC and speed are asked again only when the link changes. */
    private final Map<String, PortLink> links = new java.util.HashMap<>();

    @Override
    public synchronized PortLink link(String port) {
        byte[] req = ifreq(port);
        if (req == null) return null;
        try {
            C.ioctl(ctl(), Libc.SIOCGIFFLAGS, req);
        } catch (LastErrorException e) {
            links.remove(port);
            return null;
        }
        int flags = ByteBuffer.wrap(req).order(ByteOrder.nativeOrder()).getShort(16) & 0xffff;
        boolean up = (flags & Libc.IFF_UP) != 0 && (flags & Libc.IFF_RUNNING) != 0;
        PortLink last = links.get(port);
        if (last != null && last.up() == up) return last;
        PortLink now = new PortLink(up, mac(port), speed(port));
        links.put(port, now);
        return now;
    }

    /** The link speed through the ethtool ioctl (ETHTOOL_GSET), 0 when the driver knows none. */
    private int speed(String port) {
        byte[] req = ifreq(port);
        Memory cmd = new Memory(44);
        cmd.clear();
        cmd.setInt(0, 1); // ETHTOOL_GSET
        ByteBuffer.wrap(req).order(ByteOrder.nativeOrder()).putLong(16, com.sun.jna.Pointer.nativeValue(cmd));
        try {
            C.ioctl(ctl(), Libc.SIOCETHTOOL, req);
        } catch (LastErrorException e) {
            return 0;
        }
        int speed = (cmd.getShort(12) & 0xffff) | ((cmd.getShort(28) & 0xffff) << 16);
        return speed == -1 || speed == 0xffff || speed == 0xffffffff ? 0 : speed;
    }

    @Override
    public synchronized byte[] mac(String dev) {
        byte[] req = ifreq(dev);
        if (req == null) return null;
        try {
            C.ioctl(ctl(), Libc.SIOCGIFHWADDR, req);
        } catch (LastErrorException e) {
            return null;
        }
        byte[] mac = new byte[6];
        System.arraycopy(req, 18, mac, 0, 6);
        return mac;
    }

    private int ifindex(String dev) {
        byte[] req = ifreq(dev);
        if (req == null) return -1;
        try {
            C.ioctl(ctl(), Libc.SIOCGIFINDEX, req);
        } catch (LastErrorException e) {
            return -1;
        }
        return ByteBuffer.wrap(req).order(ByteOrder.nativeOrder()).getInt(16);
    }

    /** A struct ifreq (40 bytes) naming {@code dev}, or null for a name the kernel could not have. */
    private static byte[] ifreq(String dev) {
        byte[] n = dev.getBytes(StandardCharsets.US_ASCII);
        if (n.length == 0 || n.length > 15) return null;
        byte[] req = new byte[40];
        System.arraycopy(n, 0, req, 0, n.length);
        return req;
    }

    private static byte[] intBytes(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array();
    }

    @Override
    public synchronized void close() {
        List<String> open = new ArrayList<>(fds.keySet());
        for (int fd : fds.values()) C.close(fd);
        fds.clear();
        if (ctl >= 0) C.close(ctl);
        ctl = -1;
        try {
            filter.update(List.of(), open);
        } catch (KernelException e) {
            // the ports may be gone already
        }
    }
}
