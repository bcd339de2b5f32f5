package swsh.grammar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The token graph of every mode, built from the command definitions. Parsing, abbreviation,
 * {@code ?} help, TAB completion, the {@code no} and {@code default} forms, {@code do} (a
 * keyword that leads into another mode's commands) and output pipes ({@code | include ...}
 * after commands marked filterable) all walk this one graph, so they cannot disagree.
 * Building it checks the definitions: a duplicate command path or two help lines for one
 * token fail at start-up.
 */
public final class Grammar<C> {
    /** A node of the token graph. */
    static final class Node<C> {
        final Token token;
        final Map<String, Node<C>> children = new LinkedHashMap<>();
        Command<C> command;
        Command.Form form = Command.Form.RUN;
        /** For a delegating keyword ({@code do}): the mode whose commands follow. */
        Mode jump;
        /** The end of an output filter: its keyword. */
        String filter;

        Node(Token token) {
            this.token = token;
        }
    }

    /** A line that parsed: the command, how it was invoked, its arguments, where it runs, its output filter. */
    public record Match<C>(Command<C> command, Command.Form form, Args args, Mode mode, Filter filter) {
        public Command.Handler<C> handler() {
            return command.handler(form);
        }
    }

    /** An output filter after {@code |}: its keyword and its (possibly empty) regular expression. */
    public record Filter(String kind, String regex, int column) {}

    /** One line of {@code ?} output; {@code literal} words can be typed as shown (and TAB-completed). */
    public record Help(String word, String help, boolean literal) {}

    /** Where TAB and {@code ?} find parameter values: a {@link ParamType#source()} key to its values. */
    public interface Values extends Function<String, List<String>> {}

    /** A keyword of the filter part of a line (after {@code |}). */
    public record FilterDef(String keyword, String help, boolean regexOptional) {}

    private final Map<Mode, Node<C>> roots = new LinkedHashMap<>();
    private final List<Command<C>> commands;
    private Node<C> pipe;
    private List<FilterDef> filters = List.of();

    private Grammar(List<Mode> modes, List<Command<C>> defs) {
        for (Mode m : modes) roots.put(m, new Node<>(null));
        this.commands = List.copyOf(defs);
    }

