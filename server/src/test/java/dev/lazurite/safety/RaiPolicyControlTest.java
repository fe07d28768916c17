package dev.lazurite.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Content filter policies and blocklists through the command line and the ARM routes. */
class RaiPolicyControlTest {
  static TestingServer server;
  static String account;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    account =
        "/subscriptions/"
            + server.server().subscriptionId()
            + "/resourceGroups/lazurite/providers/Microsoft.CognitiveServices/accounts/lazurite";
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TestingHttp.Result arm(String method, String path, String body) {
    return server
        .http()
        .send(
            method,
            account + path + "?api-version=2024-10-01",
            body,
            "Authorization",
            "Bearer " + server.server().adminToken());
  }

  @Test
  void policiesBlocklistsAndDeploymentsFitTogether() {
    JsonNode builtIns = TestingCli.run(server, "rai-policy", "list");
    assertThat(builtIns)
        .extracting(p -> p.path("name").asText())
        .contains("Microsoft.Default", "Microsoft.DefaultV2");
    assertThat(builtIns.get(0).path("properties").path("type").asText()).isEqualTo("SystemManaged");

    TestingCli.run(
        server, "rai-blocklist", "create", "--name", "banned", "--description", "words we refuse");
    TestingCli.run(
        server,
        "rai-blocklist",
        "add-item",
        "--name",
        "banned",
        "--item",
        "codename",
        "--pattern",
        "Project Falcon");
    JsonNode regex =
        TestingCli.run(
            server,
            "rai-blocklist",
            "add-item",
            "--name",
            "banned",
            "--item",
            "cards",
            "--pattern",
            "\\b\\d{4}-\\d{4}-\\d{4}-\\d{4}\\b",
            "--regex");
    assertThat(regex.path("properties").path("isRegex").asBoolean()).isTrue();
    assertThat(TestingCli.run(server, "rai-blocklist", "list", "--name", "banned")).hasSize(2);
    assertThat(
            TestingCli.run(server, "rai-blocklist", "list")
                .get(0)
                .path("properties")
                .path("description")
                .asText())
        .isEqualTo("words we refuse");

    JsonNode created =
        TestingCli.run(
            server,
            "rai-policy",
            "create",
            "--name",
            "strict",
            "--mode",
            "Asynchronous_filter",
            "--filter",
            "violence,prompt,low,block",
            "--filter",
            "indirect_attack,prompt,-,annotate",
            "--blocklist",
            "banned,prompt,block");
    JsonNode props = created.path("properties");
    assertThat(props.path("type").asText()).isEqualTo("UserManaged");
    assertThat(props.path("mode").asText()).isEqualTo("Asynchronous_filter");
    assertThat(props.path("basePolicyName").asText()).isEqualTo("Microsoft.DefaultV2");
    assertThat(props.path("contentFilters").toString())
        .contains(
            "{\"name\":\"Violence\",\"enabled\":true,\"blocking\":true,\"severityThreshold\":\"Low\",\"source\":\"Prompt\"}")
        .contains(
            "{\"name\":\"Indirect Attack\",\"enabled\":true,\"blocking\":false,\"source\":\"Prompt\"}")
        .contains("\"name\":\"Protected Material Text\"");
    assertThat(props.path("customBlocklists").get(0).path("blocklistName").asText())
        .isEqualTo("banned");

    JsonNode updated =
        TestingCli.run(
            server,
            "rai-policy",
            "update",
            "--name",
            "strict",
            "--filter",
            "violence,prompt,high,block");
    assertThat(updated.path("properties").path("contentFilters").toString())
        .contains("\"severityThreshold\":\"High\",\"source\":\"Prompt\"");
    assertThat(
            TestingCli.run(server, "rai-policy", "show", "--name", "strict")
                .path("properties")
                .path("mode")
                .asText())
        .isEqualTo("Asynchronous_filter");

    JsonNode deployment =
        TestingCli.run(
            server,
            "deployment",
            "update",
            "--deployment-name",
            "gpt-4o",
            "--rai-policy",
            "strict");
    assertThat(deployment.path("properties").path("raiPolicyName").asText()).isEqualTo("strict");
    assertThat(deployment.path("properties").path("model").path("name").asText())
        .isEqualTo("gpt-4o");

    var inUse = arm("DELETE", "/raiPolicies/strict", null);
    assertThat(inUse.status()).isEqualTo(409);
    assertThat(inUse.body()).contains("gpt-4o");
    assertThat(arm("DELETE", "/raiBlocklists/banned", null).status()).isEqualTo(409);
    TestingCli.run(
        server,
        "deployment",
        "update",
        "--deployment-name",
        "gpt-4o",
        "--rai-policy",
        "Microsoft.DefaultV2");
    TestingCli.run(server, "rai-policy", "delete", "--name", "strict");
    assertThat(arm("GET", "/raiPolicies/strict", null).status()).isEqualTo(404);
    assertThat(arm("DELETE", "/raiBlocklists/banned/raiBlocklistItems/codename", null).status())
        .isEqualTo(200);
    assertThat(arm("DELETE", "/raiBlocklists/banned", null).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/raiPolicies/p1|{\"properties\": {\"contentFilters\": [{\"name\": \"gore\", \"source\": \"Prompt\"}]}}|Unknown content filter 'gore'",
        "/raiPolicies/p1|{\"properties\": {\"contentFilters\": [{\"name\": \"Hate\", \"severityThreshold\": \"Extreme\", \"source\": \"Prompt\"}]}}|Unknown severityThreshold",
        "/raiPolicies/p1|{\"properties\": {\"contentFilters\": [{\"name\": \"Hate\", \"source\": \"Output\"}]}}|source",
        "/raiPolicies/p1|{\"properties\": {\"contentFilters\": [{\"name\": \"Jailbreak\", \"source\": \"Completion\"}]}}|prompt only",
        "/raiPolicies/p1|{\"properties\": {\"contentFilters\": [{\"name\": \"Hate\", \"blocking\": \"yes\", \"source\": \"Prompt\"}]}}|true or false",
        "/raiPolicies/p1|{\"properties\": {\"mode\": \"Lazy\"}}|Unknown mode",
        "/raiPolicies/p1|{\"properties\": {\"customBlocklists\": [{\"blocklistName\": \"nope\", \"source\": \"Prompt\"}]}}|does not exist",
        "/raiPolicies/p1|{\"properties\": {\"contentFilters\": {}}}|must be an array",
        "/raiPolicies/p1|{}|must have 'properties'",
        "/raiPolicies/p1|{not json|could not be deserialized",
        "/raiPolicies/Microsoft.DefaultV2|{\"properties\": {}}|cannot be changed",
        "/raiPolicies/bad name|{\"properties\": {}}|invalid",
        "/raiBlocklists/b1/raiBlocklistItems/i1|{\"properties\": {\"pattern\": \"x\"}}|was not found",
      })
  void badPoliciesAndItemsAreRefused(String path, String body, String message) {
    var answer = arm("PUT", path.replace(" ", "%20"), body);
    assertThat(answer.status()).as(answer.body()).isIn(400, 404);
    assertThat(answer.json().path("error").path("message").asText()).contains(message);
    assertThat(arm("GET", "/raiPolicies/p1", null).status()).isEqualTo(404);
  }

  @Test
  void badItemsAndUnknownPoliciesOnDeploymentsAreRefused() {
    assertThat(arm("PUT", "/raiBlocklists/b2", "{\"properties\": {}}").status()).isEqualTo(201);
    var regex =
        arm(
            "PUT",
            "/raiBlocklists/b2/raiBlocklistItems/i1",
            "{\"properties\": {\"pattern\": \"([a-z\", \"isRegex\": true}}");
    assertThat(regex.status()).isEqualTo(400);
    assertThat(regex.body()).contains("not a valid regular expression");
    assertThat(
            arm(
                    "PUT",
                    "/raiBlocklists/b2/raiBlocklistItems/i1",
                    "{\"properties\": {\"pattern\": \"\"}}")
                .status())
        .isEqualTo(400);
    var deployment =
        arm("PATCH", "/deployments/gpt-4o", "{\"properties\": {\"raiPolicyName\": \"missing\"}}");
    assertThat(deployment.status()).isEqualTo(400);
    assertThat(deployment.body()).contains("The RAI policy 'missing' does not exist");
    var batch =
        server
            .http()
            .send(
                "POST",
                account + "/raiBlocklists/b2/addRaiBlocklistItems?api-version=2024-10-01",
                "[{\"name\": \"a\", \"properties\": {\"pattern\": \"alpha\"}}, {\"name\": \"b\", \"properties\": {\"pattern\": \"beta\", \"isRegex\": true}}]",
                "Authorization",
                "Bearer " + server.server().adminToken());
    assertThat(batch.status()).isEqualTo(200);
    assertThat(arm("GET", "/raiBlocklists/b2/raiBlocklistItems", null).json().path("value"))
        .hasSize(2);
  }
}
