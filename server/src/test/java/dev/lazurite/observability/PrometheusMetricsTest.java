package dev.lazurite.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.metering.UsageRecord;
import dev.lazurite.testing.TestingServer;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /metrics} after a scripted run: the GenAI metrics equal the stored usage rows. */
class PrometheusMetricsTest {
  static final Set<String> MODEL_CALLS = Set.of("ChatCompletions_Create", "Completions_Create");
  static TestingServer server;
  static List<UsageRecord> rows;

  @BeforeAll
  static void run() {
    server = TestingServer.start();
    ObservedRun.script(server);
    rows = ObservedRun.rows(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static MeterRegistry registry() {
    return server.server().observability().registry().orElseThrow();
  }

  private static List<UsageRecord> modelCalls() {
    return rows.stream().filter(r -> MODEL_CALLS.contains(r.operation())).toList();
  }

  @Test
  void tokenUsageEqualsTheUsageRows() {
    long prompt = modelCalls().stream().mapToLong(UsageRecord::promptTokens).sum();
    long completion = modelCalls().stream().mapToLong(UsageRecord::completionTokens).sum();
    assertThat(prompt).isPositive();
    assertThat(completion).isPositive();
    double input =
        registry()
            .find("gen_ai.client.token.usage")
            .tag("gen_ai.token.type", "input")
            .summaries()
            .stream()
            .mapToDouble(DistributionSummary::totalAmount)
            .sum();
    double output =
        registry()
            .find("gen_ai.client.token.usage")
            .tag("gen_ai.token.type", "output")
            .summaries()
            .stream()
            .mapToDouble(DistributionSummary::totalAmount)
            .sum();
    assertThat(input).isEqualTo((double) prompt);
    assertThat(output).isEqualTo((double) completion);
  }

  @Test
  void requestDurationCountsEveryModelCallWithItsOperationAndProvider() {
    var timers = registry().find("gen_ai.server.request.duration").timers();
    assertThat(timers.stream().mapToLong(Timer::count).sum()).isEqualTo(modelCalls().size());
    assertThat(
            registry()
                .find("gen_ai.server.request.duration")
                .tag("gen_ai.operation.name", "chat")
                .tag("gen_ai.provider.name", "azure.ai.openai")
                .tag("gen_ai.request.model", "gpt-4o")
                .tag("error.type", "")
                .timer()
                .count())
        .isEqualTo(
            modelCalls().stream()
                .filter(r -> r.operation().equals("ChatCompletions_Create") && r.status() == 200)
                .count());
    double seconds =
        timers.stream().mapToDouble(t -> t.totalTime(TimeUnit.NANOSECONDS)).sum() / 1e9;
    double stored = modelCalls().stream().mapToDouble(UsageRecord::latencyMillis).sum() / 1e3;
    // The ledger's clock and the stored milliseconds are the same readings.
    assertThat(seconds).isCloseTo(stored, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void timeToFirstTokenAndPerOutputTokenCountSuccessesAndStreams() {
    long successes = modelCalls().stream().filter(r -> r.status() < 400).count();
    assertThat(
            registry().find("gen_ai.server.time_to_first_token").timers().stream()
                .mapToLong(Timer::count)
                .sum())
        .isEqualTo(successes);
    assertThat(
            registry().find("gen_ai.server.time_per_output_token").timers().stream()
                .mapToLong(Timer::count)
                .sum())
        .isEqualTo(
            modelCalls().stream()
                .filter(r -> r.streamed() && r.status() < 400 && r.completionTokens() > 1)
                .count());
  }

  @Test
  void gatewayCountsRequestsRejectionsAndStages() {
    double requests =
        registry().find("lazurite.requests").counters().stream().mapToDouble(c -> c.count()).sum();
    assertThat(requests).isEqualTo(rows.size());
    assertThat(registry().find("lazurite.rejections").tag("status", "401").counter().count())
        .isEqualTo(rows.stream().filter(r -> r.status() == 401).count());
    assertThat(registry().find("lazurite.stage.duration").tag("stage", "Routing").timer().count())
        .isEqualTo(6);
  }

  @Test
  void scrapeNeedsTheAdminCredentialAndUsesTheConventionsBuckets() {
    var http = server.http();
    assertThat(http.send("GET", "/metrics", null).status()).isEqualTo(401);
    assertThat(http.send("GET", "/metrics", null, "Authorization", "Bearer wrong").status())
        .isEqualTo(401);
    assertThat(
            http.send("GET", "/metrics", null, "Authorization", "Bearer " + server.key()).status())
        .isEqualTo(401);
    var scrape =
        http.send(
            "GET", "/metrics", null, "Authorization", "Bearer " + server.server().adminToken());
    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.body())
        .contains("gen_ai_client_token_usage_bucket{")
        .contains("le=\"16384.0\"")
        .contains("gen_ai_server_time_to_first_token_seconds_bucket{")
        .contains("le=\"0.005\"")
        .contains("gen_ai_server_request_duration_seconds_bucket{")
        .contains("le=\"81.92\"")
        .contains("gen_ai_provider_name=\"azure.ai.openai\"")
        .contains("lazurite_batches{status=\"in_progress\"}")
        .doesNotContain(server.key());
  }

  @Test
  void readinessChecksTheStore() {
    var ready = server.http().send("GET", "/readyz", null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().at("/checks/store").asText()).isEqualTo("ok");
    // Shown beside the checks: the server is ready while the content classifier still trains.
    assertThat(ready.json().at("/classifier").asText()).isIn("training", "trained");
    assertThat(server.http().send("GET", "/healthz", null).status()).isEqualTo(200);
  }
}
