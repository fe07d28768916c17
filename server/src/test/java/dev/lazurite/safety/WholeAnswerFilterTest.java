package dev.lazurite.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.AnswerOutline;
import dev.lazurite.json.Json;
import dev.lazurite.json.RawJson;
import dev.lazurite.pipeline.FilterOutcome;
import dev.lazurite.pipeline.Response;
import dev.lazurite.testing.TestingClassifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The completion filter rewrites a complete answer as a stream of tokens; its bytes must be the
 * ones the tree it replaced wrote (fields replaced where they stand, missing ones added at the
 * end).
 */
class WholeAnswerFilterTest {
  static final String V = TestingClassifier.VIOLENT;

  final ContentSafety safety = new ContentSafety(new TestingClassifier(), false);
  final FilterPolicy policy = FilterPolicy.DEFAULT;
  final List<Screening> prompts =
      List.of(
          safety.prompt(policy, List.of(new ContentSafety.Text("Hello", Classifier.Source.PROMPT))),
          safety.prompt(
              policy, List.of(new ContentSafety.Text("Again", Classifier.Source.PROMPT))));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"id\":\"a\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi there.\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3}}",
        "{\"id\":\"a\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"A "
            + V
            + " one.\"},\"finish_reason\":\"stop\",\"logprobs\":null}]}",
        "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\""
            + V
            + "\"}},{\"message\":{\"content\":null},\"finish_reason\":\"length\"}]}",
        "{\"choices\":[{\"message\":{\"role\":\"assistant\"}}, {\"message\":\"text\",\"text\":\""
            + V
            + "\"}]}",
        "{\"object\":\"text_completion\",\"choices\":[{\"text\":\""
            + V
            + "\",\"index\":0,\"finish_reason\":\"stop\"},{\"index\":1}]}",
        "{\"choices\":[{\"index\":0,\"text\":\""
            + V
            + "\"}],\"prompt_filter_results\":[],\"x\":1.5e3}",
        "{\"choices\":[{\"content_filter_results\":{\"old\":true},\"message\":{\"content\":\"ok \\u00e9\\n\\\"q\\\"\",\"tool_calls\":[{\"id\":\"t\"}]}}],\"n\":12345678901234,\"f\":0.1}",
        "{\"choices\":[7,{\"text\":\"fine\"},null]}",
        "{\"choices\":null}",
        "{\"choices\":{}}",
        "{\"id\":\"no choices\",\"data\":[1,2]}"
      })
  void writesWhatTheTreeWrote(String answer) {
    for (boolean annotate : List.of(true, false)) {
      for (Optional<Screening> documents :
          List.of(
              Optional.<Screening>empty(),
              Optional.of(safety.documents(policy, List.of(TestingClassifier.INJECTED))))) {
        var filter = new ResponseFilter(safety, policy, prompts, annotate, documents);
        Response.Json json = Response.Json.ok(Json.read(answer, ObjectNode.class), 5, 7);
        var expected = (Response.Json) tree(filter, json);
        var actual = (Response.Json) filter.whole(json);
        assertThat(new String(Json.writeWire(actual.body()), StandardCharsets.UTF_8))
            .as("annotate %s, documents %s", annotate, documents.isPresent())
            .isEqualTo(new String(Json.writeWire(expected.body()), StandardCharsets.UTF_8));
        assertThat(actual.promptTokens()).isEqualTo(5);
        assertThat(actual.completionTokens()).isEqualTo(7);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"choices\":[{\"text\":\"x\"}]}", "{\"a\":[]}"})
  void readsARecordOrRawBytesAlike(String answer) throws java.io.IOException {
    var filter = new ResponseFilter(safety, policy, prompts, true, Optional.empty());
    var fromTree = filter.whole(Response.Json.ok(Json.read(answer, ObjectNode.class)));
    var fromBytes =
        filter.whole(Response.Json.ok(new RawJson(answer.getBytes(StandardCharsets.UTF_8))));
    assertThat(Json.writeWire(((Response.Json) fromBytes).body()))
        .isEqualTo(Json.writeWire(((Response.Json) fromTree).body()));
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    var outlined = filter.whole(Response.Json.ok(new RawJson(bytes, AnswerOutline.read(bytes))));
    assertThat(Json.writeWire(((Response.Json) outlined).body()))
        .isEqualTo(Json.writeWire(((Response.Json) fromTree).body()));
  }

  /**
   * An answer that arrived as bytes keeps them between the places the filter writes: its spacing,
   * escapes and number forms; read as JSON it is what the tree would have made of it.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void keepsTheBytesBetweenTheFieldsItWrites(boolean annotate) {
    String kept = "\"id\" : \"caf\\u00e9\",\n  \"f\" : 1.50e-05";
    String answer =
        "\n{\n  "
            + kept
            + ",\n  \"choices\" : [ { \"index\" : 0, \"text\" : \"A "
            + V
            + " one.\" , \"finish_reason\" : \"stop\" }, {} ],\n  \"prompt_filter_results\" : [ ]\n}\n";
    var filter = new ResponseFilter(safety, policy, prompts, annotate, Optional.empty());
    var actual =
        (Response.Json)
            filter.whole(Response.Json.ok(new RawJson(answer.getBytes(StandardCharsets.UTF_8))));
    String written = new String(Json.writeWire(actual.body()), StandardCharsets.UTF_8);
    assertThat(written).startsWith("{\n  " + kept + ",\n  \"choices\" : [ { \"index\" : 0,");
    assertThat(written).endsWith("\n}");
    assertThat(written).contains("\"finish_reason\" : \"content_filter\" ");
    var expected =
        (Response.Json) tree(filter, Response.Json.ok(Json.read(answer, ObjectNode.class)));
    assertThat(Json.read(written, JsonNode.class))
        .isEqualTo(Json.WIRE.valueToTree(expected.body()));
    assertThat(actual.filter()).isNotEqualTo(FilterOutcome.NONE);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 500})
  void leavesErrorsAlone(int status) {
    var filter = new ResponseFilter(safety, policy, prompts, true, Optional.empty());
    var error = new Response.Json(status, Map.of(), Map.of("error", Map.of()), 0, 0);
    assertThat(filter.whole(error)).isSameAs(error);
  }

  /** The tree-based filter this one replaced, kept as the reference for its bytes. */
  static Response tree(ResponseFilter filter, Response.Json json) {
    ObjectNode body = Json.WIRE.valueToTree(json.body());
    if (!body.has("choices")) {
      return json;
    }
    JsonNode choices = body.path("choices");
    if (choices.isArray()) {
      for (JsonNode node : choices) {
        if (!(node instanceof ObjectNode choice)) {
          continue;
        }
        JsonNode content =
            choice.path("message").isObject()
                ? choice.path("message").path("content")
                : choice.get("text");
        Screening s =
            content != null && content.isTextual()
                ? filter.screen(content.asText())
                : new Screening(JsonNodeFactory.instance.objectNode(), false);
        if (s.blocked()) {
          choice.put("finish_reason", "content_filter");
          if (choice.path("message").isObject()) {
            ((ObjectNode) choice.get("message")).putNull("content");
          } else {
            choice.put("text", "");
          }
        }
        if (filter.annotate() || s.blocked()) {
          choice.set("content_filter_results", s.results());
        }
      }
    }
    if (filter.annotate()) {
      ArrayNode results = filter.promptResults();
      body.set("prompt_filter_results", results);
    }
    return json.withBody(body);
  }
}
