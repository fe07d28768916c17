package dev.lazurite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.network.HostTemplate;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The addresses clients are given: unknown until the listeners are bound, then fixed. */
class ServerAddressesTest {
  @Test
  void handlersThatPrintAddressesAnswer503UntilBound() throws Exception {
    var addresses = new ServerAddresses(Optional.empty());
    WebServer server =
        WebServer.builder()
            .host("127.0.0.1")
            .port(0)
            .routing(
                r ->
                    r.get(
                        "/where",
                        addresses.whenBound((req, res) -> res.send(addresses.preferred()))))
            .build()
            .start();
    try (HttpClient client = HttpClient.newHttpClient()) {
      var request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/where"))
              .build();
      assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(503);
      addresses.bind(URI.create("http://127.0.0.1:8080"), Optional.empty());
      var answer = client.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("http://127.0.0.1:8080");
    } finally {
      server.stop();
    }
  }

  @Test
  void preferHttpsAndNameEachResourceOnIt() {
    var addresses = new ServerAddresses(Optional.of(HostTemplate.parse("{name}.openai.test")));
    addresses.bind(
        URI.create("http://127.0.0.1:8080"), Optional.of(URI.create("https://localhost:8443")));
    assertThat(addresses.plain()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(addresses.preferred()).isEqualTo("https://localhost:8443");
    assertThat(addresses.resources().of("acct")).isEqualTo("https://acct.openai.test:8443/");
  }

  @Test
  void areUnknownBeforeAndFixedAfterBinding() {
    var addresses = new ServerAddresses(Optional.empty());
    assertThatThrownBy(addresses::plain).isInstanceOf(IllegalStateException.class);
    addresses.bind(URI.create("http://127.0.0.1:8080"), Optional.empty());
    assertThat(addresses.resources().of("acct")).isEqualTo("http://127.0.0.1:8080/accounts/acct/");
    assertThatThrownBy(() -> addresses.bind(URI.create("http://127.0.0.1:9"), Optional.empty()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(addresses.plain()).isEqualTo(URI.create("http://127.0.0.1:8080"));
  }
}
