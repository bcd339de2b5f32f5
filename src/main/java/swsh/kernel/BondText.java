package swsh.kernel;

import java.util.regex.Pattern;

/** The batch text of a bond's creation: only words of a fixed set go into it, besides the checked name. */
final class BondText {
    private static final Pattern WORD = Pattern.compile("802\\.3ad|balance-xor|slow|fast");

    private BondText() {}

    static String create(String safeName, Op.CreateBond o) {
        return "link add name " + safeName + settings(o.mode(), o.miimon(), o.lacpRate(), o.lacpActive());
    }

    static String set(String safeName, Op.SetBond o) {
        return "link set dev " + safeName + settings(o.mode(), o.miimon(), o.lacpRate(), o.lacpActive());
    }

    private static String settings(String mode, int miimon, String lacpRate, Boolean lacpActive) {
        StringBuilder sb = new StringBuilder(" type bond mode ").append(word(mode)).append(" miimon ").append(miimon);
        if (lacpRate != null) sb.append(" lacp_rate ").append(word(lacpRate));
        if (lacpActive != null) sb.append(" lacp_active ").append(lacpActive ? "on" : "off");
        return sb.toString();
    }

    private static String word(String w) {
        if (w == null || !WORD.matcher(w).matches()) throw new KernelException("% Error: bond setting " + w + " cannot be passed to iproute2");
        return w;
    }
}
