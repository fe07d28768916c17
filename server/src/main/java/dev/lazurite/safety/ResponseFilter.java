package dev.lazurite.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.Response;
import java.util.List;
import java.util.Optional;

/** Screens and annotates a response under the policy its prompt was screened with. */
final class ResponseFilter {
  private final ContentSafety safety;
  private final FilterPolicy policy;
  private final List<Screening> prompts;
  private final boolean annotate;
  private final Optional<Screening> documents;

  ResponseFilter(
      ContentSafety safety,
      FilterPolicy policy,
      List<Screening> prompts,
      boolean annotate,
      Optional<Screening> documents) {
    this.safety = safety;
    this.policy = policy;
    this.prompts = prompts;
    this.annotate = annotate;
    this.documents = documents;
  }

  boolean annotate() {
    return annotate;
  }

  Screening screen(String text) {
    return safety.completion(policy, text);
  }

  /**
   * {@code prompt_filter_results}: one entry per prompt, retrieved documents' shield in the first.
   */
  ArrayNode promptResults() {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < prompts.size(); i++) {
      // sorted() copies the prompt's results, so the screening itself is never changed.
      ObjectNode results = sorted(prompts.get(i).results());
      if (i == 0) {
        documents
            .map(d -> d.results().get(Category.INDIRECT_ATTACK.wire()))
            .ifPresent(shield -> results.set(Category.INDIRECT_ATTACK.wire(), shield));
      }
      ObjectNode entry = out.addObject();
      entry.put("prompt_index", i);
      entry.set(
          "content_filter_results", i == 0 && documents.isPresent() ? sorted(results) : results);
    }
    return out;
  }

  private static ObjectNode sorted(ObjectNode node) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    node.properties().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> out.set(e.getKey(), e.getValue()));
    return out;
  }

  /** A complete answer: each choice screened; a filtered one loses its text. */
  Response whole(Response.Json json) {
    if (json.status() >= 400) {
      return json;
    }
    ObjectNode body = Json.WIRE.valueToTree(json.body());
    if (!body.has("choices")) {
      return json;
    }
    for (JsonNode node : body.path("choices")) {
      ObjectNode choice = (ObjectNode) node;
      Optional<String> text = text(choice);
      Screening s =
          text.map(this::screen)
              .orElse(new Screening(JsonNodeFactory.instance.objectNode(), false));
      if (s.blocked()) {
        choice.put("finish_reason", "content_filter");
        if (choice.path("message").isObject()) {
          ((ObjectNode) choice.get("message")).putNull("content");
        } else {
          choice.put("text", "");
        }
      }
      if (annotate || s.blocked()) {
        choice.set("content_filter_results", s.results());
      }
    }
    if (annotate) {
      body.set("prompt_filter_results", promptResults());
    }
    return json.withBody(body);
  }

  private static Optional<String> text(ObjectNode choice) {
    JsonNode content =
        choice.path("message").isObject()
            ? choice.path("message").path("content")
            : choice.get("text");
    return content != null && content.isTextual()
        ? Optional.of(content.asText())
        : Optional.empty();
  }

  /** The event Azure sends first on a stream: the prompt's annotations and nothing else. */
  ObjectNode promptEvent() {
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.putArray("choices");
    event.put("created", 0).put("id", "").put("model", "").put("object", "");
    event.set("prompt_filter_results", promptResults());
    return event;
  }
}
