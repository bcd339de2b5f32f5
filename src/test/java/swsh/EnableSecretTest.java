package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import swsh.shell.Session;
import swsh.shell.User;

/** A Catalyst's {@code enable secret 9 $9$...} line loads, renders back and lets a member enable. */
class EnableSecretTest {
    static final String HASHCAT_8 = "$8$TnGX/fE4KGHOVU$pEhnEvxrvaynpi8j4f.EMHr6M.FzU8xnZnBr/tJdFWk";
    static final String HASHCAT_9 = "$9$2MJBozw/9R3UsU$2lFhcKvpghcyw8deP25GOfyZaagyUOGBymkryvOdfo6";
    // as swsh 0.1 wrote it for "Tr0ub4dor"
    static final String LEGACY =
            "$pbkdf2-sha256$100000$CzBVep/E6Q4zWH2ix+wRNg$70bP41JB14UHqcPUvu3IKaO6+ANGfVX/Fc3G79sOfKs";

    @Test
    void anIosType9HashLoadsRendersAndVerifies() {
        TestSwitch sw = new TestSwitch();
        assertEquals("", sw.script("configure terminal", "enable secret 9 " + HASHCAT_9, "end").err());
        assertTrue(sw.script("show running-config").out().contains("\nenable secret 9 " + HASHCAT_9 + "\n"));
        assertTrue(enableAs(sw, "hashcat"));
        assertFalse(enableAs(sw, "wrong"));
    }

    @Test
    void aLegacyHashStillLoadsAndVerifies() {
        TestSwitch sw = new TestSwitch();
        assertEquals("", sw.script("configure terminal", "enable secret 9 " + LEGACY, "end").err());
        assertTrue(sw.script("show running-config").out().contains("\nenable secret 9 " + LEGACY + "\n"));
        assertTrue(enableAs(sw, "Tr0ub4dor"));
        assertFalse(enableAs(sw, "tr0ub4dor"));
    }

    @Test
    void aCleartextSecretIsStoredAsType9() {
        TestSwitch sw = new TestSwitch();
        sw.script("configure terminal", "enable secret s3cr3t", "end");
        String cfg = sw.script("show running-config").out();
        assertTrue(cfg.matches("(?s).*\\nenable secret 9 \\$9\\$[./0-9A-Za-z]{14}\\$[./0-9A-Za-z]{43}\\n.*"), cfg);
        assertTrue(enableAs(sw, "s3cr3t"));
    }

    @Test
    void wrongTypesAndAbsurdWorkFactorsAreRefused() {
        TestSwitch sw = new TestSwitch();
        String absurd = LEGACY.replace("$100000$", "$2000000000$");
        for (String h : new String[] {HASHCAT_8, absurd, "$9$short$hash", "cisco"}) {
            TestSwitch.Run r = sw.script("configure terminal", "enable secret 9 " + h);
            assertEquals(1, r.failed(), h);
            assertTrue(r.err().contains("% Invalid HASHED secret"), r.err());
        }
        assertFalse(sw.script("show running-config").out().contains("enable secret"));
    }

    /** Whether a member of group swsh (not admin) gets privileged EXEC with {@code password}. */
    private static boolean enableAs(TestSwitch sw, String password) {
        // wrong secrets are paced (1 s, 2 s, ...; see EnableBackoffTest): here a thousand times faster
        sw.shell.enableGuard.pace(1, 30, System::currentTimeMillis, Thread::sleep);
        Session s = new Session(sw.shell, new User("op", false, true, "console", ""), false);
        sw.script(s, "enable", password); // a script answers Password: with its next line
        boolean enabled = s.mode() == swsh.commands.Modes.EXEC;
        s.close();
        return enabled;
    }
}
