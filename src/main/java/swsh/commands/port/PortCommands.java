package swsh.commands.port;

import static swsh.commands.Modes.PORT;

import java.util.List;

import swsh.commands.Defs;
import swsh.commands.Guards;
import swsh.commands.Help;
import swsh.commands.RunningConfig;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.grammar.ParamType;
import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.Vlan;
import swsh.model.VlanSet;

/** Switchport settings: access and trunk VLANs, mode, protected ports, MTU. */
public final class PortCommands {
    private PortCommands() {}

    private static final Arg<Integer> ACCESS = Arg.of("access-vlan", Types.VLAN_ID);
    private static final Arg<Integer> NATIVE = Arg.of("native-vlan", Types.VLAN_ID);
    private static final Arg<VlanSet> ALLOWED = Arg.of("allowed", Types.VLAN_LIST);
    private static final Arg<VlanSet> CHANGE = Arg.of("change", Types.VLAN_LIST);
    private static final Arg<Integer> MTU = Arg.of("mtu", ParamType.range(68, 9216));

    public static void define(Defs d) {
        d.cmd(PORT, "switchport", Help.SWITCHPORT).guard(Guards.PHYSICAL)
                .run((x, a) -> x.editIfaces(i -> i.withSwitchport(true)))
                .no((x, a) -> x.editIfaces(i -> i.withSwitchport(false)))
                .renders(Iface.class, i -> RunningConfig.lineIf(!i.switchport(), "no switchport"));
        d.cmd(PORT, "switchport access vlan $access-vlan", Help.SWITCHPORT,
                "Set access mode characteristics of the interface", "Set VLAN when interface is in access mode",
                "VLAN ID of the VLAN when this port is in access mode").bind(ACCESS).guard(Guards.PHYSICAL)
                .run((x, a) -> {
                    int id = a.get(ACCESS);
                    if (!x.config().hasVlan(id)) x.println("% Access VLAN does not exist. Creating vlan " + id);
                    x.edit(c -> {
                        Config n = c.hasVlan(id) ? c : c.withVlan(new Vlan(id, null));
                        for (String name : x.ifaces()) n = n.editIface(name, i -> i.withAccessVlan(id));
                        return n;
                    });
                })
                .no((x, a) -> x.editIfaces(i -> i.withAccessVlan(Iface.DEFAULT_VLAN)))
                .renders(Iface.class, i -> RunningConfig.lineIf(i.accessVlan() != Iface.DEFAULT_VLAN,
                        "switchport access vlan " + i.accessVlan()));
        d.cmd(PORT, "switchport trunk native vlan $native-vlan", Help.SWITCHPORT, Help.TRUNK,
                "Set trunking native characteristics when interface is in trunking mode",
                "Set native VLAN when interface is in trunking mode", "VLAN ID of the native VLAN when this port is in trunking mode")
                .bind(NATIVE).guard(Guards.PHYSICAL)
                .run((x, a) -> x.editIfaces(i -> i.withNativeVlan(a.get(NATIVE))))
                .no((x, a) -> x.editIfaces(i -> i.withNativeVlan(Iface.DEFAULT_VLAN)))
                .renders(Iface.class, i -> RunningConfig.lineIf(i.nativeVlan() != Iface.DEFAULT_VLAN,
                        "switchport trunk native vlan " + i.nativeVlan()));
        d.cmd(PORT, "switchport trunk allowed vlan $allowed", Help.SWITCHPORT, Help.TRUNK, Help.ALLOWED, Help.ALLOWED_VLAN,
                "VLAN IDs of the allowed VLANs when this port is in trunking mode").bind(ALLOWED).guard(Guards.PHYSICAL)
                .run((x, a) -> x.editIfaces(i -> i.withAllowed(a.get(ALLOWED))))
                .no((x, a) -> x.editIfaces(i -> i.withAllowed(null)))
                .renders(Iface.class, i -> RunningConfig.lineIf(i.allowed() != null, "switchport trunk allowed vlan " + i.allowed()));
        d.cmd(PORT, "switchport trunk allowed vlan {add|remove|except} $change", Help.SWITCHPORT, Help.TRUNK, Help.ALLOWED,
                Help.ALLOWED_VLAN, "add VLANs to the current list", "remove VLANs from the current list",
                "all VLANs except the following", "VLAN IDs of the allowed VLANs when this port is in trunking mode")
                .bind(CHANGE).guard(Guards.PHYSICAL)
                .run((x, a) -> {
                    VlanSet s = a.get(CHANGE);
                    boolean add = a.has("add"), remove = a.has("remove");
                    x.editIfaces(i -> i.withAllowed(add ? i.allowedOrAll().union(s)
                            : remove ? i.allowedOrAll().minus(s) : VlanSet.ALL.minus(s)));
                });
        d.cmd(PORT, "switchport trunk allowed vlan {all|none}", Help.SWITCHPORT, Help.TRUNK, Help.ALLOWED, Help.ALLOWED_VLAN,
                "all VLANs", "no VLANs").guard(Guards.PHYSICAL)
                .run((x, a) -> x.editIfaces(i -> i.withAllowed(a.has("all") ? null : VlanSet.NONE)));
        d.cmd(PORT, "switchport mode {access|trunk}", Help.SWITCHPORT, "Set trunking mode of the interface",
                "Set trunking mode to ACCESS unconditionally", "Set trunking mode to TRUNK unconditionally").guard(Guards.PHYSICAL)
                .run((x, a) -> {
                    Iface.PortMode m = a.has("trunk") ? Iface.PortMode.TRUNK : Iface.PortMode.ACCESS;
                    x.editIfaces(i -> i.withMode(m));
                })
                .no((x, a) -> x.editIfaces(i -> i.withMode(null)))
                .renders(Iface.class, i -> i.mode() == null ? List.of() : List.of("switchport mode " + i.mode().name().toLowerCase()));
        d.cmd(PORT, "switchport protected", Help.SWITCHPORT, "Configure an interface to be a protected port").guard(Guards.PHYSICAL)
                .run((x, a) -> x.editIfaces(i -> i.withIsolated(true)))
                .no((x, a) -> x.editIfaces(i -> i.withIsolated(false)))
                .renders(Iface.class, i -> RunningConfig.lineIf(i.isolated(), "switchport protected"));
        d.cmd(PORT, "mtu $mtu", "Set the interface Maximum Transmission Unit (MTU)", "MTU size in bytes").bind(MTU).guard(Guards.NOT_MEMBER)
                .run((x, a) -> x.editIfaces(i -> i.withMtu(a.get(MTU))))
                .no((x, a) -> x.editIfaces(i -> i.withMtu(null)))
                .renders(Iface.class, i -> RunningConfig.lineIf(i.mtu() != null, "mtu " + i.mtu()));
    }
}
