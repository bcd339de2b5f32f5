package swsh.kernel;

import java.util.regex.Pattern;

/**
 * The one place where an {@link Op} becomes iproute2 batch text. iproute2's batch reader cuts
 * every line at {@code #} (even inside quotes), splits words on blanks and treats quotes
 * specially, so every name that goes into a line is checked first: a name that iproute2 would
 * read differently is refused with a {@link KernelException} instead of being rendered.
 */
public final class BatchText {
    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");
    private static final Pattern ADDR = Pattern.compile("[0-9A-Fa-f.:]+/[0-9]{1,3}");

    private BatchText() {}

    /** {@code <tool> <line>}, as the dry-run prints it. */
    public static String text(Op op) {
        return op.tool().command() + " " + line(op);
    }

    /** The batch line for {@code op}, without the tool; throws {@link KernelException} for unsafe names. */
    public static String line(Op op) {
        return op.accept(LINE);
    }

    private static final Op.Visitor<String> LINE = new Op.Visitor<>() {
        @Override
        public String createBridge(Op.CreateBridge o) {
            return "link add name " + name(o.name()) + " type bridge" + settings(o.settings());
        }

        @Override
        public String setBridge(Op.SetBridge o) {
            return "link set dev " + name(o.name()) + " type bridge" + settings(o.settings());
        }

        @Override
        public String enslave(Op.Enslave o) {
            return "link set dev " + name(o.dev()) + " master " + name(o.master());
        }

        @Override
        public String release(Op.Release o) {
            return "link set dev " + name(o.dev()) + " nomaster";
        }

        @Override
        public String setMtu(Op.SetMtu o) {
            return "link set dev " + name(o.dev()) + " mtu " + o.mtu();
        }

        @Override
        public String setAlias(Op.SetAlias o) {
            return "link set dev " + name(o.dev()) + " alias " + alias(o.alias());
        }

        @Override
        public String vlanAdd(Op.VlanAdd o) {
            return "vlan add dev " + name(o.dev()) + " vid " + range(o.lo(), o.hi())
                    + (o.pvid() ? " pvid" : "") + (o.untagged() ? " untagged" : "") + (o.self() ? " self" : "");
        }

        @Override
        public String vlanState(Op.VlanState o) {
            return "vlan set dev " + name(o.dev()) + " vid " + range(o.lo(), o.hi()) + " state " + o.state();
        }

        @Override
        public String vlanDel(Op.VlanDel o) {
            return "vlan del dev " + name(o.dev()) + " vid " + range(o.lo(), o.hi()) + (o.self() ? " self" : "");
        }

        @Override
        public String portFlags(Op.PortFlags o) {
            StringBuilder sb = new StringBuilder("link set dev ").append(name(o.dev()));
            append(sb, "cost", o.cost());
            append(sb, "priority", o.priority());
            onOff(sb, "guard", o.guard());
            onOff(sb, "root_block", o.rootBlock());
            onOff(sb, "isolated", o.isolated());
            return sb.toString();
        }

        @Override
        public String fdbAdd(Op.FdbAdd o) {
            return "fdb add " + mac(o.mac()) + " dev " + name(o.dev()) + " master static vlan " + o.vlan();
        }

        @Override
        public String fdbDel(Op.FdbDel o) {
            return "fdb del " + mac(o.mac()) + " dev " + name(o.dev()) + " master vlan " + o.vlan();
        }

        @Override
        public String addVlanDevice(Op.AddVlanDevice o) {
            return "link add link " + name(o.bridge()) + " name " + name(o.name()) + " type vlan id " + o.vid();
        }

        @Override
        public String deleteLink(Op.DeleteLink o) {
            return "link del dev " + name(o.dev());
        }

        @Override
        public String addrAdd(Op.AddrAdd o) {
            return "addr add " + addr(o.addr()) + " dev " + name(o.dev());
        }

        @Override
        public String addrDel(Op.AddrDel o) {
            return "addr del " + addr(o.addr()) + " dev " + name(o.dev());
        }

        @Override
        public String setUp(Op.SetUp o) {
            return "link set dev " + name(o.dev()) + (o.up() ? " up" : " down");
        }

        @Override
        public String createBond(Op.CreateBond o) {
            return BondText.create(name(o.name()), o);
        }

        @Override
        public String setBond(Op.SetBond o) {
            return BondText.set(name(o.name()), o);
        }

        @Override
        public String joinBond(Op.JoinBond o) {
            return "link set dev " + name(o.dev()) + " master " + name(o.bond());
        }

        @Override
        public String tcQdisc(Op.TcQdisc o) {
            return "qdisc " + (o.add() ? "add" : "del") + " dev " + name(o.dev()) + " clsact";
        }

        @Override
        public String tcFilter(Op.TcFilter o) {
            Mirror m = o.filter();
            String head = "filter " + (o.add() ? "add" : "del") + " dev " + name(m.dev()) + (m.egress() ? " egress" : " ingress")
                    + " pref " + m.pref() + (m.vlan() == null ? " protocol all" : " protocol 802.1Q") + " handle " + m.handle()
                    + (m.flower() ? " flower" : " matchall");
            if (!o.add()) return head;
            return head + (m.vlan() == null ? "" : " vlan_id " + m.vlan()) + (m.untagged() ? " num_of_vlans 0" : "")
                    + (m.to() == null ? " action drop" : " action mirred egress mirror dev " + name(m.to())) + " cookie " + Mirror.COOKIE;
        }

        @Override
        public String linkMode(Op.LinkMode o) {
            String dev = name(o.dev());
            if (dev.startsWith("-")) throw new KernelException("% Error: interface " + dev + " has a name ethtool would read as an option");
            String duplex = o.duplex() == null ? null : o.duplex().equals("half") ? "half" : "full";
            return "-s " + dev + (o.speed() == null ? "" : " speed " + o.speed()) + (duplex == null ? "" : " duplex " + duplex)
                    + (o.speed() != null && duplex != null ? " autoneg off" : " autoneg on");
        }

        @Override
        public String setMcast(Op.SetMcast o) {
            StringBuilder sb = new StringBuilder("link set dev ").append(name(o.bridge())).append(" type bridge");
            if (o.snooping() != null) sb.append(" mcast_snooping ").append(o.snooping() ? 1 : 0);
            if (o.vlanSnooping() != null) sb.append(" mcast_vlan_snooping ").append(o.vlanSnooping() ? 1 : 0);
            return sb.toString();
        }

        @Override
        public String vlanMcast(Op.VlanMcast o) {
            return "vlan global set dev " + name(o.bridge()) + " vid " + o.vid() + " mcast_snooping " + (o.snooping() ? 1 : 0)
                    + " mcast_querier " + (o.querier() ? 1 : 0);
        }

        @Override
        public String portLock(Op.PortLock o) {
            return "link set dev " + name(o.dev()) + (o.locked() ? " locked on learning off" : " locked off learning on");
        }

        @Override
        public String ingressQdisc(Op.IngressQdisc o) {
            return "qdisc add dev " + name(o.dev()) + " ingress";
        }

        @Override
        public String stormFilterAdd(Op.StormFilterAdd o) {
            return StormPlanner.line(o, name(o.dev()));
        }

        @Override
        public String stormFilterDel(Op.StormFilterDel o) {
            return "filter del dev " + name(o.dev()) + " ingress pref " + o.pref();
        }
    };

