package swsh.shell;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import swsh.commands.CommandSet;
import swsh.commands.Context;
import swsh.core.ConfigStore;
import swsh.core.Engine;
import swsh.grammar.Grammar;
import swsh.kernel.Kernel;

/** The switch as its shells see it: the engine, the grammar, the audit log and the open sessions. */
public final class Switch {
    public final Engine engine;
    public final Grammar<Context> grammar;
    public final Audit audit = new Audit();
    /** Paces wrong enable secrets per user across all sessions of this switch. */
    public final EnableGuard enableGuard = new EnableGuard();
    private final List<Session> sessions = new CopyOnWriteArrayList<>();

    public Switch(Engine engine, Grammar<Context> grammar) {
        this.engine = engine;
        this.grammar = grammar;
        engine.onLog(audit::log);
    }

    /** A switch on {@code kernel} keeping its files in {@code store}. */
    public static Switch of(Kernel kernel, ConfigStore store, String defaultHostname) {
        return new Switch(new Engine(kernel, store, defaultHostname, CommandSet::render), CommandSet.grammar());
    }

    /** The lab's switch: the same, with the lab's own commands. */
    public static Switch lab(Kernel kernel, ConfigStore store, String defaultHostname) {
        return new Switch(new Engine(kernel, store, defaultHostname, CommandSet::render), CommandSet.labGrammar());
    }

    /** What went wrong when swshd last applied startup-config at its start (one entry per failed line). */
    private volatile List<String> startupErrors = List.of();

    /** Keeps the boot's failures for {@code show startup-config errors}, and logs each one. */
    public void startupErrors(List<String> errors) {
        startupErrors = List.copyOf(errors);
        for (String e : errors) audit.log("%SWSH-3-STARTUP_LINE: startup-config " + e.replace('\n', ' '));
    }

    public List<String> startupErrors() {
        return startupErrors;
    }

    void register(Session s) {
        sessions.add(s);
    }

    void unregister(Session s) {
        sessions.remove(s);
    }

    /** The open sessions, oldest first. */
    public List<Session> sessions() {
        return List.copyOf(sessions);
    }
}
