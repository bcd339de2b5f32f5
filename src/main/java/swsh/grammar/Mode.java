package swsh.grammar;

/**
 * A CLI mode: a small value with a name, its prompt suffix, and the mode a line falls back to
 * when it is not a command here (klish's mode stack). The modes themselves are defined by the
 * commands that use them.
 *
 * @param name   short identifier (used in messages, the man page and tests)
 * @param prompt what follows the host name in the prompt, e.g. {@code (config-if)#}
 * @param parent the enclosing mode, or null
 * @param title  one line describing the mode
 * @param config true for configuration modes (where {@code no} and {@code default} forms exist)
 */
public record Mode(String name, String prompt, Mode parent, String title, boolean config) {
    @Override
    public String toString() {
        return name;
    }
}
