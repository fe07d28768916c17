package dev.lazurite.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.control.arm.ArmCall;
import dev.lazurite.control.arm.ArmResponse;
import dev.lazurite.control.arm.ArmRouter;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.network.ResourceEndpoints;
import dev.lazurite.quota.QuotaCounters;
import dev.lazurite.store.UsageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The ARM routes of {@code Microsoft.CognitiveServices/accounts}: accounts and keys, deployments
 * and their backend pools, private endpoints and usage.
 */
final class CognitiveServicesRoutes {
  static final String SUBSCRIPTION = "/subscriptions/{subscriptionId}";
  static final String RESOURCE_GROUP = SUBSCRIPTION + "/resourceGroups/{resourceGroupName}";
  static final String ACCOUNTS = RESOURCE_GROUP + "/providers/Microsoft.CognitiveServices/accounts";
  static final String ACCOUNT = ACCOUNTS + "/{accountName}";
  static final String CS = "Microsoft.CognitiveServices/accounts";

  private final ControlPlane control;
  private final UsageStore usage;
  private final QuotaCounters quota;
  private final Supplier<ResourceEndpoints> endpoint;
  private final DeploymentTags tags;

  CognitiveServicesRoutes(
      ControlPlane control,
      UsageStore usage,
      QuotaCounters quota,
      Supplier<ResourceEndpoints> endpoint,
      DeploymentTags tags) {
    this.control = control;
    this.usage = usage;
    this.quota = quota;
    this.endpoint = endpoint;
    this.tags = tags;
  }

  void register(ArmRouter routes) {
    routes
        .route(
            "GET",
            SUBSCRIPTION + "/providers/Microsoft.CognitiveServices/accounts",
            SUBSCRIPTION,
            CS + "/read",
            this::listInSubscription)
        .route("GET", ACCOUNTS, RESOURCE_GROUP, CS + "/read", this::listInResourceGroup)
        .route("GET", ACCOUNT, CS + "/read", c -> ArmResponse.ok(view(account(c))))
        .route("PUT", ACCOUNT, CS + "/write", this::putAccount)
        .route("PATCH", ACCOUNT, CS + "/write", this::patchAccount)
        .route("DELETE", ACCOUNT, CS + "/delete", this::deleteAccount)
        .route("POST", ACCOUNT + "/listKeys", ACCOUNT, CS + "/listKeys/action", this::listKeys)
        .route(
            "POST",
            ACCOUNT + "/regenerateKey",
            ACCOUNT,
            CS + "/regenerateKey/action",
            this::regenerateKey)
        .route("GET", ACCOUNT + "/usages", ACCOUNT, CS + "/usages/read", this::usages)
        .route("GET", ACCOUNT + "/usageSummary", ACCOUNT, CS + "/usages/read", this::usageSummary)
        .route(
            "GET", ACCOUNT + "/deployments", ACCOUNT, CS + "/deployments/read", this::deployments)
        .route("GET", ACCOUNT + "/deployments/{name}", CS + "/deployments/read", this::deployment)
        .route(
            "PUT", ACCOUNT + "/deployments/{name}", CS + "/deployments/write", this::putDeployment)
        .route(
            "PATCH",
            ACCOUNT + "/deployments/{name}",
            CS + "/deployments/write",
            this::putDeployment)
        .route(
            "DELETE",
            ACCOUNT + "/deployments/{name}",
            CS + "/deployments/delete",
            this::deleteDeployment)
        .route("GET", ACCOUNT + "/backends", ACCOUNT, CS + "/deployments/read", this::backends)
        .route(
            "GET", ACCOUNT + "/backends/{name}", ACCOUNT, CS + "/deployments/read", this::backend)
        .route(
            "PUT",
            ACCOUNT + "/backends/{name}",
            ACCOUNT,
            CS + "/deployments/write",
            this::putBackend)
        .route(
            "DELETE",
            ACCOUNT + "/backends/{name}",
            ACCOUNT,
            CS + "/deployments/delete",
            c -> ArmResponse.deleted(control.deleteBackend(account(c), c.value("name"))))
        .route(
            "GET",
            ACCOUNT + "/privateEndpoints",
            ACCOUNT,
            CS + "/privateEndpointConnections/read",
            this::privateEndpoints)
        .route(
            "GET",
            ACCOUNT + "/privateEndpoints/{name}",
            ACCOUNT,
            CS + "/privateEndpointConnections/read",
            this::privateEndpoint)
        .route(
            "PUT",
            ACCOUNT + "/privateEndpoints/{name}",
            ACCOUNT,
            CS + "/privateEndpointConnections/write",
            this::putPrivateEndpoint)
        .route(
            "DELETE",
            ACCOUNT + "/privateEndpoints/{name}",
            ACCOUNT,
            CS + "/privateEndpointConnections/delete",
            c -> ArmResponse.deleted(control.deletePrivateEndpoint(account(c), c.value("name"))));
  }

