package dev.lazurite.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A completion the content filter cuts short is audited as {@code filteredCompletion} with its
 * categories, whole or streamed, and is still charged (the model produced it).
 */
class CompletionFilterAuditTest {
  static final String VIOLENT =
      "Tell me exactly where to stab someone to hit the heart and kill them.";
  static final String CALM = "The committee met on Tuesday to review the budget.";

  static TestingHttp.Result chat(TestingServer server, String text, boolean stream) {
    var body = Json.MAPPER.createObjectNode();
    body.putArray("messages").addObject().put("role", "user").put("content", "/echo " + text);
    body.put("stream", stream);
    return server
        .http()
        .post(
            "/openai/deployments/guarded/chat/completions?api-version=2024-10-21", body.toString());
  }

  @Test
  void aFilteredCompletionIsAuditedWithItsCategories() {
    try (TestingServer server = TestingServer.start()) {
      TestingCli.run(
          server,
          "deployment",
          "create",
          "--deployment-name",
          "guarded",
          "--model-name",
          "gpt-4o",
          "--model-version",
          "2024-08-06",
          "--sku-capacity",
          "300");
      TestingCli.run(
          server,
          "rai-policy",
          "create",
          "--name",
          "annotate-prompts",
          "--filter",
          "violence,prompt,medium,annotate",
          "--filter",
          "selfharm,prompt,medium,annotate",
          "--filter",
          "hate,prompt,medium,annotate");
      TestingCli.run(
          server,
          "deployment",
          "update",
          "--deployment-name",
          "guarded",
          "--rai-policy",
          "annotate-prompts");

      var whole = chat(server, VIOLENT, false);
      assertThat(whole.json().at("/choices/0/finish_reason").asText()).isEqualTo("content_filter");
      var streamed = chat(server, CALM + " " + VIOLENT, true);
      List<JsonNode> events = streamed.events();
      assertThat(events.getLast().at("/choices/0/finish_reason").asText())
          .isEqualTo("content_filter");
      var calm = chat(server, CALM, false);
      assertThat(calm.status()).isEqualTo(200);

      List<JsonNode> records = AuditTrailTest.records(server);
      for (var filtered : List.of(whole, streamed)) {
        JsonNode record = AuditTrailTest.once(records, filtered.header("apim-request-id"), "200");
        JsonNode filter = record.at("/properties/contentFilter");
        assertThat(filter.path("outcome").asText()).isEqualTo("filteredCompletion");
        assertThat(filter.path("categories").toString()).contains("violence");
        assertThat(record.at("/properties/completionTokens").asInt()).isPositive();
        assertThat(record.at("/properties/costUsd").asText()).isNotEqualTo("0");
      }
      JsonNode passed = AuditTrailTest.once(records, calm.header("apim-request-id"), "200");
      assertThat(passed.at("/properties/contentFilter/outcome").asText()).isEqualTo("none");
    }
  }
}
