package swsh.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Enable secret hashes: real IOS type 8 / 9 hashes verify, and no absurd work factor is accepted. */
class SecretTest {
    // hashcat's example hashes for modes 9200 (Cisco-IOS $8$) and 9300 (Cisco-IOS $9$), password "hashcat"
    static final String HASHCAT_8 = "$8$TnGX/fE4KGHOVU$pEhnEvxrvaynpi8j4f.EMHr6M.FzU8xnZnBr/tJdFWk";
    static final String HASHCAT_9 = "$9$2MJBozw/9R3UsU$2lFhcKvpghcyw8deP25GOfyZaagyUOGBymkryvOdfo6";
    // Cisco's own documented example: "username yasser algorithm-type sha256 secret cisco"
    static final String CISCO_8 = "$8$dsYGNam3K1SIJO$7nv/35M/qr6t.dVc7UY9zrJDWRVqncHub1PE9UlMQFs";

    @Test
    void realIosType8HashesVerify() {
        assertTrue(Secret.isHash(8, HASHCAT_8));
        assertEquals(8, Secret.type(HASHCAT_8));
        assertTrue(Secret.matches("hashcat", HASHCAT_8));
        assertFalse(Secret.matches("Hashcat", HASHCAT_8));
        assertTrue(Secret.matches("cisco", CISCO_8));
        assertFalse(Secret.matches("cisco ", CISCO_8));
    }

    @Test
    void realIosType9HashesVerify() {
        assertTrue(Secret.isHash(9, HASHCAT_9));
        assertEquals(9, Secret.type(HASHCAT_9));
        assertTrue(Secret.matches("hashcat", HASHCAT_9));
        assertFalse(Secret.matches("hashcat1", HASHCAT_9));
    }

    @Test
    void computingWithTheSameSaltReproducesTheIosHashes() {
        assertEquals(HASHCAT_8, Secret.ios(8, "TnGX/fE4KGHOVU", "hashcat"));
        assertEquals(HASHCAT_9, Secret.ios(9, "2MJBozw/9R3UsU", "hashcat"));
    }

    @Test
    void newHashesAreType9WithAFreshSalt() {
        String a = Secret.hash("Tr0ub4dor"), b = Secret.hash("Tr0ub4dor");
        assertTrue(a.matches("\\$9\\$[./0-9A-Za-z]{14}\\$[./0-9A-Za-z]{43}"), a);
        assertNotEquals(a, b);
        assertEquals(9, Secret.type(a));
        assertTrue(Secret.isHash(9, a));
        assertFalse(Secret.isHash(8, a));
        assertTrue(Secret.matches("Tr0ub4dor", a));
        assertTrue(Secret.matches("Tr0ub4dor", b));
        assertFalse(Secret.matches("tr0ub4dor", a));
        assertFalse(Secret.matches("", a));
        String u = Secret.hash("pässwörd€");
        assertTrue(Secret.matches("pässwörd€", u));
        assertFalse(Secret.matches("passwords", u));
    }

    @Test
    void theTypeMustMatchThePrefix() {
        assertFalse(Secret.isHash(9, HASHCAT_8));
        assertFalse(Secret.isHash(8, HASHCAT_9));
        assertFalse(Secret.isHash(5, HASHCAT_8));
        assertFalse(Secret.isHash(7, HASHCAT_9));
        assertThrows(IllegalArgumentException.class, () -> Secret.type("$5$abcd$xyz"));
        assertThrows(IllegalArgumentException.class, () -> Secret.type(null));
    }

