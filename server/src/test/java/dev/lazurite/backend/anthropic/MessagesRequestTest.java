package dev.lazurite.backend.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.api.ChatRequestParser;
import dev.lazurite.catalog.ModelCatalog;
import dev.lazurite.json.Json;
import org.junit.jupiter.api.Test;

/** Chat completions requests as the Messages API gets them. */
class MessagesRequestTest {
  static JsonNode translate(String chat) {
    ObjectNode body = (ObjectNode) Json.read(chat, JsonNode.class);
    return MessagesRequest.body(
        ChatRequestParser.parse(body, "2024-10-21"),
        "claude-sonnet-4-20250514",
        ModelCatalog.find("claude-3-5-haiku", "").orElseThrow(),
        false);
  }

  static final String TOOL = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]";

  @Test
  void systemAndDeveloperMessagesJoinIntoSystemAndTheOutputLimitIsTheDefaultMaxTokens() {
    JsonNode body =
        translate(
            "{\"messages\":[{\"role\":\"system\",\"content\":\"One.\"},{\"role\":\"developer\","
                + "\"content\":\"Two.\"},{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"user\","
                + "\"content\":\"again\"}],\"response_format\":{\"type\":\"json_object\"}}");
    assertThat(body.path("system").asText())
        .startsWith("One.\n\nTwo.\n\n")
        .contains("one JSON object");
    assertThat(body.path("max_tokens").asInt()).isEqualTo(8_192);
    assertThat(body.path("messages")).hasSize(1);
    assertThat(body.at("/messages/0/content")).hasSize(2);
  }

  @Test
  void toolChoicesMapToAnthropicsAndAFunctionWithoutParametersGetsAnObjectSchema() {
    String hi = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],";
    assertThat(
            translate(hi + TOOL + ",\"tool_choice\":\"required\"}")
                .at("/tool_choice/type")
                .asText())
        .isEqualTo("any");
    assertThat(translate(hi + TOOL + ",\"tool_choice\":\"none\"}").at("/tool_choice/type").asText())
        .isEqualTo("none");
    JsonNode named =
        translate(
            hi
                + TOOL
                + ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"f\"}},"
                + "\"parallel_tool_calls\":false}");
    assertThat(named.at("/tool_choice/type").asText()).isEqualTo("tool");
    assertThat(named.at("/tool_choice/name").asText()).isEqualTo("f");
    assertThat(named.at("/tool_choice/disable_parallel_tool_use").asBoolean()).isTrue();
    assertThat(named.at("/tools/0/input_schema/type").asText()).isEqualTo("object");
  }

  @Test
  void consecutiveToolResultsShareOneUserTurn() {
    JsonNode body =
        translate(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\","
                + "\"tool_calls\":[{\"id\":\"a\",\"type\":\"function\",\"function\":{\"name\":\"f\","
                + "\"arguments\":\"{}\"}},{\"id\":\"b\",\"type\":\"function\",\"function\":{\"name\":"
                + "\"f\",\"arguments\":\"\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"a\",\"content\":"
                + "\"1\"},{\"role\":\"tool\",\"tool_call_id\":\"b\",\"content\":\"2\"}],"
                + TOOL
                + "}");
    assertThat(body.path("messages")).hasSize(3);
    assertThat(body.at("/messages/1/content")).hasSize(2);
    assertThat(body.at("/messages/2/content/1/tool_use_id").asText()).isEqualTo("b");
  }
}
