package swsh;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import swsh.commands.CommandSet;
import swsh.commands.Context;
import swsh.commands.Modes;
import swsh.commands.Types;
import swsh.core.ConfigStore;
import swsh.core.Engine;
import swsh.grammar.Command;
import swsh.grammar.Grammar;
import swsh.grammar.Mode;
import swsh.grammar.Token;
import swsh.kernel.FakeKernel;
import swsh.kernel.State;
import swsh.model.Config;
import swsh.shell.CliException;
import swsh.shell.Errors;
import swsh.shell.Session;
import swsh.shell.Switch;

/**
 * Invalid-input fuzzing: in every mode, thousands of lines built from the grammar's command
 * paths and then mutated (out-of-range ids, truncated, doubled, dropped and swapped words,
 * junk after the command, output filters in odd places, control characters, unicode, 100,000
 * character lines, {@code no}/{@code default}/{@code do} prefixes) run against the fake kernel.
 * Every line must finish within {@link #LIMIT_MS}, end in output or an IOS error (never an
 * internal error or another exception), and a line reported as an error must leave the
 * running-config, the kernel, the applied plans and the session's mode as they were. {@code ?}
 * and TAB on the same line must not throw either.
 *
 * <p>Deterministic for a seed; a failure names the seed, the mode and the line. Explore other
 * seeds or more lines with {@code -Dswsh.fuzz.seed=N -Dswsh.fuzz.lines=N}.
 */
class FuzzTest {
    static final long SEED = Long.getLong("swsh.fuzz.seed", 0x5EEDF022L);
    static final int LINES = Integer.getInteger("swsh.fuzz.lines", 5_000);
    /** A fresh switch every so many lines, so the state stays small and a failure is short to replay. */
    static final int RESET_EVERY = 250;
    /** CPU time one line may take; a line is also a hang when it has not ended after {@link #WALL_LIMIT_MS} on a busy machine. */
    static final long LIMIT_MS = 2_000;
    static final long WALL_LIMIT_MS = 30_000;
    static final int HUGE = 100_000;
    /** With {@code -Dswsh.fuzz.slowMs=N}, lines that take longer than N ms are printed. */
    static final long SLOW_MS = Long.getLong("swsh.fuzz.slowMs", Long.MAX_VALUE);

    private static ExecutorService worker;
    private static final int[] TRIED = new int[Modes.ALL.size()], REFUSED = new int[Modes.ALL.size()];

    @BeforeAll
    static void start() {
        worker = newWorker();
    }

