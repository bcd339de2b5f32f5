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

    /** An agent that keeps the spec and the lldpcli commands it would run, and hears no neighbour (unless a test says so). */
    static Memory memory() {
        return new Memory(null);
    }

    /** As {@link #memory()}, printing what lldpd would be told ({@code --dry-run}) on {@code echo} (or not, when null). */
    static Memory memory(java.io.PrintStream echo) {
        return new Memory(echo);
    }

    /** See {@link #memory()}. */
    final class Memory implements LldpAgent {
        private LldpSpec spec = LldpSpec.OFF;
        private final List<List<String>> commands = new ArrayList<>();
        private int starts;
        private final java.io.PrintStream echo;

        Memory(java.io.PrintStream echo) {
            this.echo = echo;
        }

        @Override
        public synchronized void apply(LldpSpec s) {
            if (s.equals(spec)) return;
            List<List<String>> run = List.of();
            if (s.run() && s.restartFrom(spec)) {
                starts++;
                run = s.lines();
                if (echo != null) echo.println("lldpd -d -H 0 -M 4 -I " + s.pattern() + (s.cdp() ? " -ccccc" : ""));
            } else if (s.run()) {
                run = s.changes(spec);
            } else if (echo != null && spec.run()) {
                echo.println("kill lldpd");
            }
            commands.addAll(run);
            if (echo != null) for (List<String> l : run) echo.println("lldpcli " + String.join(" ", l));
            spec = s;
        }

        @Override
        public synchronized LldpSpec applied() {
            return spec;
        }

        private List<LldpNeighbor> heard = List.of();

        @Override
        public synchronized List<LldpNeighbor> neighbors() {
            return spec.run() ? heard : List.of();
        }

        /** Test hook: the neighbours this agent says it heard while it runs. */
        public synchronized void heard(List<LldpNeighbor> n) {
            heard = List.copyOf(n);
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
