package swsh.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import swsh.kernel.Kernel;
import swsh.kernel.KernelException;
import swsh.kernel.LldpAgent;
import swsh.kernel.LldpSpec;
import swsh.kernel.Plan;
import swsh.kernel.Planner;
import swsh.kernel.PortRuntime;
import swsh.kernel.StormPlanner;
import swsh.kernel.State;
import swsh.model.Config;

/**
 * The transaction engine behind every session: the running config, the kernel it drives and
 * the files it keeps. A change is: lock, reload what other processes saved, edit, plan against
 * the kernel, apply, save. A change the kernel refuses is rolled back, so the running-config
 * always says what the kernel has. It knows nothing of sessions or the CLI.
 */
public final class Engine {
    public final Kernel kernel;
    /** The LLDP agent (lldpd), brought to the running config with every change. */
    public final LldpAgent lldp;
    public final ConfigStore store;
    public final String defaultHostname;
    /** The revert timer ({@code configure terminal revert timer}). */
    public final Rollback rollback = new Rollback(this);
    /** Drift between the kernel and the running config. */
    public final Drift drift = new Drift(this);
    /** The rapid spanning tree, run while the engine is resident (swshd). */
    public final swsh.core.rstp.StpService stp;
    /** The interface counters with {@code clear counters}' offsets, and their rates. */
    public final Counters counters;
    /** The err-disabled ports (runtime state: BPDU guard, port security, storm control). */
    public final ErrDisable errdisable = new ErrDisable(this);
    /** Port security's learned MACs and violations (runtime). */
    public final SecureMacs secure = new SecureMacs(this);
    /** Storm control's policers, polled (runtime). */
    public final StormWatch storm = new StormWatch(this);
    private final Function<Config, String> renderer;
    private Config running;
    private long stamp = -1;

    /** {@code renderer} turns a config into its running-config text (saved beside the model). */
    public Engine(Kernel kernel, ConfigStore store, String defaultHostname, Function<Config, String> renderer) {
        this.kernel = kernel;
        this.counters = new Counters(kernel);
        this.store = store;
        this.lldp = kernel.lldpAgent(store.runDir);
        this.defaultHostname = defaultHostname;
        this.renderer = renderer;
        this.stp = new swsh.core.rstp.StpService(kernel);
        stp.onBpduGuard(port -> errdisable.trip(port, ErrDisable.Cause.BPDUGUARD)); // logs %PM-4-ERR_DISABLE, holds the port down
    }

    /** Where the engine's log messages go (revert timer, drift): the switch's log. */
    public void onLog(java.util.function.Consumer<String> log) {
        rollback.onLog(log);
        drift.onLog(log);
        stp.onLog(log);
        errdisable.onLog(log);
        secure.onLog(log);
        storm.onLog(log);
    }

    /** The plan an edit would apply, without applying it (for the lockout guard). */
    public synchronized Plan preview(UnaryOperator<Config> edit) {
        Config before = running();
        Config after = edit.apply(before);
        if (after.equals(before)) return Plan.EMPTY;
        return plan(after, before);
    }

    /** The plan that would put the kernel back to the running config: empty unless the kernel drifted. */
    public synchronized Plan repairPlan() {
        Config r = running();
        return plan(r, r);
    }

    /** The plan from {@code owned} to {@code cfg}, holding the err-disabled ports down. */
    private Plan plan(Config cfg, Config owned) {
        return Planner.plan(cfg, owned, kernel.forPlan(cfg, owned), kernel.bridge(), runtime(cfg, owned));
    }

    /** What a plan needs beside the config and the kernel's links: the err-disabled ports and swsh's tc filters. */
    private PortRuntime runtime(Config cfg, Config owned) {
        return new PortRuntime(errdisable.ports(), kernel.stormTc(StormPlanner.ports(cfg, owned)));
    }

    /** Puts the kernel back to the running config. */
    synchronized void restore() {
        try (FileChannel lock = store.lock()) {
            stamp = -1;
            apply(running());
        } catch (IOException e) {
            throw new EngineException("% Error: cannot lock the running-config: " + IoErrors.reason(e));
        }
    }

    /** The running config, including what other processes saved since we last looked. */
    public synchronized Config running() {
        long s = store.runningStamp();
        if (s != stamp || running == null) {
            running = store.loadRunning().orElseGet(() -> running != null ? running : Config.empty(defaultHostname));
            stamp = s;
        }
        return running;
    }

