package swsh.commands.lldp;

import static swsh.commands.Modes.CONFIG;
import static swsh.commands.Modes.PORT;

import java.util.ArrayList;
import java.util.List;

import swsh.commands.Defs;
import swsh.commands.Guards;
import swsh.commands.Help;
import swsh.commands.RunningConfig;
import swsh.grammar.Arg;
import swsh.grammar.ParamType;
import swsh.model.Config;
import swsh.model.Iface;
import swsh.model.Lldp;
import swsh.model.PortLldp;

/**
 * LLDP and CDP through the switch's own lldpd (see {@code kernel/Lldpd}): {@code lldp run},
 * {@code cdp run}, {@code lldp timer}, {@code lldp holdtime}, and per port {@code [no] lldp transmit}
 * and {@code [no] lldp receive} (lldpd's port status).
 */
public final class LldpCommands {
    private LldpCommands() {}

    private static final Arg<Integer> TIMER = Arg.of("timer", ParamType.range(5, 65534));
    private static final Arg<Integer> HOLDTIME = Arg.of("holdtime", ParamType.range(0, 65535));

    public static void global(Defs d) {
        d.cmd(CONFIG, "cdp run", Help.CDP, "Enable CDP")
                .run((x, a) -> x.edit(c -> c.withLldp(c.lldp().withCdp(true))))
                .no((x, a) -> x.edit(c -> c.withLldp(c.lldp().withCdp(false))))
                .renders(Config.class, c -> RunningConfig.lineIf(c.lldp().cdp(), "cdp run"));
        d.cmd(CONFIG, "lldp run", Help.LLDP, "Enable LLDP")
                .run((x, a) -> x.edit(c -> c.withLldp(c.lldp().withRun(true))))
                .no((x, a) -> x.edit(c -> c.withLldp(c.lldp().withRun(false))))
                .renders(Config.class, c -> {
                    Lldp l = c.lldp();
                    List<String> out = new ArrayList<>();
                    if (l.timer() != Lldp.DEFAULT_TIMER) out.add("lldp timer " + l.timer());
                    if (l.holdtime() != Lldp.DEFAULT_HOLDTIME) out.add("lldp holdtime " + l.holdtime());
                    if (l.run()) out.add("lldp run");
                    return out;
                });
        d.cmd(CONFIG, "lldp timer $timer", Help.LLDP, "Specify the rate at which LLDP packets are sent (in sec)",
                "Rate at which LLDP packets are sent (in sec)").bind(TIMER)
                .run((x, a) -> x.edit(c -> c.withLldp(c.lldp().withTimer(a.get(TIMER)))))
                .no((x, a) -> x.edit(c -> c.withLldp(c.lldp().withTimer(Lldp.DEFAULT_TIMER))));
        d.cmd(CONFIG, "lldp holdtime $holdtime", Help.LLDP,
                "Specify the holdtime (in sec) to be sent in packets", "Length  of time  (in sec) that receiver must keep this packet")
                .bind(HOLDTIME)
                .run((x, a) -> x.edit(c -> c.withLldp(c.lldp().withHoldtime(a.get(HOLDTIME)))))
                .no((x, a) -> x.edit(c -> c.withLldp(c.lldp().withHoldtime(Lldp.DEFAULT_HOLDTIME))));
    }

    public static void port(Defs d) {
        d.cmd(PORT, "lldp transmit", Help.LLDP_PORT, "Enable LLDP transmission on interface").guard(Guards.PHYSICAL)
                .run((x, a) -> x.editIfaces(i -> withPort(i, lldp(i).withTransmit(true))))
                .no((x, a) -> x.editIfaces(i -> withPort(i, lldp(i).withTransmit(false))))
                .renders(Iface.class, i -> RunningConfig.lineIf(!lldp(i).transmit(), "no lldp transmit"));
        d.cmd(PORT, "lldp receive", Help.LLDP_PORT, "Enable LLDP reception on interface").guard(Guards.PHYSICAL)
                .run((x, a) -> x.editIfaces(i -> withPort(i, lldp(i).withReceive(true))))
                .no((x, a) -> x.editIfaces(i -> withPort(i, lldp(i).withReceive(false))))
                .renders(Iface.class, i -> RunningConfig.lineIf(!lldp(i).receive(), "no lldp receive"));
    }

    static PortLldp lldp(Iface i) {
        return i.lldp() == null ? PortLldp.BOTH : i.lldp();
    }

    /** The port's setting; the default (both on) is kept as no setting at all. */
    private static Iface withPort(Iface i, PortLldp p) {
        return i.withLldp(p.equals(PortLldp.BOTH) ? null : p);
    }
}
