package swsh.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;

import swsh.client.Cli;
import swsh.commands.Context;
import swsh.commands.Modes;
import swsh.core.Engine;
import swsh.core.Lockout;
import swsh.grammar.Command;
import swsh.grammar.Grammar;
import swsh.grammar.Mode;
import swsh.model.Config;
import swsh.model.Secret;

/**
 * One user's CLI session: a stack of modes, the privilege level, terminal settings and history.
 * {@link #execute} runs one line the way IOS does (abbreviations, fallback to enclosing modes,
 * {@code do}, output filters); a line that fails changes nothing.
 */
public final class Session implements Cli {
    /** One level of the mode stack, with the interfaces or VLAN it configures. */
    record Frame(Mode mode, List<String> ifaces, int vlan) {}

    final Switch sw;
    final User user;
    final long started = System.currentTimeMillis();
    volatile long lastActive = started;
    private boolean changedInConfig;
    private boolean changedLine;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final List<String> history = new ArrayList<>();
    private Config txn;
    /** Safe mode: the running config when it began, and the engine's change count after this session's last change. */
    private Config safeSnapshot;
    private long safeMine = -1;
    /** A configuration session ({@code configure session NAME}): its name and its candidate config. */
    private String candidateName;
    private Config candidate;
    private boolean ended;
    private int length = 24;
    private int width = 80;
    private Asker asker = (p, secret) -> "";

    /** An in-process session of the local user. */
    public Session(Switch sw, boolean privileged) {
        this(sw, User.local(), privileged);
    }

    public Session(Switch sw, User user, boolean privileged) {
        this.sw = sw;
        this.user = user;
        stack.push(new Frame(privileged ? Modes.EXEC : Modes.USER, List.of(), 0));
        sw.register(this);
    }

    @Override
    public void close() {
        sw.unregister(this);
    }

    @Override
    public void setAsker(Asker a) {
        this.asker = a;
    }

    public User user() {
        return user;
    }

    public Mode mode() {
        return stack.peek().mode();
    }

    public Engine engine() {
        return sw.engine;
    }

