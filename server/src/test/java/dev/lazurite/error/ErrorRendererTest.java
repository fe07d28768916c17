package dev.lazurite.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorRendererTest {
  static String render(ApiException e) {
    return new String(ErrorRenderer.render(e), StandardCharsets.UTF_8);
  }

  @Test
  void writesAzures404ByteForByte() {
    assertThat(render(ApiException.of(ErrorCode.RESOURCE_NOT_FOUND)))
        .isEqualTo("{\"error\":{\"code\":\"404\",\"message\": \"Resource not found\"}}");
  }

  @Test
  void writesTheAzureEnvelope() {
    assertThat(render(ApiException.of(ErrorCode.TIMEOUT)))
        .isEqualTo("{\"error\":{\"code\":\"Timeout\",\"message\":\"The operation was timeout.\"}}");
  }

  @Test
  void writesTheOpenAiEnvelopeWithNullsKept() {
    assertThat(render(ApiException.invalid("Bad.", null, null)))
        .isEqualTo(
            "{\"error\":{\"message\":\"Bad.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
  }

  @Test
  void writesTheTokenServicesBareBody() {
    assertThat(render(ApiException.of(ErrorCode.INVALID_TOKEN)))
        .startsWith("{\"statusCode\":401,\"message\":\"Unauthorized.");
  }

  @Test
  void neverLeaksInternalDetail() {
    assertThat(render(ApiException.of(ErrorCode.INTERNAL)))
        .isEqualTo(
            "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"The server had an error while"
                + " processing your request. Sorry about that!\"}}");
  }
}
