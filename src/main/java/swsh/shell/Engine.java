package swsh.shell;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.function.UnaryOperator;

import swsh.grammar.CliException;
import swsh.grammar.Grammar;
import swsh.kernel.Kernel;
import swsh.kernel.KernelException;
import swsh.kernel.Plan;
import swsh.kernel.Planner;
import swsh.kernel.State;
import swsh.model.Config;
import swsh.model.Render;
import swsh.store.ConfigStore;

/**
 * The switch behind every session: the running config, the kernel it drives and the files it
 * keeps. A change is: lock, reload what other sessions saved, edit, plan against the kernel,
 * apply, save; a line that fails changes nothing.
 */
public final class Engine {
    public final Grammar grammar;
    public final Kernel kernel;
    public final ConfigStore store;
    public final String defaultHostname;
    private Config running;
    private long stamp = -1;

    public Engine(Grammar grammar, Kernel kernel, ConfigStore store, String defaultHostname) {
        this.grammar = grammar;
        this.kernel = kernel;
        this.store = store;
        this.defaultHostname = defaultHostname;
    }

    /** The running config, including what other sessions saved since we last looked. */
    public synchronized Config running() {
        long s = store.runningStamp();
        if (s != stamp || running == null) {
            running = store.loadRunning().orElseGet(() -> running != null ? running : Config.empty(defaultHostname));
            stamp = s;
        }
        return running;
    }

    public String render(Config c) {
        return Render.runningConfig(grammar, c);
    }

    /** Configuration audit of every session. */
    public final Audit audit = new Audit();
    private final java.util.List<Session> sessions = new java.util.concurrent.CopyOnWriteArrayList<>();

    void register(Session s) {
        sessions.add(s);
    }

    void unregister(Session s) {
        sessions.remove(s);
    }

    /** The open sessions, oldest first ({@code show users}). */
    public java.util.List<Session> sessions() {
        return java.util.List.copyOf(sessions);
    }

    /** Applies an edit to the running config and to the kernel, atomically with other sessions. */
    public synchronized boolean commit(UnaryOperator<Config> edit) {
        try (FileChannel lock = store.lock()) {
            stamp = -1;
            Config before = running();
            Config after = edit.apply(before);
            if (after.equals(before)) return false;
            apply(after);
            return true;
        } catch (IOException e) {
            throw new CliException("% Error: cannot lock the running-config: " + e.getMessage());
        }
    }

    /**
     * Drives the kernel to {@code cfg} and makes it the running config. When the kernel refuses
     * part of the plan, what was already applied is rolled back to the current running config, so
     * the running-config keeps saying what the kernel has.
     */
    private void apply(Config cfg) {
        State actual;
        try {
            actual = kernel.read();
        } catch (KernelException e) {
            throw new CliException(e.getMessage());
        }
        Plan plan = Planner.plan(cfg, actual, kernel.bridge());
        try {
            kernel.apply(plan);
        } catch (KernelException e) {
            Config old = running;
            if (old != null) {
                try {
                    kernel.apply(Planner.plan(old, kernel.read(), kernel.bridge()));
                } catch (KernelException rollback) {
                    throw new CliException(e.getMessage() + "\n% Error: rolling back also failed: " + rollback.getMessage());
                }
            }
            throw new CliException(e.getMessage());
        }
        save(cfg);
    }

    /** Replaces the whole running config (boot, copy ... running-config), then applies it once. */
    public synchronized void replace(Config cfg) {
        try (FileChannel lock = store.lock()) {
            apply(cfg);
        } catch (IOException e) {
            throw new CliException("% Error: cannot lock the running-config: " + e.getMessage());
        }
    }

    private void save(Config cfg) {
        try {
            store.saveRunning(cfg, render(cfg));
            running = cfg;
            stamp = store.runningStamp();
        } catch (IOException e) {
            throw new CliException("% Error: cannot write " + store.running() + ": " + e.getMessage());
        }
    }
}
