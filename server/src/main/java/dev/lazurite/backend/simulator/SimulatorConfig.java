package dev.lazurite.backend.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the simulator behaves: how long it waits before the first token and between tokens, and how
 * long its answers are when nothing limits them.
 */
public record SimulatorConfig(
    Duration timeToFirstToken, Duration perToken, int minTokens, int maxTokens) {
  public static final SimulatorConfig DEFAULT =
      new SimulatorConfig(Duration.ZERO, Duration.ZERO, 20, 60);

  public SimulatorConfig {
    requireNonNull(timeToFirstToken, "timeToFirstToken is null");
    requireNonNull(perToken, "perToken is null");
    if (timeToFirstToken.isNegative() || perToken.isNegative()) {
      throw new IllegalArgumentException("simulator delays must be >= 0");
    }
    if (minTokens < 1 || maxTokens < minTokens) {
      throw new IllegalArgumentException(
          "simulator answer length must satisfy 1 <= min <= max, got %d..%d"
              .formatted(minTokens, maxTokens));
    }
  }
}
