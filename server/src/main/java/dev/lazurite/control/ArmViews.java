package dev.lazurite.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.catalog.ModelCatalog;
import dev.lazurite.catalog.ModelKind;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.json.Json;
import dev.lazurite.network.ResourceEndpoints;
import dev.lazurite.store.UsageStore;
import java.util.List;

/** Renders control-plane resources in ARM's JSON shapes. */
final class ArmViews {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ArmViews() {}

  /** An account as ARM shows it; its endpoint is its own (a path or host name of its own). */
  static ObjectNode account(Account account, ResourceEndpoints endpoints) {
    String endpoint = endpoints.of(account.name());
    ObjectNode node = NODES.objectNode();
    node.put("id", account.armId());
    node.put("name", account.name());
    node.put("type", "Microsoft.CognitiveServices/accounts");
    node.put("etag", account.etag());
    node.put("location", account.location());
    ObjectNode tags = node.putObject("tags");
    account.metadata().tags().forEach(tags::put);
    node.putObject("sku").put("name", account.skuName());
    node.put("kind", account.kind());
    ObjectNode properties = node.putObject("properties");
    properties.put("endpoint", endpoint);
    properties.putObject("endpoints").put("OpenAI Language Model Instance API", endpoint);
    properties.put("provisioningState", "Succeeded");
    if (!account.metadata().customSubDomainName().isEmpty()) {
      properties.put("customSubDomainName", account.metadata().customSubDomainName());
    }
    properties.put(
        "publicNetworkAccess", account.network().publicAccess() ? "Enabled" : "Disabled");
    ObjectNode acls = properties.putObject("networkAcls");
    acls.put("defaultAction", account.network().denyByDefault() ? "Deny" : "Allow");
    account
        .network()
        .ipRules()
        .forEach(r -> acls.withArray("ipRules").addObject().put("value", r.toString()));
    acls.withArray("ipRules");
    acls.putArray("virtualNetworkRules");
    properties.put("disableLocalAuth", account.disableLocalAuth());
    properties.put("dateCreated", account.createdAt().toString());
    properties.put("isMigrated", false);
    properties.putArray("privateEndpointConnections");
    properties.putArray("capabilities").addObject().put("name", "VirtualNetworks");
    node.set(
        "systemData",
        NODES
            .objectNode()
            .put("createdBy", account.metadata().createdBy().id())
            .put("createdByType", account.metadata().createdBy().type())
            .put("createdAt", account.createdAt().toString())
            .put("lastModifiedBy", account.metadata().lastModifiedBy().id())
            .put("lastModifiedByType", account.metadata().lastModifiedBy().type())
            .put("lastModifiedAt", account.lastModifiedAt().toString()));
    return node;
  }

