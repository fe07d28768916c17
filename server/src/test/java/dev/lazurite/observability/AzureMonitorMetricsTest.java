package dev.lazurite.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.metering.UsageRecord;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Azure Monitor's metrics route as {@code az monitor metrics list} calls it, answered from the
 * stored usage rows.
 */
class AzureMonitorMetricsTest {
  static TestingServer server;
  static List<UsageRecord> rows;

  @BeforeAll
  static void run() {
    server = TestingServer.start();
    ObservedRun.script(server);
    rows = new ArrayList<>();
    server
        .server()
        .store()
        .scan(
            dev.lazurite.control.Bootstrap.DEFAULT_ACCOUNT,
            java.time.Instant.EPOCH,
            java.time.Instant.now().plusSeconds(60),
            rows::add);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static TestingHttp.Result get(String query, String... headers) {
    String[] all =
        headers.length > 0
            ? headers
            : new String[] {"Authorization", "Bearer " + server.server().adminToken()};
    return server
        .http()
        .send(
            "GET",
            ObservedRun.resourceId(server) + "/providers/Microsoft.Insights/metrics?" + query,
            null,
            all);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** The CLI's timespan: naive UTC isoformat, quote_plus'ed, then encoded again by the SDK. */
  private static String cliTimespan() {
    LocalDateTime end = LocalDateTime.now(ZoneOffset.UTC).plusMinutes(1);
    String span = end.minusHours(1) + "/" + end;
    return enc(enc(span));
  }

  @Test
  void answersTheCliQueryInAzuresShape() {
    var result =
        get(
            "timespan="
                + cliTimespan()
                + "&interval=PT1M&metricnames=AzureOpenAIRequests,ProcessedPromptTokens,"
                + "GeneratedTokens,TokenTransaction&aggregation=Total&top=10"
                + "&api-version=2018-01-01");
    assertThat(result.status()).isEqualTo(200);
    JsonNode body = result.json();
    assertThat(iterable(body.fieldNames()))
        .containsExactly("cost", "timespan", "interval", "value", "namespace", "resourceregion");
    assertThat(body.get("interval").asText()).isEqualTo("PT1M");
    assertThat(body.get("namespace").asText()).isEqualTo("Microsoft.CognitiveServices/accounts");
    assertThat(body.get("resourceregion").asText()).isEqualTo("eastus");
    assertThat(body.get("timespan").asText()).matches("\\d{4}-.*Z/\\d{4}-.*Z");
    JsonNode requests = body.at("/value/0");
    assertThat(iterable(requests.fieldNames()))
        .containsExactly(
            "id", "type", "name", "displayDescription", "unit", "timeseries", "errorCode");
    assertThat(requests.get("id").asText())
        .isEqualTo(
            ObservedRun.resourceId(server)
                + "/providers/Microsoft.Insights/metrics/AzureOpenAIRequests");
    assertThat(requests.get("type").asText()).isEqualTo("Microsoft.Insights/metrics");
    assertThat(requests.at("/name/value").asText()).isEqualTo("AzureOpenAIRequests");
    assertThat(requests.at("/name/localizedValue").asText()).isEqualTo("Azure OpenAI Requests");
    assertThat(requests.get("unit").asText()).isEqualTo("Count");
    assertThat(requests.at("/timeseries/0/metadatavalues").size()).isZero();
    JsonNode data = requests.at("/timeseries/0/data");
    assertThat(data.size()).isBetween(60, 61);
    assertThat(data.get(0).get("timeStamp").asText()).endsWith(":00Z");
    assertThat(sum(data, "total")).isEqualTo(rows.size());
    assertThat(sum(body.at("/value/1/timeseries/0/data"), "total"))
        .isEqualTo(rows.stream().mapToLong(UsageRecord::promptTokens).sum());
    assertThat(sum(body.at("/value/2/timeseries/0/data"), "total"))
        .isEqualTo(rows.stream().mapToLong(UsageRecord::completionTokens).sum());
    assertThat(sum(body.at("/value/3/timeseries/0/data"), "total"))
        .isEqualTo(
            rows.stream().mapToLong(r -> (long) r.promptTokens() + r.completionTokens()).sum());
  }

  @Test
  void splitsByDimensionsTheFilterNames() {
    var body =
        get("metricnames=AzureOpenAIRequests&aggregation=Total,Count&interval=FULL&$filter="
                + enc("ModelDeploymentName eq '*' and StreamType eq '*' and StatusCode eq '200'")
                + "&api-version=2023-10-01")
            .json();
    JsonNode series = body.at("/value/0/timeseries");
    long streamedChat =
        rows.stream()
            .filter(r -> r.deployment().equals("gpt-4o") && r.streamed() && r.status() == 200)
            .count();
    boolean found = false;
    for (JsonNode one : series) {
      JsonNode meta = one.get("metadatavalues");
      assertThat(meta.get(0).at("/name/value").asText()).isEqualTo("modeldeploymentname");
      assertThat(meta.get(1).at("/name/value").asText()).isEqualTo("streamtype");
      assertThat(meta.get(2).get("value").asText()).isEqualTo("200");
      if (meta.get(0).get("value").asText().equals("gpt-4o")
          && meta.get(1).get("value").asText().equals("Streaming")) {
        found = true;
        assertThat(one.at("/data/0/total").asDouble()).isEqualTo(streamedChat);
        assertThat(one.at("/data/0/count").asDouble()).isEqualTo(streamedChat);
      }
    }
    assertThat(found).isTrue();
  }

  @Test
  void latencyMetricsAverageTheStoredFirstAndLastBytes() {
    var body =
        get("metricnames=AzureOpenAINormalizedTTFTInMS,AzureOpenAITTLTInMS&interval=FULL"
                + "&aggregation=Average,Maximum&api-version=2018-01-01")
            .json();
    var ok = rows.stream().filter(r -> r.status() < 400).toList();
    double ttft = ok.stream().mapToDouble(UsageRecord::firstByteMillis).average().orElseThrow();
    double ttlt = ok.stream().mapToDouble(UsageRecord::latencyMillis).average().orElseThrow();
    assertThat(body.at("/value/0/unit").asText()).isEqualTo("MilliSeconds");
    assertThat(body.at("/value/0/timeseries/0/data/0/average").asDouble())
        .isCloseTo(ttft, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(body.at("/value/1/timeseries/0/data/0/average").asDouble())
        .isCloseTo(ttlt, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(ttft).isLessThanOrEqualTo(ttlt);
  }

  @Test
  void metricDefinitionsNameEveryMetricWithItsDimensions() {
    var result =
        server
            .http()
            .send(
                "GET",
                ObservedRun.resourceId(server)
                    + "/providers/microsoft.insights/metricDefinitions?api-version=2018-01-01",
                null,
                "Authorization",
                "Bearer " + server.server().adminToken());
    assertThat(result.status()).isEqualTo(200);
    JsonNode first = result.json().at("/value/0");
    assertThat(first.at("/name/value").asText()).isEqualTo("AzureOpenAIRequests");
    assertThat(first.get("primaryAggregationType").asText()).isEqualTo("Total");
    assertThat(first.get("dimensions").toString()).contains("ModelDeploymentName", "StatusCode");
  }

  @Test
  void refusesUnknownMetricsAggregationsGrainsSpansAndDimensions() {
    String v = "&api-version=2018-01-01";
    assertBad(get("metricnames=TotalTokens" + v), "Failed to find metric configuration");
    assertBad(get("metricnames=AzureOpenAIRequests&aggregation=Median" + v), "aggregation");
    assertBad(get("metricnames=AzureOpenAIRequests&interval=PT2M" + v), "interval");
    assertBad(get("metricnames=AzureOpenAIRequests&interval=often" + v), "interval");
    assertBad(get("metricnames=AzureOpenAIRequests&timespan=yesterday" + v), "timespan");
    assertBad(
        get(
            "metricnames=AzureOpenAIRequests&timespan="
                + enc("2024-01-02T00:00:00Z/2024-01-01T00:00:00Z")
                + v),
        "timespan");
    assertBad(
        get(
            "metricnames=AzureOpenAIRequests&timespan="
                + enc("2023-01-01T00:00:00Z/2024-01-01T00:00:00Z")
                + v),
        "93 days");
    assertBad(
        get("metricnames=ProcessedPromptTokens&$filter=" + enc("StatusCode eq '200'") + v),
        "does not support requested dimension");
    assertBad(
        get("metricnames=AzureOpenAIRequests&$filter=" + enc("StatusCode gt 200") + v), "$filter");
    assertBad(get("metricnames=AzureOpenAIRequests&top=0" + v), "top");
  }

  @Test
  void refusesAnotherResourceAndCallersWithoutCredentials() {
    String other =
        ObservedRun.resourceId(server).replace("/accounts/", "/accounts/someone-else")
            + "/providers/Microsoft.Insights/metrics?metricnames=AzureOpenAIRequests"
            + "&api-version=2018-01-01";
    var missing =
        server
            .http()
            .send("GET", other, null, "Authorization", "Bearer " + server.server().adminToken());
    assertThat(missing.status()).isEqualTo(404);
    assertThat(get("metricnames=AzureOpenAIRequests&api-version=2018-01-01", "x-a", "b").status())
        .isEqualTo(401);
    assertThat(
            get(
                    "metricnames=AzureOpenAIRequests&api-version=2018-01-01",
                    "Authorization",
                    "Bearer " + server.key())
                .status())
        .isEqualTo(401);
  }

  private static void assertBad(TestingHttp.Result result, String message) {
    assertThat(result.status()).as(result.body()).isEqualTo(400);
    assertThat(result.json().at("/error/code").asText()).isEqualTo("BadRequest");
    assertThat(result.json().at("/error/message").asText()).contains(message);
  }

  private static long sum(JsonNode data, String key) {
    long total = 0;
    for (JsonNode point : data) {
      total += Math.round(point.path(key).asDouble());
    }
    return total;
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
