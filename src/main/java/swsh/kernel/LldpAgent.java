package swsh.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * The switch's LLDP agent: brought to a {@link LldpSpec} after every change of the config (applying
 * the same spec again does nothing), asked for the neighbours it knows, stopped with the switch.
 * {@link Lldpd} runs Debian's lldpd; {@link #memory()} only remembers (dry runs and unit tests).
 */
public interface LldpAgent extends AutoCloseable {
    /** Brings the agent to {@code spec}; throws {@link KernelException} when it cannot. */
    void apply(LldpSpec spec);

    /** The spec applied last ({@link LldpSpec#OFF} before any). */
    LldpSpec applied();

    /** The neighbours the agent knows now (none when it does not run). */
    List<LldpNeighbor> neighbors();

    /** Stops the agent. */
    @Override
    default void close() {}

    /** An agent that keeps the spec and the lldpcli commands it would run, and knows no neighbour. */
    static Memory memory() {
        return new Memory();
    }

    /** See {@link #memory()}. */
    final class Memory implements LldpAgent {
        private LldpSpec spec = LldpSpec.OFF;
        private final List<List<String>> commands = new ArrayList<>();
        private int starts;

        @Override
        public synchronized void apply(LldpSpec s) {
            if (s.equals(spec)) return;
            if (s.run() && s.restartFrom(spec)) {
                starts++;
                commands.addAll(s.lines());
            } else if (s.run()) {
                commands.addAll(s.changes(spec));
            }
            spec = s;
        }

        @Override
        public synchronized LldpSpec applied() {
            return spec;
        }

        @Override
        public List<LldpNeighbor> neighbors() {
            return List.of();
        }

        /** Test hook: every lldpcli command so far. */
        public synchronized List<List<String>> commands() {
            return List.copyOf(commands);
        }

        /** Test hook: how many times the agent was (re)started. */
        public synchronized int starts() {
            return starts;
        }
    }
}