    /** True when iproute2 reads {@code name} back as the same single word. */
    public static boolean safeName(String name) {
        if (name == null || name.isEmpty()) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '#' || c == '"' || c == '\'' || c == '\\' || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    private static String name(String name) {
        if (!safeName(name)) {
            throw new KernelException("% Error: interface " + name + " has a name swsh cannot pass to iproute2 safely; rename it");
        }
        return name;
    }

    private static String mac(String mac) {
        if (mac == null || !MAC.matcher(mac).matches()) {
            throw new KernelException("% Error: MAC address " + mac + " cannot be passed to iproute2 safely");
        }
        return mac;
    }

    private static String addr(String addr) {
        if (addr == null || !ADDR.matcher(addr).matches()) {
            throw new KernelException("% Error: address " + addr + " cannot be passed to iproute2 safely");
        }
        return addr;
    }

    private static String alias(String text) {
        if (!Quote.safe(text)) throw new KernelException("% Error: the description cannot be passed to iproute2 safely");
        return Quote.arg(text);
    }

    private static String range(int lo, int hi) {
        return lo == hi ? Integer.toString(lo) : lo + "-" + hi;
    }

    private static String settings(Op.BridgeSettings s) {
        StringBuilder sb = new StringBuilder();
        if (s.vlanFiltering() != null) sb.append(" vlan_filtering ").append(s.vlanFiltering() ? 1 : 0);
        append(sb, "vlan_default_pvid", s.defaultPvid());
        append(sb, "stp_state", s.stpState());
        append(sb, "priority", s.priority());
        append(sb, "hello_time", s.helloTime());
        append(sb, "forward_delay", s.forwardDelay());
        append(sb, "max_age", s.maxAge());
        append(sb, "ageing_time", s.ageingTime());
        return sb.toString();
    }

    private static void append(StringBuilder sb, String key, Integer v) {
        if (v != null) sb.append(' ').append(key).append(' ').append(v);
    }

    private static void onOff(StringBuilder sb, String key, Boolean v) {
        if (v != null) sb.append(' ').append(key).append(v ? " on" : " off");
    }
}