    /**
     * After a crash: removes temp files a killed writer left and, when the running-config text
     * is behind its model (the model is written first), rewrites the text from the model. Run
     * once when swshd starts. Returns what it repaired, in words (empty when nothing).
     */
    public synchronized java.util.List<String> recover() {
        java.util.List<String> done = new java.util.ArrayList<>();
        try (FileChannel lock = store.lock()) {
            int stale = store.deleteStaleTemps();
            if (stale > 0) done.add("removed " + stale + " stale temp file(s)");
            stamp = -1;
            java.util.Optional<Config> model = store.loadRunning();
            if (model.isPresent()) {
                String text = render(model.get());
                if (!store.readRunningText().orElse("").equals(text)) {
                    store.saveRunning(model.get(), text);
                    done.add("rewrote " + store.running() + " from its model");
                }
            }
        } catch (IOException e) {
            throw new EngineException("% Error: cannot recover the running-config: " + IoErrors.reason(e));
        }
        return done;
    }

    /** The running-config text of a config. */
    public String render(Config c) {
        return renderer.apply(c);
    }

    /** Applies an edit to the running config and to the kernel; false when it changed nothing. */
    public synchronized boolean commit(UnaryOperator<Config> edit) {
        try (FileChannel lock = store.lock()) {
            stamp = -1;
            Config before = running();
            Config after = edit.apply(before);
            if (after.equals(before)) return false;
            apply(after);
            return true;
        } catch (IOException e) {
            throw new EngineException("% Error: cannot lock the running-config: " + IoErrors.reason(e));
        }
    }

    /** Replaces the whole running config (boot, copy ... running-config), then applies it once. */
    public synchronized void replace(Config cfg) {
        try (FileChannel lock = store.lock()) {
            stamp = -1;
            running();
            apply(cfg);
        } catch (IOException e) {
            throw new EngineException("% Error: cannot lock the running-config: " + IoErrors.reason(e));
        }
    }

    /**
     * Drives the kernel to {@code cfg} and makes it the running config. When the kernel refuses
     * part of the plan, what was already applied is rolled back to the current running config.
     */
    private void apply(Config cfg) {
        errdisable.clearShutdown(cfg);
        State actual = kernel.forPlan(cfg, running);
        PortRuntime rt = runtime(cfg, running);
        Plan plan = Planner.plan(cfg, running, actual, kernel.bridge(), rt);
        // what the kernel lost behind swsh's back, which this plan puts back too: said, not silent
        // (a switch that never applied a config has nothing to drift from: its first change makes the bridge)
        Plan repair = running == null || cfg.equals(running) || !store.hasRunning() ? Plan.EMPTY
                : Planner.plan(running, running, actual, kernel.bridge(), runtime(running, running));
        try {
            kernel.apply(plan);
            lldp.apply(LldpSpec.of(cfg, kernel.read()));
        } catch (KernelException e) {
            Config old = running;
            if (old != null) {
                try {
                    kernel.apply(plan(old, cfg));
                    lldp.apply(LldpSpec.of(old, kernel.read()));
                } catch (KernelException rollback) {
                    throw new KernelException(e.getMessage() + "\n% Error: rolling back also failed: " + rollback.getMessage());
                }
            }
            throw e;
        }
        save(cfg);
        stp.configured(cfg);
        if (!repair.isEmpty()) drift.repaired(repair);
    }

    /**
     * Brings the agents (lldpd) to the running config, as swshd does once at its start: a running-config
     * kept across a restart of swshd (with no startup-config to replay) has its lldpd again. The same
     * spec as applied changes nothing.
     */
    public synchronized void startAgents() {
        lldp.apply(LldpSpec.of(running(), kernel.read()));
    }

    /** How many changes this engine has saved (a session in safe mode compares it with its own last one). */
    public synchronized long changes() {
        return changes;
    }

    private long changes;

    private void save(Config cfg) {
        try {
            store.saveRunning(cfg, render(cfg));
            running = cfg;
            changes++;
            stamp = store.runningStamp();
        } catch (IOException e) {
            throw new EngineException("% Error: cannot write " + store.running() + ": " + IoErrors.reason(e));
        }
    }
}
