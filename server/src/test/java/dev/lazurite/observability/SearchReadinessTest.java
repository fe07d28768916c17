package dev.lazurite.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.Test;

/** {@code /readyz} checks the search service: its services readable, its index store open. */
class SearchReadinessTest {
  @Test
  void readinessNamesSearchAndFailsWhenTheIndexStoreIsClosed() {
    try (TestingServer server = TestingServer.start()) {
      TestingCli.run(server, "search", "create", "--name", "kb");
      var ready = server.http().send("GET", "/readyz", null);
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.json().at("/checks/search").asText()).isEqualTo("ok");
      assertThat(ready.json().at("/checks/store").asText()).isEqualTo("ok");

      server.server().searchServices().close();
      var closed = server.http().send("GET", "/readyz", null);
      assertThat(closed.status()).isEqualTo(503);
      assertThat(closed.json().path("status").asText()).isEqualTo("not ready");
      assertThat(closed.json().at("/checks/search").asText()).isEqualTo("unreachable");
      assertThat(closed.json().at("/checks/store").asText()).isEqualTo("ok");
    }
  }
}
