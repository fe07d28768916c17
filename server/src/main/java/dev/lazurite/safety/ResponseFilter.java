package dev.lazurite.safety;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.AnswerOutline;
import dev.lazurite.json.Json;
import dev.lazurite.json.RawJson;
import dev.lazurite.pipeline.FilterOutcome;
import dev.lazurite.pipeline.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

  /**
   * A complete answer: each choice screened; a filtered one loses its text. The answer is read once
   * (or its outline taken from the bytes an upstream's answer came in) and written again with the
   * annotations spliced into its bytes.
   */
  Response whole(Response.Json json) {
    if (json.status() >= 400) {
      return json;
    }
    byte[] bytes = Json.writeWire(json.body());
    AnswerOutline answer;
    if (json.body() instanceof RawJson raw && raw.outline().isPresent()) {
      answer = raw.outline().get();
    } else {
      try {
        answer = AnswerOutline.read(bytes);
      } catch (IOException e) {
        return json;
      }
    }
    if (!answer.hasChoices()) {
      return json;
    }
    List<Screening> screenings = new ArrayList<>(answer.choices().size());
    for (AnswerOutline.Choice choice : answer.choices()) {
      screenings.add(
          choice.text() == null
              ? new Screening(JsonNodeFactory.instance.objectNode(), false)
              : screen(choice.text()));
    }
    try {
      Response.Json written =
          json.withBody(
              new RawJson(
                  new AnswerWriter(answer, screenings, annotate, this::writePromptResults)
                      .write(bytes)));
      for (Screening screening : screenings) {
        if (screening.blocked()) {
          return written.withFilter(FilterOutcome.completion(screening.results()));
        }
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code prompt_filter_results} as {@link #promptResults()} has it, written as it is read. */
  private void writePromptResults(JsonGenerator out) throws IOException {
    String shieldName = Category.INDIRECT_ATTACK.wire();
    out.writeStartArray();
    for (int i = 0; i < prompts.size(); i++) {
      ObjectNode results = prompts.get(i).results();
      JsonNode shield =
          i == 0 && documents.isPresent() ? documents.get().results().get(shieldName) : null;
      List<String> names = new ArrayList<>(results.size() + 1);
      results.fieldNames().forEachRemaining(names::add);
      if (shield != null && !results.has(shieldName)) {
        names.add(shieldName);
      }
      names.sort(null);
      out.writeStartObject();
      out.writeNumberField("prompt_index", i);
      out.writeObjectFieldStart("content_filter_results");
      for (String name : names) {
        out.writeFieldName(name);
        AnswerWriter.node(
            out, shield != null && name.equals(shieldName) ? shield : results.get(name));
      }
      out.writeEndObject();
      out.writeEndObject();
    }
    out.writeEndArray();
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
