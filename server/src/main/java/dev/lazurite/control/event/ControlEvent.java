package dev.lazurite.control.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One committed change of the control plane: what changed, how, by whom and from where.
 *
 * @param resourceId the ARM id of the resource that changed; for the identity directory, its
 *     Graph-style path ({@code /servicePrincipals/{objectId}[/passwordCredentials/{keyId}]}, {@code
 *     /groups/{objectId}[/members/{objectId}]})
 * @param principalId the principal that asked for it (the admin, or a token's principal)
 * @param clientAddress the caller's IP address, or {@code local}
 */
public record ControlEvent(
    String resourceId, Operation operation, String principalId, String clientAddress, Instant at) {
  public ControlEvent {
    requireNonNull(resourceId, "resourceId is null");
    requireNonNull(operation, "operation is null");
    requireNonNull(principalId, "principalId is null");
    requireNonNull(clientAddress, "clientAddress is null");
    requireNonNull(at, "at is null");
  }

  /** What kind of change it was. */
  public enum Operation {
    CREATE,
    UPDATE,
    DELETE,
    /** A POST action, such as a key regeneration or added blocklist items. */
    ACTION
  }
}
