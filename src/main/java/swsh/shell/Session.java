package swsh.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import swsh.grammar.CliException;
import swsh.grammar.Grammar;
import swsh.grammar.Mode;
import swsh.model.Config;

/**
 * One user's CLI session: a stack of modes, the privilege level, terminal settings and history.
 * {@link #execute} runs one line the way IOS does (abbreviations, fallback to enclosing modes,
 * {@code do}, output filters).
 */
public final class Session implements Cli {
    /** One level of the mode stack, with the interfaces or VLAN it configures. */
    public record Frame(Mode mode, List<String> ifaces, int vlan) {}

    final Engine engine;
    final User user;
    final long started = System.currentTimeMillis();
    volatile long lastActive = started;
    private boolean changedInConfig;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final List<String> history = new ArrayList<>();
    private Config txn;
    private boolean ended;
    private int length = 24;
    private int width = 80;
    private Asker asker = (p, secret) -> "";

    /** An in-process session of the local user. */
    public Session(Engine engine, boolean privileged) {
        this(engine, User.local(), privileged);
    }

    public Session(Engine engine, User user, boolean privileged) {
        this.engine = engine;
        this.user = user;
        stack.push(new Frame(privileged ? Mode.EXEC : Mode.USER, List.of(), 0));
        engine.register(this);
    }

    @Override
    public void close() {
        engine.unregister(this);
    }

    @Override
    public void setAsker(Asker a) {
        this.asker = a;
    }

    String ask(String prompt, boolean secret) {
        return asker.ask(prompt, secret);
    }

    public User user() {
        return user;
    }

    /** {@code enable}: admins go straight to privileged EXEC; members give the enable secret. */
    void enable() {
        if (mode() != Mode.USER) return;
        if (!user.admin()) {
            if (!user.member()) {
                throw new CliException("% Error in authentication: " + user.name() + " is not in group "
                        + User.MEMBER_GROUP + " or " + User.ADMIN_GROUP);
            }
            String hash = config().enableSecret();
            if (hash == null) throw new CliException("% Error: No password set");
            boolean ok = false;
            for (int i = 0; i < 3 && !ok; i++) ok = swsh.model.Secret.matches(ask("Password: ", true), hash);
            if (!ok) throw new CliException("% Bad secrets");
        }
        setPrivileged(true);
    }

    public Mode mode() {
        return stack.peek().mode();
    }

    Frame frame() {
        return stack.peek();
    }

    void push(Frame f) {
        if (f.mode().parent != null) {
            while (stack.peek().mode() != f.mode().parent) stack.pop();
        }
        stack.push(f);
    }

    /** Leaves the current mode; from EXEC it ends the session. */
    void exitMode() {
        if (stack.size() > 1) stack.pop();
        else ended = true;
        leftConfig();
    }

    /** Back to privileged EXEC ({@code end}, Ctrl-Z). */
    public void end() {
        while (stack.size() > 1) stack.pop();
        leftConfig();
    }

    /** IOS logs CONFIG_I when a user who changed something leaves configuration mode. */
    private void leftConfig() {
        if (!mode().isConfig() && changedInConfig && txn == null) {
            changedInConfig = false;
            engine.audit.log(Audit.configured(user));
        }
    }

    void setPrivileged(boolean p) {
        end();
        stack.pop();
        stack.push(new Frame(p ? Mode.EXEC : Mode.USER, List.of(), 0));
    }

    @Override
    public boolean ended() {
        return ended;
    }

    void end(boolean e) {
        ended = e;
    }

    @Override
    public int length() {
        return length;
    }

    public int width() {
        return width;
    }

    void terminal(Integer len, Integer wid) {
        if (len != null) length = len;
        if (wid != null) width = wid;
    }

    List<String> history() {
        return history;
    }

    @Override
    public boolean inConfig() {
        return mode().isConfig();
    }

    @Override
    public List<Grammar.Help> help(String line) {
        return engine.grammar.help(mode(), line, src -> Values.of(this, src));
    }

    @Override
    public List<String> complete(String line) {
        return engine.grammar.complete(mode(), line, src -> Values.of(this, src));
    }

    @Override
    public String prompt() {
        return config().hostname() + mode().prompt;
    }

    /** Starts a transaction: edits collect in memory until {@link #commitTransaction()}. */
    public void beginTransaction() {
        txn = engine.running();
    }

    public void commitTransaction() {
        Config c = txn;
        txn = null;
        engine.replace(c);
    }

    Config config() {
        return txn != null ? txn : engine.running();
    }

    void edit(UnaryOperator<Config> f) {
        if (txn != null) txn = f.apply(txn);
        else changedLine |= engine.commit(f);
    }

    private boolean changedLine;

    public Grammar grammar() {
        return engine.grammar;
    }

    /** True for lines that do nothing: blank, {@code !} comments, the header of show running-config. */
    public static boolean isComment(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("!") || s.equals("Building configuration...")
                || s.startsWith("Current configuration :");
    }

