package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import dev.lazurite.auth.Principal;
import java.util.List;

/**
 * Who called, in the detail audit records need: the key slot (never the key) for an API key, the
 * object id, app id, tenant and groups for a token, the purpose for a call this server made. All
 * strings are empty where they do not apply.
 *
 * @param kind {@code key}, {@code entra}, {@code internal}, or {@code none} before authentication
 */
public record Caller(
    String kind,
    String keySlot,
    String objectId,
    String appId,
    String tenantId,
    List<String> groups,
    String purpose) {
  public static final Caller NONE = new Caller("none", "", "", "", "", List.of(), "");

  public Caller {
    requireNonNull(kind, "kind is null");
    requireNonNull(keySlot, "keySlot is null");
    requireNonNull(objectId, "objectId is null");
    requireNonNull(appId, "appId is null");
    requireNonNull(tenantId, "tenantId is null");
    groups = List.copyOf(groups);
    requireNonNull(purpose, "purpose is null");
  }

  static Caller of(Principal principal) {
    return switch (principal) {
      case Principal.ApiKey key -> new Caller("key", key.keyName(), "", "", "", List.of(), "");
      case Principal.Entra entra ->
          new Caller(
              "entra", "", entra.objectId(), entra.appId(), entra.tenantId(), entra.groups(), "");
      case Principal.Internal internal ->
          new Caller("internal", "", "", "", "", List.of(), internal.purpose());
    };
  }
}
