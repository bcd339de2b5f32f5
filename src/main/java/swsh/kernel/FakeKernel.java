package swsh.kernel;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;



/**
 * An in-memory kernel that understands the batch lines the planner writes. It backs
 * {@code --dry-run} (printing each batch instead of running it) and the unit tests (recording
 * every batch), so that "apply, then plan again yields nothing" is checked without root.
 */
public final class FakeKernel implements Kernel {
    private final String bridge;
    private final PrintStream echo;
    private final Map<String, State.Link> links = new TreeMap<>();
    private final Map<String, List<State.VlanEntry>> vlans = new TreeMap<>();
    private final List<State.Fdb> fdb = new ArrayList<>();
    private final List<Plan.Batch> applied = new ArrayList<>();
    private int nextIndex = 100;

    /** A kernel starting from {@code seed}; {@code echo} prints each batch (or null). */
    public FakeKernel(String bridge, State seed, PrintStream echo) {
        this.bridge = bridge;
        this.echo = echo;
        links.putAll(seed.links());
        seed.vlans().forEach((k, v) -> vlans.put(k, new ArrayList<>(v)));
        fdb.addAll(seed.fdb());
    }

    /** A kernel with the given physical interfaces (up, carrier on) and no bridge. */
    public static FakeKernel of(String... nics) {
        FakeKernel k = new FakeKernel("swbr0", State.empty(), null);
        for (String n : nics) k.addLink(n, "veth");
        return k;
    }

    private void addLink(String name, String kind) {
        links.put(name, new State.Link(name, nextIndex++, kind, null, false, true, 1500, null,
                String.format("02:00:00:00:00:%02x", nextIndex % 256), null, null, null, null, List.of()));
    }

    @Override
    public String bridge() {
        return bridge;
    }

    /** Every batch applied so far, in order. */
    public List<Plan.Batch> applied() {
        return applied;
    }

    @Override
    public synchronized State read() {
        Map<String, List<State.VlanEntry>> v = new TreeMap<>();
        vlans.forEach((k, l) -> v.put(k, List.copyOf(l)));
        return new State(new TreeMap<>(links), v, List.copyOf(fdb));
    }

