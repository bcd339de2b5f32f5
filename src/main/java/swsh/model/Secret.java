package swsh.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The enable secret, stored only as a hash in one of the forms Cisco IOS writes:
 * <ul>
 * <li>type 9, {@code $9$SALT$HASH}: scrypt with N=16384, r=1, p=1, 32-byte key (written by
 * {@link #hash});</li>
 * <li>type 8, {@code $8$SALT$HASH}: PBKDF2-HMAC-SHA256, 20000 iterations, 32-byte key.</li>
 * </ul>
 * SALT is 14 characters of Cisco's base64 alphabet {@code ./0-9A-Za-z}, fed to the KDF as the
 * ASCII bytes it is (not decoded); HASH is the key in that alphabet, unpadded (43 characters).
 * The password is fed to the KDF as UTF-8. These are the fixed IOS parameters, and the only
 * ones accepted, so checking a password against a $8$ or $9$ hash always costs the same.
 * <p>
 * Legacy: swsh used to write {@code $pbkdf2-sha256$ITERATIONS$SALT$HASH} (PBKDF2-HMAC-SHA256,
 * salt and hash in standard unpadded base64) as {@code enable secret 9 ...}. Such hashes are
 * still accepted as type 9, so running-configs saved by older versions reload through the same
 * {@code enable secret 9 WORD} line, but only with 1000 to {@value #LEGACY_MAX_ITERATIONS}
 * iterations, a salt of 8 to 64 bytes and a 32-byte hash: an absurd work factor is not a hash.
 */
public final class Secret {
    /** Cisco's base64 alphabet, in the order of the standard one (A-Za-z0-9+/). */
    private static final String CISCO64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String STD64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final Pattern IOS = Pattern.compile("\\$([89])\\$([./0-9A-Za-z]{14})\\$([./0-9A-Za-z]{43})");
    private static final Pattern LEGACY =
            Pattern.compile("\\$pbkdf2-sha256\\$([1-9][0-9]{3,6})\\$([A-Za-z0-9+/]{11,86})\\$([A-Za-z0-9+/]{43})");

    private static final int TYPE8_ITERATIONS = 20_000;
    private static final int SCRYPT_N = 16_384, SCRYPT_R = 1, SCRYPT_P = 1;
    private static final int KEY_BYTES = 32;
    static final int LEGACY_MAX_ITERATIONS = 1_000_000;
    private static final int LEGACY_MIN_ITERATIONS = 1_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secret() {}

    /** A new type 9 hash ({@code $9$...}) of {@code plain}, with a fresh random 14-character salt. */
    public static String hash(String plain) {
        StringBuilder salt = new StringBuilder(14);
        for (int i = 0; i < 14; i++) salt.append(CISCO64.charAt(RANDOM.nextInt(64)));
        return ios(9, salt.toString(), plain);
    }

    /**
     * The IOS type of a hash: 8 for {@code $8$...}, 9 for {@code $9$...} and for the legacy
     * {@code $pbkdf2-sha256$...} form (which older swsh wrote as {@code enable secret 9}).
     *
     * @throws IllegalArgumentException when {@code hash} is not a hash {@link #isHash} accepts
     */
    public static int type(String hash) {
        if (isHash(8, hash)) return 8;
        if (isHash(9, hash)) return 9;
        throw new IllegalArgumentException("not an enable secret hash");
    }

    /**
     * True when {@code text} is a well-formed hash of IOS type {@code type}: 8 accepts
     * {@code $8$SALT$HASH}; 9 accepts {@code $9$SALT$HASH} and the bounded legacy
     * {@code $pbkdf2-sha256$...} form. Any other type, parameter or encoding is rejected.
     */
    public static boolean isHash(int type, String text) {
        if (text == null) return false;
        var m = IOS.matcher(text);
        if (m.matches()) return m.group(1).equals(Integer.toString(type)) && ciscoDecode(m.group(3)) != null;
        m = LEGACY.matcher(text);
        if (type != 9 || !m.matches()) return false;
        int iterations = Integer.parseInt(m.group(1));
        byte[] salt = stdDecode(m.group(2)), key = stdDecode(m.group(3));
        return iterations >= LEGACY_MIN_ITERATIONS && iterations <= LEGACY_MAX_ITERATIONS
                && salt != null && salt.length >= 8 && salt.length <= 64 && key != null && key.length == KEY_BYTES;
    }

    /**
     * True when {@code plain} is the password of {@code hash} (type 8, 9 or legacy); false for a
     * null or malformed hash. The keys are compared in constant time.
     */
    public static boolean matches(String plain, String hash) {
        if (plain == null || hash == null) return false;
        byte[] want, got;
        var m = IOS.matcher(hash);
        if (m.matches()) {
            want = ciscoDecode(m.group(3));
            if (want == null) return false;
            got = derive(Integer.parseInt(m.group(1)), m.group(2).getBytes(StandardCharsets.US_ASCII), plain);
        } else if (isHash(9, hash)) {
            m = LEGACY.matcher(hash);
            if (!m.matches()) return false;
            want = stdDecode(m.group(3));
            got = pbkdf2(utf8(plain), stdDecode(m.group(2)), Integer.parseInt(m.group(1)));
        } else {
            return false;
        }
        return MessageDigest.isEqual(want, got);
    }

    /** {@code $TYPE$SALT$HASH} for a type 8 or 9 hash of {@code plain} with {@code salt}. */
    static String ios(int type, String salt, String plain) {
        byte[] key = derive(type, salt.getBytes(StandardCharsets.US_ASCII), plain);
        return "$" + type + "$" + salt + "$" + ciscoEncode(key);
    }

    private static byte[] derive(int type, byte[] salt, String plain) {
        return switch (type) {
            case 8 -> pbkdf2(utf8(plain), salt, TYPE8_ITERATIONS);
            case 9 -> SCrypt.generate(utf8(plain), salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, KEY_BYTES);
            default -> throw new IllegalArgumentException("type " + type);
        };
    }

    private static byte[] pbkdf2(byte[] password, byte[] salt, int iterations) {
        PKCS5S2ParametersGenerator g = new PKCS5S2ParametersGenerator(new SHA256Digest());
        g.init(password, salt, iterations);
        return ((KeyParameter) g.generateDerivedParameters(KEY_BYTES * 8)).getKey();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Standard base64 with Cisco's alphabet, unpadded. */
    static String ciscoEncode(byte[] b) {
        return translate(Base64.getEncoder().withoutPadding().encodeToString(b), STD64, CISCO64);
    }

    /** The bytes of unpadded Cisco base64, or null unless {@code s} is their canonical encoding. */
    static byte[] ciscoDecode(String s) {
        byte[] b = stdDecode(translate(s, CISCO64, STD64));
        return b != null && ciscoEncode(b).equals(s) ? b : null;
    }

    /** The bytes of unpadded standard base64, or null unless {@code s} is their canonical encoding. */
    private static byte[] stdDecode(String s) {
        try {
            byte[] b = Base64.getDecoder().decode(s);
            return Base64.getEncoder().withoutPadding().encodeToString(b).equals(s) ? b : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String translate(String s, String from, String to) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            int k = from.indexOf(c[i]);
            if (k < 0) return "!"; // not in the alphabet: never decodes
            c[i] = to.charAt(k);
        }
        return new String(c);
    }
}
