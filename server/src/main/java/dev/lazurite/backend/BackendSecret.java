package dev.lazurite.backend;

import static java.util.Objects.requireNonNull;

/**
 * An upstream key or client secret. Stored sealed; its {@code toString} never shows it, so it
 * cannot reach a log line or an error by accident.
 */
public record BackendSecret(String value) {
  public static final BackendSecret NONE = new BackendSecret("");

  public BackendSecret {
    requireNonNull(value, "value is null");
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return isEmpty() ? "BackendSecret[none]" : "BackendSecret[***]";
  }
}
