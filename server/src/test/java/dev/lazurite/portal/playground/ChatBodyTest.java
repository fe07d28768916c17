package dev.lazurite.portal.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.error.ApiException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatBodyTest {
  private static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

  @Test
  void streamsAndKeepsTheConversationAndParameters() {
    var body =
        ChatBody.build(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":0.2,"
                + "\"stream\":false}",
            "",
            Optional.empty());
    assertThat(body.path("stream").asBoolean()).isTrue();
    assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
    assertThat(body.has("tools")).isFalse();
  }

  @Test
  void dropsDataSourcesAndToolsThePageDidNotChoose() {
    var body =
        ChatBody.build(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"data_sources\":[{\"type\":\"azure_search\"}],\"tools\":[1]}",
            "  ",
            Optional.empty());
    assertThat(body.has("data_sources")).isFalse();
    assertThat(body.has("tools")).isFalse();
  }

  @Test
  void groundsInTheChosenIndexWithoutAKey() {
    var index = new DataChoice("docs", "handbook", List.of("simple", "semantic"), "default");
    var body = ChatBody.build(HELLO, "", Optional.of(new ChatBody.Grounding(index, "semantic")));
    var parameters = body.at("/data_sources/0/parameters");
    assertThat(parameters.path("endpoint").asText()).isEqualTo("https://docs.search.windows.net");
    assertThat(parameters.path("index_name").asText()).isEqualTo("handbook");
    assertThat(parameters.path("semantic_configuration").asText()).isEqualTo("default");
    assertThat(parameters.at("/authentication/type").asText())
        .isEqualTo("system_assigned_managed_identity");
    assertThat(parameters.toString()).doesNotContain("key");
  }

  @Test
  void refusesToolsThatAreNotFunctionDefinitions() {
    assertThatThrownBy(() -> ChatBody.tools("[{\"type\":\"retrieval\"}]"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("Tool 1:");
    assertThatThrownBy(() -> ChatBody.tools("[{\"type\":\"function\",\"function\":{}}]"))
        .hasMessageContaining("function.name");
    assertThatThrownBy(
            () ->
                ChatBody.tools(
                    "[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":[]}}]"))
        .hasMessageContaining("function.parameters");
    assertThatThrownBy(() -> ChatBody.tools("[" + "{\"type\":\"function\"},".repeat(129) + "1]"))
        .hasMessageContaining("At most 128 tools");
  }

  @Test
  void namesWhereMalformedJsonBreaks() {
    assertThatThrownBy(() -> ChatBody.tools("[\n\n  {\"type\" \"function\"}]"))
        .hasMessageContaining("Could not read the tool definitions as JSON (line 3");
  }

  @Test
  void refusesAnOversizeConversationWith413() {
    assertThatThrownBy(
            () -> ChatBody.build("x".repeat(ChatBody.MAX_CHARS + 1), "", Optional.empty()))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.errorCode().status()).isEqualTo(413));
  }
}
