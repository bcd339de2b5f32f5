package swsh.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import swsh.Main;
import swsh.TestSwitch;
import swsh.kernel.FakeKernel;
import swsh.shell.Replay;

/** A fresh lab is a factory switch: every port in VLAN 1; a saved lab config is kept. */
class LabTest {
    private final TestSwitch sw = new TestSwitch(FakeKernel.of("eth1", "eth2", "eth3", "eth4"));

    @AfterEach
    void cleanup() {
        Main.deleteTree(sw.dir);
    }

    @Test
    void theFactoryConfigIsOneInterfaceBlockPerPortAndNothingElse() {
        assertEquals("!\nspanning-tree mode rapid-pvst\nspanning-tree portfast default\n!\ninterface eth1\n!\ninterface eth2\n!\ninterface eth3\n!\nend\n", Lab.factoryConfig(3));
        assertEquals("!\nspanning-tree mode rapid-pvst\nspanning-tree portfast default\n!\ninterface eth1\n!\nend\n", Lab.factoryConfig(1));
    }

    @Test
    void aFreshLabBootsWithEveryPortInVlanOne() throws Exception {
        assertTrue(Lab.seedStartup(sw.engine.store, 4));
        assertEquals(Lab.factoryConfig(4), Files.readString(sw.engine.store.startup()));
        Replay.Result r = Replay.merge(sw.shell, sw.engine.store.readStartup().orElseThrow());
        assertEquals(0, r.errors().size(), r.errors().toString());
        String vlans = sw.script("show vlan brief").out();
        assertTrue(vlans.contains("1    default                          active    eth1, eth2, eth3, eth4"), vlans);
    }

    @Test
    void aSavedLabConfigIsKept() throws Exception {
        String saved = "!\nhostname lab1\n!\nvlan 10\n!\ninterface eth1\n switchport access vlan 10\n!\nend\n";
        sw.engine.store.saveStartup(saved);
        assertFalse(Lab.seedStartup(sw.engine.store, 4));
        assertEquals(saved, Files.readString(sw.engine.store.startup()));
    }

    @Test
    void labPingExistsOnlyInTheLab() {
        swsh.shell.Session plain = sw.session();
        swsh.shell.CliException e = org.junit.jupiter.api.Assertions.assertThrows(swsh.shell.CliException.class,
                () -> plain.execute("lab ping h1 10.0.0.2"));
        assertEquals("% Invalid input detected at '^' marker.", e.getMessage());
        swsh.shell.Switch lab = swsh.shell.Switch.lab(sw.kernel, sw.engine.store, "lab");
        swsh.shell.Session s = new swsh.shell.Session(lab, true);
        assertTrue(s.help("lab ping ").stream().anyMatch(h -> h.word().equals("WORD")));
        assertTrue(s.complete("lab p").contains("ping"));
        swsh.shell.CliException bad = org.junit.jupiter.api.Assertions.assertThrows(swsh.shell.CliException.class,
                () -> s.execute("lab ping h1 10.0.0.2 repeat 99"));
        assertEquals("% Invalid input detected at '^' marker.", bad.getMessage());
    }
}
