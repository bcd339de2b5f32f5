package swsh.kernel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bridge's multicast tables as iproute2 prints them: {@code bridge -j vlan global show} (each VLAN's
 * snooping and querier) and {@code bridge -j mdb show} (the groups the ports joined).
 */
public final class McastJson {
    private McastJson() {}

    /** A group a port of the bridge joined (or the bridge itself, {@code port} = the bridge), in VLAN {@code vid} (0: none). */
    public record Group(String bridge, String port, String group, int vid, String state) {}

    /** The VLAN options of {@code bridge} in a {@code bridge -j vlan global show} answer. */
    static Map<Integer, State.VlanMcast> vlanGlobal(String json, String bridge) {
        Map<Integer, State.VlanMcast> out = new TreeMap<>();
        for (JsonNode d : tree(json)) {
            if (!bridge.equals(d.path("ifname").asText())) continue;
            for (JsonNode v : d.path("vlans")) {
                int lo = v.path("vlan").asInt();
                int hi = v.has("vlanEnd") ? v.path("vlanEnd").asInt() : lo;
                State.VlanMcast m = new State.VlanMcast(v.path("mcast_snooping").asInt(1) == 1, v.path("mcast_querier").asInt() == 1);
                for (int id = lo; id <= hi; id++) out.put(id, m);
            }
        }
        return out;
    }

    /** The groups of {@code bridge} in a {@code bridge -j mdb show} answer. */
    static List<Group> mdb(String json, String bridge) {
        List<Group> out = new ArrayList<>();
        for (JsonNode d : tree(json)) {
            for (JsonNode e : d.path("mdb")) {
                if (!bridge.equals(e.path("dev").asText())) continue;
                out.add(new Group(bridge, e.path("port").asText(), e.path("grp").asText(), e.path("vid").asInt(0),
                        e.path("state").asText()));
            }
        }
        return out;
    }

    private static JsonNode tree(String json) {
        try {
            return json == null || json.isBlank() ? KernelJson.JSON.createArrayNode() : KernelJson.JSON.readTree(json);
        } catch (IOException e) {
            throw new KernelException("% Error: cannot parse bridge output: " + e.getMessage());
        }
    }
}
