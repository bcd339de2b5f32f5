package swsh.commands;

import java.util.List;
import java.util.function.UnaryOperator;

import swsh.core.Engine;
import swsh.grammar.Mode;
import swsh.model.Config;
import swsh.model.Iface;

/**
 * What a command sees when it runs: the config it edits (through the engine, or a transaction),
 * the interfaces or VLAN of the current mode, the session it runs in, and where to print. The
 * shell implements it; commands never see the shell itself.
 */
public interface Context {
    /** One open session, as {@code show users} lists it. */
    record SessionInfo(boolean self, String line, String user, String from, long idleSeconds) {}

    /** The outcome of merging a config text: lines read and the error report of each failed one. */
    record MergeResult(int lines, List<String> errors) {}

    // ---- the config
    Config config();

    /** Applies an edit (to the kernel at once, or to the open transaction). */
    void edit(UnaryOperator<Config> f);

    /** Edits every interface of the current (config-if or range) mode. */
    default void editIfaces(UnaryOperator<Iface> f) {
        List<String> names = ifaces();
        edit(c -> {
            Config n = c;
            for (String name : names) n = n.editIface(name, f);
            return n;
        });
    }

    Engine engine();

    /** Running-config text of a config. */
    String render(Config c);

    /** Replays config lines onto the running config as one transaction ({@code copy ... running-config}). */
    MergeResult merge(String text);

    /**
     * A whole config text read into a config of its own, from the factory defaults (nothing applied):
     * what {@code configure replace} puts in place. Errors name their lines.
     */
    Parsed parse(String text);

    /** A config read from a text, and the lines that failed. */
    record Parsed(Config config, List<String> errors) {}

    // ---- modes
    Mode mode();

    /** The interfaces of the current interface mode. */
    List<String> ifaces();

    /** The VLAN of config-vlan mode. */
    int vlan();

    void enter(Mode mode, List<String> ifaces, int vlan);

    /** Leaves the current mode; from EXEC it ends the session. */
    void exitMode();

    /** Back to privileged EXEC. */
    void end();

    /** Ends the session. */
    void logout();

    // ---- the session
    /** {@code enable}: asks for the secret when the user needs one. */
    void enable();

    /** {@code disable}: back to user EXEC. */
    void disable();

    void terminal(Integer length, Integer width);

    /**
     * Safe mode on (the running config of now is what a dropped connection goes back to) or off (the
     * changes made stay); returns whether it was on.
     */
    boolean safeMode(boolean on);

    List<String> history();

    List<SessionInfo> sessions();

    /** What failed when swshd last applied startup-config at its start (empty: nothing, or no boot). */
    List<String> startupErrors();

    /** The recent log buffer ({@code show logging}). */
    List<String> log();

    /**
     * {@code configure session NAME}: configuration mode on a candidate config that collects the edits
     * without touching the kernel, until {@link #commitSession()} applies it in one plan.
     */
    void configSession(String name);

    /** The pending configuration session's name, or null. */
    String sessionName();

    /** The pending configuration session's candidate config, or null. */
    Config candidate();

    /**
     * Applies the candidate as one replace and ends the configuration session; with {@code timerSeconds},
     * the change rolls back after that long unless {@code configure confirm} comes first.
     */
    void commitSession(Integer timerSeconds);

    /** Drops the candidate and ends the configuration session. */
    void abortSession();

    /** Writes a message ({@code %FACILITY-SEVERITY-MNEMONIC: text}) to the switch's log. */
    void logEvent(String message);

    /** The name of the session's user. */
    String userName();

    // ---- output
    void println(String s);

    void print(String s);

    /** Asks the user a question (the default answer is the empty line). */
    String ask(String prompt);
}
