package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import swsh.core.ErrDisable;

/**
 * Port security, storm control and err-disable through the shell on the fake kernel: running-config lines,
 * IOS errors, the Catalyst show layouts, and the runtime (learning, violations, err-disable and recovery)
 * driven by frames handed to the engine as the port's watch would.
 */
class PortProtectionShowTest {
    static TestSwitch.Run ok(TestSwitch sw, String... lines) {
        TestSwitch.Run r = sw.script(lines);
        assertEquals(0, r.failed(), r.err());
        return r;
    }

    static boolean logged(TestSwitch sw, String text) {
        return sw.shell.audit.recent().stream().anyMatch(l -> l.contains(text));
    }

    @Test
    void configLinesInIosOrder() {
        TestSwitch sw = new TestSwitch();
        ok(sw, "configure terminal", "interface eth1", "switchport mode access", "switchport port-security",
                "switchport port-security maximum 2", "switchport port-security violation restrict", "switchport port-security mac-address sticky",
                "switchport port-security mac-address 0050.7966.6801", "switchport port-security aging time 5",
                "storm-control multicast level 20 10", "storm-control broadcast level pps 1k 500", "storm-control unicast level bps 1.5m",
                "storm-control action shutdown", "storm-control action trap", "exit",
                "errdisable recovery cause bpduguard", "errdisable recovery cause all", "no errdisable recovery cause bpduguard",
                "errdisable recovery interval 30", "end");
        String run = ok(sw, "show running-config").out();
        assertTrue(run.contains("errdisable recovery cause psecure-violation\nerrdisable recovery cause storm-control\n"), run);
        assertFalse(run.contains("cause bpduguard"), run);
        assertTrue(run.contains("errdisable recovery interval 30\n"), run);
        assertTrue(run.contains("""
                interface eth1
                 switchport mode access
                 switchport port-security maximum 2
                 switchport port-security
                 switchport port-security violation restrict
                 switchport port-security aging time 5
                 switchport port-security mac-address sticky
                 switchport port-security mac-address 0050.7966.6801
                 storm-control broadcast level pps 1k 500
                 storm-control multicast level 20.00 10.00
                 storm-control unicast level bps 1.5m
                 storm-control action shutdown
                 storm-control action trap
                """), run);
        ok(sw, "configure terminal", "interface eth1", "no storm-control multicast level", "no storm-control action trap",
                "no switchport port-security mac-address 0050.7966.6801", "no switchport port-security maximum", "end");
        run = ok(sw, "show running-config").out();
        assertFalse(run.contains("multicast") || run.contains("action trap") || run.contains("0050.7966.6801") || run.contains("maximum"), run);
    }

    @Test
    void portSecurityOnlyOnAccessPorts() {
        TestSwitch sw = new TestSwitch();
        TestSwitch.Run r = sw.script("configure terminal", "interface eth1", "switchport port-security");
        assertTrue(r.err().contains("Command rejected: eth1 is a dynamic port."), r.err());
        r = sw.script("configure terminal", "interface eth2", "switchport mode trunk", "switchport port-security");
        assertTrue(r.err().contains("Command rejected: eth2 is a trunk port."), r.err());
        r = sw.script("configure terminal", "interface eth3", "switchport mode access", "switchport port-security mac-address 0050.7966.6801",
                "switchport port-security mac-address 0050.7966.6802");
        assertTrue(r.err().contains("% Error: Total secure mac-addresses on interface eth3 has reached maximum limit."), r.err());
        r = sw.script("configure terminal", "errdisable recovery interval 29");
        assertTrue(r.err().contains("% Invalid input detected at '^' marker."), r.err());
    }

    @Test
    void showLayouts() {
        TestSwitch sw = new TestSwitch();
        ok(sw, "configure terminal", "interface eth1", "switchport mode access", "switchport port-security",
                "switchport port-security mac-address 0050.7966.6801", "storm-control broadcast level pps 100 50",
                "storm-control multicast level 20", "end");
        assertEquals("""
                Secure Port  MaxSecureAddr  CurrentAddr  SecurityViolation  Security Action
                                (Count)       (Count)          (Count)
                ---------------------------------------------------------------------------
                       eth1              1            1                  0         Shutdown
                ---------------------------------------------------------------------------
                Total Addresses in System (excluding one mac per port)     : 0
                Max Addresses limit in System (excluding one mac per port) : 4096
                """, ok(sw, "show port-security").out());
        String port = ok(sw, "show port-security interface eth1").out();
        assertTrue(port.startsWith("Port Security              : Enabled\nPort Status                : Secure-"), port);
        assertTrue(port.contains("Maximum MAC Addresses      : 1\nTotal MAC Addresses        : 1\nConfigured MAC Addresses   : 1\n"), port);
        assertTrue(port.contains("Security Violation Count   : 0"), port);
        assertTrue(ok(sw, "show port-security address").out().contains(
                "   1    0050.7966.6801    SecureConfigured              eth1           -\n"));
        assertEquals("""
                Interface  Filter State   Upper        Lower        Current
                ---------  -------------  -----------  -----------  ----------
                eth1       Forwarding         100 pps       50 pps       0 pps
                """, ok(sw, "show storm-control").out());
        assertTrue(ok(sw, "show storm-control eth1 multicast").out().contains("eth1       Forwarding          20.00%       20.00%       0.00%"));
        assertEquals("""
                ErrDisable Reason            Timer Status
                -----------------            --------------
                bpduguard                    Disabled
                psecure-violation            Disabled
                storm-control                Disabled

                Timer interval: 300 seconds

                Interfaces that will be enabled at the next timeout:

                Interface       Errdisable reason       Time left(sec)
                ---------       -----------------       --------------
                """, ok(sw, "show errdisable recovery").out());
    }

