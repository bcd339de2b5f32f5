package swsh.kernel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed in the kernel since {@link LiveKernel} last read it: the devices that events named and
 * that its own changes touched, or "everything" (at start, when a monitor (re)starts, on a line that
 * names no device, a lost event, or a change to the bridge's structure). Thread-safe: the monitor's
 * threads add, the reader takes.
 */
final class Dirty {
    /** Above this many devices, one full read is quicker than reading each. */
    static final int MAX_DEVICES = 8;
    /**
     * The device of an {@code ip -o monitor link address} line: {@code [Deleted ]N: NAME[@PEER]: <FLAGS>...}
     * for links, {@code [Deleted ]N: NAME    inet ...} for addresses.
     */
    private static final Pattern DEVICE = Pattern.compile("^(?:Deleted )?\\d+: ([^\\s:@]+)(?:@\\S*?)?:?\\s");

    private Set<String> devices = new HashSet<>();
    private boolean all = true;

    /** A monitor line ({@code null}: the monitor ended or said something else, as a lost-events error). */
    synchronized void event(String line) {
        String dev = line == null ? null : device(line);
        if (dev == null) all = true;
        else devices.add(dev);
    }

    /** The device an event line names, or null. */
    static String device(String line) {
        Matcher m = DEVICE.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    synchronized void all() {
        all = true;
    }

    synchronized void add(String dev) {
        devices.add(dev);
    }

    /** What changed, now forgotten: the devices, or null for everything. */
    synchronized Set<String> take() {
        Set<String> d = all || devices.size() > MAX_DEVICES ? null : devices;
        devices = new HashSet<>();
        all = false;
        return d;
    }

    /** Marks what a plan's ops change: their devices, or everything for ops that change the bridge's shape. */
    void touched(List<Op> ops, String bridge) {
        for (Op op : ops) {
            String dev = op.accept(DEVICE_OF);
            if (dev == null) {
                all();
                return;
            }
            if (!dev.isEmpty()) add(dev);
            if (op instanceof Op.SetUp) add(bridge); // a port's carrier is the bridge's
        }
    }

    /** The one device an op changes in the resident state; "" for none (FDB); null when it reshapes the switch. */
    private static final Op.Visitor<String> DEVICE_OF = new Op.Visitor<>() {
        public String createBridge(Op.CreateBridge o) {
            return null;
        }

        public String setBridge(Op.SetBridge o) {
            return o.name();
        }

        public String enslave(Op.Enslave o) {
            return null;
        }

        public String release(Op.Release o) {
            return null;
        }

        public String setMtu(Op.SetMtu o) {
            return o.dev();
        }

        public String setAlias(Op.SetAlias o) {
            return o.dev();
        }

        public String vlanAdd(Op.VlanAdd o) {
            return o.dev();
        }

        public String vlanState(Op.VlanState o) {
            return o.dev();
        }

        public String vlanDel(Op.VlanDel o) {
            return o.dev();
        }

        public String portFlags(Op.PortFlags o) {
            return o.dev();
        }

        public String fdbAdd(Op.FdbAdd o) {
            return "";
        }

        public String fdbDel(Op.FdbDel o) {
            return "";
        }

        public String addVlanDevice(Op.AddVlanDevice o) {
            return null;
        }

        public String deleteLink(Op.DeleteLink o) {
            return null;
        }

        public String addrAdd(Op.AddrAdd o) {
            return o.dev();
        }

        public String addrDel(Op.AddrDel o) {
            return o.dev();
        }

        public String setUp(Op.SetUp o) {
            return o.dev();
        }

        public String createBond(Op.CreateBond o) {
            return null;
        }

        public String joinBond(Op.JoinBond o) {
            return null;
        }

        public String setBond(Op.SetBond o) {
            return o.name();
        }

        public String tcQdisc(Op.TcQdisc o) {
            return ""; // tc is read afresh for every plan that needs it, never kept
        }

        public String tcFilter(Op.TcFilter o) {
            return "";
        }

        public String linkMode(Op.LinkMode o) {
            return o.dev();
        }

        public String setMcast(Op.SetMcast o) {
            return o.bridge();
        }

        public String vlanMcast(Op.VlanMcast o) {
            return ""; // not resident: read for each plan that needs it
        }

        public String portLock(Op.PortLock o) {
            return o.dev();
        }

        public String ingressQdisc(Op.IngressQdisc o) {
            return "";
        }

        public String stormFilterAdd(Op.StormFilterAdd o) {
            return "";
        }

        public String stormFilterDel(Op.StormFilterDel o) {
            return "";
        }
    };
}
