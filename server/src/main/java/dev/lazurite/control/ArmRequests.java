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
    JsonNode properties = object(body, "properties");
    JsonNode model = object(properties, "model");
    String modelName = text(model, "name", existing.map(d -> d.model().name()).orElse(null));
    if (modelName == null) {
      throw invalid("The deployment must name a model: properties.model.name is required.");
    }
    String version = text(model, "version", existing.map(d -> d.model().version()).orElse(""));
    JsonNode sku = object(body, "sku");
    String skuName = text(sku, "name", existing.map(d -> d.sku().name()).orElse("Standard"));
    int capacity =
        integer(
            sku,
            "capacity",
            integer(
                object(properties, "scaleSettings"),
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
                  + " openai, anthropic, gemini.")
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
                  text(node, "clientId", "")),
              text(node, "responses", "")));
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
   * An account PUT or PATCH body: {@code location}, {@code kind}, {@code sku.name}, {@code tags}
   * and {@code properties} ({@code disableLocalAuth}, {@code customSubDomainName}, {@code
   * publicNetworkAccess}, {@code networkAcls}). A wrong type anywhere refuses the whole request.
   */
  static AccountRequest account(JsonNode body) {
    JsonNode properties = object(body, "properties");
    JsonNode sku = object(body, "sku");
    var tags = optionalObject(body, "tags").map(ArmRequests::tags);
    String subdomain = optionalText(properties, "customSubDomainName", "properties.").orElse(null);
    if (subdomain != null && !SUBDOMAIN.matcher(subdomain).matches()) {
      throw invalid(
          ("The custom subdomain name '%s' is invalid. It must be 2 to 64 characters of letters,"
                  + " digits and '-', starting and ending with a letter or digit.")
              .formatted(subdomain));
    }
    JsonNode disable = properties.path("disableLocalAuth");
    if (!disable.isMissingNode() && !disable.isNull() && !disable.isBoolean()) {
      throw mistyped("properties.disableLocalAuth", "a boolean");
    }
    return new AccountRequest(
        optionalText(body, "location", "").filter(l -> !l.isBlank()),
        optionalText(body, "kind", "").map(ArmRequests::nonBlank),
        optionalText(sku, "name", "sku.").map(ArmRequests::nonBlank),
        tags,
        disable.isBoolean()
            ? java.util.Optional.of(disable.asBoolean())
            : java.util.Optional.empty(),
        java.util.Optional.ofNullable(subdomain),
        network(properties));
  }

  private static final java.util.regex.Pattern SUBDOMAIN =
      java.util.regex.Pattern.compile("^[a-zA-Z0-9]([a-zA-Z0-9-]{0,62}[a-zA-Z0-9])?$");

  private static String nonBlank(String value) {
    if (value.isBlank()) {
      throw invalid("The request content was invalid: an empty string is not a valid value.");
    }
    return value;
  }

  /** Azure's tag limits: 50 tags, names up to 512 characters, values up to 256. */
  static java.util.Map<String, String> tags(JsonNode node) {
    if (node.size() > AccountMetadata.MAX_TAGS) {
      throw invalid(
          "The resource has %d tags; at most %d are allowed."
              .formatted(node.size(), AccountMetadata.MAX_TAGS));
    }
    var tags = new java.util.TreeMap<String, String>();
    for (var entry : node.properties()) {
      String name = entry.getKey();
      JsonNode value = entry.getValue();
      if (!value.isTextual()) {
        throw mistyped("tags." + name, "a string");
      }
      if (name.isEmpty() || name.length() > 512 || value.asText().length() > 256) {
        throw invalid(
            "The tag '%s' is invalid: a tag name has 1 to 512 characters, a value at most 256."
                .formatted(name.length() > 64 ? name.substring(0, 64) + "…" : name));
      }
      tags.put(name, value.asText());
    }
    return tags;
  }

  /**
   * The network settings a request asks for: {@code publicNetworkAccess} and {@code networkAcls}
   * ({@code defaultAction}, {@code ipRules[].value}); what it leaves out stays as it was.
   */
  static NetworkRequest network(JsonNode properties) {
    java.util.Optional<Boolean> publicAccess = java.util.Optional.empty();
    JsonNode access = properties.path("publicNetworkAccess");
    if (!access.isMissingNode() && !access.isNull()) {
      if (!access.isTextual()
          || !java.util.List.of("enabled", "disabled")
              .contains(access.asText().toLowerCase(java.util.Locale.ROOT))) {
        throw invalid("The property 'publicNetworkAccess' must be 'Enabled' or 'Disabled'.");
      }
      publicAccess = java.util.Optional.of(access.asText().equalsIgnoreCase("Enabled"));
    }
    JsonNode acls = properties.path("networkAcls");
    if (acls.isMissingNode() || acls.isNull()) {
      return new NetworkRequest(
          publicAccess, java.util.Optional.empty(), java.util.Optional.empty());
    }
    if (!acls.isObject()) {
      throw invalid("The property 'networkAcls' must be an object.");
    }
    java.util.Optional<Boolean> deny = java.util.Optional.empty();
    JsonNode action = acls.path("defaultAction");
    if (!action.isMissingNode() && !action.isNull()) {
      if (!action.isTextual()
          || !java.util.List.of("allow", "deny")
              .contains(action.asText().toLowerCase(java.util.Locale.ROOT))) {
        throw invalid("The property 'networkAcls.defaultAction' must be 'Allow' or 'Deny'.");
      }
      deny = java.util.Optional.of(action.asText().equalsIgnoreCase("Deny"));
    }
    java.util.Optional<java.util.List<dev.lazurite.network.Cidr>> rules =
        java.util.Optional.empty();
    JsonNode ipRules = acls.path("ipRules");
    if (!ipRules.isMissingNode() && !ipRules.isNull()) {
      if (!ipRules.isArray()) {
        throw invalid("The property 'networkAcls.ipRules' must be an array.");
      }
      if (ipRules.size() > MAX_IP_RULES) {
        throw invalid(
            "An account has at most %d IP rules; the request has %d."
                .formatted(MAX_IP_RULES, ipRules.size()));
      }
      var parsed = new java.util.ArrayList<dev.lazurite.network.Cidr>();
      for (JsonNode rule : ipRules) {
        JsonNode value = rule.path("value");
        if (!value.isTextual()) {
          throw invalid("Each IP rule must be an object with a string 'value'.");
        }
        try {
          parsed.add(dev.lazurite.network.Cidr.parse(value.asText()));
        } catch (IllegalArgumentException e) {
          throw invalid("The IP rule '" + value.asText() + "' is not an IP address or CIDR range.");
        }
      }
      rules = java.util.Optional.of(parsed);
    }
    return new NetworkRequest(publicAccess, deny, rules);
  }

  /** Azure's limit on IP rules per account. */
  private static final int MAX_IP_RULES = 400;

  /** A member that must be an object when present; missing or null reads as an empty object. */
  static JsonNode object(JsonNode node, String field) {
    return optionalObject(node, field).orElseGet(Json.MAPPER::createObjectNode);
  }

  private static java.util.Optional<JsonNode> optionalObject(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return java.util.Optional.empty();
    }
    if (!value.isObject()) {
      throw mistyped(field, "an object");
    }
    return java.util.Optional.of(value);
  }

  private static java.util.Optional<String> optionalText(
      JsonNode node, String field, String prefix) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return java.util.Optional.empty();
    }
    if (!value.isTextual()) {
      throw mistyped(prefix + field, "a string");
    }
    return java.util.Optional.of(value.asText());
  }

  /** ARM's answer to a member of the wrong JSON type. */
  static ApiException mistyped(String path, String expected) {
    return invalid(
        "The request content was invalid and could not be deserialized: the value at path '%s'"
                .formatted(path)
            + " must be %s.".formatted(expected));
  }

  /** A private endpoint PUT body: {@code properties} with address, port and sourceRange. */
  record PrivateEndpointBody(
      String address, int port, java.util.Optional<dev.lazurite.network.Cidr> sourceRange) {}

  static PrivateEndpointBody privateEndpoint(JsonNode body) {
    JsonNode properties = object(body, "properties");
    String address = optionalText(properties, "address", "properties.").orElse("");
    int port = integer(properties, "port", 443);
    var source = optionalText(properties, "sourceRange", "properties.").filter(s -> !s.isBlank());
    try {
      return new PrivateEndpointBody(address, port, source.map(dev.lazurite.network.Cidr::parse));
    } catch (IllegalArgumentException e) {
      throw invalid(
          "The source range '" + source.orElse("") + "' is not an IP address or CIDR range.");
    }
  }

  /** A backend PUT body: {@code properties} with kind, url, region, priority, weight, faults. */
  static dev.lazurite.routing.NamedBackend backend(
      Account account, String name, JsonNode body, ControlPlane control) {
    JsonNode properties = object(body, "properties");
    // The backend's fields sit in properties (as a GET shows them) or in properties.backend.
    JsonNode backend =
        properties.path("backend").isObject() ? properties.path("backend") : properties;
    BackendSpec spec = backend(backend).orElse(BackendSpec.of(BackendKind.SIMULATOR));
    String region = text(properties, "region", account.location());
    int priority = integer(properties, "priority", 1);
    int weight = integer(properties, "weight", 1);
    if (priority < 0 || priority > 1000 || weight < 0 || weight > 1000) {
      throw invalid("A backend's priority and weight must each be 0 to 1000.");
    }
    dev.lazurite.backend.FaultInjection injection = faults(object(properties, "faults"));
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

  /** The longest latency or hang a backend may inject: ten minutes. */
  private static final long MAX_FAULT_MILLIS = 600_000;

  private static dev.lazurite.backend.FaultInjection faults(JsonNode faults) {
    if (faults.isEmpty()) {
      return dev.lazurite.backend.FaultInjection.NONE;
    }
    long retryAfter =
        faults.has("retryAfterSeconds") ? whole(faults, "retryAfterSeconds", 3600) : 1;
    try {
      return new dev.lazurite.backend.FaultInjection(
          rate(faults, "rate429"),
          rate(faults, "rate500"),
          java.time.Duration.ofMillis(whole(faults, "latencyMs", MAX_FAULT_MILLIS)),
          (int) retryAfter,
          rate(faults, "rateHang"),
          java.time.Duration.ofMillis(whole(faults, "hangMs", MAX_FAULT_MILLIS)),
          rate(faults, "rateReset"));
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  private static double rate(JsonNode faults, String field) {
    double value = number(faults, field);
    if (value < 0 || value > 1) {
      throw invalid("The property 'faults.%s' must be between 0 and 1.".formatted(field));
    }
    return value;
  }

  /** A whole number from 0 to {@code max}; a number too large for a double is refused too. */
  private static long whole(JsonNode faults, String field, long max) {
    double value = number(faults, field);
    if (value < 0 || value > max || value != Math.rint(value)) {
      throw invalid(
          "The property 'faults.%s' must be a whole number from 0 to %d.".formatted(field, max));
    }
    return (long) value;
  }

  private static double number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return 0;
    }
    if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
      throw invalid("The property 'faults.%s' must be a finite number.".formatted(field));
    }
    return value.asDouble();
  }

  static ApiException invalid(String message) {
    return ApiException.of(ErrorCode.ARM_INVALID_BODY, message);
  }
}
