package dev.lazurite.backend.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.lazurite.api.ChatRequest;
import dev.lazurite.api.ChatRequestParser;
import dev.lazurite.api.chat.ChatChunk;
import dev.lazurite.api.chat.ChatCompletion;
import dev.lazurite.backend.Backend;
import dev.lazurite.backend.BackendCall;
import dev.lazurite.catalog.ModelCatalog;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.StreamEvent;
import dev.lazurite.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulatorBackendTest {
  static final TokenCounter TOKENS = new TokenCounter();
  static final ModelSpec GPT4O = ModelCatalog.find("gpt-4o", "2024-08-06").orElseThrow();
  final SimulatorBackend simulator = new SimulatorBackend(TOKENS, SimulatorConfig.DEFAULT);

  static ChatRequest request(String json) {
    ChatRequest parsed =
        ChatRequestParser.parse((ObjectNode) Json.read(json, JsonNode.class), "2024-10-21");
    return parsed.withPromptTokens(TOKENS.chatPrompt(GPT4O.encoding(), parsed));
  }

  ChatCompletion chat(String json) {
    return (ChatCompletion)
        ((Backend.Result) simulator.invoke(new BackendCall.Chat(request(json), GPT4O))).body();
  }

  @Test
  void answersTheSameForTheSameSeed() {
    String json = "{\"messages\":[{\"role\":\"user\",\"content\":\"Tell me\"}],\"seed\":42}";
    assertThat(chat(json).choices().getFirst().message().content())
        .isEqualTo(chat(json).choices().getFirst().message().content());
    assertThat(chat(json.replace("42", "43")).choices().getFirst().message().content())
        .isNotEqualTo(chat(json).choices().getFirst().message().content());
  }

  @Test
  void stopsAtMaxTokensWithFinishReasonLengthAndCountsExactly() {
    ChatCompletion answer =
        chat("{\"messages\":[{\"role\":\"user\",\"content\":\"Go\"}],\"max_tokens\":7,\"seed\":1}");
    var choice = answer.choices().getFirst();
    assertThat(choice.finishReason()).isEqualTo("length");
    assertThat(answer.usage().completionTokens()).isEqualTo(7);
    assertThat(TOKENS.count(GPT4O.encoding(), choice.message().content())).isEqualTo(7);
    assertThat(answer.usage().promptTokens()).isEqualTo(8);
    assertThat(answer.model()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(answer.id()).startsWith("chatcmpl-");
  }

  @Test
  void cutsAtTheFirstStopSequence() {
    String json = "{\"messages\":[{\"role\":\"user\",\"content\":\"Go\"}],\"seed\":3}";
    String full = chat(json).choices().getFirst().message().content();
    String stop = full.substring(full.indexOf(' ') + 1, full.indexOf(' ') + 4);
    var cut =
        chat(json.replace("}", ",\"stop\":[\"" + stop + "\"]}").replaceFirst("\\}\\]", "}]"))
            .choices()
            .getFirst();
    assertThat(cut.message().content()).isEqualTo(full.substring(0, full.indexOf(stop)));
    assertThat(cut.finishReason()).isEqualTo("stop");
  }

  @Test
  void returnsNDistinctChoices() {
    ChatCompletion answer =
        chat("{\"messages\":[{\"role\":\"user\",\"content\":\"Go\"}],\"n\":3,\"seed\":5}");
    assertThat(answer.choices()).extracting(ChatCompletion.Choice::index).containsExactly(0, 1, 2);
    assertThat(answer.choices().stream().map(c -> c.message().content()).distinct()).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void callsToolsWithArgumentsValidAgainstTheirSchema(long seed) {
    String schema =
        """
        {"type":"object","properties":{
           "location":{"type":"string","minLength":3},
           "unit":{"type":"string","enum":["celsius","fahrenheit"]},
           "days":{"type":"integer","minimum":1,"maximum":14},
           "when":{"type":"string","format":"date"},
           "tags":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":3},
           "options":{"type":"object","properties":{"detailed":{"type":"boolean"},"ratio":{"type":"number","minimum":0,"maximum":1}},
                      "required":["detailed","ratio"],"additionalProperties":false}},
         "required":["location","unit","days","when","tags","options"],"additionalProperties":false}
        """;
    ChatCompletion answer =
        chat(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"}],\"seed\":%d,\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":%s}}],\"tool_choice\":\"required\"}"
                .formatted(seed, schema));
    var choice = answer.choices().getFirst();
    assertThat(choice.finishReason()).isEqualTo("tool_calls");
    assertThat(choice.message().content()).isNull();
    var call = choice.message().toolCalls().getFirst();
    assertThat(call.id()).startsWith("call_");
    assertThat(call.function().name()).isEqualTo("get_weather");
    var validator =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(Json.read(schema, JsonNode.class));
    assertThat(validator.validate(Json.read(call.function().arguments(), JsonNode.class)))
        .isEmpty();
  }

  @Test
  void answersToolResultsWithText() {
    ChatCompletion answer =
        chat(
            """
            {"messages":[{"role":"user","content":"Weather?"},
              {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"f","arguments":"{}"}}]},
              {"role":"tool","tool_call_id":"call_1","content":"sunny"}],
             "tools":[{"type":"function","function":{"name":"f"}}]}
            """);
    assertThat(answer.choices().getFirst().finishReason()).isEqualTo("stop");
    assertThat(answer.choices().getFirst().message().content()).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15})
  void returnsJsonValidAgainstTheResponseSchema(long seed) {
    String schema =
        "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\",\"minimum\":0},\"items\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/item\"}}},\"required\":[\"name\",\"age\",\"items\"],\"additionalProperties\":false,\"$defs\":{\"item\":{\"type\":\"object\",\"properties\":{\"sku\":{\"type\":\"string\"}},\"required\":[\"sku\"]}}}";
    ChatCompletion answer =
        chat(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Who?\"}],\"seed\":%d,\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"person\",\"strict\":true,\"schema\":%s}}}"
                .formatted(seed, schema));
    String content = answer.choices().getFirst().message().content();
    var validator =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(Json.read(schema, JsonNode.class));
    assertThat(validator.validate(Json.read(content, JsonNode.class))).isEmpty();
  }

  @Test
  void streamsTheSameTextTokenByTokenWithUsageLast() {
    String json =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Go\"}],\"seed\":9,\"stream\":true,\"stream_options\":{\"include_usage\":true}}";
    String expected =
        chat(json.replace(",\"stream\":true,\"stream_options\":{\"include_usage\":true}", ""))
            .choices()
            .getFirst()
            .message()
            .content();
    List<StreamEvent> events = new ArrayList<>();
    ((Backend.Streamed) simulator.invoke(new BackendCall.Chat(request(json), GPT4O)))
        .events()
        .writeTo(events::add);
    StringBuilder text = new StringBuilder();
    int tokens = 0;
    for (StreamEvent event : events) {
      ChatChunk chunk = (ChatChunk) event.payload();
      tokens += event.completionTokens();
      if (!chunk.choices().isEmpty() && chunk.choices().getFirst().delta().content() != null) {
        text.append(chunk.choices().getFirst().delta().content());
      }
    }
    assertThat(text.toString()).isEqualTo(expected);
    ChatChunk first = (ChatChunk) events.getFirst().payload();
    assertThat(first.choices().getFirst().delta().role()).isEqualTo("assistant");
    ChatChunk last = (ChatChunk) events.getLast().payload();
    assertThat(last.choices()).isEmpty();
    assertThat(last.usage().completionTokens()).isEqualTo(tokens);
    assertThat(Json.writeString(Json.WIRE.valueToTree(events.get(1).payload())))
        .contains("\"usage\":null");
  }

  @Test
  void schemaInstancesHonourBoundsOnRandomInput() {
    JsonNode schema =
        Json.read("{\"type\":\"integer\",\"minimum\":-5,\"maximum\":5}", JsonNode.class);
    Random random = new Random(123);
    for (int i = 0; i < 500; i++) {
      long value = SchemaInstances.generate(schema, random, 1_000).value().asLong();
      assertThat(value).isBetween(-5L, 5L);
    }
  }

  @Test
  void schemaInstancesStopGrowingAtTheirBudget() {
    Random random = new Random(7);
    for (String bomb :
        List.of(
            "{\"type\":\"array\",\"minItems\":1e9,\"items\":{\"type\":\"string\"}}",
            "{\"type\":\"string\",\"minLength\":2e9}",
            "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#\"},\"b\":{\"$ref\":\"#\"},"
                + "\"c\":{\"$ref\":\"#\"},\"d\":{\"$ref\":\"#\"}}}")) {
      JsonNode schema = Json.read(bomb, JsonNode.class);
      var instance = SchemaInstances.generate(schema, random, 1_000);
      assertThat(instance.truncated()).as(bomb).isTrue();
      assertThat(Json.writeString(instance.value()).length()).as(bomb).isLessThan(1_200);
    }
    var small =
        SchemaInstances.generate(
            Json.read("{\"type\":\"array\",\"minItems\":2,\"maxItems\":2}", JsonNode.class),
            random,
            1_000);
    assertThat(small.truncated()).isFalse();
    assertThat(small.value()).hasSize(2);
  }
}
