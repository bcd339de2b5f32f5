package swsh.commands;

/** Help lines that many commands share: one text per keyword, so {@code ?} never disagrees with itself. */
public final class Help {
    private Help() {}

    public static final String SHOW = "Show running system information";
    public static final String CLEAR = "Reset functions";
    public static final String INTERFACE = "Select an interface to configure";
    public static final String INTERFACES = "Interface status and configuration";
    public static final String IFNAME = "Interface name, e.g. eth1";
    public static final String SWITCHPORT = "Set switching mode characteristics";
    public static final String TRUNK = "Set trunking characteristics of the interface";
    public static final String ALLOWED = "Set allowed VLAN characteristics when interface is in trunking mode";
    public static final String ALLOWED_VLAN = "Set allowed VLANs when interface is in trunking mode";
    public static final String SPANNING_TREE = "Spanning Tree Subsystem";
    public static final String PORTFAST = "Spanning tree portfast options";
    public static final String MAC = "MAC configuration";
    public static final String MAC_TABLE = "MAC forwarding table";
    public static final String ADDRESS_TABLE = "Configure the MAC address table";
    public static final String VLAN_KEYWORD = "VLAN keyword";
    public static final String INTERFACE_KEYWORD = "interface keyword";
    public static final String TERMINAL = "Set terminal line parameters";
    public static final String COPY = "Copy from one file to another";
    public static final String WRITE = "Write running configuration to memory, network, or terminal";
    public static final String ENABLE_SECRET = "Modify enable password parameters";
    public static final String SECRET = "Assign the privileged level secret";
    public static final String IP = "Interface Internet Protocol config commands";
    public static final String IP_GLOBAL = "Global IP configuration subcommands";
    /** {@code show ip}. */
    public static final String SHOW_IP = "IP information";
    public static final String LLDP = "Global LLDP configuration subcommands";
    public static final String LLDP_PORT = "LLDP interface subcommands";
    public static final String CDP = "Global CDP configuration subcommands";
    public static final String IP_ADDRESS = "Set the IP address of an interface";
    public static final String NO = "Negate a command or set its defaults";
    public static final String DEFAULT = "Set a command to its defaults";
    public static final String DO = "To run exec commands in config mode";
    public static final String PIPE = "Output modifiers";
    public static final String REGEX = "Regular Expression";
}
