package dev.lazurite.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pools of simulator backends with injected faults, made with the command line: no client sees an
 * error while an eligible backend is healthy, and Standard deployments never leave their region.
 */
class FailoverTest {
  static TestingServer server;
  static final String HELLO =
      "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":5}";

  static void backend(String name, String region, int priority, String... faults) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "backend",
                "create",
                "--name",
                name,
                "--region",
                region,
                "--priority",
                Integer.toString(priority)));
    args.addAll(List.of(faults));
    TestingCli.run(server, args.toArray(String[]::new));
  }

  static void deployment(String name, String sku, String backends) {
    TestingCli.run(
        server,
        "deployment",
        "create",
        "--deployment-name",
        name,
        "--model-name",
        "gpt-4o",
        "--sku-name",
        sku,
        "--sku-capacity",
        "100",
        "--backends",
        backends);
  }

  @BeforeAll
  static void start() {
    // Probes would close a resetting backend's breaker (it answers them); keep them out of the way.
    server =
        TestingServer.start(
            c -> c, name -> name.equals("LAZURITE_PROBE_INTERVAL_S") ? "3600" : null);
    backend("west", "westeurope", 0);
    backend("east-down", "eastus", 1, "--fault-500", "1");
    backend("east-throttled", "eastus", 1, "--fault-429", "1");
    backend("east-up", "eastus", 2);
    backend("east-resets", "eastus", 0, "--fault-reset", "1");
    backend("east-hangs", "eastus", 0, "--fault-hang", "1", "--fault-hang-ms", "200");
    deployment("resetting", "Standard", "east-resets,east-up");
    deployment("hanging", "Standard", "east-hangs,east-up");
    deployment("regional", "Standard", "west,east-down,east-up");
    deployment("global", "GlobalStandard", "west,east-down,east-up");
    deployment("throttled", "Standard", "east-throttled,east-up");
    deployment("stranded", "Standard", "west");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String path(String deployment) {
    return "/openai/deployments/" + deployment + "/chat/completions?api-version=2024-10-21";
  }

  @Test
  void aDownBackendIsSkippedAndStandardStaysInItsRegion() {
    for (int i = 0; i < 20; i++) {
      var result = server.http().post(path("regional"), HELLO);
      assertThat(result.status()).isEqualTo(200);
      assertThat(result.header("x-ms-region"))
          .as("Standard never leaves East US")
          .isEqualTo("East US");
    }
  }

  @Test
  void globalDeploymentsUseTheBestBackendAnywhere() {
    var result = server.http().post(path("global"), HELLO);
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.header("x-ms-region")).isEqualTo("West Europe");
  }

  @Test
  void aThrottledBackendHandsOverWithoutTheClientNoticing() {
    for (int i = 0; i < 10; i++) {
      var result = server.http().post(path("throttled"), HELLO);
      assertThat(result.status()).isEqualTo(200);
    }
    var streamed = server.http().post(path("throttled"), HELLO.replace("}]", "}],\"stream\":true"));
    assertThat(streamed.status()).as("a stream fails over before its first byte").isEqualTo(200);
    assertThat(streamed.body()).endsWith("data: [DONE]\n\n");
  }

  @Test
  void aStreamThatResetsEndsWithAnErrorEventAndIsNeverReplayed() {
    String stream =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":20,\"stream\":true}";
    var broken = server.http().post(path("resetting"), stream);
    assertThat(broken.status()).isEqualTo(200);
    var events = broken.events();
    assertThat(events.getLast().at("/error/code").asText()).isEqualTo("BadGateway");
    assertThat(events.subList(0, events.size() - 1))
        .as("what was sent before the reset, once: no second backend's answer follows")
        .hasSizeLessThanOrEqualTo(3)
        .allSatisfy(e -> assertThat(e.has("error")).isFalse());
    assertThat(broken.body()).doesNotContain("[DONE]");
    // Broken streams count against the backend: after enough of them its breaker opens and
    // streams go to the healthy backend from their first byte.
    for (int i = 0; i < 2; i++) {
      server.http().post(path("resetting"), stream);
    }
    var healthy = server.http().post(path("resetting"), stream);
    assertThat(healthy.body()).endsWith("data: [DONE]\n\n");
    assertThat(server.http().post(path("resetting"), HELLO).status()).isEqualTo(200);
  }

  @Test
  void aHangingBackendTimesOutAndTheRequestIsServedByTheNext() {
    var result = server.http().post(path("hanging"), HELLO);
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.header("x-ms-region")).isEqualTo("East US");
  }

  @Test
  void aBackendThatServesADeploymentCannotBeDeleted() {
    var refused =
        server
            .http()
            .send(
                "DELETE",
                "/subscriptions/"
                    + server.server().subscriptionId()
                    + "/resourceGroups/lazurite/providers/Microsoft.CognitiveServices/accounts"
                    + "/lazurite/backends/west?api-version=2024-10-01",
                null,
                "Authorization",
                "Bearer " + server.server().adminToken());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().at("/error/message").asText())
        .startsWith("The backend 'west' serves the deployment");
    assertThat(server.http().post(path("global"), HELLO).header("x-ms-region"))
        .isEqualTo("West Europe");
  }

  @Test
  void withNoEligibleBackendTheDeploymentAnswers503RatherThanLeaveItsRegion() {
    var result = server.http().post(path("stranded"), HELLO);
    assertThat(result.status()).isEqualTo(503);
    assertThat(result.json().at("/error/code").asText()).isEqualTo("ServiceUnavailable");
  }
}
