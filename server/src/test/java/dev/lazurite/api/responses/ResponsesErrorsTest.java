package dev.lazurite.api.responses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorRenderer;
import dev.lazurite.json.Json;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The Responses form of a content filter block: {@code content_filters}, no innererror. */
class ResponsesErrorsTest {
  @Test
  void aBlockedPromptIsRenderedWithContentFilters() throws IOException {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.putObject("violence").put("filtered", true).put("severity", "high");
    ApiException chat = ApiException.contentFilter(result);
    JsonNode body = Json.parse(ErrorRenderer.render(chat.asResponsesContentFilter()));
    JsonNode error = body.get("error");
    assertThat(error.get("code").asText()).isEqualTo("content_filter");
    assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.get("param").asText()).isEqualTo("prompt");
    assertThat(error.has("innererror")).isFalse();
    JsonNode filter = error.get("content_filters").get(0);
    assertThat(filter.get("blocked").asBoolean()).isTrue();
    assertThat(filter.get("source_type").asText()).isEqualTo("prompt");
    assertThat(filter.get("content_filter_results")).isEqualTo(result);
  }

  @Test
  void chatUsageBecomesResponsesUsage() throws IOException {
    JsonNode chat =
        Json.parse(
            "{\"prompt_tokens\":20,\"completion_tokens\":11,\"total_tokens\":31,"
                .concat("\"completion_tokens_details\":{\"reasoning_tokens\":4}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(ResponseObjects.usage(chat).toString())
        .isEqualTo(
            "{\"input_tokens\":20,\"input_tokens_details\":{\"cached_tokens\":0,"
                + "\"cache_write_tokens\":0},\"output_tokens\":11,\"output_tokens_details\":"
                + "{\"reasoning_tokens\":4},\"total_tokens\":31}");
  }
}
