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
import swsh.grammar.Command;
import swsh.grammar.Grammar;
import swsh.grammar.Mode;
import swsh.model.Config;

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
    private final SafeMode safe;
    private final Candidate candidate;
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
        this.safe = new SafeMode(sw);
        this.candidate = new Candidate(sw);
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
        if (candidate.config() != null && mode().config()) p = p.replace("(config", "(config-s-" + candidate.name());
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
        if (candidate.config() != null && mode().config()) return candidate.config();
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
        boolean json = m.filter() != null && m.filter().kind().equals("json");
        if (json && !m.filter().regex().isEmpty()) throw new CliException("% Invalid input detected at '^' marker.", line.indexOf(m.filter().regex(), m.filter().column()));
        if (json && m.command().json() == null) throw new CliException("% This command has no JSON output (| json)");
        Filter filter = m.filter() == null || json ? null : Filter.of(m.filter());
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
            if (json) out.append(JsonOut.write(m.command().json().of(ctx, m.args())));
            else m.handler().run(ctx, m.args());
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
        else if (candidate.config() != null && mode().config()) candidate.edit(f);
        else {
            LockoutGuard.check(sw, user, asker, f);
            boolean changed = sw.engine.commit(f);
            changedLine |= changed;
            if (changed) safe.changed();
        }
    }

    /**
     * The connection of this session ended without a logout (a dropped SSH session, a killed client): in
     * safe mode, its changes are rolled back (see {@link SafeMode}).
     */
    public void dropped() {
        safe.dropped(who());
    }

    /** This session as the log names it. */
    private String who() {
        return "session " + user.line() + " (" + user.name() + (user.from().isEmpty() ? "" : " from " + user.from()) + ")";
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
            return safe.set(on);
        }

        @Override
        public void configSession(String name) {
            candidate.begin(name);
            enter(Modes.CONFIG, List.of(), 0);
        }

        @Override
        public String sessionName() {
            return candidate.name();
        }

        @Override
        public Config candidate() {
            return candidate.config();
        }

        @Override
        public void commitSession(Integer timerSeconds) {
            candidate.commit(timerSeconds, user.name());
            Session.this.end();
        }

        @Override
        public void abortSession() {
            candidate.abort();
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
            if (!user.admin()) sw.enableGuard.authenticate(user, config().enableSecret(), asker, sw.audit);
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
