package swsh.kernel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A neighbour the LLDP agent heard, as {@code lldpcli -f json0 show neighbors details} tells it:
 * the local port, the protocol ({@code LLDP}, {@code CDPv2}...), the chassis, system name and
 * description, the remote port's id and description, the hold time, the capabilities (available and
 * enabled), management addresses, age in seconds, and LLDP-MED network policies ({@code Voice vlan 100}).
 */
public record LldpNeighbor(String localPort, String via, String chassisId, String systemName, String systemDescr,
                           String portId, String portDescr, int ttl, List<String> capabilities, List<String> enabled,
                           List<String> mgmtAddresses, long age, List<String> policies) {

    /** The neighbours in an answer of {@code lldpcli -f json0 show neighbors details}. */
    static List<LldpNeighbor> parse(String json) {
        List<LldpNeighbor> out = new ArrayList<>();
        JsonNode root;
        try {
            root = json == null || json.isBlank() ? KernelJson.JSON.createObjectNode() : KernelJson.JSON.readTree(json);
        } catch (IOException e) {
            throw new KernelException("% Error: cannot parse lldpcli output: " + e.getMessage());
        }
        for (JsonNode l : root.path("lldp")) {
            for (JsonNode i : l.path("interface")) {
                JsonNode ch = i.path("chassis").path(0), port = i.path("port").path(0);
                List<String> caps = new ArrayList<>(), on = new ArrayList<>(), mgmt = new ArrayList<>(), pol = new ArrayList<>();
                for (JsonNode c : ch.path("capability")) {
                    caps.add(c.path("type").asText());
                    if (c.path("enabled").asBoolean()) on.add(c.path("type").asText());
                }
                for (JsonNode m : ch.path("mgmt-ip")) mgmt.add(m.path("value").asText());
                for (JsonNode p : i.path("lldp-med").path(0).path("policy")) {
                    StringBuilder sb = new StringBuilder(p.path("apptype").asText());
                    JsonNode v = p.has("vlan-id") ? p.path("vlan-id") : p.path("vlan");
                    String vid = digits(v);
                    if (vid != null) sb.append(" vlan ").append(vid);
                    pol.add(sb.toString().strip());
                }
                int ttl = port.path("ttl").path(0).path("value").asInt(i.path("ttl").path(0).path("ttl").asInt(0));
                out.add(new LldpNeighbor(i.path("name").asText(), i.path("via").asText(), ch.path("id").path(0).path("value").asText(),
                        first(ch, "name"), first(ch, "descr"), port.path("id").path(0).path("value").asText(), first(port, "descr"),
                        ttl, caps, on, mgmt, age(i.path("age").asText()), pol));
            }
        }
        return out;
    }

    /** The first number in a node (lldpcli nests a policy's VLAN id in one object or another across versions). */
    private static String digits(JsonNode n) {
        if (n.isValueNode()) return n.asText().matches("[0-9]+") ? n.asText() : null;
        for (JsonNode c : n) {
            String d = digits(c);
            if (d != null) return d;
        }
        return null;
    }

    private static String first(JsonNode n, String field) {
        return n.path(field).path(0).path("value").asText("");
    }

    /** lldpcli's {@code 0 day, 00:00:03} in seconds (0 when it reads otherwise). */
    static long age(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) days?, (\\d+):(\\d+):(\\d+)").matcher(s);
        if (!m.find()) return 0;
        return Long.parseLong(m.group(1)) * 86400 + Long.parseLong(m.group(2)) * 3600 + Long.parseLong(m.group(3)) * 60
                + Long.parseLong(m.group(4));
    }
}
