package swsh.commands;

import java.util.Locale;

import swsh.grammar.ParamType;
import swsh.model.VlanSet;

/** The parameter types of the switch's commands, each converting a word to a typed value. */
public final class Types {
    private Types() {}

    /** Value sources for TAB and {@code ?}. */
    public static final String SOURCE_INTERFACES = "interfaces";
    public static final String SOURCE_VLANS = "vlans";

    public static final ParamType<Integer> VLAN_ID = ParamType.range(1, 4094, SOURCE_VLANS);
    public static final ParamType<VlanSet> VLAN_LIST =
            ParamType.of("WORD", SOURCE_VLANS, "[0-9]+(?:-[0-9]+)?(?:,[0-9]+(?:-[0-9]+)?)*+", VlanSet::parse);
    public static final ParamType<String> WORD = ParamType.word("WORD");
    public static final ParamType<String> LINE = ParamType.line("LINE", null);
    /** A kernel interface or {@code vlanN}; the value is the canonical name ({@code Vlan10} for an SVI). */
    public static final ParamType<String> IFNAME =
            ParamType.of("IFNAME", SOURCE_INTERFACES, "[A-Za-z0-9_.@:+-]{1,15}", Interfaces::canonical);
    /** {@code eth1 - 4, eth7}: expanded by the command, which can check each name against the kernel. */
    public static final ParamType<String> IFRANGE = ParamType.line("LINE", SOURCE_INTERFACES);
    /** {@code 0050.7966.6800} or {@code 00:50:79:66:68:00}; the value is the kernel's lower-case colon form. */
    public static final ParamType<String> MAC = ParamType.of("H.H.H", null,
            "(?i)[0-9a-f]{4}\\.[0-9a-f]{4}\\.[0-9a-f]{4}|[0-9a-f]{2}(:[0-9a-f]{2}){5}", Types::kernelMac);
    public static final ParamType<String> IPV4 = ParamType.of("A.B.C.D", null, "([0-9]{1,3}\\.){3}[0-9]{1,3}", Types::ipv4);
    public static final ParamType<String> IPV4_PREFIX =
            ParamType.of("A.B.C.D/nn", null, "([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}", Types::prefix);

    static String kernelMac(String mac) {
        String hex = mac.replaceAll("[.:]", "").toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) sb.append(':');
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }

    /** Kernel MAC to Cisco's dotted form. */
    public static String ciscoMac(String mac) {
        String hex = mac.replace(":", "").toLowerCase(Locale.ROOT);
        return hex.substring(0, 4) + "." + hex.substring(4, 8) + "." + hex.substring(8, 12);
    }

    static String ipv4(String dotted) {
        for (String p : dotted.split("\\.")) {
            if (Integer.parseInt(p) > 255) throw new IllegalArgumentException("Invalid IP address " + dotted);
        }
        return dotted;
    }

    static String prefix(String text) {
        String[] p = text.split("/");
        ipv4(p[0]);
        if (Integer.parseInt(p[1]) > 32) throw new IllegalArgumentException("Invalid prefix length /" + p[1]);
        return text;
    }

    /** Prefix length of a dotted mask, or -1 when it is not a contiguous mask. */
    public static int maskLength(String mask) {
        long m = 0;
        for (String p : mask.split("\\.")) m = (m << 8) | Integer.parseInt(p);
        int len = Long.bitCount(m);
        return m == ((0xffffffffL << (32 - len)) & 0xffffffffL) ? len : -1;
    }

    /** Dotted mask for a prefix length. */
    public static String mask(int len) {
        long m = len == 0 ? 0 : (0xffffffffL << (32 - len)) & 0xffffffffL;
        return ((m >> 24) & 255) + "." + ((m >> 16) & 255) + "." + ((m >> 8) & 255) + "." + (m & 255);
    }
}
