package dev.lazurite.safety;

import java.util.Locale;
import java.util.Optional;

/** Azure's severity levels, in order. A detection is {@link #SAFE} or {@link #HIGH}. */
public enum Severity {
  SAFE,
  LOW,
  MEDIUM,
  HIGH;

  /** {@code safe}, {@code low}, {@code medium} or {@code high}, as annotations write it. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  /**
   * Parses a severity label; {@code detected} and {@code true} mean {@link #HIGH}, {@code false}
   * means {@link #SAFE}.
   */
  public static Optional<Severity> parse(String label) {
    return switch (label.toLowerCase(Locale.ROOT)) {
      case "safe", "none", "false", "0", "1" -> Optional.of(SAFE);
      case "low", "2", "3" -> Optional.of(LOW);
      case "medium", "4", "5" -> Optional.of(MEDIUM);
      case "high", "detected", "true", "6", "7" -> Optional.of(HIGH);
      default -> Optional.empty();
    };
  }
}
