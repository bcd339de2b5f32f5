package swsh.grammar;

/**
 * A typed parameter of a command. Its name is the {@code $name} placeholder in the command's
 * syntax; binding is checked when the grammar is built, and a handler reads the value back with
 * {@link Args#get(Arg)}, already converted to {@code T}.
 */
public record Arg<T>(String name, ParamType<T> type) {
    public Arg {
        if (!name.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("bad argument name " + name);
    }

    public static <T> Arg<T> of(String name, ParamType<T> type) {
        return new Arg<>(name, type);
    }
}
