package dev.lazurite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code account list-deleted}, {@code purge}, {@code list-models} and friends, as az has them. */
class AccountCatalogCommandsTest {
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

  @Test
  void deletedResourcesAreListedShownAndPurged() {
    assertThat(run("account", "create", "--name", "cli-gone", "-l", "westus").code()).isZero();
    assertThat(run("account", "delete", "--account", "cli-gone").code()).isZero();
    TestingCli.Result listed = run("account", "list-deleted");
    assertThat(listed.code()).as(listed.err()).isZero();
    assertThat(listed.json().findValuesAsText("name")).contains("cli-gone");
    TestingCli.Result shown =
        run("account", "show-deleted", "-n", "cli-gone", "-l", "westus", "-g", "lazurite");
    assertThat(shown.code()).as(shown.err()).isZero();
    assertThat(shown.json().at("/properties/scheduledPurgeDate").asText()).isNotBlank();

    TestingCli.Result recovered =
        run("account", "recover", "-n", "cli-gone", "-l", "westus", "-g", "lazurite");
    assertThat(recovered.code()).as(recovered.err()).isZero();
    assertThat(recovered.json().get("name").asText()).isEqualTo("cli-gone");
    assertThat(run("account", "list-deleted").json().findValuesAsText("name"))
        .doesNotContain("cli-gone");
    assertThat(run("account", "delete", "--account", "cli-gone").code()).isZero();

    TestingCli.Result wrongPlace =
        run("account", "purge", "-n", "cli-gone", "-l", "eastus", "-g", "lazurite");
    assertThat(wrongPlace.code()).isNotZero();
    assertThat(wrongPlace.err()).contains("ResourceNotFound");
    assertThat(run("account", "purge", "-n", "cli-gone", "-l", "westus", "-g", "lazurite").code())
        .isZero();
    assertThat(run("account", "list-deleted").json().findValuesAsText("name"))
        .doesNotContain("cli-gone");
  }

  @Test
  void modelsSkusKindsAndUsageAreListed() {
    TestingCli.Result models = run("account", "list-models", "-n", "lazurite");
    assertThat(models.code()).as(models.err()).isZero();
    assertThat(models.json().findValuesAsText("name")).contains("gpt-4o", "text-embedding-3-small");

    TestingCli.Result kinds = run("account", "list-kinds");
    assertThat(kinds.code()).as(kinds.err()).isZero();
    assertThat(kinds.json().toString()).isEqualTo("[\"AIServices\",\"OpenAI\"]");

    TestingCli.Result skus =
        run("account", "list-skus", "--kind", "OpenAI", "--location", "SwedenCentral");
    assertThat(skus.code()).as(skus.err()).isZero();
    assertThat(skus.json()).hasSize(1);
    assertThat(skus.json().get(0).get("name").asText()).isEqualTo("S0");
    assertThat(run("account", "list-skus", "--kind", "Face").json()).isEmpty();
    assertThat(run("account", "list-skus", "-n", "lazurite").json().at("/0/sku/name").asText())
        .isEqualTo("S0");

    TestingCli.Result usage = run("account", "list-usage", "-n", "lazurite");
    assertThat(usage.code()).as(usage.err()).isZero();
    assertThat(usage.json().findValuesAsText("unit")).isNotEmpty();

    TestingCli.Result unknown = run("account", "list-models", "-n", "nope");
    assertThat(unknown.code()).isNotZero();
    assertThat(unknown.err()).contains("ResourceNotFound");
  }
}
