package swsh.grammar;

/** A CLI mode: its prompt suffix and the mode a command falls back to when it is not found here. */
public enum Mode {
    USER(">", null, "User EXEC"),
    EXEC("#", null, "Privileged EXEC"),
    CONFIG("(config)#", null, "Global configuration"),
    IF("(config-if)#", CONFIG, "Interface configuration"),
    IF_RANGE("(config-if-range)#", CONFIG, "Interface range configuration"),
    VLAN("(config-vlan)#", CONFIG, "VLAN configuration");

    public final String prompt;
    public final Mode parent;
    public final String title;

    Mode(String prompt, Mode parent, String title) {
        this.prompt = prompt;
        this.parent = parent;
        this.title = title;
    }

    public boolean isConfig() {
        return this != USER && this != EXEC;
    }
}
