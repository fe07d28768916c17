package dev.lazurite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** az's flags with az's meaning, --query and -o, and az's words for command-line mistakes. */
class AzFlagsTest {
  static TestingServer server;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TestingCli.Result run(String... args) {
    return TestingCli.execute(server, args);
  }

  static JsonNode ok(String... args) {
    return TestingCli.run(server, args);
  }

  @Test
  void accountCommandsTakeTheResourceAsName() {
    assertThat(ok("account", "show", "--name", "lazurite").get("name").asText())
        .isEqualTo("lazurite");
    assertThat(ok("account", "show", "-n", "lazurite", "-g", "lazurite").get("name").asText())
        .isEqualTo("lazurite");
    JsonNode updated =
        ok("account", "update", "--name", "lazurite", "--disable-local-auth", "false");
    assertThat(updated.at("/properties/disableLocalAuth").asBoolean()).isFalse();
    assertThat(ok("account", "keys", "list", "--name", "lazurite").get("key1").asText())
        .isEqualTo(server.key());
  }

  @Test
  void managesIpRulesAsAzNetworkRuleDoes() {
    JsonNode added =
        ok("account", "network-rule", "add", "-n", "lazurite", "--ip-address", "203.0.113.0/24");
    assertThat(added.at("/properties/networkAcls/ipRules").findValuesAsText("value"))
        .contains("203.0.113.0/24");
    var listed =
        run("account", "network-rule", "list", "-n", "lazurite", "--query", "ipRules[].value");
    assertThat(listed.out()).contains("203.0.113.0/24");
    JsonNode removed =
        ok("account", "network-rule", "remove", "-n", "lazurite", "--ip-address", "203.0.113.0/24");
    assertThat(removed.at("/properties/networkAcls/ipRules").findValuesAsText("value"))
        .doesNotContain("203.0.113.0/24");
  }

  @Test
  void todaysSpellingsStayAsAliases() {
    assertThat(ok("account", "show", "--account-name", "lazurite").get("name").asText())
        .isEqualTo("lazurite");
    assertThat(ok("keys", "list", "--account", "lazurite").get("key1").asText())
        .isEqualTo(server.key());
    assertThat(ok("account", "show", "--name", "lazurite", "--account", "lazurite")).isNotNull();
  }

  @Test
  void deploymentCommandsTakeTheResourceAsNameAndTheDeploymentAsDeploymentName() {
    JsonNode created =
        ok(
            "deployment",
            "create",
            "-n",
            "lazurite",
            "-g",
            "lazurite",
            "--deployment-name",
            "flags-dep",
            "--model-name",
            "gpt-4o",
            "--sku",
            "Standard",
            "--capacity",
            "5");
    assertThat(created.get("name").asText()).isEqualTo("flags-dep");
    assertThat(created.at("/sku/capacity").asInt()).isEqualTo(5);
    var names = run("deployment", "list", "--name", "lazurite", "--query", "[].name", "-o", "tsv");
    assertThat(names.code()).as(names.err()).isZero();
    assertThat(names.out().lines()).contains("flags-dep", "gpt-4o");
    assertThat(ok("deployment", "delete", "--name", "lazurite", "--deployment-name", "flags-dep"))
        .isNull();
  }

  @Test
  void refusesUnknownFlagsInAzsWords() {
    var unknown = run("account", "show", "--nmae", "lazurite");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("error: unrecognized arguments: --nmae");
    assertThat(unknown.out()).isEmpty();
    var missing = run("deployment", "create", "--model-name", "gpt-4o");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("the following arguments are required: --deployment-name");
  }

  @Test
  void refusesConflictingFlags() {
    var twoAccounts = run("account", "show", "--name", "lazurite", "--account-name", "other");
    assertThat(twoAccounts.code()).isEqualTo(2);
    assertThat(twoAccounts.err()).contains("usage error: --name 'lazurite' and --account-name");
    var twoGroups = run("group", "show", "--name", "a", "-g", "b");
    assertThat(twoGroups.code()).isEqualTo(2);
    assertThat(twoGroups.err()).contains("usage error: --name 'a' and --resource-group 'b'");
    var twoAssignees =
        run(
            "role",
            "assignment",
            "create",
            "--assignee",
            "x",
            "--assignee-object-id",
            "y",
            "--role",
            "Cognitive Services OpenAI User");
    assertThat(twoAssignees.code()).isEqualTo(2);
    assertThat(twoAssignees.err())
        .contains("usage error: --assignee STRING | --assignee-object-id GUID");
  }

  @Test
  void refusesABadQueryOrOutputBeforeCallingTheServer() {
    var badQuery = run("account", "show", "--name", "no-such-account", "--query", "[?");
    assertThat(badQuery.code()).isEqualTo(2);
    assertThat(badQuery.err())
        .contains("error: argument --query: invalid jmespath_type value: '[?'")
        .doesNotContain("ResourceNotFound");
    var badOutput = run("account", "show", "--name", "no-such-account", "-o", "xml");
    assertThat(badOutput.code()).isEqualTo(2);
    assertThat(badOutput.err())
        .contains(
            "argument --output/-o: invalid choice: 'xml' (choose from 'json', 'jsonc', 'none',"
                + " 'table', 'tsv')");
  }

  @Test
  void printsTablesTsvAndNothingAsAsked() {
    var table = run("account", "list", "-o", "table");
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out().lines().findFirst().orElseThrow())
        .contains("Kind")
        .contains("Location")
        .contains("Name");
    assertThat(table.out()).doesNotContain("/subscriptions/");
    var none = run("account", "show", "--name", "lazurite", "-o", "none");
    assertThat(none.code()).isZero();
    assertThat(none.out()).isEmpty();
    var tsv = run("group", "list", "--query", "[?name=='lazurite'].[name, location]", "-o", "tsv");
    assertThat(tsv.out()).isEqualTo("lazurite\teastus\n");
  }

  @Test
  void managesResourceGroups() {
    JsonNode created =
        ok("group", "create", "--name", "cli-rg", "--location", "westus", "--tags", "env=dev", "x");
    assertThat(created.get("type").asText()).isEqualTo("Microsoft.Resources/resourceGroups");
    assertThat(created.at("/tags/env").asText()).isEqualTo("dev");
    assertThat(created.at("/tags/x").asText()).isEmpty();
    assertThat(ok("group", "show", "-g", "cli-rg").get("location").asText()).isEqualTo("westus");
    assertThat(run("group", "exists", "-n", "cli-rg").out().strip()).isEqualTo("true");
    assertThat(ok("group", "list").findValuesAsText("name")).contains("cli-rg", "lazurite");

    var unconfirmed = run("group", "delete", "--name", "cli-rg");
    assertThat(unconfirmed.code()).isEqualTo(1);
    assertThat(unconfirmed.err()).contains("Unable to prompt for confirmation as no tty available");
    assertThat(run("group", "exists", "-n", "cli-rg").out().strip()).isEqualTo("true");

    assertThat(ok("group", "delete", "--name", "cli-rg", "--yes")).isNull();
    assertThat(run("group", "exists", "-n", "cli-rg").out().strip()).isEqualTo("false");
    var gone = run("group", "show", "--name", "cli-rg");
    assertThat(gone.code()).isEqualTo(1);
    assertThat(gone.err()).contains("(ResourceGroupNotFound)");
  }
}
