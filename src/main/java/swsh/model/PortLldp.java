package swsh.model;

/** A port's {@code [no] lldp transmit} / {@code [no] lldp receive} (issue 11); both on by default. */
public record PortLldp(boolean transmit, boolean receive) {
    public static final PortLldp BOTH = new PortLldp(true, true);
}
