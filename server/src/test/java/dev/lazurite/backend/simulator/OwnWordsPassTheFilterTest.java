package dev.lazurite.backend.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulator's own prose is plain, harmless English: across 500 seeded chats under the default
 * content filter policy, none is cut with {@code content_filter}, also when an answer ends in a
 * cut-off fragment of a word or two.
 */
class OwnWordsPassTheFilterTest {
  static final int CHATS = 500;

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
