package dev.lazurite.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Which records to list; every filter is optional.
 *
 * @param principal the record's identity ({@code account/key1}, an object id)
 * @param status the result signature ({@code 200}, {@code 429}, {@code Succeeded})
 * @param category the diagnostic log category; the audit log's records are all {@value
 *     AuditEntry#AUDIT}
 * @param limit at most this many records
 */
public record AuditQuery(
    Optional<Instant> since,
    Optional<String> principal,
    Optional<String> deployment,
    Optional<String> status,
    Optional<String> category,
    int limit) {
  public static final int MAX_LIMIT = 10_000;

  /** Which records to list, of any category. */
  public AuditQuery(
      Optional<Instant> since,
      Optional<String> principal,
      Optional<String> deployment,
      Optional<String> status,
      int limit) {
    this(since, principal, deployment, status, Optional.empty(), limit);
  }

  public AuditQuery {
    requireNonNull(since, "since is null");
    requireNonNull(principal, "principal is null");
    requireNonNull(deployment, "deployment is null");
    requireNonNull(status, "status is null");
    requireNonNull(category, "category is null");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    }
  }
}
