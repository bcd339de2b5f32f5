package swsh.grammar;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The token graph of every mode, built from the command definitions. Parsing, abbreviation,
 * TAB completion and {@code ?} help all walk this one graph, so they cannot disagree.
 */
public final class Grammar {
    /** A node of the token graph. */
    static final class Node {
        final Token token;
        final Map<String, Node> children = new LinkedHashMap<>();
        Command command;
        boolean no;

        Node(Token token) {
            this.token = token;
        }

        Node child(Token t) {
            return children.computeIfAbsent(t.key(), k -> new Node(t));
        }
    }

    /** A line that parsed: the command, whether its {@code no} form was used, and its arguments. */
    public record Match(Command command, boolean no, Args args) {
        public Command.Handler handler() {
            return no ? command.no : command.run;
        }
    }

    /** One line of {@code ?} output. */
    public record Help(String word, String help, boolean literal) {}

    /** Where TAB and {@code ?} find parameter values (kernel interfaces, defined VLANs). */
    public interface Values extends Function<ParamType.Source, List<String>> {}

    private static final Token NO = Token.keyword("no", "Negate a command or set its defaults");

    private final Map<Mode, Node> roots = new EnumMap<>(Mode.class);
    private final List<Command> commands = new ArrayList<>();

    public Grammar(List<Command> defs) {
        for (Mode m : Mode.values()) roots.put(m, new Node(null));
        for (Command c : defs) add(c);
    }

    private void add(Command c) {
        commands.add(c);
        for (Mode mode : c.modes) {
            if (mode == Mode.USER && c.privilege > 1) continue;
            for (List<Token> path : c.paths) {
                Node n = roots.get(mode);
                for (Token t : path) n = n.child(t);
                if (n.command == null) n.command = c;
                if (c.no != null) {
                    Node nn = roots.get(mode).child(NO);
                    int depth = 0;
                    int minDepth = c.noNeedsArgs ? path.size() : Math.max(1, Math.min(c.fixedKeywords, path.size()));
                    for (Token t : path) {
                        nn = nn.child(t);
                        depth++;
                        if (depth >= minDepth && nn.command == null) {
                            nn.command = c;
                            nn.no = true;
                        }
                    }
                }
            }
        }
    }

    public List<Command> commands() {
        return commands;
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

    /** Children of {@code node} that accept {@code word}, following IOS precedence rules. */
    private static List<Node> candidates(Node node, String word) {
        String lw = word.toLowerCase(Locale.ROOT);
        List<Node> prefix = new ArrayList<>();
        List<Node> params = new ArrayList<>();
        for (Node c : node.children.values()) {
            Token t = c.token;
            if (t.isKeyword()) {
                if (t.keyword.equals(lw)) return List.of(c);
                if (t.keyword.startsWith(lw)) prefix.add(c);
            } else if (t.type.accepts(word)) {
                params.add(c);
            }
        }
        if (!prefix.isEmpty()) return prefix;
        return params.isEmpty() ? List.of() : List.of(params.get(0));
    }

    /** Parses one line in one mode. Throws the IOS error for an invalid line. */
    public Match parse(Mode mode, String line) {
        List<Word> words = split(line);
        Node n = roots.get(mode);
        Args args = new Args();
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            List<Node> c = candidates(n, w.text);
            if (c.isEmpty()) throw CliException.invalid(w.start);
            if (c.size() > 1) throw CliException.ambiguous(line);
            n = c.get(0);
            Token t = n.token;
            if (t.isKeyword()) {
                args.keyword(t.keyword);
            } else if (t.type.restOfLine) {
                args.put(t.name, line.substring(w.start).strip(), w.start);
                break;
            } else {
                args.put(t.name, w.text, w.start);
            }
        }
        if (n.command == null) throw CliException.incomplete();
        return new Match(n.command, n.no, args);
    }

    /** True when the line is a complete command in this mode. */
    public boolean accepts(Mode mode, String line) {
        try {
            parse(mode, line);
            return true;
        } catch (CliException e) {
            return false;
        }
    }

    /**
     * The {@code ?} help for a partly typed line: after a space, the possible next tokens (and
     * {@code <cr>}); inside a word, the keywords that word can still become.
     */
    public List<Help> help(Mode mode, String line, Values values) {
        boolean atWordStart = line.isEmpty() || Character.isWhitespace(line.charAt(line.length() - 1));
        List<Word> words = split(line);
        String partial = atWordStart ? "" : words.remove(words.size() - 1).text;
        Node n = walk(mode, words);
        if (n == null) return null;
        List<Help> out = new ArrayList<>();
        if (n.token != null && !n.token.isKeyword() && n.token.type.restOfLine) {
            if (atWordStart) out.add(new Help(n.token.display(), n.token.help, false));
            out.add(new Help("<cr>", "", false));
            return out;
        }
        String lp = partial.toLowerCase(Locale.ROOT);
        for (Node c : n.children.values()) {
            Token t = c.token;
            if (t.isKeyword()) {
                if (t.keyword.startsWith(lp)) out.add(new Help(t.keyword, t.help, true));
            } else if (atWordStart) {
                out.add(new Help(t.display(), t.help, false));
            } else {
                for (String v : values.apply(t.type.source)) {
                    if (v.toLowerCase(Locale.ROOT).startsWith(lp) && t.type.accepts(v)) out.add(new Help(v, t.help, true));
                }
            }
        }
        out.sort((x, y) -> x.literal == y.literal ? (x.literal ? x.word.compareTo(y.word) : 0) : x.literal ? 1 : -1);
        if (atWordStart && n.command != null) out.add(new Help("<cr>", "", false));
        return out;
    }

    /** TAB: the words the last (partial) word of the line can be completed to. */
    public List<String> complete(Mode mode, String line, Values values) {
        List<Help> h = help(mode, line, values);
        List<String> out = new ArrayList<>();
        if (h == null) return out;
        for (Help x : h) {
            if (x.literal) out.add(x.word);
        }
        return out;
    }

    /** Follows complete words from the root; null when they do not lead anywhere unique. */
    private Node walk(Mode mode, List<Word> words) {
        Node n = roots.get(mode);
        for (Word w : words) {
            if (n.token != null && !n.token.isKeyword() && n.token.type.restOfLine) return n;
            List<Node> c = candidates(n, w.text);
            if (c.size() != 1) return null;
            n = c.get(0);
        }
        return n;
    }
}
