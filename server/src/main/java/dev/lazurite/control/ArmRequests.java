package dev.lazurite.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.backend.BackendKind;
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
        backend(properties.path("backend")).or(() -> existing.map(d -> d.backend())));
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
          "Unknown backend kind '%s'. Known kinds: simulator, embedded, openai-compatible."
              .formatted(kindName));
    }
    try {
      return Optional.of(
          new BackendSpec(
              kind,
              text(node, "url", ""),
              text(node, "upstreamModel", ""),
              text(node, "apiKeyEnv", "")));
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

  static ApiException invalid(String message) {
    return ApiException.of(ErrorCode.ARM_INVALID_BODY, message);
  }
}
