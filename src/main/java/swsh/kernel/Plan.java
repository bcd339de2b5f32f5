package swsh.kernel;

import java.util.ArrayList;
import java.util.List;

/** An ordered change set: the typed operations the planner decided, in the order they must run. */
public record Plan(List<Op> ops) {
    public static final Plan EMPTY = new Plan(List.of());

    public Plan {
        ops = List.copyOf(ops);
    }

    public boolean isEmpty() {
        return ops.isEmpty();
    }

    /** A run of consecutive ops for the same tool: one {@code ip -batch -} or {@code bridge -batch -}. */
    public record Batch(Op.Tool tool, List<Op> ops) {
        public Batch {
            ops = List.copyOf(ops);
        }

        /** The batch lines, without the tool (see {@link BatchText#line}). */
        public List<String> lines() {
            List<String> out = new ArrayList<>(ops.size());
            for (Op op : ops) out.add(BatchText.line(op));
            return out;
        }
    }

    /** The ops grouped into batches: consecutive ops of the same tool share one batch. */
    public List<Batch> batches() {
        List<Batch> out = new ArrayList<>();
        List<Op> run = new ArrayList<>();
        for (Op op : ops) {
            if (!run.isEmpty() && run.get(0).tool() != op.tool()) {
                out.add(new Batch(run.get(0).tool(), run));
                run.clear();
            }
            run.add(op);
        }
        if (!run.isEmpty()) out.add(new Batch(run.get(0).tool(), run));
        return out;
    }

    /** Every op as {@code <tool> <batch line>}, as the dry-run prints them. */
    public List<String> lines() {
        List<String> out = new ArrayList<>(ops.size());
        for (Op op : ops) out.add(BatchText.text(op));
        return out;
    }
}
