package dev.lazurite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpLimitsTest {
  @TempDir Path dir;

  @Test
  void defaultsToAMinuteIdleTenSecondsForHeadersTwoMinutesForBodies() throws Exception {
    HttpLimits http = ConfigLoader.load(Map.of(), Map.of(), Optional.empty()).http();
    assertThat(http.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(http.headerTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(http.bodyTimeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(http.maxConnections()).isZero();
  }

  @Test
  void mapsFlagsEnvironmentAndYamlInThatOrder() throws Exception {
    Path yaml = dir.resolve("lazurite.yaml");
    Files.writeString(
        yaml,
        """
        http:
          idleTimeoutMs: 1000
          headerTimeoutMs: 2000
          bodyTimeoutMs: 3000
          maxConnections: 40
        """);
    Map<String, String> flags = new HashMap<>();
    flags.put("http.maxConnections", "50");
    HttpLimits http =
        ConfigLoader.load(
                flags, Map.of("LAZURITE_HTTP_HEADER_TIMEOUT_MS", "2500"), Optional.of(yaml))
            .http();
    assertThat(http)
        .isEqualTo(
            new HttpLimits(
                Duration.ofMillis(1000), Duration.ofMillis(2500), Duration.ofMillis(3000), 50));
  }

  @Test
  void rejectsTimeoutsThatAreNotPositiveAndNegativeLimits() {
    assertThatThrownBy(
            () -> new HttpLimits(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
        .hasMessageContaining("idle timeout must be > 0");
    assertThatThrownBy(
            () ->
                new HttpLimits(
                    Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), -1))
        .hasMessageContaining("max connections must be >= 0");
  }
}
