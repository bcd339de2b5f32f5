package swsh.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads what tc has on some devices through a kept-open {@code tc -j -batch -} ({@link BatchPipe}):
 * {@code qdisc show dev D} for each, then {@code filter show dev D ingress} (and {@code egress} on a
 * {@code clsact}) where it has a qdisc at {@code ffff:}. tc 6.1 in batch mode keeps a show's filters (the
 * device, the parent, a preference) for the next show, as {@code bridge} does: every show here names its
 * device and hook, and none names a preference.
 */
final class TcRead {
    private TcRead() {}

    /** The program and its marker show (lo's qdisc always answers, an empty list when lo is down). */
    static BatchPipe pipe(String netns, Runnable started) {
        List<String> argv = new ArrayList<>(List.of("tc"));
        if (netns != null) argv.addAll(List.of("-netns", netns)); // not -n: tc would read it as -nm (names)
        argv.addAll(List.of("-j", "-batch", "-"));
        return new BatchPipe("tc", argv, "qdisc show dev lo", started);
    }

    static TcState read(BatchPipe tc, Collection<String> devs) {
        Map<String, String> qdiscs = new TreeMap<>();
        List<Mirror> ours = new ArrayList<>();
        Map<String, Integer> others = new TreeMap<>();
        for (String dev : devs) {
            if (!BatchText.safeName(dev)) continue;
            JsonNode q = tc.show("qdisc show dev " + dev, p -> (JsonNode) p.readValueAsTree());
            String kind = null;
            for (JsonNode e : q) {
                String k = e.path("kind").asText();
                if (k.equals("clsact") || k.equals("ingress")) kind = k;
            }
            if (kind == null) continue;
            qdiscs.put(dev, kind);
            for (boolean egress : kind.equals("clsact") ? List.of(false, true) : List.of(false)) {
                JsonNode f = tc.show("filter show dev " + dev + (egress ? " egress" : " ingress"), p -> (JsonNode) p.readValueAsTree());
                filters(dev, egress, f, ours, others);
            }
        }
        return new TcState(qdiscs, ours, others);
    }

    /**
     * The filters of one hook: tc lists each preference once without options, then each filter with them.
     * A filter is swsh's when its preference is in swsh's range, its kind matchall or flower, and every
     * action carries swsh's cookie; every other filter is counted as someone else's.
     */
    static void filters(String dev, boolean egress, JsonNode list, List<Mirror> ours, Map<String, Integer> others) {
        for (JsonNode e : list) {
            JsonNode o = e.get("options");
            if (o == null) continue;
            Mirror m = mirror(dev, egress, e, o);
            if (m != null) ours.add(m);
            else others.merge(dev, 1, Integer::sum);
        }
    }

    private static Mirror mirror(String dev, boolean egress, JsonNode e, JsonNode o) {
        int pref = e.path("pref").asInt(-1);
        String kind = e.path("kind").asText();
        if (!Mirror.ourPref(pref) || !(kind.equals("matchall") || kind.equals("flower")) || !o.has("handle")) return null;
        JsonNode actions = o.path("actions");
        if (actions.size() != 1) return null;
        JsonNode a = actions.get(0);
        if (!Mirror.COOKIE.equals(a.path("cookie").asText())) return null;
        String to;
        if (a.path("kind").asText().equals("mirred") && a.has("to_dev")) to = a.get("to_dev").asText();
        else if (a.path("kind").asText().equals("gact") && a.path("control_action").path("type").asText().equals("drop")) to = null;
        else return null;
        JsonNode keys = o.path("keys");
        Integer vlan = kind.equals("flower") && keys.has("vlan_id") ? keys.get("vlan_id").asInt() : null;
        boolean untagged = kind.equals("flower") && keys.has("num_of_vlans") && keys.get("num_of_vlans").asInt() == 0;
        if (kind.equals("flower") != (vlan != null ^ untagged)) return null;
        return new Mirror(dev, egress, pref, o.get("handle").asInt(), vlan, untagged, to);
    }
}
