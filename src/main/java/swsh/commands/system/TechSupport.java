package swsh.commands.system;

import static swsh.commands.Modes.EXEC;

import java.util.List;

import swsh.commands.CommandSet;
import swsh.commands.Context;
import swsh.commands.Defs;
import swsh.commands.Help;
import swsh.commands.Modes;
import swsh.grammar.Grammar;

/**
 * {@code show tech-support}: the shows a support engineer asks for, one after the other, each under IOS's
 * {@code ------------------ show X ------------------} header; each runs as if typed, so its output is the
 * same, and one that fails says why in its place and the others still run.
 */
public final class TechSupport {
    private TechSupport() {}

    static final List<String> SHOWS = List.of("show version", "show running-config", "show interfaces status",
            "show interfaces", "show interfaces counters", "show interfaces counters errors", "show ip interface brief",
            "show vlan", "show interfaces trunk", "show mac address-table", "show spanning-tree", "show monitor",
            "show inventory", "show clock", "show users", "show logging");

    public static void define(Defs d) {
        d.cmd(EXEC, "show tech-support", Help.SHOW, "Show system information for Tech-Support").filterable().run((x, a) -> {
            Grammar<Context> g = CommandSet.grammar();
            for (String show : SHOWS) {
                x.println("");
                x.println("------------------ " + show + " ------------------");
                x.println("");
                try {
                    Grammar.Match<Context> m = g.parse(Modes.EXEC, show);
                    m.handler().run(x, m.args());
                } catch (RuntimeException e) {
                    x.println(e.getMessage() == null ? "% Error: " + show + " failed" : e.getMessage());
                }
            }
        });
    }
}
