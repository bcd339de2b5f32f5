package swsh.commands;

import java.util.ArrayList;
import java.util.List;

import swsh.grammar.Command;
import swsh.grammar.Mode;

/** Collects command definitions in order (the order of running-config). */
public final class Defs {
    private final List<Command<Context>> list = new ArrayList<>();

    public Command<Context> cmd(List<Mode> modes, String syntax, String... help) {
        Command<Context> c = new Command<>(modes, syntax, help);
        list.add(c);
        return c;
    }

    public Command<Context> cmd(Mode mode, String syntax, String... help) {
        return cmd(List.of(mode), syntax, help);
    }

    List<Command<Context>> all() {
        return list;
    }
}
