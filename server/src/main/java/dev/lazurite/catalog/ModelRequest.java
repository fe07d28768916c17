package dev.lazurite.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A model an operator adds to the catalog, as {@code PUT
 * …/providers/Lazurite.Catalog/models/{name}} takes it, validated: a name of 1 to 64 letters,
 * digits, '.', '_' or '-' that no built-in model has; a family (the format deployments report);
 * {@code chat} or {@code embeddings}; a context window; an encoding for token estimates ({@code
 * o200k_base} or {@code cl100k_base}); optional output limit, dimensions and prices (USD per
 * million tokens).
 */
record ModelRequest(
    ModelSpec model,
    Optional<BigDecimal> inputPrice,
    Optional<BigDecimal> cachedInputPrice,
    Optional<BigDecimal> outputPrice) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final int MAX_CONTEXT = 100_000_000;

  static ModelRequest parse(String name, byte[] body) {
    if (!NAME.matcher(name).matches()) {
      throw invalid(
          "The model name '%s' is invalid: use 1 to 64 letters, digits, '.', '_' or '-', starting"
                  .formatted(name)
              + " with a letter or digit.");
    }
    if (ModelCatalog.find(name, "").isPresent()) {
      throw invalid("The model '%s' is built in and cannot be added or changed.".formatted(name));
    }
    JsonNode node = object(body);
    String family = text(node, "family", true);
    if (family.isBlank() || family.length() > 64) {
      throw invalid("The family must be 1 to 64 characters.");
    }
    String version = text(node, "version", false);
    version = version.isEmpty() ? "1" : version;
    if (version.length() > 64) {
      throw invalid("The version must be 1 to 64 characters.");
    }
    ModelKind kind =
        switch (text(node, "kind", true).toLowerCase(Locale.ROOT)) {
          case "chat" -> ModelKind.CHAT;
          case "embeddings" -> ModelKind.EMBEDDINGS;
          default -> throw invalid("The kind must be 'chat' or 'embeddings'.");
        };
    Encoding encoding =
        switch (text(node, "encoding", true)) {
          case "o200k_base" -> Encoding.O200K_BASE;
          case "cl100k_base" -> Encoding.CL100K_BASE;
          default -> throw invalid("The encoding must be 'o200k_base' or 'cl100k_base'.");
        };
    int context = integer(node, "contextWindow", true, 1, MAX_CONTEXT);
    int maxOutput =
        kind == ModelKind.CHAT ? integer(node, "maxOutputTokens", false, 0, context) : 0;
    int dimensions =
        kind == ModelKind.EMBEDDINGS ? integer(node, "dimensions", false, 0, 65_536) : 0;
    ModelSpec model =
        new ModelSpec(
            name,
            version,
            family,
            Set.of(kind),
            encoding,
            context,
            maxOutput,
            dimensions,
            false,
            name);
    Optional<BigDecimal> input = price(node, "inputPrice");
    return new ModelRequest(
        model, input, price(node, "cachedInputPrice").or(() -> input), price(node, "outputPrice"));
  }

  private static JsonNode object(byte[] body) {
    if (body.length == 0) {
      throw invalid("The request content was empty; a JSON object is required.");
    }
    try {
      JsonNode node = Json.parse(body);
      if (node == null || !node.isObject()) {
        throw invalid("The request content must be a JSON object.");
      }
      return node;
    } catch (IOException e) {
      throw invalid("The request content was invalid and could not be deserialized.");
    }
  }

  private static String text(JsonNode node, String field, boolean required) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      if (required) {
        throw invalid("The property '%s' is required.".formatted(field));
      }
      return "";
    }
    if (!value.isTextual()) {
      throw invalid("The property '%s' must be a string.".formatted(field));
    }
    return value.asText();
  }

  private static int integer(JsonNode node, String field, boolean required, int min, int max) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      if (required) {
        throw invalid("The property '%s' is required.".formatted(field));
      }
      return 0;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw invalid("The property '%s' must be an integer.".formatted(field));
    }
    int v = value.asInt();
    if (v < min || v > max) {
      throw invalid(
          "The property '%s' must be between %d and %d; it was %d.".formatted(field, min, max, v));
    }
    return v;
  }

  private static Optional<BigDecimal> price(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isNumber()) {
      throw invalid("The property '%s' must be a number.".formatted(field));
    }
    BigDecimal price = value.decimalValue();
    if (price.signum() < 0 || price.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
      throw invalid(
          "The property '%s' must be between 0 and 1000000 USD per million tokens."
              .formatted(field));
    }
    return Optional.of(price);
  }

  static ApiException invalid(String message) {
    return ApiException.of(ErrorCode.ARM_INVALID_BODY, message);
  }
}
