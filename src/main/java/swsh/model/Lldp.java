package swsh.model;

/**
 * Global LLDP and CDP: {@code lldp run}, {@code cdp run}, {@code lldp timer} (seconds between
 * advertisements), {@code lldp holdtime} (how long a neighbour keeps them) and {@code lldp reinit}.
 * Off by default, as swsh runs no agent until asked; the timers are IOS's defaults.
 */
public record Lldp(boolean run, boolean cdp, int timer, int holdtime) {
    public static final int DEFAULT_TIMER = 30;
    public static final int DEFAULT_HOLDTIME = 120;
    public static final Lldp DEFAULT = new Lldp(false, false, DEFAULT_TIMER, DEFAULT_HOLDTIME);

    public Lldp {
        if (timer <= 0) timer = DEFAULT_TIMER; // a model saved before the timers existed
        if (holdtime <= 0) holdtime = DEFAULT_HOLDTIME;
    }

    public Lldp withRun(boolean v) {
        return new Lldp(v, cdp, timer, holdtime);
    }

    public Lldp withCdp(boolean v) {
        return new Lldp(run, v, timer, holdtime);
    }

    public Lldp withTimer(int v) {
        return new Lldp(run, cdp, v, holdtime);
    }

    public Lldp withHoldtime(int v) {
        return new Lldp(run, cdp, timer, v);
    }

    /** Whether an agent runs at all (LLDP, or CDP, which the same agent speaks). */
    public boolean agent() {
        return run || cdp;
    }

    /** The advertisements a neighbour keeps: holdtime / timer, at least 1 (lldpd's {@code tx-hold}). */
    public int txHold() {
        return Math.max(1, holdtime / timer);
    }
}
