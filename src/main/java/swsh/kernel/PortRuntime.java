package swsh.kernel;

import java.util.Set;

/**
 * What a plan needs beside the config and the kernel's links: the ports held down because they are
 * err-disabled (runtime state of swshd, never config), and the tc filters swsh made (null: not read, so
 * the plan leaves tc alone).
 */
public record PortRuntime(Set<String> errDisabled, StormTc tc) {
    public static final PortRuntime NONE = new PortRuntime(Set.of(), null);

    public PortRuntime {
        errDisabled = errDisabled == null ? Set.of() : Set.copyOf(errDisabled);
    }
}