    /** The thread lines run on; a new one after a hang (the hung thread cannot be stopped). */
    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-line");
            t.setDaemon(true);
            workerThread = t;
            return t;
        });
    }

    private static volatile Thread workerThread;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU time of the worker thread so far (wall time where the JVM cannot tell). */
    private static long workerNanos() {
        Thread t = workerThread;
        long cpu = t == null || !THREADS.isThreadCpuTimeSupported() ? -1 : THREADS.getThreadCpuTime(t.getId());
        return cpu >= 0 ? cpu : System.nanoTime();
    }

    @AfterAll
    static void stop() {
        worker.shutdownNow();
        int total = 0;
        StringBuilder sb = new StringBuilder("FuzzTest seed=0x" + Long.toHexString(SEED) + ":");
        for (int i = 0; i < TRIED.length; i++) {
            sb.append(' ').append(Modes.ALL.get(i)).append('=').append(TRIED[i]).append(" (").append(REFUSED[i]).append(" refused)");
            total += TRIED[i];
        }
        System.out.println(sb.append(" total=").append(total).append(" lines"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"USER", "EXEC", "CONFIG", "IF", "IF_RANGE", "VLAN", "ARCHIVE"})
    void invalidInputIsRefusedCleanlyAndChangesNothing(String modeName) throws Exception {
        Mode mode = Modes.ALL.stream().filter(m -> m.name().equals(modeName)).findFirst().orElseThrow();
        long seed = SEED * 31 + Modes.ALL.indexOf(mode);
        Gen gen = new Gen(CommandSet.grammar(), mode, new Random(seed));
        Rig rig = new Rig(mode);
        List<String> failures = new ArrayList<>();
        Deque<String> recent = new ArrayDeque<>();
        int resetAt = 0, n = 0;
        try {
            for (String line : gen.lines(LINES)) {
                if (n % RESET_EVERY == 0 || rig.dirty || rig.big()) {
                    rig.reset();
                    resetAt = n;
                    recent.clear();
                }
                rig.enterMode();
                String problem = runOne(rig, line);
                if (rig.refused) REFUSED[Modes.ALL.indexOf(mode)]++;
                if (problem != null) {
                    failures.add("seed=0x" + Long.toHexString(SEED) + " mode=" + mode + " line #" + n + " (switch new at #" + resetAt
                            + "): " + show(line) + "\n    " + problem + "\n    lines before it on this switch:"
                            + String.join("", recent.stream().map(l -> "\n      " + show(l)).toList()));
                    rig.dirty = true;
                    if (problem.startsWith("hang")) break;
                }
                recent.addLast(line);
                if (recent.size() > 12) recent.removeFirst();
                n++;
            }
        } finally {
            rig.close();
        }
        TRIED[Modes.ALL.indexOf(mode)] = n;
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + n + " fuzz lines in " + mode + " went wrong; rerun with -Dtest=FuzzTest -Dswsh.fuzz.seed="
                    + SEED + "\n" + String.join("\n", failures.subList(0, Math.min(8, failures.size()))));
        }
        assertTrue(n >= LINES, "tried " + n + " lines in " + mode);
    }

    /** Runs one line with a time limit; returns what went wrong, or null. */
    private static String runOne(Rig rig, String line) throws InterruptedException {
        Session s = rig.session;
        String cfgBefore = CommandSet.render(rig.engine.running());
        State kernelBefore = rig.kernel.read().withFdb(rig.kernel.fdbEntries());
        int plansBefore = rig.kernel.applied().size();
        Mode modeBefore = s.mode();
        rig.refused = false;
        Future<Throwable> f = worker.submit(() -> {
            try {
                s.help(line);
                s.complete(line);
                s.help(line + " ");
            } catch (Throwable t) {
                return new AssertionError("? or TAB threw " + t, t);
            }
            try {
                Objects.requireNonNull(s.execute(line), "null output");
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Throwable t = null;
        long wall0 = System.nanoTime(), cpu0 = workerNanos(), cpuMs = 0;
        for (boolean done = false; !done; ) {
            try {
                t = f.get(50, TimeUnit.MILLISECONDS);
                done = true;
            } catch (TimeoutException e) {
                // still running: a hang once it has used up its CPU time (or the wall clock on a starved machine)
            } catch (ExecutionException e) {
                t = e.getCause();
                done = true;
            }
            cpuMs = (workerNanos() - cpu0) / 1_000_000;
            if (!done && (cpuMs > LIMIT_MS || (System.nanoTime() - wall0) / 1_000_000 > WALL_LIMIT_MS)) {
                f.cancel(true);
                worker.shutdownNow();
                worker = newWorker();
                return "hang: still running after " + cpuMs + " ms of CPU, " + (System.nanoTime() - wall0) / 1_000_000 + " ms";
            }
        }
        if (cpuMs > SLOW_MS) System.out.println("slow: " + cpuMs + " ms in " + rig.mode + ": " + show(line));
        if (t == null) return null;
        if (t instanceof AssertionError a) return a.getMessage() + "\n    " + stack(a.getCause());
        if (!(t instanceof CliException e)) return "escaped as " + t + "\n    " + stack(t);
        rig.refused = true;
        if (e.getMessage() == null || e.getMessage().startsWith(Errors.INTERNAL)) return "internal error: " + e.getMessage();
        // the head of the message decides (some patterns are quadratic on an echoed 100k-character word)
        String head = e.getMessage().substring(0, Math.min(300, e.getMessage().length()));
        if (LayoutTest.ANSIBLE_ERRORS.stream().noneMatch(p -> p.matcher(head).find())) {
            return "automation clients would not see this error as one: " + show(e.getMessage());
        }
        List<String> changed = new ArrayList<>();
        if (!CommandSet.render(rig.engine.running()).equals(cfgBefore)) changed.add("running-config");
        if (!rig.kernel.read().withFdb(rig.kernel.fdbEntries()).equals(kernelBefore)) changed.add("kernel state");
        if (rig.kernel.applied().size() != plansBefore) changed.add("applied plans " + plansBefore + " -> " + rig.kernel.applied().size());
        if (s.mode() != modeBefore) changed.add("mode " + modeBefore + " -> " + s.mode());
        return changed.isEmpty() ? null : "failed with '" + show(e.getMessage()) + "' but changed " + String.join(", ", changed);
    }

    private static String stack(Throwable t) {
        if (t == null) return "";
        StringBuilder sb = new StringBuilder();
        StackTraceElement[] st = t.getStackTrace();
        for (int i = 0; i < Math.min(6, st.length); i++) sb.append("at ").append(st[i]).append(' ');
        return sb.toString();
    }

    /** A line as Java source would write it, long lines cut. */
    static String show(String line) {
        StringBuilder sb = new StringBuilder("\"");
        String l = line.length() > 160 ? line.substring(0, 120) : line;
        for (char c : l.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c >= 0x20 && c < 0x7f) sb.append(c);
            else sb.append(String.format("\\u%04x", (int) c));
        }
        sb.append('"');
        if (line.length() > 160) sb.append("... (").append(line.length()).append(" chars)");
        return sb.toString();
    }

    /**
     * A switch on the fake kernel (ports eth1..eth8, as {@link TestSwitch} builds it) and a session kept in the mode under
     * test. Its files go to tmpfs where there is one: every change fsyncs the running-config, which on a disk costs more
     * than the rest of the test.
     */
    private static final class Rig {
        final Mode mode;
        FakeKernel kernel;
        Switch shell;
        Engine engine;
        Path dir;
        Session session;
        boolean dirty;
        /** The last line ended in an IOS error. */
        boolean refused;

        Rig(Mode mode) {
            this.mode = mode;
        }

        void reset() throws IOException {
            close();
            Path shm = Path.of("/dev/shm");
            dir = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "swsh-fuzz")
                    : Files.createTempDirectory("swsh-fuzz");
            kernel = FakeKernel.of("eth1", "eth2", "eth3", "eth4", "eth5", "eth6", "eth7", "eth8");
            shell = Switch.of(kernel, new ConfigStore(dir.resolve("etc"), dir.resolve("run")), "Switch");
            engine = shell.engine;
            session = null;
            dirty = false;
        }

        void close() throws IOException {
            if (session != null) session.close();
            if (dir == null) return;
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
            dir = null;
        }

        /** The last lines made the config large (thousands of VLANs or interfaces): start again to keep the test fast. */
        boolean big() {
            Config c = engine.running();
            return c.vlans().size() > 100 || c.ifaces().size() > 40;
        }

        /** A new session in the mode under test when the last line left it (exit, end, interface ...). */
        void enterMode() throws IOException {
            for (int attempt = 0; session == null || session.ended() || session.mode() != mode; attempt++) {
                if (attempt == 2) reset();
                if (attempt > 3) throw new AssertionError("cannot enter " + mode + " on a new switch");
                if (session != null) session.close();
                session = new Session(shell, mode != Modes.USER);
                try {
                    for (String l : SweepTest.setup(mode)) session.execute(l);
                } catch (CliException e) {
                    // the state a fuzz line left refuses the setup: try again, then on a new switch
                }
            }
        }
    }

    /** One word of a line being built: its text and the grammar token it stands for (null for none). */
    private record W(String text, Token token) {
        W(String text) {
            this(text, null);
        }

        boolean keyword() {
            return token != null && token.isKeyword();
        }

        boolean param() {
            return token != null && !token.isKeyword();
        }
    }

    /** A command path to start a line from, with the words before it ({@code no}, {@code do} ...). */
    private record Base(List<String> prefix, List<Token> path) {}

    /** Seeded grammar-aware line generator for one mode. */
    static final class Gen {
        private final Random rnd;
        private final List<Base> own = new ArrayList<>();
        private final List<Base> foreign = new ArrayList<>();

        Gen(Grammar<Context> g, Mode mode, Random rnd) {
            this.rnd = rnd;
            for (Command<Context> c : g.commands()) {
                for (List<Token> path : c.paths()) {
                    for (Mode m : c.modes) {
                        boolean here = m == mode, enclosing = isEnclosing(m, mode), viaDo = mode.config() && m == Modes.EXEC;
                        List<Base> to = here || enclosing || viaDo || (mode == Modes.USER && m == Modes.EXEC) ? own : foreign;
                        List<String> lead = viaDo && !here ? List.of("do") : List.of();
                        to.add(new Base(lead, path));
                        if (c.hasNo()) {
                            to.add(new Base(concat(lead, "no"), path));
                            if (m.config()) to.add(new Base(concat(lead, "default"), path));
                        }
                    }
                }
            }
        }

        private static boolean isEnclosing(Mode outer, Mode m) {
            for (Mode p = m.parent(); p != null; p = p.parent()) if (p == outer) return true;
            return false;
        }

        private static List<String> concat(List<String> l, String w) {
            List<String> out = new ArrayList<>(l);
            out.add(w);
            return out;
        }

        /** {@code count} lines: the fixed nasty ones first, then mutated paths, a 100k-character one now and then. */
        List<String> lines(int count) {
            List<String> out = new ArrayList<>(FIXED);
            while (out.size() < count) {
                if (out.size() % 211 == 0) out.add(huge());
                else out.add(mutated());
            }
            return out;
        }

        private <T> T pick(List<T> l) {
            return l.get(rnd.nextInt(l.size()));
        }

        private List<W> base() {
            Base b = rnd.nextInt(10) == 0 ? pick(foreign) : pick(own);
            List<W> w = new ArrayList<>();
            for (String p : b.prefix) w.add(new W(p));
            for (Token t : b.path) {
                w.add(new W(t.isKeyword() ? t.keyword : SweepTest.sample(t, rnd), t));
                if (t.restOfLine()) break;
            }
            return w;
        }

        String mutated() {
            List<W> w = base();
            int k = rnd.nextInt(8) == 0 ? 0 : 1 + rnd.nextInt(rnd.nextBoolean() ? 1 : 3);
            List<Integer> textual = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                int op = rnd.nextInt(16);
                if (op >= 11) textual.add(op);
                else mutateWords(w, op);
            }
            StringBuilder sb = new StringBuilder();
            for (W x : w) {
                if (sb.length() > 0) sb.append(' ');
                sb.append(x.text);
            }
            String line = sb.toString();
            for (int op : textual) line = mutateText(line, op);
            return line;
        }

        private int index(List<W> w, java.util.function.Predicate<W> p) {
            List<Integer> l = new ArrayList<>();
            for (int i = 0; i < w.size(); i++) if (p.test(w.get(i))) l.add(i);
            return l.isEmpty() ? (w.isEmpty() ? -1 : rnd.nextInt(w.size())) : pick(l);
        }

        private void mutateWords(List<W> w, int op) {
            switch (op) {
                case 0, 1 -> { // a bad value where a parameter goes (out-of-range ids, bad names ...)
                    int i = index(w, W::param);
                    if (i < 0) w.add(new W(pick(NUMBERS)));
                    else if (!w.get(i).param()) w.set(i, new W(pick(NUMBERS)));
                    else w.set(i, new W(badValue(w.get(i).token), w.get(i).token));
                }
                case 2 -> { // a truncated keyword, down to one character (ambiguous)
                    int i = index(w, W::keyword);
                    if (i >= 0 && w.get(i).text.length() > 1) {
                        String kw = w.get(i).text;
                        w.set(i, new W(kw.substring(0, 1 + rnd.nextInt(kw.length() - 1)), w.get(i).token));
                    }
                }
                case 3 -> { // a doubled word
                    int i = index(w, W::keyword);
                    if (i >= 0) w.add(i, w.get(i));
                }
                case 4 -> { // a dropped word
                    if (!w.isEmpty()) w.remove(rnd.nextInt(w.size()));
                }
                case 5 -> { // two words swapped
                    if (w.size() > 1) {
                        int i = rnd.nextInt(w.size()), j = rnd.nextInt(w.size());
                        W t = w.get(i);
                        w.set(i, w.get(j));
                        w.set(j, t);
                    }
                }
                case 6 -> { // junk at the end
                    int n = 1 + rnd.nextInt(3);
                    for (int i = 0; i < n; i++) w.add(new W(pick(EXTRA)));
                }
                case 7 -> w.add(0, new W(pick(PREFIXES))); // no / default / do on anything
                case 8 -> { // an output filter, at the end or in the middle
                    String f = pick(FILTERS);
                    if (rnd.nextBoolean() || w.isEmpty()) w.add(new W(f));
                    else w.add(rnd.nextInt(w.size()), new W(f));
                }
                case 9 -> { // odd case, or unicode in a word
                    int i = index(w, x -> true);
                    if (i < 0) return;
                    String t = w.get(i).text;
                    String u = switch (rnd.nextInt(4)) {
                        case 0 -> t.toUpperCase(Locale.ROOT);
                        case 1 -> t.replace('i', '\u0130').replace('e', '\u0415'); // dotted capital I, Cyrillic Ie
                        case 2 -> t + pick(UNICODE);
                        default -> {
                            int at = rnd.nextInt(t.length() + 1);
                            yield t.substring(0, at) + pick(UNICODE) + t.substring(at);
                        }
                    };
                    w.set(i, new W(u, w.get(i).token));
                }
                default -> { // a word replaced by an interface name
                    int i = index(w, x -> x.param() && Types.SOURCE_INTERFACES.equals(x.token.type().source()));
                    if (i >= 0) w.set(i, new W(pick(rnd.nextBoolean() ? IFNAMES : IFRANGES)));
                }
            }
        }

        private String mutateText(String line, int op) {
            switch (op) {
                case 11 -> { // a control character somewhere
                    int at = rnd.nextInt(line.length() + 1);
                    return line.substring(0, at) + pick(CONTROLS) + line.substring(at);
                }
                case 12 -> { // the whole line doubled
                    return line + pick(List.of(" ", "", " | ", "\t")) + line;
                }
                case 13 -> { // odd blanks between words
                    return line.replace(" ", pick(BLANKS));
                }
                case 14 -> { // cut anywhere, even inside a word
                    return line.substring(0, rnd.nextInt(line.length() + 1));
                }
                default -> { // unicode somewhere
                    int at = rnd.nextInt(line.length() + 1);
                    return line.substring(0, at) + pick(UNICODE) + line.substring(at);
                }
            }
        }

        /** A bad value for a parameter, by its type. */
        private String badValue(Token t) {
            String d = t.type().display();
            String src = t.type().source();
            if (Types.SOURCE_INTERFACES.equals(src)) return pick(t.restOfLine() ? IFRANGES : IFNAMES);
            if (Types.SOURCE_VLANS.equals(src) && !d.startsWith("<")) return pick(rnd.nextBoolean() ? VLAN_LISTS : NUMBERS);
            if (d.startsWith("<")) {
                long lo = Long.parseLong(d.substring(1, d.indexOf('-'))), hi = Long.parseLong(d.substring(d.indexOf('-') + 1, d.length() - 1));
                return switch (rnd.nextInt(3)) {
                    case 0 -> Long.toString(rnd.nextBoolean() ? lo - 1 : hi + 1);
                    case 1 -> Long.toString(lo + 1 + (long) (rnd.nextDouble() * (hi - lo - 1))); // in range, maybe refused by its handler
                    default -> pick(NUMBERS);
                };
            }
            return switch (d) {
                case "H.H.H" -> pick(MACS);
                case "A.B.C.D" -> pick(IPS);
                case "A.B.C.D/nn" -> pick(PREFIXES_IP);
                default -> pick(TEXTS);
            };
        }

        /** A 100,000 character line. */
        String huge() {
            String base = String.join(" ", base().stream().map(W::text).toList());
            String filler = switch (rnd.nextInt(9)) {
                case 0 -> "z".repeat(HUGE);
                case 1 -> "9".repeat(HUGE);
                case 2 -> "Ab1 ".repeat(HUGE / 4);
                case 3 -> "\u0000".repeat(HUGE);
                case 4 -> " ".repeat(HUGE);
                case 5 -> "| ".repeat(HUGE / 2);
                case 6 -> "\u00e9\u0301".repeat(HUGE / 2);
                case 7 -> (base.isEmpty() ? "no" : base.split(" ")[0] + " ").repeat(Math.max(1, HUGE / Math.max(1, base.split(" ")[0].length() + 1)));
                default -> "eth1,".repeat(HUGE / 5);
            };
            return switch (rnd.nextInt(3)) {
                case 0 -> base + " " + filler;
                case 1 -> filler + " " + base;
                default -> filler;
            };
        }
    }

    private static final List<String> NUMBERS = List.of("0", "-1", "4095", "4096", "99999999999", "2147483647", "2147483648",
            "-2147483649", "4294967296", "9223372036854775808", "9".repeat(40), "1".repeat(1000), "00000000000000000010", "+5",
            "0x10", "1e3", "1.5", "\uff14\uff10\uff19\uff14", "\u0663", "10\u0000", "");
    private static final List<String> VLAN_LISTS = List.of("0", "4095", "10-5", "1-99999999999", "1,,2", "5-", "1-2-3", "4094-1",
            "1-4094", "0-4094", "4094,4095", ",", "-", "10-", "99999999999-1", "2-4094", "1" + ",1".repeat(3000), "00001-00010",
            "\uff11\uff10");
    private static final List<String> IFNAMES = List.of("eth1#x", "vlan9999999999", "Vlan0", "vlan4095", "VLAN00010", "vlan",
            "Vlan-1", "eth9", "eth99999999999", "swbr0", "swbr0.10", "lo", "eth1.10", "abcdefghijklmnop", "eth1\u0000",
            "eth\uff11", "ETH1", "Eth1", "eth1:", "@", "-", "vlan1", "vlan4094", "v", "e");
    private static final List<String> IFRANGES = List.of("eth1 - 99999999999", "eth1 - 0", "eth5 - 2", "eth1 -", "- 3", "eth1,,eth2",
            "eth1 - 2,", "vlan0 - 3", "vlan4090 - 4099", "eth99999999999", "eth1-3", "eth", ",", "eth1 - 2, eth1 - 2", "eth1 - 4 - 6",
            "eth1 -- 2", "eth1 - eth2", "eth1 - 2 eth3", "lo1", "swbr1", "vlan1 - 4094", "eth0 - 8", "eth1 - 999999999");
    private static final List<String> MACS = List.of("0050.7966.68zz", "ffff.ffff.ffff", "0000.0000.0000", "01:00:5e:00:00:01",
            "0050.7966", "0050:7966:6800", "00:50:79:66:68", "00-50-79-66-68-00", "0050.7966.6800.0000");
    private static final List<String> IPS = List.of("999.1.1.1", "1.2.3", "0.0.0.0", "255.255.255.255", "1.2.3.4.5", "256.0.0.1",
            "01.02.03.04", "255.0.255.0", "127.0.0.1", "224.0.0.1", "10.0.0.1/24");
    private static final List<String> PREFIXES_IP = List.of("10.0.0.1/33", "10.0.0.1/99", "10.0.0.1/0", "10.0.0.0/32", "999.0.0.1/24",
            "10.0.0.1/", "/24", "10.0.0.1/-1", "0.0.0.0/0", "255.255.255.255/32");
    private static final List<String> TEXTS = List.of("#", "\"quoted\"", "\\", "a\"b", "$9$abc", "$8$", "!", "|", "q".repeat(300),
            "\u202eevil", "\ud83d\ude00", "name\u0007", "a#b", "'", "`rm`", "$(reboot)", ";", "a\\nb", "%s%n", "{}", "..");
    private static final List<String> EXTRA = List.of("extra", "1", "0", "|", "?", "no", "vlan", "eth1", "99999999999", "do", "end",
            "!", "#", "include", "\u00a0", "terminal");
    private static final List<String> PREFIXES = List.of("no", "default", "do", "no no", "do do", "do no", "default do", "no default",
            "do configure terminal", "show", "NO", "d", "n");
    private static final List<String> FILTERS = List.of("| include x", "| bogus", "| include ((x+)+)+y", "|", "| include",
            "| count", "| section", "|| include x", "| include [", "| include (", "| begin \\", "| exclude .*", "| include x | count",
            "| i x", "| c", "|include x", "| section )(", "| count ^$", "| include \\Q", "| INCLUDE x");
    private static final List<String> CONTROLS = List.of("\u0000", "\u0007", "\u001b", "\u001b[A", "\r", "\n", "\t", "\u007f", "\b",
            "\u0003", "\u001a", "\u0085", "\r\n");
    private static final List<String> UNICODE = List.of("\u2028", "\u2029", "\u0301", "\u202e", "\u200f", "\ud83d\ude00", "\ud83d",
            "\uff14\uff10\uff19\uff14", "\u00a0", "\u3000", "\ufeff", "\u200b", "\u0130", "\u0131", "\uffff", "\ufffd", "\u00df");
    private static final List<String> BLANKS = List.of("  ", "\t", " \t ", "\u3000", "\u00a0", "\u2028", "\u000b", "\u001c", "\f");

    /** Lines from the issue and their cousins, tried first in every mode. */
    static final List<String> FIXED = List.of("", " ", "\t", "   \t  ", "!", "! comment \u0000", "\u0000", "\r", "\n", "\u001b",
            "\u001b[A", "\u2028", "?", "|", "||", "| include x", "do", "no", "default", "do do", "no no", "do no shutdown",
            "shutdown | include x", "show vlan | bogus", "show vlan | include ((x+)+)+y", "show running-config | include ((x+)+)+y",
            "show running-config | count ((x+)+)+y", "interface eth1#x", "interface vlan9999999999", "interface Vlan0",
            "interface range eth1 - 99999999999", "interface range eth5 - 2", "vlan 0", "vlan 4095", "vlan 99999999999",
            "vlan -1", "vlan 2147483648", "vlan \uff14\uff10\uff19\uff14", "vlan 1-99999999999", "switchport access vlan 4095",
            "switchport access vlan 0", "spanning-tree priority 4097", "spanning-tree cost 0", "spanning-tree cost 200000001",
            "hostname bad!name", "hostname \u0000", "hostname " + "q".repeat(100), "description " + "q".repeat(241),
            "description \u0007", "name " + "q".repeat(33), "mtu 99999999999", "terminal length 513", "terminal width -1",
            "show show", "show vlan vlan", "configure configure terminal", "configure terminal configure terminal", "s", "sh",
            "c", "e", "n", "i", "sw", "sp", "d", "ex", "do s", "no s", "default s", "SHOW VLAN", "Show Vlan Brief",
            "show vlan\u0000", "show\u2028vlan", "show\u00a0vlan", "show\u3000vlan", "sh\u0301ow vlan", "\u202eshow vlan",
            "\ud83d\ude00", "show vlan \ud83d", "interface eth1 - 99999999999", "interface ETH1", "ip address 999.1.1.1 255.0.0.0",
            "ip address 10.0.0.1 255.0.255.0", "ip address 10.0.0.1/33", "mac address-table static 0050.7966.68zz vlan 10 interface eth1",
            "mac address-table static 0050.7966.6800 vlan 4095 interface eth1",
            "mac address-table static 0050.7966.6800 vlan 10 interface eth99", "mac address-table aging-time 9",
            "enable secret 9 notahash", "enable secret 8 $8$", "no interface eth99", "no vlan 1", "default interface eth99",
            "default interface vlan0", "name bad name", "exit extra", "end end", "do show vlan | include ((x+)+)+y",
            "do do show vlan", "do no vlan 10", "copy running-config", "write bogus", "disable now", "enable 15",
            "w".repeat(HUGE), "show vlan " + "z".repeat(HUGE), "description " + "q".repeat(HUGE),
            "show running-config | include " + "(".repeat(HUGE / 2) + ")".repeat(HUGE / 2),
            "show vlan | include " + "(a|b)".repeat(HUGE / 5), "hostname " + "Q".repeat(HUGE), "vlan " + "1,".repeat(HUGE / 2) + "1",
            "interface range " + "eth1,".repeat(HUGE / 5) + "eth1", "spanning-tree cost " + "9".repeat(HUGE),
            "show vlan brief " + "| ".repeat(HUGE / 2), "\u0000".repeat(HUGE), " ".repeat(HUGE) + "show version",
            "show\r\nvlan", "shutdown\rno shutdown", "no shutdown\u0000shutdown");
}
