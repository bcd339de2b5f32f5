package swsh.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The enable secret, stored only as a PBKDF2-HMAC-SHA256 hash:
 * {@code $pbkdf2-sha256$ITERATIONS$SALT$HASH} (salt and hash in unpadded base64).
 */
public final class Secret {
    private static final int ITERATIONS = 100_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secret() {}

    public static String hash(String plain) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return format(ITERATIONS, salt, derive(plain, salt, ITERATIONS));
    }

    private static String format(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder b = Base64.getEncoder().withoutPadding();
        return "$pbkdf2-sha256$" + iterations + "$" + b.encodeToString(salt) + "$" + b.encodeToString(hash);
    }

    /** True when {@code text} is a hash in our format. */
    public static boolean isHash(String text) {
        String[] p = text.split("\\$", -1);
        try {
            return p.length == 5 && p[0].isEmpty() && p[1].equals("pbkdf2-sha256") && Integer.parseInt(p[2]) >= 1000
                    && Base64.getDecoder().decode(p[3]).length >= 8 && Base64.getDecoder().decode(p[4]).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static boolean matches(String plain, String hash) {
        if (hash == null || !isHash(hash)) return false;
        String[] p = hash.split("\\$");
        int it = Integer.parseInt(p[2]);
        byte[] salt = Base64.getDecoder().decode(p[3]);
        byte[] want = Base64.getDecoder().decode(p[4]);
        return MessageDigest.isEqual(want, derive(plain, salt, it));
    }

    private static byte[] derive(String plain, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(plain.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("PBKDF2 is not available", e);
        }
    }
}