    @Test
    void tripHoldsThePortDownUntilShutdownNoShutdown() {
        TestSwitch sw = new TestSwitch();
        ok(sw, "configure terminal", "interface eth1", "switchport mode access", "end");
        assertTrue(sw.engine.errdisable.trip("eth1", ErrDisable.Cause.BPDUGUARD));
        assertFalse(sw.engine.errdisable.trip("eth1", ErrDisable.Cause.BPDUGUARD), "once");
        assertFalse(sw.engine.errdisable.trip("eth5", ErrDisable.Cause.BPDUGUARD), "not a port of the config");
        assertTrue(logged(sw, "%PM-4-ERR_DISABLE: bpduguard error detected on eth1, putting eth1 in err-disable state"));
        assertFalse(sw.kernel.read().link("eth1").adminUp(), "the link is down in the kernel");
        assertTrue(sw.engine.repairPlan().isEmpty(), "holding it down is no drift");
        assertTrue(ok(sw, "show interfaces status").out().contains("eth1                         err-disabled 1"));
        assertTrue(ok(sw, "show interfaces eth1").out().startsWith("eth1 is down, line protocol is down (err-disabled)"));
        assertTrue(ok(sw, "show interfaces status err-disabled").out().contains("eth1                         err-disabled bpduguard"));
        ok(sw, "configure terminal", "interface eth1", "description x", "end");
        assertFalse(sw.kernel.read().link("eth1").adminUp(), "another change keeps it down");
        ok(sw, "configure terminal", "interface eth1", "shutdown", "no shutdown", "end");
        assertFalse(sw.engine.errdisable.has("eth1"));
        assertTrue(sw.kernel.read().link("eth1").adminUp());
    }

    @Test
    void recoveryIntervalBringsThePortBack() throws Exception {
        TestSwitch sw = new TestSwitch();
        sw.engine.errdisable.second(Duration.ofMillis(20));
        ok(sw, "configure terminal", "interface eth1", "switchport mode access", "exit", "errdisable recovery cause bpduguard",
                "errdisable recovery interval 30", "end");
        sw.engine.errdisable.trip("eth1", ErrDisable.Cause.BPDUGUARD);
        String rec = ok(sw, "show errdisable recovery").out();
        assertTrue(rec.matches("(?s).*\neth1            bpduguard               [0-9]+\n.*"), rec);
        assertTrue(TestSwitch.eventually(() -> !sw.engine.errdisable.has("eth1")));
        assertTrue(logged(sw, "%PM-4-ERR_RECOVER: Attempting to recover from bpduguard err-disable state on eth1"));
        assertTrue(TestSwitch.eventually(() -> sw.kernel.read().link("eth1").adminUp()));
        // a cause not recovered stays
        sw.engine.errdisable.trip("eth1", ErrDisable.Cause.STORM_CONTROL);
        Thread.sleep(1000);
        assertTrue(sw.engine.errdisable.has("eth1"));
    }

    @Test
    void framesFromUnknownMacsLearnThenViolate() {
        TestSwitch sw = new TestSwitch();
        ok(sw, "configure terminal", "interface eth1", "switchport mode access", "switchport port-security",
                "switchport port-security violation restrict", "end");
        sw.engine.secure.frame("eth1", "02:00:00:00:00:01");
        assertTrue(sw.kernel.appliedOps().contains(new swsh.kernel.Op.FdbAdd("02:00:00:00:00:01", "eth1", 1)), "learned: a static entry");
        sw.engine.secure.frame("eth1", "02:00:00:00:00:02");
        assertEquals(1, sw.engine.secure.violations("eth1"));
        assertTrue(logged(sw, "%PORT_SECURITY-2-PSECURE_VIOLATION: Security violation occurred, caused by MAC address 0200.0000.0002 on port eth1."));
        assertTrue(ok(sw, "show port-security address").out().contains("0200.0000.0001    SecureDynamic"));
        assertTrue(ok(sw, "show port-security interface eth1").out().contains("Last Source Address:Vlan   : 0200.0000.0002:1"));
        ok(sw, "clear port-security dynamic interface eth1");
        assertTrue(sw.engine.secure.dynamic("eth1").isEmpty());
        ok(sw, "configure terminal", "interface eth1", "switchport port-security violation shutdown", "switchport port-security mac-address sticky",
                "end");
        sw.engine.secure.frame("eth1", "02:00:00:00:00:03");
        assertTrue(ok(sw, "show running-config").out().contains(" switchport port-security mac-address sticky 0200.0000.0003\n"));
        sw.engine.secure.frame("eth1", "02:00:00:00:00:04");
        assertTrue(sw.engine.errdisable.has("eth1"));
        assertTrue(logged(sw, "%PM-4-ERR_DISABLE: psecure-violation error detected on eth1, putting eth1 in err-disable state"));
        ok(sw, "clear port-security sticky");
        assertFalse(ok(sw, "show running-config").out().contains("sticky 0200"));
    }

    @Test
    void dynamicSecureMacsAgeOut() throws Exception {
        TestSwitch sw = new TestSwitch();
        sw.engine.secure.minute(Duration.ofMillis(50));
        ok(sw, "configure terminal", "interface eth1", "switchport mode access", "switchport port-security",
                "switchport port-security aging time 2", "end");
        sw.engine.secure.frame("eth1", "02:00:00:00:00:01");
        assertEquals(1, sw.engine.secure.dynamic("eth1").size());
        Thread.sleep(150);
        sw.engine.secure.sync();
        assertTrue(sw.engine.secure.dynamic("eth1").isEmpty(), "aged out after 2 (short) minutes");
        assertTrue(sw.kernel.appliedOps().contains(new swsh.kernel.Op.FdbDel("02:00:00:00:00:01", "eth1", 1)), "its entry is deleted");
    }
}
