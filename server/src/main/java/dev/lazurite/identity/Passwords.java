package dev.lazurite.identity;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * How user passwords are stored: PBKDF2-HMAC-SHA256 with a random 16-byte salt and 310,000
 * iterations, written as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so that the count can
 * grow without invalidating stored hashes. Hashes are compared in constant time.
 */
public final class Passwords {
  /** The iteration count of new hashes. */
  public static final int ITERATIONS = 310_000;

  /** The fewest characters a password has. */
  public static final int MIN_LENGTH = 12;

  /** The most characters a password has: longer ones only cost the server time. */
  public static final int MAX_LENGTH = 256;

  private static final String SCHEME = "pbkdf2-sha256";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder D64 = Base64.getDecoder();

  /** Compared against when the user name is unknown, so that both answers take as long. */
  private static final String DECOY = hash("decoy password that matches nothing");

  private Passwords() {}

  /**
   * @throws IllegalArgumentException when the password is shorter than {@link #MIN_LENGTH} or
   *     longer than {@link #MAX_LENGTH} characters
   */
  public static void check(String password) {
    if (password == null
        || password.length() < MIN_LENGTH
        || password.length() > MAX_LENGTH
        || password.isBlank()) {
      throw new IllegalArgumentException(
          "A password has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
    }
  }

  public static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return SCHEME
        + "$"
        + ITERATIONS
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(derive(password, salt, ITERATIONS));
  }

  /** Whether {@code password} hashes to {@code stored}; false for a hash in another format. */
  public static boolean matches(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] expected = D64.decode(parts[3]);
      return MessageDigest.isEqual(derive(password, D64.decode(parts[2]), iterations), expected);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Spends the time a real comparison takes, for a user name that names nobody. */
  public static void decoy(String password) {
    matches(password, DECOY);
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    char[] chars = password.toCharArray();
    var spec = new PBEKeySpec(chars, salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
    } finally {
      spec.clearPassword();
      java.util.Arrays.fill(chars, '\0');
    }
  }
}
