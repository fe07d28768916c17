package dev.lazurite.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseRetrieveParams;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;
import dev.lazurite.backend.simulator.SimulatorConfig;
import dev.lazurite.testing.TestingServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * com.openai:openai-java reading a streamed background response that is cancelled while it runs:
 * the stream it created and a resumed one both end with {@code response.failed} carrying the
 * response {@code cancelled}, so the client stops, in Azure (legacy) and v1 modes.
 */
class ResponsesCancelOpenAiJavaTest {
  static TestingServer server;
  static OpenAIClient azure;
  static OpenAIClient v1;

  @BeforeAll
  static void start() {
    // A slow model: 100 tokens, 50 ms each, so that the response is cancelled while it runs.
    server =
        TestingServer.start(
            c ->
                c.withSimulator(
                    new SimulatorConfig(Duration.ZERO, Duration.ofMillis(50), 100, 100)));
    dev.lazurite.testing.TestingFilters.annotateOnly(server, "gpt-4o");
    azure = OpenAiClients.azure(server, "2025-03-01-preview");
    v1 = OpenAiClients.v1(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aCancelledStreamEndsWithItsCancelledResponse() {
    for (OpenAIClient client : List.of(azure, v1)) {
      List<ResponseStreamEvent> events = new ArrayList<>();
      String id;
      try (StreamResponse<ResponseStreamEvent> stream =
          client
              .responses()
              .createStreaming(
                  ResponseCreateParams.builder()
                      .model("gpt-4o")
                      .input("Tell me a long story.")
                      .background(true)
                      .build())) {
        Iterator<ResponseStreamEvent> read = stream.stream().iterator();
        ResponseStreamEvent first = read.next();
        assertThat(first.isQueued()).isTrue();
        id = first.asQueued().response().id();
        events.add(first);
        Response cancelled = client.responses().cancel(id);
        assertThat(cancelled.status()).contains(ResponseStatus.CANCELLED);
        read.forEachRemaining(events::add);
      }
      events.forEach(ResponseStreamEvent::validate);
      ResponseStreamEvent last = events.getLast();
      assertThat(last.isFailed()).isTrue();
      assertThat(last.asFailed().response().status()).contains(ResponseStatus.CANCELLED);
      assertThat(last.asFailed().response().id()).isEqualTo(id);

      List<ResponseStreamEvent> resumed;
      try (StreamResponse<ResponseStreamEvent> stream =
          client
              .responses()
              .retrieveStreaming(id, ResponseRetrieveParams.builder().startingAfter(0L).build())) {
        resumed = stream.stream().toList();
      }
      assertThat(resumed.getLast().isFailed()).isTrue();
      assertThat(resumed.getLast().asFailed().response().status())
          .contains(ResponseStatus.CANCELLED);
      assertThat(client.responses().retrieve(id).status()).contains(ResponseStatus.CANCELLED);
    }
  }
}