    @Override
    public boolean ended() {
        return ended;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public boolean inConfig() {
        return mode().config();
    }

    @Override
    public String prompt() {
        String p = mode().prompt();
        if (candidate != null && mode().config()) p = p.replace("(config", "(config-s-" + candidateName);
        return config().hostname() + p;
    }

    @Override
    public List<Cli.Help> help(String line) {
        List<Grammar.Help> h = sw.grammar.help(mode(), line, src -> Values.of(this, src));
        if (h == null) return null;
        List<Cli.Help> out = new ArrayList<>(h.size());
        for (Grammar.Help x : h) out.add(new Cli.Help(x.word(), x.help(), x.literal()));
        return out;
    }

    @Override
    public List<String> complete(String line) {
        return sw.grammar.complete(mode(), line, src -> Values.of(this, src));
    }

    Config config() {
        if (txn != null) return txn;
        if (candidate != null && mode().config()) return candidate;
        return sw.engine.running();
    }

    /** Starts a transaction: edits collect in memory until {@link #commitTransaction()}. */
    public void beginTransaction() {
        beginTransaction(sw.engine.running());
    }

    /** Starts a transaction on {@code base} instead of the running config. */
    void beginTransaction(Config base) {
        txn = base;
    }

    /** Ends a transaction without applying it; returns what it collected. */
    Config abandonTransaction() {
        Config c = txn;
        txn = null;
        return c;
    }

    public void commitTransaction() {
        Config c = txn;
        txn = null;
        try {
            sw.engine.replace(c);
        } catch (RuntimeException e) {
            throw Errors.of(e, "");
        }
    }

    /** True for lines that do nothing: blank, {@code !} comments, the header of show running-config. */
    public static boolean isComment(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("!") || s.equals("Building configuration...")
                || s.startsWith("Current configuration :");
    }

    /** The longest line a session takes (IOS refuses long lines too). */
    public static final int MAX_LINE = 4096;

    /** Runs one line and returns its output; throws {@link CliException} with the IOS error. */
    @Override
    public String execute(String line) {
        lastActive = System.currentTimeMillis();
        if (line.length() > MAX_LINE) {
            throw new CliException("% Invalid input: line too long (" + line.length() + " characters, at most " + MAX_LINE + ")");
        }
        if (isComment(line)) return "";
        Grammar.Match<Context> m;
        try {
            m = sw.grammar.resolve(mode(), line);
        } catch (RuntimeException | StackOverflowError e) {
            record(line.strip());
            throw Errors.of(e, line);
        }
        String shown = m.command().isSensitive() && m.args().firstColumn() > 0
                ? line.substring(0, m.args().firstColumn()) + "*****" : line;
        record(shown.strip());
        Filter filter = m.filter() == null ? null : Filter.of(m.filter());
        // a line that fell through to an enclosing mode runs there (and stays there if it works);
        // a line run with do runs in EXEC and comes back; a line that fails leaves the mode as it was
        boolean viaDo = m.mode() != mode() && !isAncestor(m.mode());
        Deque<Frame> saved = new ArrayDeque<>(stack);
        if (!viaDo) while (mode() != m.mode()) stack.pop();
        StringBuilder out = new StringBuilder();
        changedLine = false;
        boolean ok = false;
        try {
            Command.Guard<Context> guard = m.command().guard();
            Ctx ctx = new Ctx(out);
            if (guard != null) guard.check(ctx);
            m.handler().run(ctx, m.args());
            ok = true;
        } catch (RuntimeException | StackOverflowError e) {
            throw Errors.of(e, line);
        } finally {
            if ((viaDo || !ok) && !ended) {
                stack.clear();
                stack.addAll(saved);
            }
            if (changedLine) {
                changedInConfig = true;
                sw.audit.log(Audit.command(user, shown));
                leftConfig();
            }
        }
        return filter == null ? out.toString() : filter.apply(out.toString());
    }

    private boolean isAncestor(Mode target) {
        for (Mode p = mode().parent(); p != null; p = p.parent()) if (p == target) return true;
        return false;
    }

    private void record(String line) {
        if (txn == null) history.add(line);
    }

    private void edit(UnaryOperator<Config> f) {
        if (txn != null) txn = f.apply(txn);
        else if (candidate != null && mode().config()) candidate = f.apply(candidate);
        else {
            guardPath(f);
            boolean changed = sw.engine.commit(f);
            changedLine |= changed;
            if (changed && safeSnapshot != null) safeMine = sw.engine.changes();
        }
    }

    /**
     * The connection of this session ended without a logout (a dropped SSH session, a killed client). In
     * safe mode its changes are rolled back, when nobody else changed the config since; else they stay, and
     * the log says why.
     */
    public void dropped() {
        Config snapshot = safeSnapshot;
        if (snapshot == null || safeMine < 0) return;
        safeSnapshot = null;
        String who = "session " + user.line() + " (" + user.name() + (user.from().isEmpty() ? "" : " from " + user.from()) + ")";
        if (sw.engine.changes() != safeMine) {
            sw.audit.log("%SWSH-4-SAFE_MODE_KEPT: " + who + " dropped in safe mode, but the config changed after its last change;"
                    + " its changes were kept");
            return;
        }
        try {
            sw.engine.replace(snapshot);
            sw.audit.log("%SWSH-5-SAFE_MODE_ROLLBACK: " + who + " dropped in safe mode; its changes were rolled back");
        } catch (RuntimeException e) {
            sw.audit.log("%SWSH-3-SAFE_MODE_FAIL: " + who + " dropped in safe mode; rolling back failed: " + e.getMessage());
        }
    }

    /**
     * The lockout guard: a change that would cut the path to this session's remote peer (see
     * {@link Lockout}) asks first, with "no" the default, so a script or an automation client is refused.
     */
    private void guardPath(UnaryOperator<Config> f) {
        String peer = user.from().replace("?", "");
        if (peer.isEmpty()) return;
        Lockout.Path path = Lockout.path(sw.engine.kernel.read(), peer);
        if (path == null) return;
        List<String> why = Lockout.cuts(sw.engine.preview(f), path, sw.engine.kernel.bridge());
        if (why.isEmpty()) return;
        String who = "session " + user.line() + " (" + user.name() + " from " + peer + ", through " + path.shown() + ")";
        String answer = asker.ask("% This change would cut your " + who + " off: " + String.join("; ", why)
                + ".\nProceed anyway? [no]: ", false).strip().toLowerCase();
        if (!answer.equals("y") && !answer.equals("yes")) {
            throw new CliException("% Change refused: it would cut " + who + " off (" + String.join("; ", why) + ")");
        }
        sw.audit.log("%SWSH-4-LOCKOUT_OVERRIDE: " + user.name() + " made a change that cuts " + who + ": " + String.join("; ", why));
    }

    private void push(Frame f) {
        if (f.mode().parent() != null) {
            while (stack.peek().mode() != f.mode().parent()) stack.pop();
        }
        stack.push(f);
    }

    /** Back to privileged EXEC ({@code end}, Ctrl-Z). */
    public void end() {
        while (stack.size() > 1) stack.pop();
        leftConfig();
    }

    /** IOS logs CONFIG_I when a user who changed something leaves configuration mode. */
    private void leftConfig() {
        if (!mode().config() && changedInConfig && txn == null) {
            changedInConfig = false;
            sw.audit.log(Audit.configured(user));
        }
    }

    private void setPrivileged(boolean p) {
        end();
        stack.pop();
        stack.push(new Frame(p ? Modes.EXEC : Modes.USER, List.of(), 0));
    }

    /** What commands see of this session. */
    private final class Ctx implements Context {
        private final StringBuilder out;

        Ctx(StringBuilder out) {
            this.out = out;
        }

        @Override
        public Config config() {
            return Session.this.config();
        }

        @Override
        public void edit(UnaryOperator<Config> f) {
            Session.this.edit(f);
        }

        @Override
        public Engine engine() {
            return sw.engine;
        }

        @Override
        public String render(Config c) {
            return sw.engine.render(c);
        }

        @Override
        public MergeResult merge(String text) {
            Replay.Result r = Replay.merge(sw, text);
            return new MergeResult(r.lines(), r.errors());
        }

        @Override
        public boolean safeMode(boolean on) {
            boolean was = safeSnapshot != null;
            safeSnapshot = on ? (was ? safeSnapshot : sw.engine.running()) : null;
            if (!on || !was) safeMine = -1;
            return was;
        }

        @Override
        public void configSession(String name) {
            if (candidate != null && !candidateName.equals(name)) {
                throw new CliException("% Error: configuration session " + candidateName
                        + " is pending in this session: commit or abort it first");
            }
            if (candidate == null) {
                candidate = sw.engine.running();
                candidateName = name;
            }
            enter(Modes.CONFIG, List.of(), 0);
        }

        @Override
        public String sessionName() {
            return candidateName;
        }

        @Override
        public Config candidate() {
            return candidate;
        }

        @Override
        public void commitSession(Integer timerSeconds) {
            if (candidate == null) throw new CliException("% Error: not in a configuration session");
            Config c = candidate;
            if (timerSeconds != null) sw.engine.rollback.arm(timerSeconds, user.name());
            try {
                sw.engine.replace(c);
            } catch (RuntimeException e) {
                if (timerSeconds != null) sw.engine.rollback.forget();
                throw Errors.of(e, "");
            }
            candidate = null;
            candidateName = null;
            Session.this.end();
        }

        @Override
        public void abortSession() {
            if (candidate == null) throw new CliException("% Error: not in a configuration session");
            candidate = null;
            candidateName = null;
            Session.this.end();
        }

        @Override
        public List<String> startupErrors() {
            return sw.startupErrors();
        }

        @Override
        public void logEvent(String message) {
            sw.audit.log(message);
        }

        @Override
        public String userName() {
            return user.name();
        }

        @Override
        public Parsed parse(String text) {
            List<String> errors = new ArrayList<>();
            return new Parsed(Replay.parse(sw, text, errors), errors);
        }

        @Override
        public Mode mode() {
            return Session.this.mode();
        }

        @Override
        public List<String> ifaces() {
            return stack.peek().ifaces();
        }

        @Override
        public int vlan() {
            return stack.peek().vlan();
        }

        @Override
        public void enter(Mode mode, List<String> ifaces, int vlan) {
            push(new Frame(mode, List.copyOf(ifaces), vlan));
        }

        @Override
        public void exitMode() {
            if (stack.size() > 1) stack.pop();
            else ended = true;
            leftConfig();
        }

        @Override
        public void end() {
            Session.this.end();
        }

        @Override
        public void logout() {
            ended = true;
        }

        @Override
        public void enable() {
            if (Session.this.mode() != Modes.USER) return;
            if (!user.admin()) {
                if (!user.member()) {
                    throw new CliException("% Error in authentication: " + user.name() + " is not in group "
                            + User.MEMBER_GROUP + " or " + User.ADMIN_GROUP);
                }
                String hash = config().enableSecret();
                if (hash == null) throw new CliException("% Error: No password set");
                boolean ok = false;
                for (int i = 0; i < 3 && !ok; i++) {
                    String secret = asker.ask("Password: ", true);
                    // wrong secrets are paced per user across sessions, and each is logged as IOS does
                    ok = sw.enableGuard.attempt(user.name(), () -> Secret.matches(secret, hash));
                    if (!ok) sw.audit.log(Audit.privAuthFail(user));
                }
                if (!ok) throw new CliException("% Bad secrets");
            }
            setPrivileged(true);
        }

        @Override
        public void disable() {
            setPrivileged(false);
        }

        @Override
        public void terminal(Integer len, Integer wid) {
            if (len != null) length = len;
            if (wid != null) width = wid;
        }

        @Override
        public List<String> history() {
            return List.copyOf(history);
        }

        @Override
        public List<SessionInfo> sessions() {
            long now = System.currentTimeMillis();
            List<SessionInfo> out = new ArrayList<>();
            for (Session s : sw.sessions()) {
                out.add(new SessionInfo(s == Session.this, s.user.line(), s.user.name(),
                        s.user.from() == null ? "" : s.user.from(), (now - s.lastActive) / 1000));
            }
            return out;
        }

        @Override
        public List<String> log() {
            return sw.audit.recent();
        }

        @Override
        public void println(String s) {
            out.append(s).append('\n');
        }

        @Override
        public void print(String s) {
            out.append(s);
        }

        @Override
        public String ask(String prompt) {
            return asker.ask(prompt, false);
        }
    }
}
