package swsh.shell;

import java.util.List;
import java.util.function.UnaryOperator;

import swsh.grammar.Mode;
import swsh.model.Config;
import swsh.model.Iface;

/** What a command handler sees: the session, the config to edit, and where to print. */
public final class Ctx {
    public final Session session;
    private final StringBuilder out;

    Ctx(Session session, StringBuilder out) {
        this.session = session;
        this.out = out;
    }

    public Engine engine() {
        return session.engine;
    }

    public Config config() {
        return session.config();
    }

    public void edit(UnaryOperator<Config> f) {
        session.edit(f);
    }

    /** Edits every interface of the current (config-if or range) mode. */
    public void editIfaces(UnaryOperator<Iface> f) {
        List<String> names = session.frame().ifaces();
        session.edit(c -> {
            Config n = c;
            for (String name : names) n = n.editIface(name, f);
            return n;
        });
    }

    /** The interfaces of the current mode. */
    public List<String> ifaces() {
        return session.frame().ifaces();
    }

    public int vlan() {
        return session.frame().vlan();
    }

    public void enter(Mode mode, List<String> ifaces, int vlan) {
        session.push(new Session.Frame(mode, ifaces, vlan));
    }

    public void println(String s) {
        out.append(s).append('\n');
    }

    public void print(String s) {
        out.append(s);
    }

    /** Asks the user a question (the default answer is the empty line). */
    public String ask(String prompt) {
        return session.ask(prompt, false);
    }
}
