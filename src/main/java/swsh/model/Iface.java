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
        String ip,
        Integer voiceVlan,
        StpPort stpPort,
        PortSecurity security,
        StormControl storm,
        Channel channel,
        PortLink link,
        PortLldp lldp) {

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
        return new Iface(name, true, null, DEFAULT_VLAN, null, DEFAULT_VLAN, false, false, null, null, null, null, null, false, null,
                null, null, null, null, null, null, null);
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

    public Iface withSwitchport(boolean v) { return new Iface(name, v, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip, voiceVlan, stpPort, security, storm, channel, link, lldp); }
    public Iface withMode(PortMode v) { return new Iface(name, switchport, v, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip, voiceVlan, stpPort, security, storm, channel, link, lldp); }
    public Iface withAccessVlan(int v) { return new Iface(name, switchport, mode, v, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip, voiceVlan, stpPort, security, storm, channel, link, lldp); }
    public Iface withAllowed(VlanSet v) { return new Iface(name, switchport, mode, accessVlan, v, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip, voiceVlan, stpPort, security, storm, channel, link, lldp); }
    public Iface withNativeVlan(int v) { return new Iface(name, switchport, mode, accessVlan, allowed, v, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip, voiceVlan, stpPort, security, storm, channel, link, lldp); }
    public Iface withIsolated(boolean v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, v, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip, voiceVlan, stpPort, security, storm, channel, link, lldp); }
    public Iface withShutdown(boolean v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, v, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip, voiceVlan, stpPort, security, storm, channel, link, lldp); }
    public Iface withDescription(String v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, v, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip, voiceVlan, stpPort, security, storm, channel, link, lldp); }
    public Iface withMtu(Integer v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, v, stpCost, stpPriority, bpduguard, rootGuard, ip, voiceVlan, stpPort, security, storm, channel, link, lldp); }
    public Iface withStpCost(Integer v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, v, stpPriority, bpduguard, rootGuard, ip, voiceVlan, stpPort, security, storm, channel, link, lldp); }
    public Iface withStpPriority(Integer v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, v, bpduguard, rootGuard, ip, voiceVlan, stpPort, security, storm, channel, link, lldp); }
    public Iface withBpduguard(Boolean v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, v, rootGuard, ip, voiceVlan, stpPort, security, storm, channel, link, lldp); }
    public Iface withRootGuard(boolean v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, v, ip, voiceVlan, stpPort, security, storm, channel, link, lldp); }
    public Iface withIp(String v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, v, voiceVlan, stpPort, security, storm, channel, link, lldp); }
    public Iface withVoiceVlan(Integer v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip, v, stpPort, security, storm, channel, link, lldp); }
    public Iface withStpPort(StpPort v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip, voiceVlan, v, security, storm, channel, link, lldp); }
    public Iface withSecurity(PortSecurity v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip, voiceVlan, stpPort, v, storm, channel, link, lldp); }
    public Iface withStorm(StormControl v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip, voiceVlan, stpPort, security, v, channel, link, lldp); }
    public Iface withChannel(Channel v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip, voiceVlan, stpPort, security, storm, v, link, lldp); }
    public Iface withLink(PortLink v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip, voiceVlan, stpPort, security, storm, channel, v, lldp); }
    public Iface withLldp(PortLldp v) { return new Iface(name, switchport, mode, accessVlan, allowed, nativeVlan, isolated, shutdown, description, mtu, stpCost, stpPriority, bpduguard, rootGuard, ip, voiceVlan, stpPort, security, storm, channel, link, v); }
}
