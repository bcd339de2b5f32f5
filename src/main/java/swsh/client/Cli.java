package swsh.client;

import java.util.List;

/**
 * One CLI session as the front ends (terminal, scripts) see it: in swshd ({@link RemoteCli}), or
 * in this process (swsh.shell.Session, for {@code --local} and {@code --dry-run}).
 */
public interface Cli {
    /** Answers a question; {@code secret} answers are not echoed. */
    interface Asker {
        String ask(String prompt, boolean secret);
    }

    /** One line of {@code ?} help: a keyword ({@code literal}) or a placeholder such as WORD, and what it is. */
    record Help(String word, String help, boolean literal) {}

    String prompt();

    boolean inConfig();

    /** Runs one line; returns its output or throws the IOS error. */
    String execute(String line);

    /** {@code ?} for a partly typed line; null when nothing can follow. */
    List<Help> help(String line);

    /** TAB completions of the last word of a partly typed line. */
    List<String> complete(String line);

    boolean ended();

    int length();

    void setAsker(Asker asker);

    /** Ends the session (the connection, for a remote one). */
    default void close() {}
}
