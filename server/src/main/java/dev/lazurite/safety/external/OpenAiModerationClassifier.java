package dev.lazurite.safety.external;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.safety.Assessment;
import dev.lazurite.safety.Category;
import dev.lazurite.safety.Classifier;
import dev.lazurite.safety.Severity;
import java.util.EnumMap;
import java.util.Map;

/**
 * OpenAI's moderation API ({@code POST /v1/moderations}): each harm category's severity comes from
 * the highest score of its subcategories ({@code hate}, {@code hate/threatening}; {@code violence},
 * {@code violence/graphic}; ...). It has no prompt shields, so jailbreak and indirect attack are
 * never detected.
 */
public final class OpenAiModerationClassifier implements Classifier {
  private static final Map<String, Category> SCORES =
      Map.ofEntries(
          Map.entry("hate", Category.HATE),
          Map.entry("hate/threatening", Category.HATE),
          Map.entry("harassment/threatening", Category.VIOLENCE),
          Map.entry("sexual", Category.SEXUAL),
          Map.entry("sexual/minors", Category.SEXUAL),
          Map.entry("violence", Category.VIOLENCE),
          Map.entry("violence/graphic", Category.VIOLENCE),
          Map.entry("self-harm", Category.SELF_HARM),
          Map.entry("self-harm/intent", Category.SELF_HARM),
          Map.entry("self-harm/instructions", Category.SELF_HARM));

  private final ClassifierService service;
  private final String model;

  public OpenAiModerationClassifier(ClassifierService service, String model) {
    this.service = service;
    this.model = model;
  }

  @Override
  public Assessment classify(String text, Source source) {
    var body = Json.MAPPER.createObjectNode().put("model", model).put("input", text);
    JsonNode result = service.post("/v1/moderations", body).path("results").path(0);
    if (!result.isObject()) {
      throw new IllegalStateException("the moderation answer has no result");
    }
    Map<Category, Severity> out = new EnumMap<>(Category.class);
    Category.HARMS.forEach(c -> out.put(c, Severity.SAFE));
    result
        .path("category_scores")
        .properties()
        .forEach(
            e -> {
              Category c = SCORES.get(e.getKey());
              if (c != null) {
                out.merge(c, severity(e.getValue().asDouble()), Assessment::worse);
              }
            });
    return Assessment.of(out);
  }

  /** A probability read as a severity: 0.2 low, 0.5 medium, 0.8 high. */
  static Severity severity(double score) {
    return score >= 0.8
        ? Severity.HIGH
        : score >= 0.5 ? Severity.MEDIUM : score >= 0.2 ? Severity.LOW : Severity.SAFE;
  }

  @Override
  public String name() {
    return "openai-moderation";
  }
}