    /**
     * Runs one line and returns its output. Throws {@link CliException} with the IOS error; a
     * failing line changes nothing.
     */
    @Override
    public String execute(String line) {
        lastActive = System.currentTimeMillis();
        if (isComment(line)) return "";
        int pipe = pipeIndex(line);
        String cmd = pipe < 0 ? line : line.substring(0, pipe);
        Filter filter = pipe < 0 ? null : Filter.parse(line, pipe + 1);
        StringBuilder out = new StringBuilder();
        Grammar.Match m;
        try {
            m = resolve(cmd);
        } finally {
            if (txn == null) history.add(line.strip());
        }
        String shown = m.command().sensitive && m.args().firstColumn() > 0
                ? cmd.substring(0, m.args().firstColumn()) + "*****" : cmd;
        if (txn == null && m.command().sensitive) history.set(history.size() - 1, shown.strip());
        changedLine = false;
        try {
            m.handler().run(new Ctx(this, out), m.args());
        } catch (CliException e) {
            throw e;
        } catch (swsh.kernel.KernelException e) {
            throw new CliException(e.getMessage());
        } catch (RuntimeException e) {
            throw internal(e);
        } finally {
            if (changedLine) {
                changedInConfig = true;
                engine.audit.log(Audit.command(user, shown));
                leftConfig();
            }
        }
        return filter == null ? out.toString() : filter.apply(out.toString());
    }

    /** Position of an output pipe {@code |} after a show command, or -1. */
    private int pipeIndex(String line) {
        int bar = line.indexOf('|');
        if (bar < 0) return -1;
        String head = line.substring(0, bar).strip().toLowerCase();
        if (head.startsWith("do ")) head = head.substring(3).strip();
        return head.startsWith("sh") ? bar : -1;
    }

    /** {@code do LINE}: runs an EXEC command without leaving the config mode. */
    String runExec(String line) {
        StringBuilder out = new StringBuilder();
        Grammar.Match m = engine.grammar.parse(Mode.EXEC, line);
        Deque<Frame> saved = new ArrayDeque<>(stack);
        m.handler().run(new Ctx(this, out), m.args());
        if (!ended) {
            stack.clear();
            stack.addAll(saved);
        }
        return out.toString();
    }

    /** Parses in the current mode, else in an enclosing mode, moving the session there. */
    private Grammar.Match resolve(String line) {
        Mode mode = mode();
        CliException first;
        try {
            return engine.grammar.parse(mode, line);
        } catch (CliException e) {
            first = e;
        }
        CliException best = first;
        for (Mode p = mode.parent; p != null; p = p.parent) {
            try {
                Grammar.Match m = engine.grammar.parse(p, line);
                while (mode() != p) stack.pop();
                return m;
            } catch (CliException e) {
                if (reach(e) > reach(best)) best = e;
            }
        }
        throw best;
    }

    /** A bug must still reach the user as one IOS-style line, never as a stack trace. */
    static CliException internal(RuntimeException e) {
        return new CliException(INTERNAL + e);
    }

    public static final String INTERNAL = "% Internal error: ";

    /** How far into the line a parse got before failing (an incomplete command got furthest). */
    private static int reach(CliException e) {
        return e.caret < 0 ? Integer.MAX_VALUE : e.caret;
    }

    /** The filter after {@code |}: include, exclude, begin, section, count. */
    record Filter(String kind, Pattern re) {
        static Filter parse(String line, int from) {
            String rest = line.substring(from).strip();
            String[] kw = rest.split("\\s+", 2);
            String kind = null;
            for (String k : List.of("include", "exclude", "begin", "section", "count")) {
                if (!kw[0].isEmpty() && k.startsWith(kw[0].toLowerCase())) kind = k;
            }
            int col = from + (line.substring(from).length() - line.substring(from).stripLeading().length());
            if (kind == null) throw CliException.invalid(col);
            if (kw.length < 2) {
                if (kind.equals("count")) return new Filter(kind, Pattern.compile(""));
                throw CliException.incomplete();
            }
            try {
                return new Filter(kind, Pattern.compile(kw[1].strip()));
            } catch (PatternSyntaxException e) {
                throw new CliException("% Invalid regular expression: " + kw[1].strip());
            }
        }

        String apply(String text) {
            List<String> lines = List.of(text.split("\n", -1));
            if (text.endsWith("\n")) lines = lines.subList(0, lines.size() - 1);
            StringBuilder sb = new StringBuilder();
            switch (kind) {
                case "include", "exclude" -> {
                    boolean inc = kind.equals("include");
                    for (String l : lines) if (re.matcher(l).find() == inc) sb.append(l).append('\n');
                }
                case "begin" -> {
                    boolean on = false;
                    for (String l : lines) {
                        on |= re.matcher(l).find();
                        if (on) sb.append(l).append('\n');
                    }
                }
                case "section" -> {
                    boolean on = false;
                    for (String l : lines) {
                        boolean child = l.startsWith(" ");
                        if (!child) on = re.matcher(l).find();
                        if (on || (child && re.matcher(l).find())) sb.append(l).append('\n');
                    }
                }
                default -> {
                    int n = 0;
                    for (String l : lines) if (re.matcher(l).find()) n++;
                    sb.append("Number of lines which match regexp = ").append(n).append('\n');
                }
            }
            return sb.toString();
        }
    }
}
