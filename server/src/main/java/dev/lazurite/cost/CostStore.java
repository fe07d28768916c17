package dev.lazurite.cost;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where prices, deployment tags, budgets, action groups and sent alerts are kept. */
public interface CostStore {
  List<Price> prices();

  void putPrice(Price price);

  /** Tags per deployment, keyed {@code account/deployment}. */
  Map<String, Map<String, String>> deploymentTags();

  /** Replaces a deployment's tags; empty tags remove the row. */
  void putDeploymentTags(String account, String deployment, Map<String, String> tags);

  /** Every deployment's capacity changes, oldest first. */
  List<CapacityChange> capacityHistory();

  /** Appends one capacity change. */
  void recordCapacity(CapacityChange change);

  /** Usage rows of {@code [from, to)} summed per account, deployment, caller, tags and day. */
  List<CostLine> lines(Instant from, Instant to);

  List<Stored> list(Kind kind);

  Optional<Stored> get(Kind kind, String key);

  /**
   * Creates or replaces a resource; with {@code ifMatch}, only while its stored etag is that one.
   *
   * @return false when {@code ifMatch} no longer matches (another write came first)
   */
  boolean put(Kind kind, Stored resource, Optional<String> ifMatch);

  boolean delete(Kind kind, String key);

  /**
   * Records that a budget's notification fired for the period starting at {@code periodStart}.
   *
   * @return true for the one caller that recorded it; false when it was already recorded (by this
   *     instance or another)
   */
  boolean claimAlert(
      String budgetKey, String notification, Instant periodStart, Instant at, String spend);

  /** The two resource kinds kept as ARM bodies. */
  enum Kind {
    BUDGET,
    ACTION_GROUP
  }

  /**
   * A resource as stored.
   *
   * @param key the lower-cased ARM id
   * @param scope the scope's path as first written
   */
  record Stored(String key, String scope, String name, JsonNode body, String etag) {
    public Stored {
      requireNonNull(key, "key is null");
      requireNonNull(scope, "scope is null");
      requireNonNull(name, "name is null");
      requireNonNull(body, "body is null");
      requireNonNull(etag, "etag is null");
    }
  }
}
