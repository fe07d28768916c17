package dev.lazurite.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Azure's stream shapes: tool-call deltas, several choices, completions, framing. */
class StreamingTest {
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  static TestingServer server;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void streamsToolCallsAsDeltasWithIdAndNameFirst() {
    var result =
        server
            .http()
            .post(
                CHAT,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"}],\"stream\":true,\"tool_choice\":\"required\","
                    + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\","
                    + "\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}}]}");
    List<JsonNode> events = result.chunks();
    JsonNode first = events.getFirst().at("/choices/0/delta/tool_calls/0");
    assertThat(first.get("id").asText()).startsWith("call_");
    assertThat(first.at("/function/name").asText()).isEqualTo("get_weather");
    StringBuilder arguments = new StringBuilder();
    events.forEach(
        e -> arguments.append(e.at("/choices/0/delta/tool_calls/0/function/arguments").asText("")));
    assertThat(arguments.toString()).startsWith("{\"city\":");
    assertThat(events.getLast().at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
  }

  @Test
  void streamsEveryChoiceWithItsIndex() {
    var events =
        server
            .http()
            .post(
                CHAT,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":true,\"n\":2,\"max_tokens\":3}")
            .chunks();
    assertThat(events.stream().map(e -> e.at("/choices/0/index").asInt()).distinct())
        .containsExactly(0, 1);
    assertThat(events.stream().filter(e -> e.at("/choices/0/finish_reason").isTextual()))
        .hasSize(2);
    assertThat(events)
        .allSatisfy(e -> assertThat(e.get("object").asText()).isEqualTo("chat.completion.chunk"));
  }

  @Test
  void streamsLegacyCompletionsInTheSameShapeAsTheAnswer() {
    var result =
        server
            .http()
            .post(
                "/openai/deployments/gpt-35-turbo/completions?api-version=2024-10-21",
                "{\"prompt\":\"Once\",\"max_tokens\":5,\"stream\":true,\"seed\":7}");
    var events = result.chunks();
    assertThat(events).hasSize(5);
    assertThat(events)
        .allSatisfy(e -> assertThat(e.get("object").asText()).isEqualTo("text_completion"));
    assertThat(events.getLast().at("/choices/0/finish_reason").asText()).isEqualTo("length");
  }

  @Test
  void decidesStreamingFromTheBodyNotTheAcceptHeader() {
    var result =
        server
            .http()
            .send(
                "POST",
                CHAT,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":true}",
                "api-key",
                server.key(),
                "Accept",
                "application/json");
    assertThat(result.header("content-type")).isEqualTo("text/event-stream");
    assertThat(result.body()).startsWith("data: {").endsWith("\n\ndata: [DONE]\n\n");
    var plain =
        server
            .http()
            .send(
                "POST",
                CHAT,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                "api-key",
                server.key(),
                "Accept",
                "text/event-stream");
    assertThat(plain.header("content-type")).isEqualTo("application/json");
  }
}
