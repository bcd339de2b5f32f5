package swsh.grammar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import swsh.shell.Ctx;

/**
 * The one definition of a command: syntax with one help line per token, the modes it lives in,
 * what it does, what its {@code no} form does, and (through {@link swsh.model.Render}) how its
 * setting shows in running-config.
 *
 * <p>Syntax: words are keywords; {@code <lo-hi>}, {@code WORD}, {@code LINE}, {@code VLANS},
 * {@code IFNAME}, {@code IFRANGE}, {@code MAC}, {@code A.B.C.D}, {@code A.B.C.D/M} are
 * parameters, optionally named {@code name:TYPE} (the default name is the keyword before it);
 * {@code {a|b}} is a choice of keywords and {@code [ ... ]} an optional group.
 */
public final class Command {
    /** Runs a parsed command against a session context. */
    @FunctionalInterface
    public interface Handler {
        void run(Ctx ctx, Args args);
    }

    public final String syntax;
    public final List<Mode> modes;
    final List<List<Token>> paths;
    final int fixedKeywords;
    Handler run;
    Handler no;
    boolean noNeedsArgs;
    /** Lowest privilege level (1 or 15) that may run it. */
    int privilege = 15;

    public Command(List<Mode> modes, String syntax, String... help) {
        this.syntax = syntax;
        this.modes = List.copyOf(modes);
        List<String> words = Arrays.asList(syntax.trim().split("\\s+"));
        int fixed = 0;
        while (fixed < words.size() && words.get(fixed).matches("[a-z][a-z0-9-]*")) fixed++;
        this.fixedKeywords = fixed;
        this.paths = expand(words, help);
    }

    /** How the setting shows in running-config: scope is the Config, Iface or Vlan of the mode. */
    Function<Object, Object> render;

    @SuppressWarnings("unchecked")
    public <T> Command renders(Function<T, ?> f) {
        this.render = (Function<Object, Object>) f;
        return this;
    }

    /** Running-config lines of this command for one scope (none when at its default). */
    public List<String> render(Object scope) {
        Object r = render == null ? null : render.apply(scope);
        if (r == null) return List.of();
        if (r instanceof String s) return List.of(s);
        @SuppressWarnings("unchecked")
        List<String> l = (List<String>) r;
        return l;
    }

    public Command run(Handler h) {
        this.run = h;
        return this;
    }

    /** The {@code no} form; parameters after the leading keywords may be left out. */
    public Command no(Handler h) {
        this.no = h;
        return this;
    }

    /** The {@code no} form, which needs the same parameters as the command. */
    public Command noWithArgs(Handler h) {
        this.no = h;
        this.noNeedsArgs = true;
        return this;
    }

    /** Its parameters are secrets: never echoed into logs or history. */
    public boolean sensitive;

    public Command sensitive() {
        this.sensitive = true;
        return this;
    }

    /** Allowed in user EXEC as well. */
    public Command user() {
        this.privilege = 1;
        return this;
    }

    public boolean hasNo() {
        return no != null;
    }

    public List<List<Token>> paths() {
        return paths;
    }

    /** Expands choices and optional groups into every concrete token sequence. */
    private static List<List<Token>> expand(List<String> words, String[] help) {
        List<List<Token>> out = new ArrayList<>();
        out.add(new ArrayList<>());
        int[] helpIndex = {0};
        String lastKeyword = null;
        List<List<Token>> optional = null;
        for (String w : words) {
            boolean open = w.startsWith("["), close = w.endsWith("]");
            String core = w.replaceAll("^\\[|\\]$", "");
            if (open) optional = new ArrayList<>(List.of(List.of()));
            List<Token> choices = new ArrayList<>();
            if (core.startsWith("{")) {
                for (String alt : core.substring(1, core.length() - 1).split("\\|")) {
                    choices.add(Token.keyword(alt, nextHelp(help, helpIndex, core)));
                }
            } else {
                String name = null, spelling = core;
                int colon = core.indexOf(':');
                if (colon > 0) {
                    name = core.substring(0, colon);
                    spelling = core.substring(colon + 1);
                }
                ParamType t = ParamType.named(spelling);
                String h = nextHelp(help, helpIndex, core);
                if (t == null) {
                    choices.add(Token.keyword(core, h));
                    lastKeyword = core;
                } else {
                    choices.add(Token.param(t, name != null ? name : lastKeyword != null ? lastKeyword : spelling, h));
                }
            }
            if (optional != null) {
                List<List<Token>> grown = new ArrayList<>();
                for (List<Token> seq : optional) {
                    for (Token c : choices) {
                        List<Token> n = new ArrayList<>(seq);
                        n.add(c);
                        grown.add(n);
                    }
                }
                // the empty prefix of the group stays possible only as a whole
                optional = grown;
                if (close) {
                    List<List<Token>> next = new ArrayList<>();
                    for (List<Token> base : out) {
                        next.add(base);
                        for (List<Token> opt : optional) {
                            List<Token> n = new ArrayList<>(base);
                            n.addAll(opt);
                            next.add(n);
                        }
                    }
                    out = next;
                    optional = null;
                }
            } else {
                List<List<Token>> next = new ArrayList<>();
                for (List<Token> base : out) {
                    for (Token c : choices) {
                        List<Token> n = new ArrayList<>(base);
                        n.add(c);
                        next.add(n);
                    }
                }
                out = next;
            }
        }
        if (helpIndex[0] != help.length) {
            throw new IllegalArgumentException("help lines do not match tokens: " + String.join(" ", words));
        }
        return out;
    }

    private static String nextHelp(String[] help, int[] index, String word) {
        if (index[0] >= help.length) {
            throw new IllegalArgumentException("no help line for token " + word);
        }
        return help[index[0]++];
    }

    @Override
    public String toString() {
        return syntax;
    }
}
