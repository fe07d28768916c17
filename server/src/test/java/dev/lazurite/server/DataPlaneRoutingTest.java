package dev.lazurite.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.backend.UpstreamSecrets;
import dev.lazurite.batch.BatchService;
import dev.lazurite.batch.BatchStages;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.identity.Audiences;
import dev.lazurite.internal.InternalCalls;
import dev.lazurite.network.ResourceEndpoints;
import dev.lazurite.pipeline.Pipelines;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import io.helidon.webserver.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data plane served alone: its wiring over a SQLite store in a temporary directory, its routes
 * on a bare Helidon server, no listeners, ARM or search routes of a whole server.
 */
class DataPlaneRoutingTest {
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

  static final Deque<AutoCloseable> opened = new ArrayDeque<>();
  static Foundation foundation;
  static WebServer server;
  static String key;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("lazurite-data-plane");
    ServerConfig config = ServerConfig.forTesting(dir);
    Clock clock = Clock.systemUTC();
    foundation = Foundation.start(config, clock, UpstreamSecrets.of(name -> null), opened);
    var addresses = new ServerAddresses(Optional.empty());
    var identity = new IdentityWiring(config, clock, foundation, () -> "");
    var pipelines = new AtomicReference<Pipelines>();
    var internal = new InternalCalls(pipelines::get);
    var search =
        new SearchWiring(
            config,
            clock,
            foundation,
            internal,
            identity.ownTokens(Set.of(Audiences.SEARCH)),
            addresses,
            opened);
    var dataPlane =
        new DataPlaneWiring(
            DataPlaneWiring.Parts.of(
                config,
                clock,
                foundation,
                identity,
                search,
                internal,
                TestingServer.shippedClassifier(),
                BatchStages.of(
                    new BatchService(
                        foundation.store().batches(), foundation.files(), clock, () -> {})),
                dev.lazurite.pipeline.PipelineListener.NONE,
                java.util.List.of()));
    pipelines.set(dataPlane.pipelines());
    server = WebServer.builder().host("127.0.0.1").port(0).routing(dataPlane::routing).build();
    server.start();
    var control = foundation.control();
    key =
        control
            .keys(
                control.account(
                    foundation.subscription(),
                    Bootstrap.DEFAULT_RESOURCE_GROUP,
                    Bootstrap.DEFAULT_ACCOUNT))
            .key1();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
    for (AutoCloseable part : opened) {
      part.close();
    }
  }

  static TestingHttp http() {
    return new TestingHttp("http://127.0.0.1:" + server.port(), key);
  }

  @Test
  void answersAChatCompletionAtTheBareRoot() {
    var result = http().post(CHAT, HELLO);
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.json().path("object").asText()).isEqualTo("chat.completion");
    assertThat(result.json().path("choices").size()).isEqualTo(1);
    assertThat(result.header("apim-request-id")).isNotBlank();
  }

  @Test
  void answersAtTheResourcesOwnEndpointPath() {
    var result =
        http()
            .post(
                "/" + ResourceEndpoints.PATH_PREFIX + "/" + Bootstrap.DEFAULT_ACCOUNT + CHAT,
                HELLO);
    assertThat(result.status()).isEqualTo(200);
  }

  @Test
  void recordsUsageInTheStore() {
    assertThat(http().post(CHAT, HELLO).status()).isEqualTo(200);
    foundation.usage().flush();
    assertThat(foundation.store().summarize(Bootstrap.DEFAULT_ACCOUNT, Instant.EPOCH))
        .anySatisfy(summary -> assertThat(summary.deployment()).isEqualTo("gpt-4o"));
  }

  @Test
  void refusesAWrongKeyWithAzures401() {
    var result = http().send("POST", CHAT, HELLO, "api-key", "0123456789abcdef0123456789abcdef");
    assertThat(result.status()).isEqualTo(401);
    assertThat(result.json().path("error").path("code").asText()).isEqualTo("401");
  }

  @Test
  void refusesMalformedJsonWith400() {
    var result = http().post(CHAT, "{\"messages\": [");
    assertThat(result.status()).isEqualTo(400);
  }

  @Test
  void refusesAnotherResourcesPathWith404() {
    var result =
        http().post("/" + ResourceEndpoints.PATH_PREFIX + "/no-such-account" + CHAT, HELLO);
    assertThat(result.status()).isEqualTo(404);
  }

  @Test
  void servesNoOtherCapability() {
    assertThat(http().send("GET", "/subscriptions?api-version=2022-12-01", null).status())
        .isEqualTo(404);
    assertThat(http().send("GET", "/healthz", null).status()).isEqualTo(404);
  }
}
