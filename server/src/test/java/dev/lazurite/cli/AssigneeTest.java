package dev.lazurite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code role assignment create --assignee} takes what az takes and stores the object id. */
class AssigneeTest {
  static final String ROLE = "Cognitive Services OpenAI User";
  static TestingServer server;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String assign(String... assignee) {
    String[] args = new String[assignee.length + 5];
    args[0] = "role";
    args[1] = "assignment";
    args[2] = "create";
    System.arraycopy(assignee, 0, args, 3, assignee.length);
    args[assignee.length + 3] = "--role";
    args[assignee.length + 4] = ROLE;
    return TestingCli.run(server, args).at("/properties/principalId").asText();
  }

  @Test
  void resolvesAnAppIdAClientIdAnObjectIdAndADisplayName() {
    JsonNode sp = TestingCli.run(server, "identity", "sp", "create", "--name", "reader-app");
    String objectId = sp.get("objectId").asText();
    assertThat(assign("--assignee", sp.get("appId").asText())).isEqualTo(objectId);
    assertThat(assign("--assignee", objectId)).isEqualTo(objectId);
    assertThat(assign("--assignee", "reader-app")).isEqualTo(objectId);

    JsonNode mi = TestingCli.run(server, "identity", "mi", "create", "--name", "worker-mi");
    assertThat(assign("--assignee", mi.get("clientId").asText()))
        .isEqualTo(mi.get("principalId").asText());

    JsonNode group = TestingCli.run(server, "identity", "group", "create", "--name", "readers");
    assertThat(assign("--assignee", "readers")).isEqualTo(group.get("objectId").asText());

    assertThat(
            assign(
                "--assignee-object-id", objectId, "--assignee-principal-type", "ServicePrincipal"))
        .isEqualTo(objectId);

    JsonNode mine =
        TestingCli.run(
            server, "role", "assignment", "list", "--assignee", sp.get("appId").asText());
    assertThat(mine.findValuesAsText("principalId")).isNotEmpty().allMatch(objectId::equals);
  }

  @Test
  void refusesAnUnknownPrincipalWithAzsMessageAndStoresNothing() {
    int before = TestingCli.run(server, "role", "assignment", "list").size();
    var unknown =
        TestingCli.execute(
            server, "role", "assignment", "create", "--assignee", "nobody", "--role", ROLE);
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err())
        .contains(
            "Cannot find user or service principal in graph database for 'nobody'. If the"
                + " assignee is an appId, make sure the corresponding service principal is created"
                + " with 'az ad sp create --id nobody'.");
    assertThat(TestingCli.run(server, "role", "assignment", "list")).hasSize(before);
  }

  @Test
  void refusesADisplayNameThatNamesTwoDirectoryObjects() {
    TestingCli.run(server, "identity", "sp", "create", "--name", "twin");
    TestingCli.run(server, "identity", "group", "create", "--name", "twin");
    var ambiguous =
        TestingCli.execute(
            server, "role", "assignment", "create", "--assignee", "twin", "--role", ROLE);
    assertThat(ambiguous.code()).isEqualTo(1);
    assertThat(ambiguous.err()).contains("More than one principal has the display name 'twin'");
  }
}