    /**
     * Builds the grammar: {@code delegates} maps (mode, keyword) to the mode whose commands
     * follow it ({@code do}); {@code pipeHelp} and {@code filters} describe what may follow
     * {@code |} after a filterable command.
     */
    public static <C> Grammar<C> build(List<Mode> modes, List<Command<C>> defs, List<Delegate> delegates,
                                       String pipeHelp, List<FilterDef> filters, String regexHelp,
                                       String noHelp, String defaultHelp) {
        Grammar<C> g = new Grammar<>(modes, defs);
        Token no = Token.keyword("no", noHelp), dflt = Token.keyword("default", defaultHelp);
        for (Command<C> c : defs) {
            c.compile();
            for (Mode mode : c.modes) {
                Node<C> root = g.root(mode);
                for (List<Token> path : c.paths()) {
                    Node<C> n = root;
                    for (Token t : path) n = g.child(n, t);
                    if (n.command != null && n.form == Command.Form.RUN) {
                        throw new IllegalStateException("duplicate command path in " + mode + ": '" + c.syntax
                                + "' and '" + n.command.syntax + "'");
                    }
                    n.command = c;
                    n.form = Command.Form.RUN;
                    if (c.no != null) g.derived(root, no, c, path, Command.Form.NO);
                    if (c.no != null && mode.config()) g.derived(root, dflt, c, path, Command.Form.DEFAULT);
                }
            }
        }
        for (Delegate d : delegates) {
            Node<C> n = g.child(g.root(d.from()), Token.keyword(d.keyword(), d.help()));
            if (n.command != null || !n.children.isEmpty()) throw new IllegalStateException("'" + d.keyword() + "' is taken in " + d.from());
            n.jump = d.to();
        }
        // the pipe: one shared sub-graph behind every complete filterable command
        Node<C> pipe = new Node<>(Token.keyword("|", pipeHelp));
        g.pipe = pipe;
        g.filters = List.copyOf(filters);
        Arg<String> regex = Arg.of("regex", ParamType.line("LINE", null));
        for (FilterDef f : filters) {
            Node<C> k = new Node<>(Token.keyword(f.keyword(), f.help()));
            Node<C> r = new Node<>(Token.param(regex, regexHelp));
            r.filter = f.keyword();
            k.children.put(r.token.key(), r);
            if (f.regexOptional()) k.filter = f.keyword();
            pipe.children.put(k.token.key(), k);
        }
        for (Node<C> root : g.roots.values()) g.attachPipe(root, pipe, Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        return g;
    }

    /** A keyword of mode {@code from} after which the commands of mode {@code to} follow ({@code do}). */
    public record Delegate(Mode from, String keyword, String help, Mode to) {}

    private Node<C> root(Mode m) {
        Node<C> r = roots.get(m);
        if (r == null) throw new IllegalStateException("unknown mode " + m);
        return r;
    }

    /** The child for {@code t}, created if needed; one token text keeps one help line everywhere. */
    private Node<C> child(Node<C> n, Token t) {
        Node<C> c = n.children.get(t.key());
        if (c != null) {
            if (!c.token.help.equals(t.help)) {
                throw new IllegalStateException("conflicting help for '" + t.display() + "': '" + c.token.help + "' and '" + t.help + "'");
            }
            return c;
        }
        c = new Node<>(t);
        n.children.put(t.key(), c);
        return c;
    }

    /** The {@code no}/{@code default} path of a command: parameters after its leading keywords may be left out. */
    private void derived(Node<C> root, Token head, Command<C> c, List<Token> path, Command.Form form) {
        Node<C> n = child(root, head);
        int minDepth = c.noNeedsArgs ? path.size() : Math.max(1, Math.min(c.fixedKeywords, path.size()));
        int depth = 0;
        for (Token t : path) {
            n = child(n, t);
            depth++;
            if (depth >= minDepth && n.command == null) {
                n.command = c;
                n.form = form;
            }
        }
    }

    private void attachPipe(Node<C> n, Node<C> pipe, Set<Node<C>> seen) {
        if (!seen.add(n)) return;
        for (Node<C> c : new ArrayList<>(n.children.values())) attachPipe(c, pipe, seen);
        if (n.command != null && n.form == Command.Form.RUN && n.command.filterable && !n.token.restOfLine()) {
            n.children.put(pipe.token.key(), pipe);
        }
    }

    public List<Command<C>> commands() {
        return commands;
    }

    /** What may follow {@code |} after a filterable command (for the manual). */
    public List<FilterDef> filters() {
        return filters;
    }

    public List<Mode> modes() {
        return List.copyOf(roots.keySet());
    }

    /** Words of a line with their start columns. */
    record Word(String text, int start) {}

    static List<Word> split(String line) {
        List<Word> out = new ArrayList<>();
        int i = 0, n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) i++;
            if (i >= n) break;
            int s = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) i++;
            out.add(new Word(line.substring(s, i), s));
        }
        return out;
    }

    private Map<String, Node<C>> children(Node<C> n) {
        return n.jump != null ? root(n.jump).children : n.children;
    }

    /** Children of {@code node} that accept {@code word}: an exact keyword, else keyword prefixes, else one parameter. */
    private List<Node<C>> candidates(Node<C> node, String word) {
        String lw = word.toLowerCase(Locale.ROOT);
        List<Node<C>> prefix = new ArrayList<>();
        Node<C> param = null;
        for (Node<C> c : children(node).values()) {
            Token t = c.token;
            if (t.isKeyword()) {
                if (t.keyword.equals(lw)) return List.of(c);
                if (t.keyword.startsWith(lw)) prefix.add(c);
            } else if (param == null && t.type().accepts().test(word)) {
                param = c;
            }
        }
        if (!prefix.isEmpty()) return prefix;
        return param == null ? List.of() : List.of(param);
    }

    /** A parse failure, with the keywords the words before the failure resolved to. */
    private static final class Failure extends RuntimeException {
        final ParseException error;
        final List<String> resolved;

        Failure(ParseException error, List<String> resolved) {
            super(null, null, false, false);
            this.error = error;
            this.resolved = resolved;
        }
    }

    private record Parsed<C>(Match<C> match, List<String> resolved) {}

    /** Parses one line in one mode only. Throws {@link ParseException} for a line it cannot take. */
    public Match<C> parse(Mode mode, String line) {
        try {
            return parseIn(mode, line).match;
        } catch (Failure f) {
            throw f.error;
        }
    }

    private Parsed<C> parseIn(Mode mode, String line) {
        List<Word> words = split(line);
        Node<C> n = root(mode);
        Mode runs = mode;
        Node<C> beforePipe = null;
        List<String> resolved = new ArrayList<>();
        List<Object[]> values = new ArrayList<>();
        List<String> keywords = new ArrayList<>();
        String filterKind = null, regex = "";
        int filterColumn = -1;
        for (Word w : words) {
            if (n.jump != null) runs = n.jump;
            List<Node<C>> c = candidates(n, w.text);
            if (c.isEmpty()) throw new Failure(new ParseException(ParseException.Kind.INVALID, w.start, null), resolved);
            if (c.size() > 1) throw new Failure(new ParseException(ParseException.Kind.AMBIGUOUS, -1, line.strip()), resolved);
            Node<C> next = c.get(0);
            Token t = next.token;
            if (next == pipe) beforePipe = n;
            n = next;
            if (t.isKeyword()) {
                resolved.add(t.keyword);
                if (beforePipe == null) keywords.add(t.keyword);
                else if (!t.keyword.equals("|")) {
                    filterKind = t.keyword;
                    filterColumn = w.start;
                }
                continue;
            }
            resolved.add(null);
            String text = t.restOfLine() ? line.substring(w.start).strip() : w.text;
            if (beforePipe != null) {
                regex = text;
                break;
            }
            Object v;
            try {
                v = t.arg.type().convert().apply(text);
            } catch (RuntimeException e) {
                throw new Failure(new ParseException(ParseException.Kind.BAD_VALUE, w.start, e.getMessage()), resolved);
            }
            values.add(new Object[] {t.arg, v, w.start});
            if (t.restOfLine()) break;
        }
        Node<C> end = beforePipe != null ? beforePipe : n;
        boolean complete = beforePipe != null ? n.filter != null : n.command != null && n.jump == null;
        if (!complete) throw new Failure(new ParseException(ParseException.Kind.INCOMPLETE, -1, null), resolved);
        Args args = new Args(end.command);
        for (String k : keywords) args.keyword(k);
        for (Object[] v : values) args.put((Arg<?>) v[0], v[1], (Integer) v[2]);
        Filter filter = beforePipe == null ? null : new Filter(filterKind, regex, filterColumn);
        return new Parsed<>(new Match<>(end.command, end.form, args, runs, filter), resolved);
    }

    /**
     * Parses a line typed in {@code mode}, as IOS does: a line that is invalid here but complete
     * and unambiguous in an enclosing mode runs there (the returned match names that mode). A
     * word that reads as different keywords here and there is ambiguous and runs nothing.
     */
    public Match<C> resolve(Mode mode, String line) {
        Failure here;
        try {
            return parseIn(mode, line).match;
        } catch (Failure f) {
            here = f;
        }
        if (here.error.kind != ParseException.Kind.INVALID) throw here.error;
        ParseException best = here.error;
        for (Mode p = mode.parent(); p != null; p = p.parent()) {
            try {
                Parsed<C> there = parseIn(p, line);
                int k = Math.min(here.resolved.size(), there.resolved.size());
                if (!there.resolved.subList(0, k).equals(here.resolved.subList(0, k))) {
                    throw new ParseException(ParseException.Kind.AMBIGUOUS, -1, line.strip());
                }
                return there.match;
            } catch (Failure f) {
                if (reach(f.error) > reach(best)) best = f.error;
            }
        }
        throw best;
    }

    private static int reach(ParseException e) {
        return switch (e.kind) {
            case INCOMPLETE -> Integer.MAX_VALUE;
            case AMBIGUOUS -> Integer.MAX_VALUE - 1;
            default -> e.column;
        };
    }

    /** True when the line is a complete command in this mode. */
    public boolean accepts(Mode mode, String line) {
        try {
            parseIn(mode, line);
            return true;
        } catch (Failure f) {
            return false;
        }
    }

    /**
     * The {@code ?} help for a partly typed line in {@code mode}, including what an enclosing
     * mode would run: after a space, the possible next tokens (and {@code <cr>}); inside a word,
     * what that word can still become. Null when nothing can follow.
     */
    public List<Help> help(Mode mode, String line, Values values) {
        List<Help> here = helpIn(mode, line, values);
        Map<String, Help> merged = new LinkedHashMap<>();
        if (here != null) for (Help h : here) merged.put(h.word, h);
        for (Mode p = mode.parent(); p != null; p = p.parent()) {
            List<Help> there = helpIn(p, line, values);
            if (there == null) continue;
            for (Help h : there) {
                if (here != null && h.word.equals("<cr>")) continue;
                merged.putIfAbsent(h.word, h);
            }
        }
        if (here == null && merged.isEmpty()) return null;
        List<Help> out = new ArrayList<>(merged.values());
        out.sort(Grammar::order);
        return out;
    }

    private static int order(Help x, Help y) {
        if (x.word.equals("<cr>") != y.word.equals("<cr>")) return x.word.equals("<cr>") ? 1 : -1;
        if (x.literal != y.literal) return x.literal ? 1 : -1;
        return x.literal ? x.word.compareTo(y.word) : 0;
    }

    /** The {@code ?} help of one mode only. */
    List<Help> helpIn(Mode mode, String line, Values values) {
        boolean atWordStart = line.isEmpty() || Character.isWhitespace(line.charAt(line.length() - 1));
        List<Word> words = split(line);
        String partial = atWordStart ? "" : words.remove(words.size() - 1).text;
        Node<C> n = walk(mode, words);
        if (n == null) return null;
        List<Help> out = new ArrayList<>();
        if (n.token != null && n.token.restOfLine()) {
            if (atWordStart) out.add(new Help(n.token.display(), n.token.help, false));
            out.add(new Help("<cr>", "", false));
            return out;
        }
        String lp = partial.toLowerCase(Locale.ROOT);
        for (Node<C> c : children(n).values()) {
            Token t = c.token;
            if (t.isKeyword()) {
                if (t.keyword.startsWith(lp)) out.add(new Help(t.keyword, t.help, true));
            } else if (atWordStart) {
                out.add(new Help(t.display(), t.help, false));
            } else if (t.type().source() != null) {
                for (String v : values.apply(t.type().source())) {
                    if (v.toLowerCase(Locale.ROOT).startsWith(lp) && t.type().accepts().test(v)) out.add(new Help(v, t.help, true));
                }
            }
        }
        out.sort(Grammar::order);
        boolean complete = (n.command != null && n.jump == null) || n.filter != null;
        if (atWordStart && complete) out.add(new Help("<cr>", "", false));
        return out;
    }

    /** TAB: the words the last (partial) word of the line can be completed to. */
    public List<String> complete(Mode mode, String line, Values values) {
        List<Help> h = help(mode, line, values);
        Set<String> out = new LinkedHashSet<>();
        if (h == null) return List.of();
        for (Help x : h) if (x.literal) out.add(x.word);
        return List.copyOf(out);
    }

    /** Follows complete words from the root; null when they do not lead anywhere unique. */
    private Node<C> walk(Mode mode, List<Word> words) {
        Node<C> n = root(mode);
        for (Word w : words) {
            if (n.token != null && n.token.restOfLine()) return n;
            List<Node<C>> c = candidates(n, w.text);
            if (c.size() != 1) return null;
            Node<C> next = c.get(0);
            if (!next.token.isKeyword() && !next.token.restOfLine()) {
                try {
                    next.token.type().convert().apply(w.text);
                } catch (RuntimeException e) {
                    return null;
                }
            }
            n = next;
        }
        return n;
    }
}
