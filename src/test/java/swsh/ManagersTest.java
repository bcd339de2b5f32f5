package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import swsh.kernel.Managers;

/** Ports another network manager drives are named before swsh takes them. */
class ManagersTest {
    @Test
    void networkdAndNetworkManagerStateFilesAreRead() throws Exception {
        Path run = TempDirs.make("managers");
        Files.createDirectories(run.resolve("systemd/netif/links"));
        Files.createDirectories(run.resolve("NetworkManager/devices"));
        Files.writeString(run.resolve("systemd/netif/links/3"), "ADMIN_STATE=configured\nOPER_STATE=routable\n");
        Files.writeString(run.resolve("systemd/netif/links/4"), "ADMIN_STATE=unmanaged\nOPER_STATE=carrier\n");
        Files.writeString(run.resolve("NetworkManager/devices/5"), "[device]\nmanaged=true\n");
        Files.writeString(run.resolve("NetworkManager/devices/6"), "[device]\nmanaged=false\n");
        assertEquals("systemd-networkd", Managers.of(run, 3));
        assertNull(Managers.of(run, 4));
        assertEquals("NetworkManager", Managers.of(run, 5));
        assertNull(Managers.of(run, 6));
        assertNull(Managers.of(run, 7), "no state file: nobody's");
    }

    @Test
    void interfaceWarnsOnceWhenItTakesAManagedPort() {
        TestSwitch sw = new TestSwitch();
        sw.kernel.managedBy("eth2", "NetworkManager");
        String out = sw.script("configure terminal", "interface eth2", "exit", "interface eth2", "interface eth1", "end").out();
        assertTrue(out.contains("% Warning: eth2 is managed by NetworkManager, which may remove the VLANs and addresses swsh sets;"), out);
        assertEquals(1, out.split("% Warning").length - 1, "said when the port is taken, not again");
        assertFalse(out.contains("eth1 is managed"));
    }
}
