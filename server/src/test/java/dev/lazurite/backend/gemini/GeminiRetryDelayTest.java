package dev.lazurite.backend.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GeminiRetryDelayTest {
  static String delay(String retryDelay) throws Exception {
    String body =
        "{\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\""
            + retryDelay
            + "\"}]}";
    return GeminiErrors.retryDelay(Json.parse(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void retryDelaysAreWholeSecondsRoundedUp() throws Exception {
    assertThat(delay("37s")).isEqualTo("37");
    assertThat(delay("1.2s")).isEqualTo("2");
    assertThat(delay("0s")).isEqualTo("0");
  }

  @Test
  void malformedOrAbsurdDelaysAreIgnored() throws Exception {
    assertThat(delay("soon")).isEmpty();
    assertThat(delay("xs")).isEmpty();
    assertThat(delay("-4s")).isEmpty();
    assertThat(delay("999999999s")).isEmpty();
    assertThat(GeminiErrors.retryDelay(Json.MAPPER.missingNode())).isEmpty();
  }
}
