package dev.lazurite.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingAccounts;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The capture management routes refuse what is wrong with a clear error in Azure's envelope and
 * change nothing: malformed JSON, wrong types, missing and unknown fields, values past their
 * limits, unknown resources and deployments, another resource's deployment, and callers without the
 * admin credential.
 */
class CaptureRoutesTest {
  static final String POLICY = "/lazurite/capture/accounts/lazurite/deployments/gpt-4o";

  static TestingServer server;
  static TestingAccounts accounts;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    accounts = new TestingAccounts(server);
    accounts.create("routes-other");
    var deployed =
        accounts.arm(
            "PUT",
            accounts.id("routes-other") + "/deployments/elsewhere",
            "{\"sku\":{\"name\":\"Standard\",\"capacity\":10},\"properties\":{\"model\":"
                + "{\"format\":\"OpenAI\",\"name\":\"gpt-4o\"}}}");
    assertThat(deployed.status()).as(deployed.body()).isIn(200, 201);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TestingHttp.Result admin(String method, String path, String body) {
    return new TestingHttp(server.endpoint(), "")
        .send(method, path, body, "Authorization", "Bearer " + server.server().adminToken());
  }

  static void refused(TestingHttp.Result result, int status, String code, String message) {
    assertThat(result.status()).as(result.body()).isEqualTo(status);
    assertThat(result.json().at("/error/code").asText()).isEqualTo(code);
    assertThat(result.json().at("/error/message").asText()).contains(message);
  }

