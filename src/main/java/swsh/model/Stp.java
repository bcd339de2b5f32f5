package swsh.model;

/** Bridge-wide spanning tree settings (IEEE 802.1D as the kernel bridge runs it); times in seconds. */
public record Stp(boolean enabled, int priority, int helloTime, int forwardTime, int maxAge) {
    public static final Stp DEFAULT = new Stp(false, 32768, 2, 15, 20);

    public Stp withEnabled(boolean v) { return new Stp(v, priority, helloTime, forwardTime, maxAge); }
    public Stp withPriority(int v) { return new Stp(enabled, v, helloTime, forwardTime, maxAge); }
    public Stp withHelloTime(int v) { return new Stp(enabled, priority, v, forwardTime, maxAge); }
    public Stp withForwardTime(int v) { return new Stp(enabled, priority, helloTime, v, maxAge); }
    public Stp withMaxAge(int v) { return new Stp(enabled, priority, helloTime, forwardTime, v); }
}
