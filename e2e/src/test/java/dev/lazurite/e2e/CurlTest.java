package dev.lazurite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The curl line from the README and Azure's quickstart, run verbatim through curl. */
class CurlTest {
  @Test
  void theQuickstartCurlLineGetsAzuresCompletionShape() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
    try (TestingServer server = TestingServer.start()) {
      String line =
          "curl \"$ENDPOINT/openai/deployments/gpt-35-turbo/completions?api-version=2023-05-15\" \\\n"
              + "  -H \"Content-Type: application/json\" -H \"api-key: $KEY\" -d \"{\\\"prompt\\\": \\\"Once upon a time\\\"}\"";
      var process = new ProcessBuilder(List.of("bash", "-c", line)).redirectErrorStream(false);
      process.environment().put("ENDPOINT", server.endpoint());
      process.environment().put("KEY", server.key());
      Process curl = process.start();
      String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(curl.waitFor()).isZero();
      JsonNode body = Json.read(out, JsonNode.class);
      assertThat(body.get("id").asText()).startsWith("cmpl-");
      assertThat(body.get("object").asText()).isEqualTo("text_completion");
      assertThat(body.get("created").isIntegralNumber()).isTrue();
      assertThat(body.get("model").asText()).isEqualTo("gpt-35-turbo");
      JsonNode choice = body.at("/choices/0");
      assertThat(choice.fieldNames())
          .toIterable()
          .contains("text", "index", "finish_reason", "logprobs");
      assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo(4);
      assertThat(body.at("/usage/total_tokens").asInt())
          .isEqualTo(4 + body.at("/usage/completion_tokens").asInt());
    }
  }

  /**
   * The first seed document's lines, verbatim: the endpoint exported with a trailing slash, so curl
   * asks for {@code //openai/…}, which Azure answers.
   */
  @Test
  void theSeedsCurlLineWithATrailingSlashEndpointGetsACompletion() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
    try (TestingServer server = TestingServer.start()) {
      String script =
          "export AZURE_OPENAI_ENDPOINT=\"$LAZURITE_ENDPOINT/\"\n"
              + "curl $AZURE_OPENAI_ENDPOINT/openai/deployments/gpt-35-turbo/completions?api-version=2023-05-15"
              + "   -H \"Content-Type: application/json\"   -H \"api-key: $AZURE_OPENAI_KEY\""
              + "   -d \"{\\\"prompt\\\": \\\"Once upon a time\\\"}\"\n";
      var process = new ProcessBuilder(List.of("bash", "-c", script));
      process.environment().put("LAZURITE_ENDPOINT", server.endpoint());
      process.environment().put("AZURE_OPENAI_KEY", server.key());
      Process curl = process.start();
      String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(curl.waitFor()).isZero();
      JsonNode body = Json.read(out, JsonNode.class);
      assertThat(body.get("object").asText()).isEqualTo("text_completion");
      assertThat(body.at("/choices/0/text").asText()).isNotEmpty();
      assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo(4);
    }
  }
}
