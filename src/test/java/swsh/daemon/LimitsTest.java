package swsh.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The connection limiter: per uid, root's own share, a total with a reserve that only root may use. */
class LimitsTest {
    @Test
    void eachUidGetsItsShareAndNoMore() {
        Limits l = new Limits(3, 5, 20, 2);
        for (int i = 0; i < 3; i++) assertNull(l.admit(1000));
        Limits.Refusal r = l.admit(1000);
        assertNotNull(r);
        assertTrue(r.perUser());
        assertEquals(3, r.limit());
        assertNull(l.admit(1001), "another user is not affected");
        assertEquals(3, l.open(1000));
        assertEquals(4, l.open());
        l.release(1000);
        assertNull(l.admit(1000), "a closed connection frees a slot");
        for (int i = 0; i < 5; i++) assertNull(l.admit(0));
        assertTrue(l.admit(0).perUser(), "root is bounded too");
    }

    @Test
    void theTotalIsBoundedAndTheLastSlotsAreRoots() {
        Limits l = new Limits(2, 4, 10, 3);
        int uid = 2000;
        // 7 = total - reserve: users fill it two at a time
        for (int n = 0; n < 7; n++) assertNull(l.admit(uid + n / 2));
        Limits.Refusal r = l.admit(3000);
        assertNotNull(r);
        assertFalse(r.perUser());
        assertEquals(7, r.limit());
        for (int i = 0; i < 3; i++) assertNull(l.admit(0), "root still gets in");
        assertFalse(l.admit(0).perUser(), "but not beyond the total");
        assertEquals(10, l.open());
        l.release(2000);
        l.release(0);
        assertEquals(8, l.open());
        assertFalse(l.admit(3000).perUser(), "the last three slots overall are root's, whoever holds the others");
        l.release(0);
        l.release(0);
        assertEquals(6, l.open());
        assertNull(l.admit(3000));
    }

    @Test
    void releasingWhatWasNeverAdmittedChangesNothing() {
        Limits l = new Limits(1, 1, 2, 0);
        l.release(42);
        assertEquals(0, l.open());
        assertNull(l.admit(42));
        l.release(42);
        l.release(42);
        assertEquals(0, l.open());
    }

    @Test
    void nonsenseLimitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Limits(0, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Limits(1, 1, 4, 4));
        Limits d = Limits.defaults();
        assertEquals(16, d.perUser);
        assertEquals(256, d.total);
    }
}
