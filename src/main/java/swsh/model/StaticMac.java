package swsh.model;

/** A {@code mac address-table static} entry; the MAC is kept in kernel form (aa:bb:cc:dd:ee:ff). */
public record StaticMac(String mac, int vlan, String iface) {}
