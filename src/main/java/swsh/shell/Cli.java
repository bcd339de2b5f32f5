package swsh.shell;

import java.util.List;

import swsh.grammar.Grammar;

/**
 * One CLI session as the front ends (terminal, scripts) see it: in this process
 * ({@link Session}) or in swshd ({@link swsh.daemon.RemoteCli}).
 */
public interface Cli {
    /** Answers a question; {@code secret} answers are not echoed. */
    interface Asker {
        String ask(String prompt, boolean secret);
    }

    String prompt();

    boolean inConfig();

    /** Runs one line; returns its output or throws the IOS error. */
    String execute(String line);

    /** {@code ?} for a partly typed line; null when nothing can follow. */
    List<Grammar.Help> help(String line);

    /** TAB completions of the last word of a partly typed line. */
    List<String> complete(String line);

    boolean ended();

    int length();

    void setAsker(Asker asker);

    /** Ends the session (the connection, for a remote one). */
    default void close() {}
}
