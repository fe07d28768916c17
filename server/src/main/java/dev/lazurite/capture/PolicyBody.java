package dev.lazurite.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A capture policy as the management API reads and writes it: {@code {"enabled": true, "maxBytes":
 * 65536, "retentionDays": 30, "redact": ["…"]}}. Only {@code enabled} is required; every other
 * field takes its default. Unknown fields and wrong types are refused.
 */
final class PolicyBody {
  private static final Set<String> FIELDS =
      Set.of("enabled", "maxBytes", "retentionDays", "redact");

  private PolicyBody() {}

  static CapturePolicy parse(JsonNode node) {
    if (!(node instanceof ObjectNode body)) {
      throw new IllegalArgumentException("The request body must be a JSON object.");
    }
    for (var names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException(
            "Unknown field '" + name + "'; allowed: enabled, maxBytes, retentionDays, redact.");
      }
    }
    JsonNode enabled = body.get("enabled");
    if (enabled == null || !enabled.isBoolean()) {
      throw new IllegalArgumentException("'enabled' is required and must be true or false.");
    }
    return new CapturePolicy(
        enabled.booleanValue(),
        integer(body, "maxBytes", CapturePolicy.DEFAULT_MAX_BYTES),
        integer(body, "retentionDays", CapturePolicy.DEFAULT_RETENTION_DAYS),
        patterns(body.get("redact")));
  }

  private static int integer(ObjectNode body, String name, int fallback) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new IllegalArgumentException(
          "'" + name + "' must be a whole number, got " + value + ".");
    }
    return value.intValue();
  }

  private static List<String> patterns(JsonNode value) {
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException("'redact' must be an array of regular expressions.");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new IllegalArgumentException("'redact' must hold strings, got " + item + ".");
      }
      out.add(item.textValue());
    }
    return out;
  }

  static ObjectNode json(String account, String deployment, CapturePolicy policy) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("account", account);
    out.put("deployment", deployment);
    out.put("enabled", policy.enabled());
    out.put("maxBytes", policy.maxBytes());
    out.put("retentionDays", policy.retentionDays());
    policy.redact().forEach(out.putArray("redact")::add);
    return out;
  }
}