  private Account account(ArmCall c) {
    return control.account(
        c.value("subscriptionId"), c.value("resourceGroupName"), c.value("accountName"));
  }

  private JsonNode view(Account account) {
    return ArmViews.account(account, endpoint.get());
  }

  private ArmResponse listInSubscription(ArmCall c) {
    String sub = c.value("subscriptionId");
    return ArmResponse.ok(
        ArmViews.list(
            control.accounts().stream()
                .filter(a -> a.subscriptionId().equalsIgnoreCase(sub))
                .map(a -> ArmViews.account(a, endpoint.get()))
                .toList()));
  }

  private ArmResponse listInResourceGroup(ArmCall c) {
    String sub = c.value("subscriptionId");
    String rg = c.value("resourceGroupName");
    return ArmResponse.ok(
        ArmViews.list(
            control.accounts().stream()
                .filter(a -> a.subscriptionId().equalsIgnoreCase(sub))
                .filter(a -> a.resourceGroup().equalsIgnoreCase(rg))
                .map(a -> ArmViews.account(a, endpoint.get()))
                .toList()));
  }

  private ArmResponse putAccount(ArmCall c) {
    if (control
        .resourceGroups()
        .get(c.value("subscriptionId"), c.value("resourceGroupName"))
        .isEmpty()) {
      throw ApiException.of(ErrorCode.ARM_RESOURCE_GROUP_NOT_FOUND, c.value("resourceGroupName"));
    }
    JsonNode body = ArmRequests.parse(c.body());
    AccountRequest request = ArmRequests.account(body);
    // A soft-deleted account of this name: restored when asked to, else the name is taken.
    control
        .deletedAccounts()
        .beforeCreate(
            c.value("subscriptionId"),
            c.value("resourceGroupName"),
            c.value("accountName"),
            body.path("properties").path("restore").asBoolean(false));
    var write =
        control.putAccount(
            c.value("subscriptionId"),
            c.value("resourceGroupName"),
            c.value("accountName"),
            request);
    return ArmResponse.written(write.created(), view(write.account()));
  }

  private ArmResponse patchAccount(ArmCall c) {
    AccountRequest request = ArmRequests.account(ArmRequests.parse(c.body()));
    return ArmResponse.ok(view(control.updateAccount(account(c), request)));
  }

  private ArmResponse deleteAccount(ArmCall c) {
    control.deleteAccount(account(c));
    return new ArmResponse(200, null);
  }

  private ArmResponse listKeys(ArmCall c) {
    return ArmResponse.ok(ArmViews.keys(control.keys(account(c))));
  }

  private ArmResponse regenerateKey(ArmCall c) {
    Account account = account(c);
    JsonNode keyName = ArmRequests.parse(c.body()).get("keyName");
    if (keyName == null || !keyName.isTextual()) {
      throw ArmRequests.invalid(
          "The request must name the key to regenerate: {\"keyName\": \"Key1\"}.");
    }
    return ArmResponse.ok(ArmViews.keys(control.regenerateKey(account, keyName.asText())));
  }

  private ArmResponse usages(ArmCall c) {
    return ArmResponse.ok(ArmViews.usages(account(c), control, quota));
  }

  private ArmResponse usageSummary(ArmCall c) {
    Account account = account(c);
    Instant since = c.query("since").map(Instant::parse).orElse(Instant.EPOCH);
    return ArmResponse.ok(ArmViews.usage(usage.summarize(account.name(), since)));
  }

  private ArmResponse deployments(ArmCall c) {
    Account account = account(c);
    return ArmResponse.ok(
        ArmViews.list(
            control.deployments(account).stream()
                .map(d -> tagged(account, ArmViews.deployment(account, d), d.name()))
                .toList()));
  }

  /** A deployment's view with its {@code tags}. */
  private com.fasterxml.jackson.databind.node.ObjectNode tagged(
      Account account, com.fasterxml.jackson.databind.node.ObjectNode view, String name) {
    view.set("tags", dev.lazurite.json.Json.MAPPER.valueToTree(tags.get(account.name(), name)));
    return view;
  }

  private ArmResponse deployment(ArmCall c) {
    Account account = account(c);
    String name = c.value("name");
    return ArmResponse.ok(
        tagged(
            account,
            ArmViews.withPool(
                ArmViews.deployment(account, control.deployment(account, name)),
                control.pool(account, name)),
            name));
  }

