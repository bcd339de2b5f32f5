package swsh.commands.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Differences between two running-config texts, block by block (a top-level line and the lines indented
 * below it): as IOS's contextual diff ({@code show archive config differences}) and as the commands that
 * turn one into the other ({@code configure replace ... list}).
 */
final class ConfigDiff {
    private ConfigDiff() {}

    /** IOS's contextual diff: {@code -} for lines only in {@code from}, {@code +} for lines only in {@code to}. */
    static List<String> contextual(String from, String to) {
        return walk(from, to, "-", "+", "+", "-");
    }

    /** The commands that turn {@code from} into {@code to}: a line gone is negated, a line new is given. */
    static List<String> commands(String from, String to) {
        return walk(from, to, "no ", "", "", "no ");
    }

    /** {@code goneTop}/{@code newTop} prefix top-level lines, {@code newSub}/{@code goneSub} the lines of a block on both sides. */
    private static List<String> walk(String from, String to, String goneTop, String newTop, String newSub, String goneSub) {
        Map<String, List<String>> a = blocks(from), b = blocks(to);
        List<String> out = new ArrayList<>();
        a.forEach((head, body) -> {
            if (!b.containsKey(head)) out.add(goneTop + head);
        });
        b.forEach((head, body) -> {
            List<String> old = a.get(head);
            if (old == null) {
                out.add(newTop + head);
                for (String l : body) out.add(" " + newSub + l.strip());
                return;
            }
            List<String> change = new ArrayList<>();
            for (String l : old) if (!body.contains(l)) change.add(" " + goneSub + l.strip());
            for (String l : body) if (!old.contains(l)) change.add(" " + newSub + l.strip());
            if (!change.isEmpty()) {
                out.add(head);
                out.addAll(change);
            }
        });
        return out;
    }

    private static Map<String, List<String>> blocks(String text) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        List<String> body = null;
        for (String l : text.split("\n")) {
            String s = l.strip();
            if (s.isEmpty() || s.startsWith("!") || s.equals("end") || s.startsWith("Building configuration")
                    || s.startsWith("Current configuration")) continue;
            if (Character.isWhitespace(l.charAt(0)) && body != null) {
                body.add(l);
            } else {
                body = new ArrayList<>();
                blocks.put(l, body);
            }
        }
        return blocks;
    }
}
