package swsh.kernel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** iproute2's JSON answers ({@code ip -s -s -j -d addr show}, {@code bridge -j vlan|fdb show}) to {@link State}. */
final class KernelJson {
    private KernelJson() {}

    static final ObjectMapper JSON = new ObjectMapper();

    /** The VLANs of a {@code bridge -j vlan show} answer, of the bridge and its ports only. */
    static Map<String, List<State.VlanEntry>> vlans(JsonNode array, Map<String, State.Link> links, String bridge) {
        Map<String, List<State.VlanEntry>> vlans = new TreeMap<>();
        for (JsonNode d : array) {
            String dev = d.path("ifname").asText();
            State.Link l = links.get(dev);
            if (l == null || !(bridge.equals(l.master()) || dev.equals(bridge))) continue;
            List<State.VlanEntry> list = new ArrayList<>();
            for (JsonNode v : d.path("vlans")) {
                int lo = v.path("vlan").asInt();
                int hi = v.has("vlanEnd") ? v.path("vlanEnd").asInt() : lo;
                boolean pvid = false, untagged = false;
                for (JsonNode f : v.path("flags")) {
                    pvid |= f.asText().equals("PVID");
                    untagged |= f.asText().equals("Egress Untagged");
                }
                for (int id = lo; id <= hi; id++) list.add(new State.VlanEntry(id, pvid, untagged));
            }
            vlans.put(dev, List.copyOf(list));
        }
        return vlans;
    }

    /**
     * The entries of a {@code bridge -j fdb show} answer (the parser on its opening bracket) that are of
     * {@code bridge} (not a port's own), one at a time, token by token: no tree is built, and none is held.
     * With {@code brport}, iproute2 leaves out the port's name: {@code dev} is it.
     */
    static void fdbEntries(JsonParser p, String dev, String bridge, Consumer<State.Fdb> each) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) throw new IOException("not a JSON array");
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String mac = null, ifname = dev, master = null, st = "";
            Integer vlan = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "mac" -> mac = p.getText();
                    case "ifname" -> ifname = p.getText();
                    case "master" -> master = p.getText();
                    case "state" -> st = p.getText();
                    case "vlan" -> vlan = p.getIntValue();
                    default -> {
                        if (v.isStructStart()) p.skipChildren();
                    }
                }
            }
            if (mac == null || ifname == null || !bridge.equals(master) && !ifname.equals(bridge)) continue;
            // learned entries show no state, or "stale" once they age; "static" ones are the user's
            each.accept(new State.Fdb(mac, ifname, vlan, !st.equals("static") && !st.equals("permanent"), st.equals("permanent")));
        }
    }

    private static final List<String> STP_STATES = List.of("disabled", "listening", "learning", "forwarding", "blocking");

    /** The links of an {@code ip -s -s -j -d addr show} answer, by name (speed and duplex not yet known). */
    static Map<String, State.Link> links(JsonNode array) {
        Map<String, State.Link> links = new TreeMap<>();
        for (JsonNode l : array) {
            State.Link link = link(l);
            links.put(link.name(), link);
        }
        return links;
    }

    /** {@link #links(JsonNode)} of a JSON text. */
    static Map<String, State.Link> links(String json) {
        try {
            return links(JSON.readTree(json));
        } catch (IOException e) {
            throw new KernelException("% Error: cannot parse ip output: " + e.getMessage());
        }
    }

    /** The {@code stats64} object of a link (absent counters read as 0). */
    static State.Stats stats(JsonNode s) {
        JsonNode rx = s.path("rx"), tx = s.path("tx");
        return new State.Stats(rx.path("bytes").asLong(), rx.path("packets").asLong(), rx.path("errors").asLong(),
                rx.path("dropped").asLong(), rx.path("multicast").asLong(), rx.path("over_errors").asLong(),
                rx.path("crc_errors").asLong(), rx.path("frame_errors").asLong(), rx.path("length_errors").asLong(),
                rx.path("missed_errors").asLong(), tx.path("bytes").asLong(), tx.path("packets").asLong(),
                tx.path("errors").asLong(), tx.path("dropped").asLong(), tx.path("carrier_errors").asLong(),
                tx.path("collisions").asLong(), tx.path("fifo_errors").asLong(), tx.path("window_errors").asLong());
    }

    static State.Link link(JsonNode l) {
        String name = l.path("ifname").asText();
        List<String> addrs = new ArrayList<>();
        for (JsonNode ai : l.path("addr_info")) {
            if (ai.path("family").asText().equals("inet")) addrs.add(ai.path("local").asText() + "/" + ai.path("prefixlen").asInt());
        }
        JsonNode info = l.path("linkinfo");
        String kind = info.path("info_kind").asText(null);
        boolean adminUp = false, lowerUp = false;
        for (JsonNode f : l.path("flags")) {
            adminUp |= f.asText().equals("UP");
            lowerUp |= f.asText().equals("LOWER_UP");
        }
        State.BridgeAttrs br = null;
        Integer vlanId = null;
        String vlanLink = null;
        JsonNode d = info.path("info_data");
        if ("bridge".equals(kind)) {
            br = new State.BridgeAttrs(d.path("vlan_filtering").asInt() == 1, d.path("vlan_default_pvid").asInt(),
                    d.path("stp_state").asInt(), d.path("priority").asInt(), d.path("hello_time").asInt(),
                    d.path("forward_delay").asInt(), d.path("max_age").asInt(), d.path("ageing_time").asInt(),
                    d.path("bridge_id").asText(), d.path("root_id").asText(), d.path("root_port").asInt(),
                    d.path("root_path_cost").asInt(), new State.Mcast(d.path("mcast_snooping").asInt(1) == 1,
                            d.path("mcast_vlan_snooping").asInt() == 1, Map.of()));
        } else if ("vlan".equals(kind)) {
            vlanId = d.path("id").asInt();
            vlanLink = l.path("link").asText(null);
        }
        State.PortAttrs port = null;
        JsonNode s = info.path("info_slave_data");
        if ("bridge".equals(info.path("info_slave_kind").asText())) {
            port = new State.PortAttrs(Math.max(0, STP_STATES.indexOf(s.path("state").asText())), s.path("priority").asInt(),
                    s.path("cost").asInt(), s.path("guard").asBoolean(), s.path("root_block").asBoolean(),
                    s.path("isolated").asBoolean(), s.path("designated_root").asText(), s.path("designated_bridge").asText(),
                    Integer.decode(s.path("no").asText("0")), s.path("id").asText(), s.path("locked").asBoolean(false),
                    s.path("learning").asBoolean(true));
        }
        String alias = l.has("ifalias") ? l.path("ifalias").asText() : null;
        State.Hardware hw = new State.Hardware(l.path("link_type").asText(null), l.path("txqlen").asInt(),
                l.path("qdisc").asText(null), null, null);
        return new State.Link(name, l.path("ifindex").asInt(), kind, l.path("master").asText(null), adminUp, lowerUp,
                l.path("mtu").asInt(), alias, l.path("address").asText(), br, vlanId, vlanLink, port,
                List.copyOf(addrs), hw, stats(l.path("stats64")), Bond.of(info));
    }
}
