package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static swsh.kernel.Net.host;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import swsh.shell.Replay;
import swsh.shell.Session;

/**
 * On the real kernel: {@code speed}/{@code duplex} on a veth port is refused with a clear error and changes
 * nothing (veth has no settable speed); {@code show inventory} names each port's driver as ethtool reads it;
 * {@code show tech-support} runs every show it lists.
 */
@Tag("kernel")
class PortLinkKernelTest {
    @BeforeEach
    void clean() {
        Net.reset();
    }

    @Test
    void speedOnVethIsRefusedClearly_inventoryNamesTheDriver_techSupportRuns() {
        host("h1", "sw", "eth1", "10.0.0.1/24");
        Net.Switch sw = new Net.Switch("sw");
        sw.run("conf t", "interface eth1", "end");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int failed = Replay.run(new Session(sw.shell, true), List.of("conf t", "interface eth1", "speed 100", "duplex half", "end"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, failed, e);
        assertTrue(e.contains("% Error: eth1 is a veth device, whose speed and duplex cannot be set"), e);
        assertFalse(sw.run("show running-config").contains("speed"));
        assertTrue(sw.run("show interfaces status").contains("\neth1                         connected    1            auto   auto veth\n"));
        String inv = sw.run("show inventory");
        assertTrue(inv.contains("NAME: \"eth1\", DESCR: \"veth port, driver veth\"\nPID: veth              , VID: 1.0  , SN: "), inv);
        String t = sw.run("show tech-support");
        assertTrue(t.contains("------------------ show running-config ------------------\n\nBuilding configuration..."), t);
        assertTrue(t.contains("------------------ show interfaces counters errors ------------------\n\n\nPort        Align-Err"), t);
        assertFalse(t.contains("% Error"), t);
    }
}
