package dev.lazurite.backend;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request and response ids in the formats the service uses. They need to be unique, not
 * unguessable, so they come from {@link ThreadLocalRandom}, which never blocks and shares no state
 * between threads; keys and secrets use {@link java.security.SecureRandom} elsewhere.
 */
public final class Ids {
  private static final char[] ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private Ids() {}

  /** A random (version 4) UUID, as Azure's request-id headers carry. */
  public static String requestId() {
    var rnd = ThreadLocalRandom.current();
    long high = (rnd.nextLong() & ~0xf000L) | 0x4000L;
    long low = (rnd.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  public static String chatCompletion() {
    return "chatcmpl-" + random(29);
  }

  public static String completion() {
    return "cmpl-" + random(29);
  }

  public static String toolCall() {
    return "call_" + random(24);
  }

  /** A stable fingerprint per model, as the service reports its backend configuration. */
  public static String fingerprint(String model) {
    // As "fp_%010x" formats it, without a Formatter per answer.
    String hex =
        Long.toHexString(Integer.toUnsignedLong(model.hashCode()) * 2654435761L & 0xffffffffffL);
    return "fp_" + "0".repeat(10 - hex.length()) + hex;
  }

  private static String random(int length) {
    var rnd = ThreadLocalRandom.current();
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHANUMERIC[rnd.nextInt(ALPHANUMERIC.length)];
    }
    return new String(chars);
  }
}
