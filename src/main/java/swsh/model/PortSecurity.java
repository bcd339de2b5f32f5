package swsh.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A port's {@code switchport port-security} settings (issue 10): on/off, the maximum number of secure
 * MACs, what a violation does, the configured MACs ({@code mac-address MAC}), sticky learning and the MACs
 * it learned ({@code mac-address sticky MAC}: config lines, kept by {@code write memory}), and the aging
 * time of dynamic secure MACs in minutes (0: never). MACs are kernel form ({@code aa:bb:cc:dd:ee:ff}).
 */
public record PortSecurity(boolean enabled, int maximum, Violation violation, List<String> macs, boolean sticky,
                           List<String> stickyMacs, int agingMinutes) {
    public enum Violation {
        PROTECT("protect", "Protect"), RESTRICT("restrict", "Restrict"), SHUTDOWN("shutdown", "Shutdown");

        public final String ios, shown;

        Violation(String ios, String shown) {
            this.ios = ios;
            this.shown = shown;
        }
    }

    public static final int DEFAULT_MAXIMUM = 1;
    public static final PortSecurity NONE = new PortSecurity(false, DEFAULT_MAXIMUM, Violation.SHUTDOWN, List.of(), false, List.of(), 0);

    public PortSecurity {
        macs = macs == null ? List.of() : List.copyOf(macs);
        stickyMacs = stickyMacs == null ? List.of() : List.copyOf(stickyMacs);
        if (violation == null) violation = Violation.SHUTDOWN;
    }

    /** Every secure MAC of the config: configured, then sticky. */
    public List<String> configured() {
        List<String> all = new ArrayList<>(macs);
        for (String m : stickyMacs) if (!all.contains(m)) all.add(m);
        return all;
    }

    public PortSecurity withEnabled(boolean v) {
        return new PortSecurity(v, maximum, violation, macs, sticky, stickyMacs, agingMinutes);
    }

    public PortSecurity withMaximum(int v) {
        return new PortSecurity(enabled, v, violation, macs, sticky, stickyMacs, agingMinutes);
    }

    public PortSecurity withViolation(Violation v) {
        return new PortSecurity(enabled, maximum, v, macs, sticky, stickyMacs, agingMinutes);
    }

    public PortSecurity withMacs(List<String> v) {
        return new PortSecurity(enabled, maximum, violation, v, sticky, stickyMacs, agingMinutes);
    }

    public PortSecurity withSticky(boolean v) {
        return new PortSecurity(enabled, maximum, violation, macs, v, stickyMacs, agingMinutes);
    }

    public PortSecurity withStickyMacs(List<String> v) {
        return new PortSecurity(enabled, maximum, violation, macs, sticky, v, agingMinutes);
    }

    public PortSecurity withAging(int v) {
        return new PortSecurity(enabled, maximum, violation, macs, sticky, stickyMacs, v);
    }

    /** Null when every setting is the default (the port's block shows no port-security line). */
    public PortSecurity orNull() {
        return equals(NONE) ? null : this;
    }

    /** Whether port security is enforced on {@code i}: enabled on an access port. */
    public static boolean active(Iface i) {
        return i != null && i.security() != null && i.security().enabled() && i.mode() == Iface.PortMode.ACCESS && i.switchport()
                && !i.svi();
    }
}