    @Test
    void malformedIosHashesAreRejected() {
        String salt = "TnGX/fE4KGHOVU", key = "pEhnEvxrvaynpi8j4f.EMHr6M.FzU8xnZnBr/tJdFWk";
        for (String bad : new String[] {
                "", "$8$", "$8$" + salt, "$8$" + salt + "$", "$8$" + salt + "$" + key + "$",
                "$8$" + salt.substring(1) + "$" + key, // 13-character salt
                "$8$" + salt + "A$" + key, // 15-character salt
                "$8$" + salt + "$" + key.substring(1), // 42-character hash
                "$8$" + salt + "$" + key + "A", // 44-character hash
                "$8$" + salt + "$" + key.replace('.', '+'), // not Cisco's alphabet
                "$8$" + salt.replace('/', '=') + "$" + key,
                "$8$" + salt + "$" + key.substring(0, 42) + "l", // non-zero unused low bits: not canonical
                " $8$" + salt + "$" + key, "$8$" + salt + "$" + key + "\n",
                "$8$20000$" + salt + "$" + key, // no parameters in an IOS hash
        }) {
            assertFalse(Secret.isHash(8, bad), bad);
            assertFalse(Secret.isHash(9, bad.replace("$8$", "$9$")), bad);
            assertFalse(Secret.matches("hashcat", bad), bad);
        }
        assertTrue(Secret.isHash(8, "$8$" + salt + "$" + key));
        assertFalse(Secret.isHash(8, null));
        assertFalse(Secret.matches("hashcat", null));
        assertFalse(Secret.matches(null, HASHCAT_8));
    }

    @Test
    void legacyHashesStillLoadAsType9() {
        String legacy = legacy(100_000, "Tr0ub4dor");
        assertTrue(Secret.isHash(9, legacy));
        assertFalse(Secret.isHash(8, legacy));
        assertEquals(9, Secret.type(legacy));
        assertTrue(Secret.matches("Tr0ub4dor", legacy));
        assertFalse(Secret.matches("Tr0ub4dor!", legacy));
        String[] p = legacy.split("\\$");
        assertTrue(Secret.isHash(9, "$pbkdf2-sha256$1000000$" + p[3] + "$" + p[4]), "the bound itself");
        assertFalse(Secret.isHash(9, "$pbkdf2-sha256$999$" + p[3] + "$" + p[4]), "under 1000 iterations");
    }

    @Test
    void anAbsurdWorkFactorIsNotAHashAndIsNotComputed() {
        String salt = "AAAAAAAAAAAAAAAAAAAAAA", key = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        for (String absurd : new String[] {
                "$pbkdf2-sha256$2000000000$" + salt + "$" + key,
                "$pbkdf2-sha256$1000001$" + salt + "$" + key,
                "$pbkdf2-sha256$99999999999999999999$" + salt + "$" + key,
                "$pbkdf2-sha256$+100000$" + salt + "$" + key,
                "$pbkdf2-sha256$0100000$" + salt + "$" + key,
        }) {
            assertFalse(Secret.isHash(9, absurd), absurd);
            assertThrows(IllegalArgumentException.class, () -> Secret.type(absurd));
            // 2e9 PBKDF2 rounds would take hours: matches() must refuse without computing
            assertFalse(assertTimeoutPreemptively(Duration.ofSeconds(1), () -> Secret.matches("x", absurd)), absurd);
        }
    }

    @Test
    void legacyHashesMustBeWellFormed() {
        String good = legacy(100_000, "x");
        String[] p = good.split("\\$");
        assertFalse(Secret.isHash(9, "$pbkdf2-sha256$100000$AAAA$" + p[4]), "salt under 8 bytes");
        assertFalse(Secret.isHash(9, "$pbkdf2-sha256$100000$" + "A".repeat(88) + "$" + p[4]), "salt over 64 bytes");
        assertFalse(Secret.isHash(9, "$pbkdf2-sha256$100000$" + p[3] + "$" + p[4] + "AA"), "hash not 32 bytes");
        assertFalse(Secret.isHash(9, "$pbkdf2-sha256$100000$" + p[3] + "==$" + p[4]), "padding");
        assertFalse(Secret.isHash(9, "$pbkdf2-sha512$100000$" + p[3] + "$" + p[4]), "other digest");
    }

    /** A hash in the format older swsh wrote. */
    private static String legacy(int iterations, String plain) {
        byte[] salt = new byte[16];
        for (int i = 0; i < salt.length; i++) salt[i] = (byte) (i * 37 + 11);
        try {
            var spec = new javax.crypto.spec.PBEKeySpec(plain.toCharArray(), salt, iterations, 256);
            byte[] key = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            Base64.Encoder b = Base64.getEncoder().withoutPadding();
            return "$pbkdf2-sha256$" + iterations + "$" + b.encodeToString(salt) + "$" + b.encodeToString(key);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
