package dev.lazurite.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A user principal who signs in with a password: {@code userPrincipalName} signs in, {@code
 * objectId} is authorized (its role assignments and groups'). The password is never part of it.
 */
public record User(
    String objectId, String userPrincipalName, String displayName, Instant createdAt) {
  public User {
    requireNonNull(objectId, "objectId is null");
    requireNonNull(userPrincipalName, "userPrincipalName is null");
    requireNonNull(displayName, "displayName is null");
    requireNonNull(createdAt, "createdAt is null");
  }
}
