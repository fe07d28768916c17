package dev.lazurite.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.testing.RawHttp;
import dev.lazurite.testing.TestingAccounts;
import dev.lazurite.testing.TestingServer;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** {@code LAZURITE_ENDPOINT_HOST_TEMPLATE}: a host name per resource, resolved by Host header. */
class HostTemplateEndpointTest {
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

  @Test
  void eachResourceHasAHostNameUnderTheTemplatesWildcardCertificate() throws Exception {
    Map<String, String> env =
        Map.of("LAZURITE_ENDPOINT_HOST_TEMPLATE", "{name}.openai.example.internal");
    try (TestingServer server = TestingServer.start(c -> c, env::get)) {
      var accounts = new TestingAccounts(server);
      accounts.create("team-b");
      int port = URI.create(server.httpsEndpoint()).getPort();
      assertThat(accounts.endpoint("team-b"))
          .isEqualTo("https://team-b.openai.example.internal:" + port + "/");
      assertThat(accounts.endpoint("lazurite"))
          .isEqualTo("https://lazurite.openai.example.internal:" + port + "/");
      String key = accounts.key1("team-b");

      var own = send(server, port, "team-b.openai.example.internal:" + port, key);
      assertThat(own.status()).as(own.body()).isEqualTo(200);
      var foreign = send(server, port, "lazurite.openai.example.internal:" + port, key);
      assertThat(foreign.status()).isEqualTo(401);
      assertThat(foreign.body()).contains("wrong API endpoint");
      var unknown = send(server, port, "nobody.openai.example.internal:" + port, key);
      assertThat(unknown.status()).isEqualTo(404);
      var prefixed =
          RawHttp.send(
              "127.0.0.1",
              "127.0.0.1",
              port,
              server.trustingLocalCa(),
              "POST",
              "/accounts/team-b" + CHAT,
              HELLO,
              "api-key",
              key);
      assertThat(prefixed.status()).as("the path form keeps working").isEqualTo(200);

      try (var socket =
          (SSLSocket) server.trustingLocalCa().getSocketFactory().createSocket("127.0.0.1", port)) {
        socket.startHandshake();
        var cert = (X509Certificate) socket.getSession().getPeerCertificates()[0];
        assertThat(cert.getSubjectAlternativeNames())
            .anySatisfy(n -> assertThat(n).isEqualTo(List.of(2, "*.openai.example.internal")));
      }
    }
  }

  @Test
  void aMalformedTemplateStopsTheServerFromStarting() {
    Map<String, String> env = Map.of("LAZURITE_ENDPOINT_HOST_TEMPLATE", "openai.example.internal");
    assertThatThrownBy(() -> TestingServer.start(c -> c, env::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{name}.openai.example.internal");
  }

  static RawHttp.Result send(TestingServer server, int port, String host, String key)
      throws Exception {
    return RawHttp.send(
        "127.0.0.1",
        "127.0.0.1",
        port,
        server.trustingLocalCa(),
        "POST",
        CHAT,
        HELLO,
        "Host",
        host,
        "api-key",
        key);
  }
}
