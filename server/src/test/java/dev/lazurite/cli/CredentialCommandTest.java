package dev.lazurite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code identity sp credential reset | list | delete}, with az's flags and meaning. */
class CredentialCommandTest {
  static TestingServer server;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static boolean signsIn(String appId, String password) {
    return server.server().identities().authenticate(appId, password).isPresent();
  }

  @Test
  void resetAppendsOrReplacesAndDeleteRevokesOneSecret() {
    JsonNode sp = TestingCli.run(server, "identity", "sp", "create", "--name", "rotating-app");
    String appId = sp.get("appId").asText();
    String first = sp.get("password").asText();

    JsonNode appended =
        TestingCli.run(server, "identity", "sp", "credential", "reset", "--id", appId, "--append");
    assertThat(appended.get("tenant").asText()).isNotBlank();
    String second = appended.get("password").asText();
    assertThat(TestingCli.run(server, "identity", "sp", "credential", "list", "--id", appId))
        .hasSize(2);
    assertThat(signsIn(appId, first)).isTrue();
    assertThat(signsIn(appId, second)).isTrue();

    JsonNode replaced =
        TestingCli.run(server, "identity", "sp", "credential", "reset", "--id", appId);
    String third = replaced.get("password").asText();
    assertThat(TestingCli.run(server, "identity", "sp", "credential", "list", "--id", appId))
        .hasSize(1);
    assertThat(signsIn(appId, first)).as("replaced").isFalse();
    assertThat(signsIn(appId, second)).as("replaced").isFalse();
    assertThat(signsIn(appId, third)).isTrue();

    var unknown =
        TestingCli.execute(
            server, "identity", "sp", "credential", "delete", "--id", appId, "--key-id", "nope");
    assertThat(unknown.code()).isNotZero();
    assertThat(signsIn(appId, third)).as("a refused delete keeps the secret").isTrue();

    TestingCli.run(
        server,
        "identity",
        "sp",
        "credential",
        "delete",
        "--id",
        appId,
        "--key-id",
        replaced.get("keyId").asText());
    assertThat(signsIn(appId, third)).isFalse();
    assertThat(TestingCli.run(server, "identity", "sp", "credential", "list", "--id", appId))
        .isEmpty();
  }
}
