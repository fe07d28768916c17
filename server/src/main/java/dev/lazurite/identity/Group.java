package dev.lazurite.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A security group; its object id is what tokens carry in {@code groups}. */
public record Group(String objectId, String displayName, Instant createdAt) {
  public Group {
    requireNonNull(objectId, "objectId is null");
    requireNonNull(displayName, "displayName is null");
    requireNonNull(createdAt, "createdAt is null");
  }
}
