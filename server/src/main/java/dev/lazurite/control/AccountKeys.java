package dev.lazurite.control;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.util.HexFormat;

/** An account's two API keys, as {@code listKeys} returns them. */
public record AccountKeys(String key1, String key2) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public AccountKeys {
    requireNonNull(key1, "key1 is null");
    requireNonNull(key2, "key2 is null");
  }

  public static AccountKeys generate() {
    return new AccountKeys(newKey(), newKey());
  }

  /** A key in Azure's format: 32 lower-case hex digits. */
  public static String newKey() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public String toString() {
    return "AccountKeys[redacted]";
  }
}
