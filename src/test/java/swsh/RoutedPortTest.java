package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A routed port ({@code no switchport}) is off the bridge, and {@code shutdown} still takes its link down. */
class RoutedPortTest {
    @Test
    void shutdownOnARoutedPortReachesTheKernel() {
        TestSwitch sw = new TestSwitch();
        TestSwitch.Run r = sw.script("configure terminal", "interface eth4", "no switchport", "shutdown", "end");
        assertEquals(0, r.failed(), r.err());
        assertNull(sw.kernel.read().link("eth4").master(), "off the bridge");
        assertFalse(sw.kernel.read().link("eth4").adminUp(), "shut down");
        sw.script("configure terminal", "interface eth4", "no shutdown", "end");
        assertTrue(sw.kernel.read().link("eth4").adminUp());
    }
}
