package dev.lazurite.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An app registration and its service principal: {@code appId} signs in, {@code objectId} is
 * authorized.
 */
public record ServicePrincipal(
    String appId, String objectId, String displayName, Instant createdAt) {
  public ServicePrincipal {
    requireNonNull(appId, "appId is null");
    requireNonNull(objectId, "objectId is null");
    requireNonNull(displayName, "displayName is null");
    requireNonNull(createdAt, "createdAt is null");
  }
}
