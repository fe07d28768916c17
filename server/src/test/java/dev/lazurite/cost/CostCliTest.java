package dev.lazurite.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code lazurite price} and {@code lazurite cost query} against a running server. */
class CostCliTest {
  static TestingServer server;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void pricesAreSetAndListed() {
    JsonNode set =
        TestingCli.run(
            server,
            "price",
            "set",
            "--model",
            "gpt-4o",
            "--version",
            "2024-08-06",
            "--type",
            "Global",
            "--prompt-price",
            "3",
            "--cached-prompt-price",
            "1.5",
            "--completion-price",
            "12",
            "-o",
            "json");
    assertThat(set.path("input").decimalValue()).isEqualByComparingTo("3");
    JsonNode list = TestingCli.run(server, "price", "list", "-o", "json");
    assertThat(list.toString()).contains("\"input\":3");
  }

  @Test
  void costIsReportedPerDeploymentAndDay() {
    var chat = new CostTesting(server).chat("gpt-4o");
    assertThat(chat.status()).isEqualTo(200);
    server.server().flushUsage();
    JsonNode rows =
        TestingCli.run(
            server,
            "cost",
            "query",
            "--group-by",
            "deployment",
            "--granularity",
            "daily",
            "-o",
            "json");
    assertThat(rows.isArray()).isTrue();
    JsonNode row = rows.get(0);
    assertThat(row.path("ModelDeploymentName").asText()).isEqualTo("gpt-4o");
    assertThat(row.path("UsageDate").asLong()).isGreaterThan(20_000_000L);
    assertThat(row.path("Currency").asText()).isEqualTo("USD");
    assertThat(row.path("Cost").decimalValue()).isGreaterThan(BigDecimal.ZERO);
    var refused = TestingCli.execute(server, "cost", "query", "--group-by", "meter");
    assertThat(refused.code()).isNotZero();
    assertThat(refused.err()).contains("--group-by");
  }

  @Test
  void mediaModelsArePricedFromTheTableAndCanBeRepriced() {
    var prices = server.server().cost().cache().prices();
    assertThat(
            prices.find("dall-e-3", "3.0", DeploymentType.REGIONAL).orElseThrow().inputPerMillion())
        .isEqualByComparingTo("40000");
    assertThat(
            prices.find("whisper", "001", DeploymentType.GLOBAL).orElseThrow().outputPerMillion())
        .isEqualByComparingTo("100");
    assertThat(TestingCli.run(server, "price", "list", "-o", "json").toString())
        .contains("\"model\":\"tts-hd\"");
    TestingCli.run(
        server,
        "price",
        "set",
        "--model",
        "tts",
        "--type",
        "Regional",
        "--prompt-price",
        "20",
        "--cached-prompt-price",
        "20",
        "--completion-price",
        "20");
    assertThat(
            server
                .server()
                .cost()
                .cache()
                .prices()
                .find("tts", "001", DeploymentType.REGIONAL)
                .orElseThrow()
                .inputPerMillion())
        .isEqualByComparingTo("20");
  }
}
