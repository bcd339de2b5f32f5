package swsh.kernel;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads swsh's storm-control filters through a kept-open {@code tc -s -j -batch -}: per port
 * {@code qdisc show dev D} (is there an ingress hook?) and, when there is, {@code filter show dev D
 * ingress}, of which only the filters at swsh's priorities ({@link StormPlanner#PREFS}) are kept, with the
 * cookie and counters of their first action. A port absent from the kernel, or with a name a batch line
 * cannot carry, is not read.
 */
final class TcReader {
    private TcReader() {}

    /** The tc program of a kernel view: its argv (with {@code -n NS} when in a namespace). */
    static BatchPipe pipe(java.util.List<String> argv, Runnable started) {
        return new BatchPipe("tc", argv, "qdisc show dev lo", started);
    }

    static StormTc read(BatchPipe tc, State st, Set<String> devs) {
        Map<String, StormTc.Dev> out = new TreeMap<>();
        for (String dev : devs) {
            if (st.link(dev) == null || !BatchText.safeName(dev)) continue;
            // not "qdisc show dev D ingress": tc 6.1 in batch mode keeps that parent for the next line ("parent is already specified")
            JsonNode q = tc.show("qdisc show dev " + dev, p -> p.readValueAsTree());
            boolean ingress = false;
            for (JsonNode n : q) {
                String kind = n.path("kind").asText();
                if (kind.equals("ingress") || kind.equals("clsact")) ingress = true;
            }
            if (!ingress) {
                out.put(dev, StormTc.Dev.NONE);
                continue;
            }
            JsonNode fs = tc.show("filter show dev " + dev + " ingress", p -> p.readValueAsTree());
            out.put(dev, new StormTc.Dev(true, filters(fs)));
        }
        return new StormTc(out);
    }

    /** swsh's filters of a {@code tc -s -j filter show} answer, by priority. */
    static Map<Integer, StormTc.Filter> filters(JsonNode fs) {
        Map<Integer, StormTc.Filter> m = new TreeMap<>();
        for (JsonNode f : fs) {
            int pref = f.path("pref").asInt();
            if (StormPlanner.kindOf(pref) == null || f.path("chain").asInt(0) != 0 || !f.has("options")) continue;
            JsonNode a = f.path("options").path("actions").path(0);
            JsonNode s = a.path("stats");
            m.put(pref, new StormTc.Filter(pref, a.path("cookie").asText(""), s.path("packets").asLong(), s.path("bytes").asLong(),
                    s.path("drops").asLong()));
        }
        return m;
    }
}
