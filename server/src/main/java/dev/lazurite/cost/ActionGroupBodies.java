package dev.lazurite.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * An action group ({@code Microsoft.Insights/actionGroups}) as ARM sends it: a short name, whether
 * it is enabled, and receivers; only {@code webhookReceivers} are called, the other receiver kinds
 * are kept as given.
 */
final class ActionGroupBodies {
  private static final int MAX_RECEIVERS = 10;

  private ActionGroupBodies() {}

  /** A webhook receiver: where an alert is posted. */
  record Webhook(String name, URI serviceUri) {}

  /** The validated body to store: location, tags and properties. */
  static ObjectNode read(JsonNode body) {
    ObjectNode stored = Json.MAPPER.createObjectNode();
    stored.put("location", ArmJson.optionalText(body, "location", "location").orElse("Global"));
    ArmJson.optionalObject(body, "tags", "tags")
        .ifPresent(
            t -> {
              for (var tag : t.properties()) {
                if (!tag.getValue().isTextual()) {
                  throw ArmJson.mistyped("tags." + tag.getKey(), "a string");
                }
              }
              stored.set("tags", t);
            });
    JsonNode props = ArmJson.requiredObject(body, "properties", "properties");
    String shortName = ArmJson.requiredText(props, "groupShortName", "properties.groupShortName");
    if (shortName.isEmpty() || shortName.length() > 12) {
      throw ArmJson.invalid("The groupShortName must have 1 to 12 characters.");
    }
    if (!props.path("enabled").isBoolean()) {
      throw props.path("enabled").isMissingNode()
          ? ArmJson.missing("properties.enabled")
          : ArmJson.mistyped("properties.enabled", "a boolean");
    }
    webhooks(props);
    for (String kind : List.of("emailReceivers", "smsReceivers", "azureAppPushReceivers")) {
      JsonNode receivers = props.path(kind);
      if (!receivers.isMissingNode() && !receivers.isNull() && !receivers.isArray()) {
        throw ArmJson.mistyped("properties." + kind, "an array");
      }
    }
    stored.set("properties", props.deepCopy());
    return stored;
  }

  /** The webhook receivers of a stored or requested {@code properties}. */
  static List<Webhook> webhooks(JsonNode props) {
    JsonNode receivers = props.path("webhookReceivers");
    if (receivers.isMissingNode() || receivers.isNull()) {
      return List.of();
    }
    if (!receivers.isArray()) {
      throw ArmJson.mistyped("properties.webhookReceivers", "an array");
    }
    if (receivers.size() > MAX_RECEIVERS) {
      throw ArmJson.invalid(
          "An action group has at most %d webhook receivers.".formatted(MAX_RECEIVERS));
    }
    List<Webhook> out = new ArrayList<>();
    int i = 0;
    for (JsonNode receiver : receivers) {
      String path = "properties.webhookReceivers[" + i++ + "]";
      if (!receiver.isObject()) {
        throw ArmJson.mistyped(path, "an object");
      }
      String name = ArmJson.requiredText(receiver, "name", path + ".name");
      String uri = ArmJson.requiredText(receiver, "serviceUri", path + ".serviceUri");
      ArmJson.optionalBoolean(
          receiver, "useCommonAlertSchema", path + ".useCommonAlertSchema", false);
      out.add(new Webhook(name, uri(uri, path + ".serviceUri")));
    }
    return out;
  }

  private static URI uri(String text, String path) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw ArmJson.invalid("The value at '%s' must be an absolute http(s) URL.".formatted(path));
      }
      return uri;
    } catch (URISyntaxException e) {
      throw ArmJson.invalid("The value at '%s' must be an absolute http(s) URL.".formatted(path));
    }
  }

  static ObjectNode view(ActionGroupId id, JsonNode stored) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("id", id.path());
    body.put("type", "Microsoft.Insights/ActionGroups");
    body.put("name", id.name());
    body.put("location", stored.path("location").asText("Global"));
    body.set("tags", stored.has("tags") ? stored.get("tags") : Json.MAPPER.createObjectNode());
    ObjectNode props = stored.path("properties").deepCopy();
    for (String kind : List.of("emailReceivers", "smsReceivers", "webhookReceivers")) {
      if (!props.has(kind)) {
        props.set(kind, Json.MAPPER.createArrayNode());
      }
    }
    body.set("properties", props);
    return body;
  }
}
