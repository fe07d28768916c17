package dev.lazurite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code lazurite identity user …}: passwords come from standard input and are never printed; a
 * user is an assignee by object id or principal name.
 */
class IdentityUsersCliTest {
  private static TestingServer server;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static TestingCli.Result withStdin(String input, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return TestingCli.execute(server, args);
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void createsListsAssignsChangesAndDeletesAUser() {
    String password = "from stdin, not argv 1";
    var created =
        withStdin(
            password + "\n",
            "identity",
            "user",
            "create",
            "--user-principal-name",
            "frank@contoso.example",
            "--display-name",
            "Frank");
    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.out()).doesNotContain(password);
    String oid = created.json().get("objectId").asText();
    assertThat(server.server().identities().users().authenticate("frank@contoso.example", password))
        .isPresent();

    JsonNode listed = TestingCli.run(server, "identity", "user", "list");
    assertThat(listed.toString()).contains("frank@contoso.example").doesNotContain(password);

    JsonNode assignment =
        TestingCli.run(
            server,
            "role",
            "assignment",
            "create",
            "--assignee",
            "frank@contoso.example",
            "--role",
            "Cognitive Services OpenAI User",
            "--scope",
            "/subscriptions/" + server.server().subscriptionId());
    assertThat(assignment.at("/properties/principalId").asText()).isEqualTo(oid);

    var changed =
        withStdin("a new password for frank\r\n", "identity", "user", "set-password", "--id", oid);
    assertThat(changed.code()).as(changed.err()).isZero();
    assertThat(
            server
                .server()
                .identities()
                .users()
                .authenticate("frank@contoso.example", "a new password for frank"))
        .isPresent();

    var tooShort = withStdin("short\n", "identity", "user", "set-password", "--id", oid);
    assertThat(tooShort.code()).isNotZero();
    assertThat(tooShort.err()).contains("12 to 256 characters").doesNotContain("short\n");

    assertThat(TestingCli.execute(server, "identity", "user", "delete", "--id", oid).code())
        .isZero();
    assertThat(TestingCli.run(server, "identity", "user", "list").toString())
        .doesNotContain("frank");
  }
}
