package swsh.model;

import java.util.List;

/**
 * A port's {@code switchport port-security} settings (issue 10): on/off, the maximum number of
 * secure MACs, what a violation does, the configured (and sticky-learned) MACs, sticky learning
 * and the aging time in minutes (0: never).
 */
public record PortSecurity(boolean enabled, int maximum, Violation violation, List<String> macs, boolean sticky, int agingMinutes) {
    public enum Violation { PROTECT, RESTRICT, SHUTDOWN }

    public static final PortSecurity NONE = new PortSecurity(false, 1, Violation.SHUTDOWN, List.of(), false, 0);

    public PortSecurity {
        macs = macs == null ? List.of() : List.copyOf(macs);
    }
}
