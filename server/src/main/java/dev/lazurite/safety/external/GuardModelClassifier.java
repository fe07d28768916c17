package dev.lazurite.safety.external;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import dev.lazurite.safety.Assessment;
import dev.lazurite.safety.Category;
import dev.lazurite.safety.Classifier;
import dev.lazurite.safety.Severity;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A guard model (Llama Guard style) behind any OpenAI-compatible chat endpoint: it answers {@code
 * safe}, or {@code unsafe} and a line of hazard codes such as {@code S1,S10}. The codes of Llama
 * Guard 3's taxonomy are read as Azure's categories; the rest (defamation, elections, privacy, ...)
 * have no Azure category and are ignored. A completion is sent as the assistant's turn, so that the
 * model judges the response rather than a request.
 */
public final class GuardModelClassifier implements Classifier {
  private static final Map<String, Map.Entry<Category, Severity>> CODES =
      Map.of(
          "S1", Map.entry(Category.VIOLENCE, Severity.HIGH),
          "S3", Map.entry(Category.SEXUAL, Severity.HIGH),
          "S4", Map.entry(Category.SEXUAL, Severity.HIGH),
          "S9", Map.entry(Category.VIOLENCE, Severity.HIGH),
          "S10", Map.entry(Category.HATE, Severity.HIGH),
          "S11", Map.entry(Category.SELF_HARM, Severity.HIGH),
          "S12", Map.entry(Category.SEXUAL, Severity.MEDIUM));

  private final ClassifierService service;
  private final String model;

  public GuardModelClassifier(ClassifierService service, String model) {
    this.service = service;
    this.model = model;
  }

  @Override
  public Assessment classify(String text, Source source) {
    ObjectNode body = Json.MAPPER.createObjectNode().put("model", model).put("temperature", 0);
    ArrayNode messages = body.putArray("messages");
    if (source == Source.COMPLETION) {
      messages.addObject().put("role", "user").put("content", "");
      messages.addObject().put("role", "assistant").put("content", text);
    } else {
      messages.addObject().put("role", "user").put("content", text);
    }
    String verdict =
        service
            .post("/chat/completions", body)
            .path("choices")
            .path(0)
            .path("message")
            .path("content")
            .asText("")
            .strip();
    return Assessment.of(read(verdict));
  }

  /** Reads {@code safe} or {@code unsafe\nS1,S10}; anything else is not an answer. */
  static Map<Category, Severity> read(String verdict) {
    String lower = verdict.toLowerCase(Locale.ROOT);
    Map<Category, Severity> out = new EnumMap<>(Category.class);
    Category.HARMS.forEach(c -> out.put(c, Severity.SAFE));
    if (lower.startsWith("safe")) {
      return out;
    }
    if (!lower.startsWith("unsafe")) {
      throw new IllegalStateException("the guard model answered neither safe nor unsafe");
    }
    for (String code : verdict.substring("unsafe".length()).split("[\\s,]+")) {
      var hit = CODES.get(code.strip().toUpperCase(Locale.ROOT));
      if (hit != null) {
        out.merge(hit.getKey(), hit.getValue(), Assessment::worse);
      }
    }
    return out;
  }

  @Override
  public String name() {
    return "guard";
  }
}
