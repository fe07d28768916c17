package dev.lazurite.capture;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Which captures to list, oldest first; every filter is optional.
 *
 * @param correlationId one request's capture, as its audit record names it
 */
public record CaptureQuery(
    Optional<Instant> since,
    Optional<String> account,
    Optional<String> deployment,
    Optional<String> correlationId,
    int limit) {
  public static final int MAX_LIMIT = 10_000;

  public CaptureQuery {
    requireNonNull(since, "since is null");
    requireNonNull(account, "account is null");
    requireNonNull(deployment, "deployment is null");
    requireNonNull(correlationId, "correlationId is null");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit + ".");
    }
  }
}