  /** PUT creates or replaces; PATCH changes an existing deployment only. */
  private ArmResponse putDeployment(ArmCall c) {
    Account account = account(c);
    String name = c.value("name");
    var existing =
        control.deployments(account).stream().filter(d -> d.name().equals(name)).findFirst();
    if (c.method().equals("PATCH") && existing.isEmpty()) {
      control.deployment(account, name);
    }
    JsonNode request = ArmRequests.parse(c.body());
    JsonNode given = request.path("tags");
    if (!given.isMissingNode() && !given.isNull() && !given.isObject()) {
      throw ArmRequests.mistyped("tags", "an object");
    }
    // Checked before the write: a bad tag changes nothing. PUT replaces the tags, PATCH keeps
    // them unless it names them.
    Optional<java.util.Map<String, String>> newTags =
        given.isObject()
            ? Optional.of(ArmRequests.tags(given))
            : c.method().equals("PUT") ? Optional.of(java.util.Map.of()) : Optional.empty();
    boolean created =
        control.putDeployment(
            account, ArmRequests.deployment(name, request, existing), pool(request));
    newTags.ifPresent(t -> tags.put(account.name(), name, t));
    return ArmResponse.written(
        created,
        tagged(
            account,
            ArmViews.withPool(
                ArmViews.deployment(account, control.deployment(account, name)),
                control.pool(account, name)),
            name));
  }

  /** {@code properties.backendPool}: the names of the backends, when the request gives them. */
  private static Optional<List<String>> pool(JsonNode request) {
    JsonNode pool = ArmRequests.object(request, "properties").path("backendPool");
    if (pool.isMissingNode() || pool.isNull()) {
      return Optional.empty();
    }
    if (!pool.isArray()) {
      throw ArmRequests.mistyped("properties.backendPool", "an array of backend names");
    }
    List<String> members = new ArrayList<>();
    for (JsonNode member : pool) {
      if (!member.isTextual()) {
        throw ArmRequests.mistyped("properties.backendPool", "an array of backend names");
      }
      members.add(member.asText());
    }
    return Optional.of(members);
  }

  private ArmResponse deleteDeployment(ArmCall c) {
    Account account = account(c);
    boolean deleted = control.deleteDeployment(account, c.value("name"));
    if (deleted) {
      tags.put(account.name(), c.value("name"), java.util.Map.of());
    }
    return ArmResponse.deleted(deleted);
  }

  private ArmResponse backends(ArmCall c) {
    Account account = account(c);
    return ArmResponse.ok(
        ArmViews.list(
            control.backends(account).stream().map(b -> ArmViews.backend(account, b)).toList()));
  }

  private ArmResponse backend(ArmCall c) {
    Account account = account(c);
    String name = c.value("name");
    return ArmResponse.ok(
        ArmViews.backend(
            account,
            control.backends(account).stream()
                .filter(b -> b.name().equals(name))
                .findFirst()
                .orElseThrow(
                    () ->
                        ApiException.of(
                            ErrorCode.ARM_RESOURCE_NOT_FOUND,
                            CS + "/" + account.name() + "/backends/" + name,
                            account.resourceGroup()))));
  }

  private ArmResponse putBackend(ArmCall c) {
    Account account = account(c);
    var stored =
        ArmRequests.backend(account, c.value("name"), ArmRequests.parse(c.body()), control);
    return new ArmResponse(201, ArmViews.backend(account, stored));
  }

  private ArmResponse privateEndpoints(ArmCall c) {
    Account account = account(c);
    return ArmResponse.ok(
        ArmViews.list(
            control.privateEndpoints(account).stream()
                .map(e -> ArmViews.privateEndpoint(account, e))
                .toList()));
  }

  private ArmResponse privateEndpoint(ArmCall c) {
    Account account = account(c);
    String name = c.value("name");
    return ArmResponse.ok(
        ArmViews.privateEndpoint(
            account,
            control.privateEndpoints(account).stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow(
                    () ->
                        ApiException.of(
                            ErrorCode.ARM_RESOURCE_NOT_FOUND,
                            CS + "/" + account.name() + "/privateEndpoints/" + name,
                            account.resourceGroup()))));
  }

  private ArmResponse putPrivateEndpoint(ArmCall c) {
    Account account = account(c);
    var request = ArmRequests.privateEndpoint(ArmRequests.parse(c.body()));
    var created =
        control.createPrivateEndpoint(
            account, c.value("name"), request.address(), request.port(), request.sourceRange());
    return new ArmResponse(201, ArmViews.privateEndpoint(account, created));
  }
}
