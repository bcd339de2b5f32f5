package swsh.commands.safety;

import static swsh.commands.Modes.CONFIG;
import static swsh.commands.Modes.EXEC;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.RunningConfig;
import swsh.kernel.BatchText;
import swsh.kernel.Op;
import swsh.kernel.Plan;
import swsh.model.Config;

/**
 * Drift between the kernel and the running config (see {@link swsh.core.Drift}): {@code drift restore|report}
 * chooses whether swshd puts the kernel back at once or only reports; {@code show configuration drift}
 * shows, per running-config block, what the kernel lacks and the iproute2 lines that would restore it.
 */
public final class DriftCommands {
    private DriftCommands() {}

    public static void define(Defs d) {
        d.cmd(CONFIG, "drift {restore|report}", "What to do when the kernel drifts from the running-config",
                "Put the kernel back at once", "Log it and wait for configure replace system:running-config (default)")
                .run((x, a) -> x.edit(c -> c.withDriftRestore(a.has("restore"))))
                .no((x, a) -> x.edit(c -> c.withDriftRestore(false)))
                .renders(Config.class, c -> RunningConfig.lineIf(c.driftRestore(), "drift restore"));
        d.cmd(EXEC, "show configuration drift", Help.SHOW, "Contents of the configuration",
                "What the kernel lacks of the running-config").filterable()
                .run((x, a) -> {
                    Plan repair = x.engine().repairPlan();
                    if (repair.isEmpty()) {
                        x.println("The kernel matches the running-config.");
                        return;
                    }
                    x.println("The kernel differs from the running-config; restoring it takes " + repair.ops().size()
                            + " change(s) (configure replace system:running-config, or drift restore):");
                    String running = x.render(x.config());
                    for (Map.Entry<String, List<String>> e : byDevice(repair, x.engine().kernel.bridge()).entrySet()) {
                        x.println("!");
                        List<String> block = block(running, e.getKey());
                        for (String l : block) x.println(l);
                        for (String l : e.getValue()) x.println(" ! kernel lacks: " + l);
                    }
                });
    }

    /** The repair lines, by the device they are about (the bridge's own under "" for the global config). */
    private static Map<String, List<String>> byDevice(Plan repair, String bridge) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Op op : repair.ops()) {
            String text = BatchText.text(op);
            String dev = "";
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bdev (\\S+)").matcher(text);
            if (m.find() && !m.group(1).equals(bridge)) dev = m.group(1);
            out.computeIfAbsent(dev, k -> new ArrayList<>()).add(text);
        }
        return out;
    }

    /** The running-config block of interface {@code dev} ("" for the global lines: none shown). */
    private static List<String> block(String running, String dev) {
        List<String> out = new ArrayList<>();
        if (dev.isEmpty()) {
            out.add("! global (the bridge)");
            return out;
        }
        boolean in = false;
        for (String l : running.split("\n")) {
            if (!l.startsWith(" ")) in = l.equals("interface " + dev);
            if (in) out.add(l);
        }
        if (out.isEmpty()) out.add("interface " + dev);
        return out;
    }
}
