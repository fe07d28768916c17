package dev.lazurite.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.error.ApiException;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.testing.TestingExchanges;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiVersionStageTest {
  final ApiVersionStage stage = new ApiVersionStage();

  boolean accepts(Route.Style style, Operation op, String version) {
    try {
      stage.handle(
          TestingExchanges.of(
              new Route(style, op, Map.of("deployment-id", "d"), version), Map.of(), "{}"),
          e -> Response.Json.ok("ok"));
      return true;
    } catch (ApiException e) {
      return false;
    }
  }

  @ParameterizedTest
  @CsvSource({
    "DATED, CHAT_COMPLETIONS, 2024-10-21, true",
    "DATED, CHAT_COMPLETIONS, 2023-05-15, true",
    "DATED, CHAT_COMPLETIONS, 2023-03-15-preview, true",
    "DATED, CHAT_COMPLETIONS, 2025-04-01-preview, true",
    "DATED, CHAT_COMPLETIONS, 2022-12-01, false",
    "DATED, COMPLETIONS, 2022-12-01, true",
    "DATED, EMBEDDINGS, 2024-13-01, false",
    "DATED, EMBEDDINGS, '', false",
    "DATED, EMBEDDINGS, v1, false",
    "V1, CHAT_COMPLETIONS, '', true",
    "V1, CHAT_COMPLETIONS, v1, true",
    "V1, CHAT_COMPLETIONS, preview, true",
    "V1, CHAT_COMPLETIONS, 2024-10-21, true",
    "V1, CHAT_COMPLETIONS, 1999-01-01, false"
  })
  void acceptsExactlyTheVersionsAzureKnows(
      Route.Style style, Operation op, String version, boolean accepted) {
    assertThat(accepts(style, op, version)).isEqualTo(accepted);
  }
}
