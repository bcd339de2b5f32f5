package swsh.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered change set: a list of batches, each for one tool ({@code ip} or {@code bridge}),
 * each line one iproute2 batch command.
 */
public record Plan(List<Batch> batches) {
    public record Batch(String tool, List<String> lines) {}

    public boolean isEmpty() {
        return batches.stream().allMatch(b -> b.lines.isEmpty());
    }

    /** All lines, each prefixed with its tool, as the dry-run executor prints them. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Batch b : batches) for (String l : b.lines) out.add(b.tool + " " + l);
        return out;
    }

    /** Collects lines in phase order; empty batches are dropped. */
    static final class Builder {
        private final List<Batch> batches = new ArrayList<>();

        List<String> batch(String tool) {
            List<String> l = new ArrayList<>();
            batches.add(new Batch(tool, l));
            return l;
        }

        Plan build() {
            List<Batch> out = new ArrayList<>();
            for (Batch b : batches) {
                if (b.lines.isEmpty()) continue;
                if (!out.isEmpty() && out.get(out.size() - 1).tool.equals(b.tool)) {
                    List<String> merged = new ArrayList<>(out.remove(out.size() - 1).lines);
                    merged.addAll(b.lines);
                    out.add(new Batch(b.tool, List.copyOf(merged)));
                } else {
                    out.add(new Batch(b.tool, List.copyOf(b.lines)));
                }
            }
            return new Plan(List.copyOf(out));
        }
    }
}
