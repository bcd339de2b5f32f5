package swsh.shell;

import java.util.function.UnaryOperator;

import swsh.model.Config;

/**
 * The configuration session of one login ({@code configure session NAME}, Arista EOS's candidate): edits go
 * to a copy of the running config; {@link #commit} applies it as one replace, {@link #abort} drops it.
 * One at a time; it stays pending when its user leaves configuration mode.
 */
final class Candidate {
    private final Switch sw;
    private String name;
    private Config config;

    Candidate(Switch sw) {
        this.sw = sw;
    }

    String name() {
        return name;
    }

    /** The candidate config; null when no session is pending. */
    Config config() {
        return config;
    }

    /** Starts session {@code n}, or resumes it when it is the pending one. */
    void begin(String n) {
        if (config != null && !name.equals(n)) {
            throw new CliException("% Error: configuration session " + name + " is pending in this session: commit or abort it first");
        }
        if (config == null) {
            config = sw.engine.running();
            name = n;
        }
    }

    void edit(UnaryOperator<Config> f) {
        config = f.apply(config);
    }

    /** Applies the candidate in one plan; with {@code timerSeconds}, a revert timer guards it. */
    void commit(Integer timerSeconds, String user) {
        Config c = pending();
        if (timerSeconds != null) sw.engine.rollback.arm(timerSeconds, user);
        try {
            sw.engine.replace(c);
        } catch (RuntimeException e) {
            if (timerSeconds != null) sw.engine.rollback.forget();
            throw Errors.of(e, "");
        }
        abort();
    }

    void abort() {
        pending();
        config = null;
        name = null;
    }

    private Config pending() {
        if (config == null) throw new CliException("% Error: not in a configuration session");
        return config;
    }
}
