package swsh.kernel;

/** The kernel as the engine sees it: read the actual state, apply a plan. Errors are {@link KernelException}s. */
public interface Kernel {
    State read();

    /** Runs the plan's ops in order; throws {@link KernelException} naming what the kernel refused. */
    void apply(Plan plan);

    /** Forgets the dynamically learned MACs of a port (optionally of one VLAN only). */
    void flushDynamic(String dev, Integer vlan);

    /** Name of the bridge this switch runs on. */
    String bridge();
}
