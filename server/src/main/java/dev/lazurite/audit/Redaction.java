package dev.lazurite.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Removes secrets from what is audited: any field whose name says it holds one. */
final class Redaction {
  private static final Pattern SECRET =
      Pattern.compile(
          "(?i).*(secret|password|apikey|api_key|key1|key2|credential|connectionstring|token"
              + "|authorization|privatekey).*");

  private Redaction() {}

  static boolean secretName(String name) {
    return SECRET.matcher(name).matches();
  }

  /** The same tree with secret-named fields removed, at every depth. */
  static JsonNode clean(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode out = object.objectNode();
      object
          .properties()
          .forEach(
              e -> {
                if (!secretName(e.getKey())) {
                  out.set(e.getKey(), clean(e.getValue()));
                }
              });
      return out;
    }
    if (node instanceof ArrayNode array) {
      List<JsonNode> items = new ArrayList<>();
      array.forEach(item -> items.add(clean(item)));
      return array.arrayNode().addAll(items);
    }
    return node;
  }
}
