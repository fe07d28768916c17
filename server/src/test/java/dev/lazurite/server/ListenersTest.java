package dev.lazurite.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.backend.simulator.SimulatorConfig;
import dev.lazurite.testing.TestingServer;
import dev.lazurite.tls.LocalCertificates;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTPS listener, HTTP/2, configured certificates and graceful shutdown. */
class ListenersTest {
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";

  static SSLContext trusting(Path truststore) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(truststore)) {
      trust.load(in, LocalCertificates.TRUSTSTORE_PASSWORD.toCharArray());
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, factory.getTrustManagers(), null);
    return tls;
  }

  static HttpResponse<String> chat(HttpClient client, String endpoint, String key, String body)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(endpoint + CHAT))
            .header("api-key", key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesHttp2OverTlsWithTheLocalCaAsTheOnlyTrustAnchor() throws Exception {
    try (TestingServer server = TestingServer.start()) {
      var files = new LocalCertificates.Files(server.dataDir().resolve("tls"));
      try (HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_2)
              .sslContext(trusting(files.truststore()))
              .build()) {
        var response =
            chat(
                client,
                server.httpsEndpoint(),
                server.key(),
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        var stream =
            chat(
                client,
                server.httpsEndpoint(),
                server.key(),
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":true}");
        assertThat(stream.body()).endsWith("data: [DONE]\n\n");
      }
      assertThat(Files.readString(files.caKey())).contains("PRIVATE KEY");
      assertThat(Files.getPosixFilePermissions(files.caKey()).toString())
          .isEqualTo("[OWNER_READ, OWNER_WRITE]");
    }
  }

  @Test
  void servesAConfiguredPemCertificate(@TempDir Path dir) throws Exception {
    // A certificate made by another local CA stands in for one from the organisation's own CA.
    LocalCertificates.localIdentity(dir.resolve("own-ca"), List.of("api.example.test"));
    var own = new LocalCertificates.Files(dir.resolve("own-ca"));
    Path chain = dir.resolve("chain.pem");
    Files.writeString(chain, Files.readString(own.serverCert()) + Files.readString(own.caCert()));
    try (TestingServer server =
            TestingServer.start(
                c ->
                    c.toBuilder()
                        .tlsCert(Optional.of(chain))
                        .tlsKey(Optional.of(own.serverKey()))
                        .build());
        HttpClient client =
            HttpClient.newBuilder().sslContext(trusting(own.truststore())).build()) {
      var response =
          chat(
              client,
              server.httpsEndpoint(),
              server.key(),
              "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(server.server().caCertFile()).isEmpty();
      assertThat(Files.exists(server.dataDir().resolve("tls"))).isFalse();
    }
  }

  @Test
  void letsInFlightStreamsFinishOnShutdown() throws Exception {
    TestingServer server =
        TestingServer.start(
            c ->
                c.withSimulator(new SimulatorConfig(Duration.ZERO, Duration.ofMillis(25), 60, 60)));
    try (HttpClient client = HttpClient.newHttpClient()) {
      CompletableFuture<HttpResponse<String>> inFlight =
          client.sendAsync(
              HttpRequest.newBuilder(URI.create(server.endpoint() + CHAT))
                  .header("api-key", server.key())
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":40,\"stream\":true}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Thread.sleep(300);
      server.close();
      HttpResponse<String> response = inFlight.get();
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).endsWith("data: [DONE]\n\n");
      // The role chunk, then all 40 tokens: the stream was not cut short by the shutdown.
      assertThat(response.body().split("\"content\":").length - 1).isEqualTo(41);
      assertThat(response.body()).contains("\"finish_reason\":\"length\"");
    }
  }
}
