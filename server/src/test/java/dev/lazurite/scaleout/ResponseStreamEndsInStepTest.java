package dev.lazurite.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.responses.StoredResponse;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.json.Json;
import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one SQLite file: a client following a streamed background response on one
 * instance has its stream ended with the response as it ended when it is cancelled through the
 * other.
 */
class ResponseStreamEndsInStepTest {
  static final String V1 = "/openai/v1/responses";

  @TempDir Path shared;

  @Test
  void aStreamReadOnOneInstanceEndsWhenTheResponseIsCancelledOnTheOther() throws Exception {
    var database = DatabaseUrl.parse("jdbc:sqlite:" + shared.resolve("shared.db"));
    try (Instances instances = Instances.start(2, database, Map.of())) {
      TestingServer first = instances.get(0);
      TestingServer second = instances.get(1);
      long now = System.currentTimeMillis() / 1000;
      running(first, "resp_shared", now);

      TestingHttp.Result[] read = new TestingHttp.Result[1];
      Thread reader =
          Thread.ofVirtual()
              .start(
                  () ->
                      read[0] =
                          second
                              .http()
                              .send(
                                  "GET",
                                  V1 + "/resp_shared?stream=true&starting_after=0",
                                  null,
                                  "api-key",
                                  second.key()));
      var cancelled =
          first.http().send("POST", V1 + "/resp_shared/cancel", null, "api-key", first.key());
      assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
      reader.join(60_000);
      assertThat(read[0]).isNotNull();
      assertThat(read[0].status()).as(read[0].body()).isEqualTo(200);
      List<JsonNode> events = read[0].events();
      assertThat(events.stream().map(e -> e.get("sequence_number").asLong()))
          .containsExactly(1L, 2L);
      assertThat(events.getLast().get("type").asText()).isEqualTo("response.failed");
      assertThat(events.getLast().at("/response/status").asText()).isEqualTo("cancelled");
    }
  }

  /** A streamed background response in progress on no instance yet, with a live lease. */
  private static void running(TestingServer on, String id, long createdAt) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("id", id).put("object", "response").put("status", "in_progress");
    body.put("background", true).putArray("output");
    var store = on.server().store().responses();
    store.insert(
        new StoredResponse(
            Bootstrap.DEFAULT_ACCOUNT,
            "keys",
            id,
            createdAt,
            createdAt + 3600,
            body,
            List.of(),
            List.of(),
            createdAt + 60));
    for (String type : List.of("response.queued", "response.created")) {
      long sequence = type.equals("response.queued") ? 0 : 1;
      ObjectNode event = JsonNodeFactory.instance.objectNode().put("type", type);
      event.set("response", body.deepCopy());
      event.put("sequence_number", sequence);
      store.appendEvent(Bootstrap.DEFAULT_ACCOUNT, id, sequence, Json.writeString(event));
    }
  }
}