    @Override
    public synchronized void apply(Plan plan) {
        for (Plan.Batch b : plan.batches()) {
            if (echo != null) for (String l : b.lines()) echo.println(b.tool() + " " + l);
            applied.add(b);
            for (String line : b.lines()) {
                List<String> w = split(line);
                if (b.tool().equals("ip")) ip(w, line);
                else bridgeCmd(w, line);
            }
        }
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) == ' ') { i++; continue; }
            if (line.charAt(i) == '"') {
                int e = line.indexOf('"', i + 1);
                out.add(line.substring(i + 1, e));
                i = e + 1;
            } else {
                int e = line.indexOf(' ', i);
                if (e < 0) e = line.length();
                out.add(line.substring(i, e));
                i = e;
            }
        }
        return out;
    }

    private State.Link need(String dev, String line) {
        State.Link l = links.get(dev);
        if (l == null) throw new KernelException("% Error: cannot find device \"" + dev + "\" (" + line + ")");
        return l;
    }

    private static String after(List<String> w, String key) {
        int i = w.indexOf(key);
        return i < 0 || i + 1 >= w.size() ? null : w.get(i + 1);
    }

    private State.BridgeAttrs bridgeAttrs(State.BridgeAttrs a, List<String> w) {
        int stp = after(w, "stp_state") != null ? Integer.parseInt(after(w, "stp_state")) : a.stpState();
        return new State.BridgeAttrs(true, 0, stp, num(w, "priority", a.priority()), num(w, "hello_time", a.helloTime()),
                num(w, "forward_delay", a.forwardDelay()), num(w, "max_age", a.maxAge()),
                num(w, "ageing_time", a.ageingTime()), a.bridgeId(), a.rootId(), 0, 0);
    }

    private static int num(List<String> w, String key, int dflt) {
        String v = after(w, key);
        return v == null ? dflt : Integer.parseInt(v);
    }

    private void ip(List<String> w, String line) {
        String obj = w.get(0), verb = w.get(1);
        if (obj.equals("link") && verb.equals("add") && w.contains("bridge")) {
            String name = after(w, "name");
            addLink(name, "bridge");
            State.BridgeAttrs a = new State.BridgeAttrs(true, 0, 0, 32768, 200, 1500, 2000, 30000,
                    "8000.0:0:0:0:0:0", "8000.0:0:0:0:0:0", 0, 0);
            links.put(name, withBridge(links.get(name), bridgeAttrs(a, w)));
        } else if (obj.equals("link") && verb.equals("add") && w.contains("vlan")) {
            String name = after(w, "name");
            String lower = w.get(3);
            need(lower, line);
            addLink(name, "vlan");
            State.Link l = links.get(name);
            links.put(name, new State.Link(name, l.ifindex(), "vlan", null, false, true, 1500, null, l.mac(), null,
                    Integer.parseInt(after(w, "id")), lower, null, List.of()));
        } else if (obj.equals("link") && verb.equals("del")) {
            need(after(w, "dev"), line);
            links.remove(after(w, "dev"));
        } else if (obj.equals("link") && verb.equals("set")) {
            String dev = after(w, "dev");
            State.Link l = need(dev, line);
            if (w.contains("type")) {
                links.put(dev, withBridge(l, bridgeAttrs(l.bridge(), w)));
                return;
            }
            String master = w.contains("nomaster") ? null : after(w, "master") != null ? after(w, "master") : l.master();
            State.PortAttrs port = master == null ? null : l.port() != null ? l.port()
                    : new State.PortAttrs(3, 32, 100, false, false, false, null, null, 1, "0x8001");
            if (master == null) vlans.remove(dev);
            Boolean up = w.contains("up") ? Boolean.TRUE : w.contains("down") ? Boolean.FALSE : null;
            Integer mtu = after(w, "mtu") == null ? null : Integer.valueOf(after(w, "mtu"));
            String alias = w.contains("alias") ? emptyToNull(after(w, "alias")) : l.alias();
            State.Link n = l.with(master, up, mtu, alias);
            links.put(dev, new State.Link(n.name(), n.ifindex(), n.kind(), n.master(), n.adminUp(), n.lowerUp(), n.mtu(),
                    n.alias(), n.mac(), n.bridge(), n.vlanId(), n.vlanLink(), port, n.addrs()));
        } else if (obj.equals("addr")) {
            String dev = after(w, "dev");
            State.Link l = need(dev, line);
            List<String> addrs = new ArrayList<>(l.addrs());
            if (verb.equals("add")) addrs.add(w.get(2));
            else addrs.remove(w.get(2));
            links.put(dev, new State.Link(l.name(), l.ifindex(), l.kind(), l.master(), l.adminUp(), l.lowerUp(), l.mtu(),
                    l.alias(), l.mac(), l.bridge(), l.vlanId(), l.vlanLink(), l.port(), List.copyOf(addrs)));
        } else {
            throw new IllegalArgumentException("fake kernel does not know: ip " + line);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static State.Link withBridge(State.Link l, State.BridgeAttrs a) {
        return new State.Link(l.name(), l.ifindex(), "bridge", l.master(), l.adminUp(), l.lowerUp(), l.mtu(), l.alias(),
                l.mac(), a, null, null, null, l.addrs());
    }

    private void bridgeCmd(List<String> w, String line) {
        String obj = w.get(0), verb = w.get(1), dev = after(w, "dev");
        State.Link l = need(dev, line);
        if (obj.equals("vlan")) {
            if (!dev.equals(bridge) && !bridge.equals(l.master())) {
                throw new KernelException("% Error: " + dev + " is not a bridge port (" + line + ")");
            }
            String[] r = after(w, "vid").split("-");
            int lo = Integer.parseInt(r[0]), hi = Integer.parseInt(r[r.length - 1]);
            List<State.VlanEntry> list = vlans.computeIfAbsent(dev, k -> new ArrayList<>());
            for (int vid = lo; vid <= hi; vid++) {
                int id = vid;
                list.removeIf(e -> e.vid() == id);
                if (verb.equals("add")) {
                    if (w.contains("pvid")) list.replaceAll(e -> new State.VlanEntry(e.vid(), false, e.untagged()));
                    list.add(new State.VlanEntry(vid, w.contains("pvid"), w.contains("untagged")));
                }
            }
            list.sort((x, y) -> Integer.compare(x.vid(), y.vid()));
        } else if (obj.equals("link")) {
            State.PortAttrs p = l.port();
            State.PortAttrs n = new State.PortAttrs(p.state(), num(w, "priority", p.priority()), num(w, "cost", p.cost()),
                    flag(w, "guard", p.guard()), flag(w, "root_block", p.rootBlock()), flag(w, "isolated", p.isolated()),
                    p.designatedRoot(), p.designatedBridge(), p.portNo(), p.portId());
            links.put(dev, new State.Link(l.name(), l.ifindex(), l.kind(), l.master(), l.adminUp(), l.lowerUp(), l.mtu(),
                    l.alias(), l.mac(), l.bridge(), l.vlanId(), l.vlanLink(), n, l.addrs()));
        } else if (obj.equals("fdb")) {
            String mac = w.get(2);
            Integer vlan = Integer.valueOf(after(w, "vlan"));
            fdb.removeIf(f -> f.mac().equals(mac) && f.dev().equals(dev) && vlan.equals(f.vlan()));
            if (verb.equals("add")) fdb.add(new State.Fdb(mac, dev, vlan, false, false));
        } else {
            throw new IllegalArgumentException("fake kernel does not know: bridge " + line);
        }
    }

    private static boolean flag(List<String> w, String key, boolean dflt) {
        String v = after(w, key);
        return v == null ? dflt : v.equals("on");
    }

    @Override
    public synchronized void flushDynamic(String dev, Integer vlan) {
        fdb.removeIf(f -> f.dynamic() && f.dev().equals(dev) && (vlan == null || vlan.equals(f.vlan())));
    }

    /** Test hook: the kernel learns a MAC on a port, as traffic would make it. */
    public synchronized void learn(String mac, String dev, int vlan) {
        fdb.add(new State.Fdb(mac, dev, vlan, true, false));
    }
}
