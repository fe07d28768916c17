package dev.lazurite.safety.external;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.safety.Assessment;
import dev.lazurite.safety.Category;
import dev.lazurite.safety.Classifier;
import dev.lazurite.safety.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Azure AI Content Safety: {@code text:analyze} for the four harm categories (severities 0–7, read
 * as Azure OpenAI's safe/low/medium/high) and {@code text:shieldPrompt} for jailbreaks (user
 * prompts) and indirect attacks (documents). Texts over the service's 10,000 characters are sent in
 * parts; the worst part counts.
 */
public final class AzureContentSafetyClassifier implements Classifier {
  static final String API_VERSION = "2024-09-01";
  private static final int MAX_CHARS = 10_000;

  private final ClassifierService service;

  public AzureContentSafetyClassifier(ClassifierService service) {
    this.service = service;
  }

  @Override
  public Assessment classify(String text, Source source) {
    Map<Category, Severity> out = new EnumMap<>(Category.class);
    for (int start = 0; start < Math.max(1, text.length()); start += MAX_CHARS) {
      String part = text.substring(start, Math.min(text.length(), start + MAX_CHARS));
      analyze(part, out);
      switch (source) {
        case PROMPT -> shield(Map.of("userPrompt", part, "documents", List.of()), out, false);
        case DOCUMENT -> shield(Map.of("userPrompt", "", "documents", List.of(part)), out, true);
        case SYSTEM, COMPLETION -> {}
      }
    }
    return Assessment.of(out);
  }

  private void analyze(String text, Map<Category, Severity> out) {
    var body =
        Json.MAPPER.createObjectNode().put("text", text).put("outputType", "FourSeverityLevels");
    body.putArray("categories").add("Hate").add("Sexual").add("Violence").add("SelfHarm");
    JsonNode answer = service.post("/contentsafety/text:analyze?api-version=" + API_VERSION, body);
    for (JsonNode c : answer.path("categoriesAnalysis")) {
      Category category =
          Category.parse(c.path("category").asText())
              .orElseThrow(() -> new IllegalStateException("unknown category in the answer"));
      out.merge(category, severity(c.path("severity").asInt()), Assessment::worse);
    }
  }

  /** Content Safety's 0–7 scale: 0–1 safe, 2–3 low, 4–5 medium, 6–7 high. */
  static Severity severity(int level) {
    return level >= 6
        ? Severity.HIGH
        : level >= 4 ? Severity.MEDIUM : level >= 2 ? Severity.LOW : Severity.SAFE;
  }

  private void shield(Map<String, Object> body, Map<Category, Severity> out, boolean documents) {
    JsonNode answer =
        service.post("/contentsafety/text:shieldPrompt?api-version=" + API_VERSION, body);
    boolean detected =
        documents
            ? answer.path("documentsAnalysis").findValues("attackDetected").stream()
                .anyMatch(JsonNode::asBoolean)
            : answer.path("userPromptAnalysis").path("attackDetected").asBoolean();
    Category shield = documents ? Category.INDIRECT_ATTACK : Category.JAILBREAK;
    out.merge(shield, detected ? Severity.HIGH : Severity.SAFE, Assessment::worse);
  }

  @Override
  public String name() {
    return "azure-content-safety";
  }
}
