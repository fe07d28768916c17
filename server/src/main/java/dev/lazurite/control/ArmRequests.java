package dev.lazurite.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.backend.AzureSettings;
import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSecret;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import java.io.IOException;
import java.util.Optional;

/** Reads ARM request bodies into control-plane requests, with ARM's error for bad content. */
final class ArmRequests {
  private ArmRequests() {}

  static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return Json.MAPPER.createObjectNode();
    }
    try {
      JsonNode node = Json.parse(body);
      if (!node.isObject()) {
        throw invalid("The request content must be a JSON object.");
      }
      return node;
    } catch (IOException e) {
      throw invalid("The request content was invalid and could not be deserialized.");
    }
  }

  /**
   * A deployment PUT body; accepts the current {@code sku} form and the legacy {@code
   * scaleSettings}.
   */
  static DeploymentRequest deployment(String name, JsonNode body, Optional<Deployment> existing) {
    JsonNode properties = body.path("properties");
    JsonNode model = properties.path("model");
    String modelName = text(model, "name", existing.map(d -> d.model().name()).orElse(null));
    if (modelName == null) {
      throw invalid("The deployment must name a model: properties.model.name is required.");
    }
    String version = text(model, "version", existing.map(d -> d.model().version()).orElse(""));
    JsonNode sku = body.path("sku");
    String skuName = text(sku, "name", existing.map(d -> d.sku().name()).orElse("Standard"));
    int capacity =
        integer(
            sku,
            "capacity",
            integer(
                properties.path("scaleSettings"),
                "capacity",
                existing.map(d -> d.sku().capacity()).orElse(1)));
    return new DeploymentRequest(
        name,
        modelName,
        version,
        skuName,
        capacity,
        text(properties, "raiPolicyName", existing.map(d -> d.raiPolicyName()).orElse("")),
        text(
            properties,
            "versionUpgradeOption",
            existing.map(d -> d.versionUpgradeOption()).orElse("")),
        deploymentBackend(properties.path("backend")).or(() -> existing.map(d -> d.backend())));
  }

  private static Optional<BackendSpec> deploymentBackend(JsonNode node) {
    if (node.has("apiKey") || node.has("clientSecret")) {
      throw invalid(
          "A deployment's backend reads its key from apiKeyEnv. Keys are stored (encrypted) only"
              + " on pooled backends: PUT .../backends/{name}.");
    }
    return backend(node);
  }

  static Optional<BackendSpec> backend(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw invalid("properties.backend must be an object.");
    }
    String kindName = text(node, "kind", "simulator");
    BackendKind kind = BackendKind.fromWireName(kindName);
    if (kind == null) {
      throw invalid(
          ("Unknown backend kind '%s'. Known kinds: simulator, embedded, openai-compatible, azure,"
                  + " openai.")
              .formatted(kindName));
    }
    try {
      return Optional.of(
          new BackendSpec(
              kind,
              text(node, "url", ""),
              text(node, "upstreamModel", ""),
              text(node, "apiKeyEnv", ""),
              new AzureSettings(
                  text(node, "deployment", ""),
                  text(node, "apiVersion", ""),
                  text(node, "auth", ""),
                  text(node, "tokenUrl", ""),
                  text(node, "clientId", ""))));
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isTextual()) {
      throw invalid("The property '%s' must be a string.".formatted(field));
    }
    return value.asText();
  }

  private static int integer(JsonNode node, String field, int fallback) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw invalid("The property '%s' must be an integer.".formatted(field));
    }
    return value.asInt();
  }

  /**
   * The network settings a PATCH asks for: {@code publicNetworkAccess} and {@code networkAcls}
   * ({@code defaultAction}, {@code ipRules[].value}); what it leaves out stays as it was.
   */
  static dev.lazurite.network.NetworkRules network(
      JsonNode properties, dev.lazurite.network.NetworkRules current) {
    boolean publicAccess = current.publicAccess();
    JsonNode access = properties.path("publicNetworkAccess");
    if (!access.isMissingNode() && !access.isNull()) {
      if (!access.isTextual()
          || !java.util.List.of("enabled", "disabled")
              .contains(access.asText().toLowerCase(java.util.Locale.ROOT))) {
        throw invalid("The property 'publicNetworkAccess' must be 'Enabled' or 'Disabled'.");
      }
      publicAccess = access.asText().equalsIgnoreCase("Enabled");
    }
    JsonNode acls = properties.path("networkAcls");
    if (acls.isMissingNode() || acls.isNull()) {
      return new dev.lazurite.network.NetworkRules(
          publicAccess, current.denyByDefault(), current.ipRules());
    }
    if (!acls.isObject()) {
      throw invalid("The property 'networkAcls' must be an object.");
    }
    boolean deny = current.denyByDefault();
    JsonNode action = acls.path("defaultAction");
    if (!action.isMissingNode() && !action.isNull()) {
      if (!action.isTextual()
          || !java.util.List.of("allow", "deny")
              .contains(action.asText().toLowerCase(java.util.Locale.ROOT))) {
        throw invalid("The property 'networkAcls.defaultAction' must be 'Allow' or 'Deny'.");
      }
      deny = action.asText().equalsIgnoreCase("Deny");
    }
    var rules = current.ipRules();
    JsonNode ipRules = acls.path("ipRules");
    if (!ipRules.isMissingNode() && !ipRules.isNull()) {
      if (!ipRules.isArray()) {
        throw invalid("The property 'networkAcls.ipRules' must be an array.");
      }
      var parsed = new java.util.ArrayList<dev.lazurite.network.Cidr>();
      for (JsonNode rule : ipRules) {
        String value = rule.path("value").asText("");
        try {
          parsed.add(dev.lazurite.network.Cidr.parse(value));
        } catch (IllegalArgumentException e) {
          throw invalid("The IP rule '" + value + "' is not an IP address or CIDR range.");
        }
      }
      rules = parsed;
    }
    return new dev.lazurite.network.NetworkRules(publicAccess, deny, rules);
  }

  static java.util.Optional<dev.lazurite.network.Cidr> optionalCidr(JsonNode value) {
    if (value.isMissingNode() || value.isNull() || value.asText("").isBlank()) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(dev.lazurite.network.Cidr.parse(value.asText()));
    } catch (IllegalArgumentException e) {
      throw invalid(
          "The source range '" + value.asText() + "' is not an IP address or CIDR range.");
    }
  }

  /** A backend PUT body: {@code properties} with kind, url, region, priority, weight, faults. */
  static dev.lazurite.routing.NamedBackend backend(
      Account account, String name, JsonNode body, ControlPlane control) {
    JsonNode properties = body.path("properties");
    // The backend's fields sit in properties (as a GET shows them) or in properties.backend.
    JsonNode backend =
        properties.path("backend").isObject() ? properties.path("backend") : properties;
    BackendSpec spec = backend(backend).orElse(BackendSpec.of(BackendKind.SIMULATOR));
    String region = text(properties, "region", account.location());
    int priority = integer(properties, "priority", 1);
    int weight = integer(properties, "weight", 1);
    JsonNode faults = properties.path("faults");
    dev.lazurite.backend.FaultInjection injection;
    try {
      injection =
          faults.isObject()
              ? new dev.lazurite.backend.FaultInjection(
                  number(faults, "rate429"),
                  number(faults, "rate500"),
                  java.time.Duration.ofMillis((long) number(faults, "latencyMs")),
                  faults.has("retryAfterSeconds") ? (int) number(faults, "retryAfterSeconds") : 1,
                  number(faults, "rateHang"),
                  java.time.Duration.ofMillis((long) number(faults, "hangMs")),
                  number(faults, "rateReset"))
              : dev.lazurite.backend.FaultInjection.NONE;
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
    String apiKey = text(backend, "apiKey", "");
    String clientSecret = text(backend, "clientSecret", "");
    if (!apiKey.isEmpty() && !clientSecret.isEmpty()) {
      throw invalid("Give either apiKey or clientSecret, not both.");
    }
    return control.putBackend(
        account,
        name,
        spec,
        region,
        priority,
        weight,
        injection,
        new BackendSecret(apiKey.isEmpty() ? clientSecret : apiKey));
  }

  private static double number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return 0;
    }
    if (!value.isNumber()) {
      throw invalid("The property 'faults.%s' must be a number.".formatted(field));
    }
    return value.asDouble();
  }

  static ApiException invalid(String message) {
    return ApiException.of(ErrorCode.ARM_INVALID_BODY, message);
  }
}
