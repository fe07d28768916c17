package dev.lazurite.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingAccounts;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request/response capture end to end: off by default, set through the command line, bodies kept
 * redacted and capped, never a header, linked to the audit record, listed and exported in Azure's
 * RequestResponse record shape.
 */
class CaptureTest {
  static final String SECRET_TEXT =
      "Mail jane.doe@example.com, card 4111 1111 1111 1111, key sk-abcdefghijklmnopqrstuvwx,"
          + " codename Falcon-7.";

  static TestingServer server;
  static TestingAccounts accounts;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    accounts = new TestingAccounts(server);
    accounts.create("capture-other");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String chat(String deployment) {
    return "/openai/deployments/" + deployment + "/chat/completions?api-version=2024-10-21";
  }

  static String body(String text, boolean stream, int maxTokens) {
    var b = Json.MAPPER.createObjectNode();
    b.putArray("messages").addObject().put("role", "user").put("content", text);
    b.put("stream", stream).put("max_tokens", maxTokens);
    return b.toString();
  }

  static TestingHttp.Result call(String deployment, String text, boolean stream, int maxTokens) {
    var answer =
        server
            .http()
            .send("POST", chat(deployment), body(text, stream, maxTokens), "api-key", server.key());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  static List<JsonNode> captures(String... filters) {
    server.server().flushCaptures();
    List<String> args = new ArrayList<>(List.of("audit", "captures"));
    args.addAll(List.of(filters));
    JsonNode all = TestingCli.run(server, args.toArray(String[]::new));
    List<JsonNode> out = new ArrayList<>();
    all.forEach(out::add);
    return out;
  }

  static void set(String... options) {
    List<String> args =
        new ArrayList<>(List.of("deployment", "capture", "set", "--deployment-name", "gpt-4o"));
    args.addAll(List.of(options));
    TestingCli.run(server, args.toArray(String[]::new));
  }

  @Test
  void capturesRedactedBodiesLinkedToTheAuditRecordAndNeverTheKey() {
    set("--max-bytes", "8192", "--retention-days", "7", "--redact", "Falcon-[0-9]+");
    var answer = call("gpt-4o", SECRET_TEXT, false, 5);
    String id = answer.header("apim-request-id");
    var found = captures("--request-id", id);
    assertThat(found).hasSize(1);
    JsonNode record = found.getFirst();
    assertThat(record.path("category").asText()).isEqualTo("RequestResponse");
    assertThat(record.path("operationName").asText()).isEqualTo("ChatCompletions_Create");
    assertThat(record.path("resultSignature").asText()).isEqualTo("200");
    assertThat(record.path("resourceId").asText()).endsWith("/accounts/lazurite");
    assertThat(record.path("time").asText()).isNotEmpty();
    JsonNode p = record.path("properties");
    assertThat(p.path("modelDeploymentName").asText()).isEqualTo("gpt-4o");
    assertThat(p.path("streamType").asText()).isEqualTo("Non-Streaming");
    assertThat(p.path("requestBody").asText()).contains("Mail " + Redactor.MASK);
    assertThat(p.path("responseBody").asText()).contains("choices");
    assertThat(p.path("requestTruncated").asBoolean()).isFalse();
    String text = record.toString();
    assertThat(text)
        .doesNotContain("jane.doe")
        .doesNotContain("4111")
        .doesNotContain("sk-abcdefghijklmnop")
        .doesNotContain("Falcon-7")
        .doesNotContain(server.key())
        .doesNotContainIgnoringCase("api-key");
    // The audit record of the same request carries the same id.
    server.server().flushAudit();
    JsonNode audit = TestingCli.run(server, "audit", "list", "--deployment", "gpt-4o");
    assertThat(audit.findValuesAsText("correlationId")).contains(id);
  }

  @Test
  void auditListFiltersByCategory() {
    set("--max-bytes", "8192");
    String id = call("gpt-4o", "Hello there.", false, 5).header("apim-request-id");
    server.server().flushCaptures();
    server.server().flushAudit();
    JsonNode captured =
        TestingCli.run(
            server, "audit", "list", "--category", "RequestResponse", "--deployment", "gpt-4o");
    assertThat(captured.findValuesAsText("category")).isNotEmpty().containsOnly("RequestResponse");
    assertThat(captured.findValuesAsText("correlationId")).contains(id);
    JsonNode audited =
        TestingCli.run(server, "audit", "list", "--category", "Audit", "--deployment", "gpt-4o");
    assertThat(audited.findValuesAsText("category")).isNotEmpty().containsOnly("Audit");
    assertThat(audited.findValuesAsText("correlationId")).contains(id);
    assertThat(
            TestingCli.execute(
                    server, "audit", "list", "--category", "RequestResponse", "--status", "200")
                .code())
        .isNotZero();

    var admin = "Bearer " + server.server().adminToken();
    var audit =
        server
            .http()
            .send("GET", "/lazurite/audit/records?category=Audit", null, "Authorization", admin);
    assertThat(audit.status()).as(audit.body()).isEqualTo(200);
    var other =
        server
            .http()
            .send(
                "GET",
                "/lazurite/audit/records?category=RequestResponse",
                null,
                "Authorization",
                admin);
    assertThat(other.status()).isEqualTo(400);
    assertThat(other.body()).contains("/lazurite/audit/captures");
    var bogus =
        server
            .http()
            .send("GET", "/lazurite/audit/records?category=Bogus", null, "Authorization", admin);
    assertThat(bogus.status()).isEqualTo(400);
    assertThat(bogus.body()).contains("Invalid value for category: 'Bogus'");
  }

  @Test
  void aStreamIsCapturedAsTheAnswerItAssembles() throws Exception {
    set("--max-bytes", "65536");
    var answer = call("gpt-4o", "Tell me a short story about the sea.", true, 40);
    StringBuilder sent = new StringBuilder();
    for (String line : answer.body().split("\n")) {
      if (line.startsWith("data: {")) {
        for (JsonNode c :
            Json.parse(line.substring(6).getBytes(StandardCharsets.UTF_8)).path("choices")) {
          sent.append(c.path("delta").path("content").asText(""));
        }
      }
    }
    String id = answer.header("apim-request-id");
    JsonNode p = captures("--request-id", id).getFirst().path("properties");
    assertThat(p.path("streamType").asText()).isEqualTo("Streaming");
    assertThat(p.path("responseTruncated").asBoolean()).isFalse();
    JsonNode body = Json.parse(p.path("responseBody").asText().getBytes(StandardCharsets.UTF_8));
    assertThat(body.path("object").asText()).isEqualTo("chat.completion");
    assertThat(body.at("/choices/0/message/role").asText()).isEqualTo("assistant");
    assertThat(body.at("/choices/0/message/content").asText())
        .isNotEmpty()
        .isEqualTo(sent.toString());
    assertThat(body.at("/choices/0/finish_reason").asText()).isNotEmpty();
    assertThat(p.path("responseLength").asLong())
        .as("the bytes of the events sent")
        .isGreaterThan(p.path("responseBody").asText().length());
  }

  @Test
  void aPolicyIsRemovedWithItsDeployment() {
    server.deploy(
        new dev.lazurite.control.DeploymentRequest(
            "short-lived",
            "gpt-4o",
            "2024-08-06",
            "GlobalStandard",
            1,
            "",
            "",
            java.util.Optional.empty()));
    TestingCli.run(server, "deployment", "capture", "set", "--deployment-name", "short-lived");
    var control = server.server().control();
    var account =
        control.account(
            server.server().subscriptionId(),
            dev.lazurite.control.Bootstrap.DEFAULT_RESOURCE_GROUP,
            dev.lazurite.control.Bootstrap.DEFAULT_ACCOUNT);
    assertThat(control.deleteDeployment(account, "short-lived")).isTrue();
    assertThat(server.server().store().captures().policies().keySet())
        .noneMatch(t -> t.deployment().equals("short-lived"));
    // Created again under the same name, it captures nothing until a policy is set.
    server.deploy(
        new dev.lazurite.control.DeploymentRequest(
            "short-lived",
            "gpt-4o",
            "2024-08-06",
            "GlobalStandard",
            1,
            "",
            "",
            java.util.Optional.empty()));
    String id = call("short-lived", "Anyone there?", false, 3).header("apim-request-id");
    assertThat(captures("--request-id", id)).isEmpty();
  }

  @Test
  void aStreamIsCapturedUpToTheCap() {
    set("--max-bytes", "200");
    var answer = call("gpt-4o", "Tell me a long story about the sea.", true, 200);
    String id = answer.header("apim-request-id");
    JsonNode p = captures("--request-id", id).getFirst().path("properties");
    assertThat(p.path("streamType").asText()).isEqualTo("Streaming");
    assertThat(p.path("responseBody").asText()).startsWith("{\"id\":");
    assertThat(p.path("responseBody").asText().getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(200);
    assertThat(p.path("responseTruncated").asBoolean()).isTrue();
    assertThat(p.path("responseLength").asLong()).isGreaterThan(200);
  }

  @Test
  void nothingIsCapturedForADeploymentWithoutAPolicy() {
    var other =
        server
            .http()
            .send(
                "POST",
                chat("gpt-4o"),
                body("Hello from another resource", false, 3),
                "api-key",
                accounts.key1("capture-other"));
    assertThat(other.status()).as(other.body()).isEqualTo(200);
    String id = other.header("apim-request-id");
    assertThat(captures("--request-id", id)).isEmpty();
    assertThat(captures("--resource", "capture-other")).isEmpty();
  }

  @Test
  void aPolicyTurnedOffStopsCapturing() {
    set("--no-enabled");
    String id = call("gpt-4o", "Off now", false, 3).header("apim-request-id");
    assertThat(captures("--request-id", id)).isEmpty();
    JsonNode shown =
        TestingCli.run(server, "deployment", "capture", "show", "--deployment-name", "gpt-4o");
    assertThat(shown.path("enabled").asBoolean()).isFalse();
    TestingCli.run(server, "deployment", "capture", "delete", "--deployment-name", "gpt-4o");
    set();
  }

  @Test
  void exportsJsonLinesInAzuresRecordShape() throws Exception {
    set();
    call("gpt-4o", "Export me", false, 3);
    server.server().flushCaptures();
    var result = TestingCli.execute(server, "audit", "captures", "--export");
    assertThat(result.code()).as(result.err()).isZero();
    List<String> lines = result.out().lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      JsonNode r = Json.parse(line.getBytes(StandardCharsets.UTF_8));
      assertThat(r.has("time")).isTrue();
      assertThat(r.has("resourceId")).isTrue();
      assertThat(r.path("category").asText()).isEqualTo("RequestResponse");
      assertThat(r.has("operationName")).isTrue();
      assertThat(r.path("properties").isObject()).isTrue();
    }
  }
}