  @Test
  void refusesBadBodiesAndKeepsThePolicy() {
    var set = admin("PUT", POLICY, "{\"enabled\":true,\"maxBytes\":777,\"redact\":[\"x+\"]}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    String code = "InvalidRequestContent";
    refused(admin("PUT", POLICY, "{\"enabled\":"), 400, code, "could not be deserialized");
    refused(admin("PUT", POLICY, "[true]"), 400, code, "must be a JSON object");
    refused(admin("PUT", POLICY, "{}"), 400, code, "'enabled' is required");
    refused(admin("PUT", POLICY, "{\"enabled\":\"yes\"}"), 400, code, "'enabled' is required");
    refused(
        admin("PUT", POLICY, "{\"enabled\":true,\"maxBytes\":\"big\"}"),
        400,
        code,
        "'maxBytes' must be a whole number");
    refused(
        admin("PUT", POLICY, "{\"enabled\":true,\"maxBytes\":1.5}"),
        400,
        code,
        "'maxBytes' must be a whole number");
    refused(
        admin("PUT", POLICY, "{\"enabled\":true,\"redact\":\"x\"}"), 400, code, "must be an array");
    refused(
        admin("PUT", POLICY, "{\"enabled\":true,\"redact\":[1]}"), 400, code, "must hold strings");
    refused(
        admin("PUT", POLICY, "{\"enabled\":true,\"headers\":true}"),
        400,
        code,
        "Unknown field 'headers'");
    refused(
        admin("PUT", POLICY, "{\"enabled\":true,\"maxBytes\":2000000}"),
        400,
        code,
        "maxBytes must be 1..1048576");
    refused(
        admin("PUT", POLICY, "{\"enabled\":true,\"maxBytes\":99999999999}"),
        400,
        code,
        "'maxBytes' must be a whole number");
    refused(
        admin("PUT", POLICY, "{\"enabled\":true,\"retentionDays\":0}"),
        400,
        code,
        "retentionDays must be 1..3650");
    refused(
        admin("PUT", POLICY, "{\"enabled\":true,\"retentionDays\":3651}"),
        400,
        code,
        "retentionDays must be 1..3650");
    refused(
        admin("PUT", POLICY, "{\"enabled\":true,\"redact\":[\"(\"]}"),
        400,
        code,
        "not a valid regular expression");
    String many = "[" + "\"a\",".repeat(32) + "\"a\"]";
    refused(
        admin("PUT", POLICY, "{\"enabled\":true,\"redact\":" + many + "}"),
        400,
        code,
        "at most 32");
    var kept = admin("GET", POLICY, null);
    assertThat(kept.status()).isEqualTo(200);
    assertThat(kept.json().path("maxBytes").asInt()).isEqualTo(777);
    assertThat(kept.json().path("redact").get(0).asText()).isEqualTo("x+");
  }

  @Test
  void refusesUnknownResourcesAndAnotherResourcesDeployment() {
    String body = "{\"enabled\":true}";
    refused(
        admin("PUT", "/lazurite/capture/accounts/nowhere/deployments/gpt-4o", body),
        404,
        "ResourceNotFound",
        "nowhere");
    refused(
        admin("PUT", "/lazurite/capture/accounts/lazurite/deployments/missing", body),
        404,
        "DeploymentNotFound",
        "missing");
    // "elsewhere" is a deployment of another resource, not of this one.
    refused(
        admin("PUT", "/lazurite/capture/accounts/lazurite/deployments/elsewhere", body),
        404,
        "DeploymentNotFound",
        "elsewhere");
    refused(
        admin("GET", "/lazurite/capture/accounts/lazurite/deployments/elsewhere", null),
        404,
        "DeploymentNotFound",
        "elsewhere");
    refused(
        admin("DELETE", "/lazurite/capture/accounts/lazurite/deployments/elsewhere", null),
        404,
        "DeploymentNotFound",
        "elsewhere");
    var other = admin("GET", "/lazurite/capture/accounts/routes-other/deployments/elsewhere", null);
    assertThat(other.status()).isEqualTo(200);
    assertThat(other.json().path("enabled").asBoolean()).isFalse();
  }

  @Test
  void refusesCallersWithoutTheAdminCredential() {
    var none = new TestingHttp(server.endpoint(), "").send("PUT", POLICY, "{\"enabled\":true}");
    refused(none, 401, "AuthenticationFailed", "admin credential");
    var wrong =
        new TestingHttp(server.endpoint(), "")
            .send("GET", "/lazurite/audit/captures", null, "Authorization", "Bearer nope");
    refused(wrong, 401, "AuthenticationFailed", "admin credential");
    var key =
        new TestingHttp(server.endpoint(), "")
            .send("GET", "/lazurite/audit/captures", null, "api-key", server.key());
    refused(key, 401, "AuthenticationFailed", "admin credential");
    assertThat(key.body()).doesNotContain(server.server().adminToken());
  }

  @Test
  void refusesBadListQueries() {
    String code = "InvalidRequestContent";
    refused(admin("GET", "/lazurite/audit/captures?limit=0", null), 400, code, "limit must be");
    refused(admin("GET", "/lazurite/audit/captures?limit=x", null), 400, code, "limit");
    refused(admin("GET", "/lazurite/audit/captures?limit=10001", null), 400, code, "limit must be");
    refused(admin("GET", "/lazurite/audit/captures?since=yesterday", null), 400, code, "since");
    refused(
        admin("GET", "/lazurite/audit/captures?principal=x", null),
        400,
        code,
        "Unknown query parameter");
    var ok = admin("GET", "/lazurite/audit/captures?since=PT1H&limit=5", null);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().path("value").isArray()).isTrue();
  }

  @Test
  void theCommandLineNamesWhatIsWrong() {
    var missing =
        TestingCli.execute(server, "deployment", "capture", "set", "--deployment-name", "missing");
    assertThat(missing.code()).isNotZero();
    assertThat(missing.err()).contains("DeploymentNotFound");
    var oversize =
        TestingCli.execute(
            server,
            "deployment",
            "capture",
            "set",
            "--deployment-name",
            "gpt-4o",
            "--max-bytes",
            "5000000");
    assertThat(oversize.code()).isNotZero();
    assertThat(oversize.err()).contains("maxBytes must be 1..1048576");
    var typo =
        TestingCli.execute(
            server,
            "deployment",
            "capture",
            "set",
            "--deployment-name",
            "gpt-4o",
            "--max-bytes",
            "lots");
    assertThat(typo.code()).isNotZero();
  }
}
