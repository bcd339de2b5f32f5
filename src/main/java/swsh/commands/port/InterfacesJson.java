package swsh.commands.port;

import java.util.LinkedHashMap;
import java.util.Map;

import swsh.commands.CommandException;
import swsh.commands.Context;
import swsh.commands.Interfaces;
import swsh.grammar.Args;
import swsh.kernel.State;
import swsh.model.Config;
import swsh.model.Iface;

/**
 * {@code | json} of the interface shows (Arista EOS style keys): the same ports and values as their
 * tables, as data.
 */
final class InterfacesJson {
    private InterfacesJson() {}

    /** {"interfaceStatuses": {"ethN": {"description", "linkStatus", "vlan", "duplex", "speed", "type"}}}. */
    static Object status(Context x, Args a) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SwitchPorts.Port p : ShowInterfaces.ports(x, a, false)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("description", SwitchPorts.description(p.cfg(), p.link()));
            m.put("linkStatus", SwitchPorts.line(p).status);
            m.put("vlan", SwitchPorts.vlanColumn(ShowInterfaces.asChannel(x.config(), p)));
            m.put("duplex", SwitchPorts.duplexColumn(p.cfg(), p.link()));
            m.put("speed", SwitchPorts.speedColumn(p.cfg(), p.link()));
            m.put("type", SwitchPorts.type(p.link()));
            out.put(p.name(), m);
        }
        return Map.of("interfaceStatuses", out);
    }

    /** {"interfaces": {"ethN": {"inOctets", "inUcastPkts", "inMulticastPkts", "outOctets", "outUcastPkts", ...}}}. */
    static Object counters(Context x, Args a) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SwitchPorts.Port p : ShowInterfaces.ports(x, a, true)) {
            if (p.link() == null) continue;
            State.Stats c = p.link().stats();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("inOctets", c.rxBytes());
            m.put("inUcastPkts", Math.max(0, c.rxPackets() - c.rxMulticast()));
            m.put("inMulticastPkts", c.rxMulticast());
            m.put("inErrors", c.rxErrors());
            m.put("inDiscards", c.rxDropped());
            m.put("outOctets", c.txBytes());
            m.put("outUcastPkts", c.txPackets());
            m.put("outErrors", c.txErrors());
            m.put("outDiscards", c.txDropped());
            out.put(p.name(), m);
        }
        return Map.of("interfaces", out);
    }

    /** {"switchports": {"ethN": {"enabled", "mode", "accessVlanId", "trunkNativeVlanId", "trunkAllowedVlans", "protected"}}}. */
    static Object switchport(Context x, Args a) {
        Config cfg = x.config();
        String only = Interfaces.resolve(x, a.opt(ShowInterfaces.NAME));
        if (only != null && !cfg.ifaces().containsKey(only)) throw new CommandException("% Error: interface " + only + " is not a switchport");
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iface i : cfg.ifaces().values()) {
            if (i.svi() || (only != null && !only.equals(i.name()))) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("enabled", i.switchport());
            if (i.switchport()) {
                m.put("mode", i.trunk() ? "trunk" : "access");
                m.put("accessVlanId", i.accessVlan());
                m.put("trunkNativeVlanId", i.nativeVlan());
                m.put("trunkAllowedVlans", i.allowed() == null ? "ALL" : i.allowed().toString());
                m.put("protected", i.isolated());
                m.put("shutdown", i.shutdown());
            }
            out.put(i.name(), m);
        }
        return Map.of("switchports", out);
    }
}
