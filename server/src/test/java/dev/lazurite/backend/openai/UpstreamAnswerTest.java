package dev.lazurite.backend.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.AnswerOutline;
import dev.lazurite.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpstreamAnswerTest {
  static UpstreamAnswer read(String body) {
    return UpstreamAnswer.read(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void takesTheUsageCountsAndKeepsTheBytes() {
    String body =
        "{\"id\":\"c\",\"choices\":[{\"message\":{\"content\":\"{\\\"usage\\\":1}\"}}],"
            + "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":9,\"total_tokens\":20,"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":0}}}";
    UpstreamAnswer answer = read(body);
    assertThat(answer.promptTokens()).isEqualTo(11);
    assertThat(answer.completionTokens()).isEqualTo(9);
    assertThat(new String(Json.writeWire(answer.body()), StandardCharsets.UTF_8)).isEqualTo(body);
    JsonNode tree = Json.WIRE.valueToTree(answer.body());
    assertThat(tree.at("/usage/total_tokens").asInt()).isEqualTo(20);
    assertThat(answer.body().outline())
        .hasValueSatisfying(
            outline ->
                assertThat(outline.choices())
                    .extracting(AnswerOutline.Choice::text)
                    .containsExactly("{\"usage\":1}"));
  }

  @Test
  void takesTheCachedPromptTokensOfThePromptDetails() {
    UpstreamAnswer answer =
        read(
            "{\"usage\":{\"prompt_tokens\":2006,\"completion_tokens\":300,"
                + "\"prompt_tokens_details\":{\"audio_tokens\":0,\"cached_tokens\":1920}}}");
    assertThat(answer.promptTokens()).isEqualTo(2006);
    assertThat(answer.cachedTokens()).isEqualTo(1920);
    assertThat(
            read("{\"usage\":{\"prompt_tokens\":5,\"prompt_tokens_details\":null}}").cachedTokens())
        .isZero();
    assertThat(read("{\"usage\":{\"prompt_tokens\":5}}").cachedTokens()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"usage\":{\"prompt_tokens\":\"4\",\"completion_tokens\":2.9}}",
        "{\"usage\":{\"prompt_tokens\":1},\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":2}}",
      })
  void readsCountsAsATreeWould(String body) {
    UpstreamAnswer answer = read(body);
    JsonNode tree = Json.read(body, JsonNode.class).path("usage");
    assertThat(answer.promptTokens()).isEqualTo(tree.path("prompt_tokens").asInt(0));
    assertThat(answer.completionTokens()).isEqualTo(tree.path("completion_tokens").asInt(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"id\":\"x\"}", "{\"usage\":null}", "{\"usage\":[1]}"})
  void countsNothingWithoutUsage(String body) {
    assertThat(read(body).promptTokens()).isZero();
    assertThat(read(body).completionTokens()).isZero();
  }

  /** A field the completion filter judges or writes, twice: one copy would pass unjudged. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"choices\":[{\"message\":{\"content\":\"a\"}}],\"choices\":[]}",
        "{\"choices\":[{\"message\":{\"content\":\"a\",\"content\":\"b\"}}]}",
        "{\"choices\":[{\"message\":{\"content\":\"a\"},\"message\":{\"content\":\"b\"}}]}",
        "{\"choices\":[{\"text\":\"a\",\"text\":\"b\"}]}",
        "{\"choices\":[{\"text\":\"a\",\"finish_reason\":\"stop\",\"finish_reason\":null}]}",
        "{\"choices\":[{\"text\":\"a\",\"content_filter_results\":{},\"content_filter_results\":{}}]}",
        "{\"prompt_filter_results\":[],\"choices\":[],\"prompt_filter_results\":[]}"
      })
  void refusesAnAnswerThatRepeatsAFieldTheFilterReads(String body) {
    assertThatThrownBy(() -> read(body))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UPSTREAM_ERROR));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[]", "\"text\"", "{\"a\":1", "{\"a\":1} {}", "{\"a\":1}x", "nope"})
  void refusesWhatIsNotOneJsonObject(String body) {
    assertThatThrownBy(() -> read(body))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UPSTREAM_ERROR));
  }
}