  static ObjectNode deployment(Account account, Deployment d) {
    ObjectNode node = NODES.objectNode();
    String id = account.armId() + "/deployments/" + d.name();
    node.put("id", id);
    node.put("type", "Microsoft.CognitiveServices/accounts/deployments");
    node.put("name", d.name());
    node.putObject("sku").put("name", d.sku().name()).put("capacity", d.sku().capacity());
    ObjectNode properties = node.putObject("properties");
    properties
        .putObject("model")
        .put("format", d.model().format())
        .put("name", d.model().name())
        .put("version", d.model().version());
    properties.put("versionUpgradeOption", d.versionUpgradeOption());
    properties.put("currentCapacity", d.sku().capacity());
    ObjectNode capabilities = properties.putObject("capabilities");
    ModelCatalog.find(d.model().name(), d.model().version())
        .ifPresent(
            spec -> {
              if (spec.supports(ModelKind.CHAT)) {
                capabilities.put("chatCompletion", "true");
              }
              if (spec.supports(ModelKind.COMPLETIONS)) {
                capabilities.put("completion", "true");
              }
              if (spec.supports(ModelKind.EMBEDDINGS)) {
                capabilities.put("embeddings", "true");
              }
              capabilities.put("maxContextToken", Integer.toString(spec.contextWindow()));
              if (spec.maxOutputTokens() > 0) {
                capabilities.put("maxOutputToken", Integer.toString(spec.maxOutputTokens()));
              }
            });
    properties.put("provisioningState", "Succeeded");
    properties.put("raiPolicyName", d.raiPolicyName());
    ArrayNode limits = properties.putArray("rateLimits");
    limits
        .addObject()
        .put("key", "request")
        .put("renewalPeriod", 10)
        .put("count", d.sku().capacity());
    limits
        .addObject()
        .put("key", "token")
        .put("renewalPeriod", 60)
        .put("count", d.sku().capacity() * 1000);
    ObjectNode backend = properties.putObject("backend");
    backend.put("kind", d.backend().kind().wireName());
    if (!d.backend().url().isEmpty()) {
      backend.put("url", d.backend().url());
    }
    if (!d.backend().upstreamModel().isEmpty()) {
      backend.put("upstreamModel", d.backend().upstreamModel());
    }
    if (!d.backend().apiKeyEnv().isEmpty()) {
      backend.put("apiKeyEnv", d.backend().apiKeyEnv());
    }
    if (!d.backend().responses().isEmpty()) {
      backend.put("responses", d.backend().responses());
    }
    node.set("systemData", systemData(d.createdAt()));
    node.put("etag", etag(id + d.sku() + d.model() + d.backend()));
    return node;
  }

  static ObjectNode privateEndpoint(Account account, dev.lazurite.network.PrivateEndpoint e) {
    ObjectNode node = NODES.objectNode();
    node.put("id", account.armId() + "/privateEndpoints/" + e.name());
    node.put("name", e.name());
    node.put("type", "Microsoft.CognitiveServices/accounts/privateEndpoints");
    ObjectNode properties = node.putObject("properties");
    properties.put("address", e.address());
    properties.put("port", e.port());
    properties.put("sourceRange", e.sourceRange().map(Object::toString).orElse(null));
    properties.put("privateLinkHost", e.privateLinkHost());
    properties.put("provisioningState", "Succeeded");
    properties
        .putObject("privateLinkServiceConnectionState")
        .put("status", "Approved")
        .put("description", "Auto-Approved")
        .put("actionsRequired", "None");
    properties.putArray("groupIds").add("account");
    return node;
  }

  /**
   * {@code …/usages}: each deployment's tokens used in the current minute, read from the counter
   * that enforces them, and the subscription quota each model and type uses.
   */
  static ObjectNode usages(
      Account account, ControlPlane control, dev.lazurite.quota.QuotaCounters quota) {
    List<ObjectNode> values = new java.util.ArrayList<>();
    java.util.Set<String> quotas = new java.util.TreeSet<>();
    for (Deployment d : control.deployments(account)) {
      quotas.add(d.model().name() + "|" + d.sku().name());
      var limits = dev.lazurite.quota.RateLimits.of(d.sku());
      if (limits.isEmpty()) {
        continue;
      }
      long limit = limits.get().tokensPerMinute();
      long used = limit - quota.remainingTokens(account.name() + "/" + d.name(), limits.get());
      ObjectNode usage = NODES.objectNode();
      usage
          .putObject("name")
          .put("value", "OpenAI.Deployment." + d.name() + ".Tokens")
          .put("localizedValue", "Tokens per minute - " + d.name());
      usage
          .put("currentValue", Math.max(0, used))
          .put("limit", limit)
          .put("unit", "Count")
          .put("quotaPeriod", "PT1M");
      values.add(usage);
    }
    for (String key : quotas) {
      String[] parts = key.split("\\|");
      if (parts[1].contains("Provisioned")) {
        continue;
      }
      ObjectNode usage = NODES.objectNode();
      usage
          .putObject("name")
          .put("value", "OpenAI." + parts[1] + "." + parts[0])
          .put("localizedValue", ControlPlane.quotaName(parts[0], parts[1]));
      usage
          .put("currentValue", control.quotaUsed(account, parts[0], parts[1]))
          .put("limit", ControlPlane.DEFAULT_QUOTA_UNITS)
          .put("unit", "Count");
      values.add(usage);
    }
    return list(values);
  }

