package dev.lazurite.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long and how many clients the HTTP listeners put up with.
 *
 * @param idleTimeout how long a connection may wait for its next request line (also the first one)
 * @param headerTimeout how long the header section may take once the request line arrived
 * @param bodyTimeout how long reading a request body may take, from its first byte to its last
 * @param maxConnections open client connections over every listener before new ones are shed with a
 *     503; 0 to derive it from the process's file-descriptor limit
 */
public record HttpLimits(
    Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout, int maxConnections) {
  public static final HttpLimits DEFAULT =
      new HttpLimits(Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(120), 0);

  public HttpLimits {
    positive(requireNonNull(idleTimeout, "idleTimeout is null"), "idle timeout");
    positive(requireNonNull(headerTimeout, "headerTimeout is null"), "header timeout");
    positive(requireNonNull(bodyTimeout, "bodyTimeout is null"), "body timeout");
    if (maxConnections < 0) {
      throw new IllegalArgumentException(
          "max connections must be >= 0 (0 derives it from the file-descriptor limit), got "
              + maxConnections);
    }
  }

  private static void positive(Duration value, String name) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value.toMillis() + " ms");
    }
  }
}
