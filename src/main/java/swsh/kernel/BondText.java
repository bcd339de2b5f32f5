package swsh.kernel;

import java.util.regex.Pattern;

/** The batch text of a bond's creation: only words of a fixed set go into it, besides the checked name. */
final class BondText {
    private static final Pattern WORD = Pattern.compile("802\\.3ad|balance-xor|slow|fast");

    private BondText() {}

    static String create(String safeName, Op.CreateBond o) {
        StringBuilder sb = new StringBuilder("link add name ").append(safeName).append(" type bond mode ").append(word(o.mode()))
                .append(" miimon ").append(o.miimon());
        if (o.lacpRate() != null) sb.append(" lacp_rate ").append(word(o.lacpRate()));
        if (o.lacpActive() != null) sb.append(" lacp_active ").append(o.lacpActive() ? "on" : "off");
        return sb.toString();
    }

    private static String word(String w) {
        if (w == null || !WORD.matcher(w).matches()) throw new KernelException("% Error: bond setting " + w + " cannot be passed to iproute2");
        return w;
    }
}