  static ObjectNode withPool(ObjectNode deployment, List<String> pool) {
    if (!pool.isEmpty()) {
      var array = ((ObjectNode) deployment.get("properties")).putArray("backendPool");
      pool.forEach(array::add);
    }
    return deployment;
  }

  /** Whether a backend kind reaches an upstream that may serve Responses natively. */
  private static boolean upstream(dev.lazurite.backend.BackendKind kind) {
    return switch (kind) {
      case AZURE, OPENAI, OPENAI_COMPATIBLE -> true;
      case SIMULATOR, EMBEDDED, ANTHROPIC, GEMINI -> false;
    };
  }

  static ObjectNode backend(Account account, dev.lazurite.routing.NamedBackend b) {
    ObjectNode node = NODES.objectNode();
    node.put("id", account.armId() + "/backends/" + b.name());
    node.put("name", b.name());
    node.put("type", "Microsoft.CognitiveServices/accounts/backends");
    ObjectNode properties = node.putObject("properties");
    properties.put("kind", b.spec().kind().wireName());
    if (!b.spec().url().isEmpty()) {
      properties.put("url", b.spec().url());
    }
    if (!b.spec().upstreamModel().isEmpty()) {
      properties.put("upstreamModel", b.spec().upstreamModel());
    }
    if (!b.spec().apiKeyEnv().isEmpty()) {
      properties.put("apiKeyEnv", b.spec().apiKeyEnv());
    }
    if (upstream(b.spec().kind())) {
      properties.put("responses", b.spec().effectiveResponses());
    }
    if (b.spec().kind() == dev.lazurite.backend.BackendKind.AZURE) {
      var azure = b.spec().azure();
      properties
          .put("deployment", azure.deployment())
          .put("apiVersion", azure.effectiveApiVersion())
          .put("auth", azure.effectiveAuth());
      if (!azure.tokenUrl().isEmpty()) {
        properties.put("tokenUrl", azure.tokenUrl());
      }
      if (!azure.clientId().isEmpty()) {
        properties.put("clientId", azure.clientId());
      }
    }
    // Whether a key is stored, never the key.
    properties.put("hasStoredSecret", !b.secret().isEmpty());
    properties.put("region", b.region());
    properties.put("priority", b.priority());
    properties.put("weight", b.weight());
    if (!b.faults().none()) {
      properties
          .putObject("faults")
          .put("rate429", b.faults().rate429())
          .put("rate500", b.faults().rate500())
          .put("latencyMs", b.faults().latency().toMillis())
          .put("rateHang", b.faults().rateHang())
          .put("hangMs", b.faults().hang().toMillis())
          .put("rateReset", b.faults().rateReset());
    }
    return node;
  }

  static ObjectNode keys(AccountKeys keys) {
    return NODES.objectNode().put("key1", keys.key1()).put("key2", keys.key2());
  }

  static ObjectNode list(List<ObjectNode> values) {
    ObjectNode node = NODES.objectNode();
    node.putArray("value").addAll(values);
    return node;
  }

  static ObjectNode usage(List<UsageStore.UsageSummary> summaries) {
    return list(summaries.stream().map(s -> (ObjectNode) Json.MAPPER.valueToTree(s)).toList());
  }

  private static ObjectNode systemData(java.time.Instant created) {
    return NODES
        .objectNode()
        .put("createdBy", "lazurite-admin")
        .put("createdByType", "Application")
        .put("createdAt", created.toString())
        .put("lastModifiedBy", "lazurite-admin")
        .put("lastModifiedByType", "Application")
        .put("lastModifiedAt", created.toString());
  }

  private static String etag(String seed) {
    return "\""
        + java.util.UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        + "\"";
  }
}
