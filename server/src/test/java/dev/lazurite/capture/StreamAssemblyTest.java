package dev.lazurite.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A stream's events assembled into the body a non-streamed call would have answered. */
class StreamAssemblyTest {
  static JsonNode json(String text) throws Exception {
    return Json.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  static void add(StreamAssembly a, String name, String data) throws Exception {
    a.add(
        name,
        json(data),
        (name.isEmpty() ? "" : "event: " + name + "\n") + "data: " + data + "\n\n");
  }

  @Test
  void chatChunksWithToolCallsBecomeOneCompletion() throws Exception {
    var a = new StreamAssembly(10_000);
    add(a, "", "{\"id\":\"\",\"object\":\"\",\"choices\":[],\"prompt_filter_results\":[]}");
    String chunk =
        "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":7,\"model\":\"gpt-4o\",\"choices\":[%s]}";
    add(
        a,
        "",
        chunk.formatted("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"}}"));
    add(a, "", chunk.formatted("{\"index\":0,\"delta\":{\"content\":\"lo\"}}"));
    add(
        a,
        "",
        chunk.formatted(
            "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"ci\"}}]}}"));
    add(
        a,
        "",
        chunk.formatted(
            "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"ty\\\":\\\"Oslo\\\"}\"}}]}}"));
    add(a, "", chunk.formatted("{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}"));
    add(
        a,
        "",
        "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":7,\"model\":\"gpt-4o\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3,\"total_tokens\":8}}");

    JsonNode body = json(a.text());
    assertThat(a.cut()).isFalse();
    assertThat(body.path("object").asText()).isEqualTo("chat.completion");
    assertThat(body.path("id").asText()).isEqualTo("c1");
    assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("Hello");
    assertThat(body.at("/choices/0/message/tool_calls/0/id").asText()).isEqualTo("call_1");
    assertThat(body.at("/choices/0/message/tool_calls/0/function/name").asText())
        .isEqualTo("weather");
    assertThat(body.at("/choices/0/message/tool_calls/0/function/arguments").asText())
        .isEqualTo("{\"city\":\"Oslo\"}");
    assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
    assertThat(body.at("/usage/total_tokens").asInt()).isEqualTo(8);
  }

  @Test
  void aResponsesStreamIsItsFinalResponseOrTheTextReceived() throws Exception {
    var done = new StreamAssembly(10_000);
    add(
        done,
        "response.output_text.delta",
        "{\"type\":\"response.output_text.delta\",\"delta\":\"Hi\"}");
    add(
        done,
        "response.completed",
        "{\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\",\"status\":\"completed\"}}");
    assertThat(json(done.text()).path("id").asText()).isEqualTo("resp_1");

    var cutShort = new StreamAssembly(10_000);
    add(
        cutShort,
        "response.output_text.delta",
        "{\"type\":\"response.output_text.delta\",\"delta\":\"Hi \"}");
    add(
        cutShort,
        "response.output_text.delta",
        "{\"type\":\"response.output_text.delta\",\"delta\":\"there\"}");
    JsonNode partial = json(cutShort.text());
    assertThat(partial.path("status").asText()).isEqualTo("incomplete");
    assertThat(partial.path("output_text").asText()).isEqualTo("Hi there");
  }

  @Test
  void textBeyondTheBoundIsNotKeptAndUnknownEventsStayFrames() throws Exception {
    var a = new StreamAssembly(4);
    String chunk =
        "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"}}]}";
    add(a, "", chunk.formatted("abc"));
    add(a, "", chunk.formatted("defg"));
    assertThat(a.cut()).isTrue();
    assertThat(json(a.text()).at("/choices/0/message/content").asText()).isEqualTo("abc");

    var other = new StreamAssembly(10_000);
    add(other, "", "{\"kind\":\"something else\"}");
    assertThat(other.text()).isEqualTo("data: {\"kind\":\"something else\"}\n\n");
  }
}
