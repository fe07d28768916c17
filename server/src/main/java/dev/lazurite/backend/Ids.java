package dev.lazurite.backend;

import java.util.concurrent.ThreadLocalRandom;

/** Response ids in the formats the service uses. */
public final class Ids {
  private static final char[] ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private Ids() {}

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
    return "fp_%010x"
        .formatted(Integer.toUnsignedLong(model.hashCode()) * 2654435761L & 0xffffffffffL);
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
