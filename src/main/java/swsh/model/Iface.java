package swsh.model;

/**
 * One interface block of the config. A physical interface listed here is a switchport on the
 * bridge; {@code VlanN} is the switch's own host port into VLAN N. Null/default fields are
 * settings the user never made; only the others are rendered.
 */
public record Iface(
        String name,
        boolean switchport,
        PortMode mode,
        int accessVlan,
        VlanSet allowed,
        int nativeVlan,
        boolean isolated,
        boolean shutdown,
        String description,
        Integer mtu,
        Integer stpCost,
        Integer stpPriority,
        Boolean bpduguard,
        boolean rootGuard,
        String ip) {

    public enum PortMode { ACCESS, TRUNK }

    /** The access and native VLAN of a port nobody configured. */
    public static final int DEFAULT_VLAN = 1;

    /** MTU of an interface without an {@code mtu} command. */
    public static final int DEFAULT_MTU = 1500;

    /** IOS {@code spanning-tree port-priority} of an interface without that command. */
    public static final int DEFAULT_STP_PORT_PRIORITY = 128;

    /** The MTU the interface runs with: the configured one, else {@link #DEFAULT_MTU}. */
    public int effectiveMtu() {
        return mtu == null ? DEFAULT_MTU : mtu;
    }

    /** The IOS port priority the interface runs with: the configured one, else {@link #DEFAULT_STP_PORT_PRIORITY}. */
    public int effectiveStpPriority() {
        return stpPriority == null ? DEFAULT_STP_PORT_PRIORITY : stpPriority;
    }

    /** Whether BPDU guard is on; off unless the user enabled it. */
    public boolean effectiveBpduguard() {
        return Boolean.TRUE.equals(bpduguard);
    }

    public static Iface named(String name) {
        return new Iface(name, true, null, DEFAULT_VLAN, null, DEFAULT_VLAN, false, false, null, null, null, null, null, false, null);
    }

    /** SVI names are {@code Vlan<N>}; everything else is a kernel interface. */
    public static boolean isSvi(String name) {
        return name.matches("(?i)vlan[0-9]+");
    }

    public boolean svi() {
        return isSvi(name);
    }

    public int sviVlan() {
        return Integer.parseInt(name.substring(4));
    }

    public boolean trunk() {
        return mode == PortMode.TRUNK;
    }

    /** Allowed VLANs of a trunk: {@code all} when never restricted. */
    public VlanSet allowedOrAll() {
        return allowed == null ? VlanSet.ALL : allowed;
    }

    public Iface withSwitchport(boolean v) { return new Iface(name, v, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip); }
    public Iface withMode(PortMode v) { return new Iface(name, switchport, v, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip); }
    public Iface withAccessVlan(int v) { return new Iface(name, switchport, mode, v, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip); }
    public Iface withAllowed(VlanSet v) { return new Iface(name, switchport, mode, accessVlan, v, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip); }
    public Iface withNativeVlan(int v) { return new Iface(name, switchport, mode, accessVlan, allowed, v, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip); }
    public Iface withIsolated(boolean v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, v, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip); }
    public Iface withShutdown(boolean v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, v, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip); }
    public Iface withDescription(String v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, v, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip); }
    public Iface withMtu(Integer v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, v, stpCost, stpPriority, bpduguard, rootGuard, ip); }
    public Iface withStpCost(Integer v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, v, stpPriority, bpduguard, rootGuard, ip); }
    public Iface withStpPriority(Integer v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, v, bpduguard, rootGuard, ip); }
    public Iface withBpduguard(Boolean v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, v, rootGuard, ip); }
    public Iface withRootGuard(boolean v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, v, ip); }
    public Iface withIp(String v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, v); }
}
