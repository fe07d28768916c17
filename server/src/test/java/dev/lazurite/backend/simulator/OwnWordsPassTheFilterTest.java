package dev.lazurite.backend.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.catalog.Encoding;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.json.Json;
import dev.lazurite.safety.ContentSafety;
import dev.lazurite.safety.FilterPolicy;
import dev.lazurite.testing.TestingServer;
import dev.lazurite.testing.TestingShippedClassifier;
import dev.lazurite.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The simulator's own prose is plain, harmless English: across 500 seeded chats under the default
 * content filter policy, none is cut with {@code content_filter}, also when an answer ends in a
 * cut-off fragment of a word or two. Nor is a structured answer cut after a few tokens, where its
 * words stand side by side without a sentence around them.
 */
class OwnWordsPassTheFilterTest {
  static final int CHATS = 500;

  /** Seeded structured answers, cut at ten tokens as {@code max_tokens} cuts them. */
  static final int STRUCTURED = 5_000;

  /** A deployment with room for the chats under the default policy: quota is not under test. */
  static final DeploymentRequest ROOMY =
      new DeploymentRequest(
          "roomy", "gpt-4o", "", "GlobalStandard", 800, "", "", java.util.Optional.empty());

  @Test
  void noSeededAnswerIsFiltered() throws InterruptedException {
    List<String> filtered = new ArrayList<>();
    try (TestingServer server = TestingServer.start()) {
      server.deploy(ROOMY);
      for (int seed = 0; seed < CHATS; seed++) {
        var body = Json.MAPPER.createObjectNode().put("seed", seed);
        body.putArray("messages")
            .addObject()
            .put("role", "user")
            .put("content", "Write a short note for the team.");
        var r = chat(server, body.toString());
        JsonNode choice = r.json().at("/choices/0");
        if (choice.path("finish_reason").asText().equals("content_filter")) {
          filtered.add(seed + ": " + choice.path("content_filter_results"));
        }
      }
    }
    System.out.printf("simulator chats filtered: %d of %d%n%s%n", filtered.size(), CHATS, filtered);
    assertThat(filtered).isEmpty();
  }

  @Test
  void noStructuredAnswerCutShortIsFiltered() throws Exception {
    TokenCounter tokens = new TokenCounter();
    var safety = new ContentSafety(TestingShippedClassifier.trained(), false);
    JsonNode schema =
        Json.MAPPER.readTree(
            "{\"type\":\"array\",\"minItems\":100,\"items\":{\"type\":\"string\"}}");
    int limit = 10;
    List<String> filtered = new ArrayList<>();
    for (int seed = 0; seed < STRUCTURED; seed++) {
      var instance =
          SchemaInstances.generate(schema, new Random(seed), SchemaInstances.budgetFor(limit));
      int[] ids = tokens.encodeIds(Encoding.O200K_BASE, instance.value().toString());
      String cut = tokens.decode(Encoding.O200K_BASE, ids, Math.min(limit, ids.length));
      if (safety.completion(FilterPolicy.DEFAULT, cut).blocked()) {
        filtered.add(seed + ": " + cut);
      }
    }
    assertThat(filtered).as("structured answers filtered of %d", STRUCTURED).isEmpty();
  }

  /** One chat; the deployment's rate limit is waited out, since this is not about quota. */
  private static dev.lazurite.testing.TestingHttp.Result chat(TestingServer server, String body)
      throws InterruptedException {
    while (true) {
      var r =
          server
              .http()
              .post("/openai/deployments/roomy/chat/completions?api-version=2024-10-21", body);
      if (r.status() != 429) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
      }
      Thread.sleep(1000);
    }
  }
}
