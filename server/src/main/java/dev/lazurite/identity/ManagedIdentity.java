package dev.lazurite.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A managed identity: {@code clientId} selects it, {@code principalId} is authorized. */
public record ManagedIdentity(String name, String clientId, String principalId, Instant createdAt) {
  public ManagedIdentity {
    requireNonNull(name, "name is null");
    requireNonNull(clientId, "clientId is null");
    requireNonNull(principalId, "principalId is null");
    requireNonNull(createdAt, "createdAt is null");
  }
}
