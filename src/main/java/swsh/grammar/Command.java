package swsh.grammar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one definition of a command, generic over the context {@code C} its handlers run in:
 * syntax with one help line per token, the modes it lives in, its typed arguments, a guard, what
 * it does, its {@code no} and {@code default} forms, and how its setting shows in the config.
 *
 * <p>Syntax: plain words are keywords; {@code $name} is a parameter bound with {@link #bind};
 * {@code {a|b}} is a choice of keywords; {@code [ ... ]} is an optional group. Everything is
 * checked when the grammar is built, so a mistake fails at start-up, not when a user types.
 */
public final class Command<C> {
    /** Runs a parsed command in a context. */
    @FunctionalInterface
    public interface Handler<C> {
        void run(C ctx, Args args);
    }

    /** Refuses a command where it does not apply (throws the error to show). */
    @FunctionalInterface
    /** What {@code | json} prints for a show: a value of maps, lists, strings, numbers and booleans. */
    public interface JsonView<C> {
        Object of(C ctx, Args args);
    }

    public interface Guard<C> {
        void check(C ctx);
    }

    public final String syntax;
    public final List<Mode> modes;
    private final String[] help;
    private final Map<String, Arg<?>> args = new LinkedHashMap<>();
    private List<List<Token>> paths;
    private final Set<String> keywords = new LinkedHashSet<>();
    int fixedKeywords;
    Handler<C> run;
    Handler<C> no;
    Handler<C> dflt;
    Guard<C> guard;
    boolean noNeedsArgs;
    boolean userLevel;
    boolean sensitive;
    boolean filterable;
    private JsonView<C> json;
    private Class<?> scope;
    private Function<Object, List<String>> render;

    public Command(List<Mode> modes, String syntax, String... help) {
        this.syntax = syntax.strip();
        this.modes = List.copyOf(modes);
        this.help = help.clone();
    }

    /** Binds the {@code $name} parameters of the syntax to their typed arguments. */
    public Command<C> bind(Arg<?>... bound) {
        for (Arg<?> a : bound) {
            if (args.put(a.name(), a) != null) throw new IllegalStateException(syntax + ": $" + a.name() + " bound twice");
        }
        return this;
    }

    public Command<C> run(Handler<C> h) {
        this.run = h;
        return this;
    }

    /** The {@code no} form; parameters after the leading keywords may be left out. */
    public Command<C> no(Handler<C> h) {
        this.no = h;
        return this;
    }

    /** The {@code no} form, which needs the same parameters as the command. */
    public Command<C> noWithArgs(Handler<C> h) {
        this.no = h;
        this.noNeedsArgs = true;
        return this;
    }

    /** The {@code default} form, when it differs from the {@code no} form. */
    public Command<C> dflt(Handler<C> h) {
        this.dflt = h;
        return this;
    }

    /** Checked before the command, its {@code no} and its {@code default} form run. */
    public Command<C> guard(Guard<C> g) {
        this.guard = g;
        return this;
    }

    /** Its parameters are secrets: never echoed into logs or history. */
    public Command<C> sensitive() {
        this.sensitive = true;
        return this;
    }

    /** Allowed in user EXEC as well as privileged EXEC. */
    public Command<C> user() {
        this.userLevel = true;
        return this;
    }

    /** Its data as JSON for {@code | json} (Arista EOS style); the command becomes filterable. */
    public Command<C> json(JsonView<C> j) {
        this.json = j;
        this.filterable = true;
        return this;
    }

    /** Its {@code | json} view, or null. */
    public JsonView<C> json() {
        return json;
    }

    /** Its output may be piped through an output filter ({@code | include ...}). */
    public Command<C> filterable() {
        this.filterable = true;
        return this;
    }

    /** How the setting shows in the config for one scope object of type {@code S}. */
    @SuppressWarnings("unchecked")
    public <S> Command<C> renders(Class<S> scopeType, Function<S, List<String>> f) {
        this.scope = scopeType;
        this.render = o -> f.apply((S) o);
        return this;
    }

    /** Config lines of this command for one scope (none when it is at its default). */
    public List<String> render(Object scopeObject) {
        if (render == null || !scope.isInstance(scopeObject)) return List.of();
        List<String> l = render.apply(scopeObject);
        return l == null ? List.of() : l;
    }

    public boolean rendersFor(Class<?> scopeType) {
        return render != null && scope == scopeType;
    }

    public boolean hasNo() {
        return no != null;
    }

    public boolean isSensitive() {
        return sensitive;
    }

    public boolean isUserLevel() {
        return userLevel;
    }

    public boolean isFilterable() {
        return filterable;
    }

    /** The handler for a form, or null. */
    public Handler<C> handler(Form form) {
        return switch (form) {
            case RUN -> run;
            case NO -> no;
            case DEFAULT -> dflt != null ? dflt : no;
        };
    }

    public Guard<C> guard() {
        return guard;
    }

    /** How a line invoked the command. */
    public enum Form { RUN, NO, DEFAULT }

    boolean binds(Arg<?> a) {
        return args.get(a.name()) == a;
    }

    Set<String> keywords() {
        compile();
        return keywords;
    }

    /** Every concrete token sequence of the syntax (choices and optional groups expanded). */
    public List<List<Token>> paths() {
        compile();
        return paths;
    }

    /** The syntax as a user reads it: parameters shown as their types ({@code <1-4094>}, {@code WORD}). */
    public String usage() {
        StringBuilder sb = new StringBuilder();
        for (String w : syntax.split("\\s+")) {
            if (sb.length() > 0) sb.append(' ');
            String core = w.replaceAll("[\\[\\]]", "");
            String shown = core.startsWith("$") ? args.get(core.substring(1)).type().display() : core;
            sb.append(w.startsWith("[") ? "[" : "").append(shown).append(w.endsWith("]") ? "]" : "");
        }
        return sb.toString();
    }

    /** Expands the syntax once; throws when syntax, help lines and bound arguments disagree. */
    synchronized void compile() {
        if (paths != null) return;
        if (run == null) throw new IllegalStateException(syntax + ": no handler");
        List<String> words = Arrays.asList(syntax.split("\\s+"));
        int fixed = 0;
        while (fixed < words.size() && words.get(fixed).matches("[a-z][a-z0-9-]*")) fixed++;
        fixedKeywords = fixed;
        Set<String> used = new LinkedHashSet<>();
        List<List<Token>> out = new ArrayList<>();
        out.add(new ArrayList<>());
        int[] helpIndex = {0};
        List<List<Token>> optional = null;
        for (String w : words) {
            boolean open = w.startsWith("["), close = w.endsWith("]");
            String core = w.replaceAll("^\\[|\\]$", "");
            if (open) {
                if (optional != null) throw new IllegalStateException(syntax + ": nested [");
                optional = new ArrayList<>(List.of(List.of()));
            }
            List<Token> choices = new ArrayList<>();
            if (core.startsWith("{")) {
                for (String alt : core.substring(1, core.length() - 1).split("\\|")) {
                    choices.add(Token.keyword(keyword(alt), nextHelp(helpIndex, core)));
                }
            } else if (core.startsWith("$")) {
                String name = core.substring(1);
                Arg<?> a = args.get(name);
                if (a == null) throw new IllegalStateException(syntax + ": $" + name + " is not bound to a typed argument");
                if (!used.add(name)) throw new IllegalStateException(syntax + ": $" + name + " used twice");
                choices.add(Token.param(a, nextHelp(helpIndex, core)));
            } else {
                choices.add(Token.keyword(keyword(core), nextHelp(helpIndex, core)));
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
        if (optional != null) throw new IllegalStateException(syntax + ": unclosed [");
        if (helpIndex[0] != help.length) throw new IllegalStateException(syntax + ": help lines do not match tokens");
        if (!used.equals(args.keySet())) throw new IllegalStateException(syntax + ": bound but not in the syntax: " + args.keySet());
        for (List<Token> p : out) {
            for (int i = 0; i < p.size() - 1; i++) {
                if (p.get(i).restOfLine()) throw new IllegalStateException(syntax + ": a rest-of-line parameter must come last");
            }
        }
        paths = List.copyOf(out);
    }

    private String keyword(String w) {
        if (!w.matches("[a-z0-9][a-z0-9-]*|\\|")) throw new IllegalStateException(syntax + ": bad keyword '" + w + "'");
        keywords.add(w);
        return w;
    }

    private String nextHelp(int[] index, String word) {
        if (index[0] >= help.length) throw new IllegalStateException(syntax + ": no help line for token " + word);
        return help[index[0]++];
    }

    @Override
    public String toString() {
        return syntax;
    }
}
