package dev.lazurite.control.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import dev.lazurite.store.DeletedAccount;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Soft-deleted accounts: {@code GET /subscriptions/{s}/providers/Microsoft.CognitiveServices/
 * deletedAccounts} ({@code az cognitiveservices account list-deleted}), and {@code GET} and {@code
 * DELETE} (purge) of {@code …/locations/{l}/resourceGroups/{rg}/deletedAccounts/{name}}.
 */
public final class DeletedAccountRoutes implements ArmRouteFamily {
  private static final String ACTIONS = "Microsoft.CognitiveServices/locations/resourceGroups/";

  private final DeletedAccounts deleted;

  public DeletedAccountRoutes(DeletedAccounts deleted) {
    this.deleted = deleted;
  }

  @Override
  public Optional<ArmReply> handle(
      ArmAuthorizer caller,
      String method,
      List<String> path,
      Function<String, Optional<String>> query,
      byte[] body) {
    if (!ArmRouteFamily.underProvider(path)) {
      return Optional.empty();
    }
    boolean list = path.size() == 5 && ArmRouteFamily.is(path, 4, "deletedaccounts");
    boolean one =
        path.size() == 10
            && ArmRouteFamily.is(path, 4, "locations")
            && ArmRouteFamily.is(path, 6, "resourcegroups")
            && ArmRouteFamily.is(path, 8, "deletedaccounts");
    if (!list && !one) {
      return Optional.empty();
    }
    String subscription = path.get(1);
    if (list) {
      if (!method.equals("GET")) {
        throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
      }
      ApiVersions.require(query.apply("api-version"), ApiVersions.COGNITIVE_SERVICES);
      caller.require(
          "Microsoft.CognitiveServices/deletedAccounts/read", "/subscriptions/" + subscription);
      ObjectNode values = Json.MAPPER.createObjectNode();
      values.putArray("value");
      deleted.list(subscription).forEach(d -> values.withArray("value").add(view(d)));
      return Optional.of(ArmReply.ok(values));
    }
    String scope = "/" + String.join("/", path);
    String location = path.get(5);
    String group = path.get(7);
    String name = path.get(9);
    return Optional.of(
        switch (method) {
          case "GET" -> {
            ApiVersions.require(query.apply("api-version"), ApiVersions.COGNITIVE_SERVICES);
            caller.require(ACTIONS + "deletedAccounts/read", scope);
            yield ArmReply.ok(view(deleted.get(subscription, location, group, name)));
          }
          case "DELETE" -> {
            ApiVersions.require(query.apply("api-version"), ApiVersions.COGNITIVE_SERVICES);
            caller.require(ACTIONS + "deletedAccounts/delete", scope);
            deleted.purge(subscription, location, group, name);
            yield new ArmReply(200, null);
          }
          default -> throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
        });
  }

  static ObjectNode view(DeletedAccount d) {
    String id =
        "/subscriptions/%s/providers/Microsoft.CognitiveServices/locations/%s/resourceGroups/%s/deletedAccounts/%s"
            .formatted(d.subscriptionId(), d.location(), d.resourceGroup(), d.name());
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", id);
    node.put("name", d.name());
    node.put("type", "Microsoft.CognitiveServices/accounts");
    node.put("location", d.location());
    node.putObject("sku").put("name", d.skuName());
    node.put("kind", d.kind());
    node.put(
        "etag",
        "\""
            + UUID.nameUUIDFromBytes((id + d.deletedAt()).getBytes(StandardCharsets.UTF_8))
            + "\"");
    node.putObject("properties")
        .put("provisioningState", "Succeeded")
        .put("deletionDate", d.deletedAt().toString())
        .put("scheduledPurgeDate", d.purgeAt().toString());
    return node;
  }
}
