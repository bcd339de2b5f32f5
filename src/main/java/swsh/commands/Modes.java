package swsh.commands;

import java.util.List;

import swsh.grammar.Mode;

/** The IOS modes of the switch shell and the groups of modes commands live in. */
public final class Modes {
    private Modes() {}

    public static final Mode USER = new Mode("USER", ">", null, "User EXEC", false);
    public static final Mode EXEC = new Mode("EXEC", "#", null, "Privileged EXEC", false);
    public static final Mode CONFIG = new Mode("CONFIG", "(config)#", null, "Global configuration", true);
    public static final Mode IF = new Mode("IF", "(config-if)#", CONFIG, "Interface configuration", true);
    public static final Mode IF_RANGE = new Mode("IF_RANGE", "(config-if-range)#", CONFIG, "Interface range configuration", true);
    public static final Mode VLAN = new Mode("VLAN", "(config-vlan)#", CONFIG, "VLAN configuration", true);
    public static final Mode ARCHIVE = new Mode("ARCHIVE", "(config-archive)#", CONFIG, "Archive configuration", true);

    public static final List<Mode> ALL = List.of(USER, EXEC, CONFIG, IF, IF_RANGE, VLAN, ARCHIVE);
    /** User and privileged EXEC. */
    public static final List<Mode> EXECS = List.of(USER, EXEC);
    /** Every configuration mode. */
    public static final List<Mode> CONFIGS = List.of(CONFIG, IF, IF_RANGE, VLAN, ARCHIVE);
    /** Interface modes: one interface or a range. */
    public static final List<Mode> PORT = List.of(IF, IF_RANGE);
}
