package swsh.model;

/** A port's {@code [no] lldp transmit} / {@code [no] lldp receive}; both on by default (a null slot). */
public record PortLldp(boolean transmit, boolean receive) {
    public static final PortLldp BOTH = new PortLldp(true, true);

    public PortLldp withTransmit(boolean v) {
        return new PortLldp(v, receive);
    }

    public PortLldp withReceive(boolean v) {
        return new PortLldp(transmit, v);
    }

    /** lldpd's port status: {@code rx-and-tx}, {@code tx-only}, {@code rx-only} or {@code disabled}. */
    public String status() {
        if (transmit && receive) return "rx-and-tx";
        if (transmit) return "tx-only";
        return receive ? "rx-only" : "disabled";
    }
}
