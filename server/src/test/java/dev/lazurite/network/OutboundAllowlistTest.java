package dev.lazurite.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Outbound connections go only where the allowlist says; anything else is never contacted. */
class OutboundAllowlistTest {
  static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

  @Test
  void aBackendOutsideTheAllowlistIsNeverConnectedTo() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      trap.setSoTimeout(100);
      Thread listener =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (!trap.isClosed()) {
                      try (Socket ignored = trap.accept()) {
                        connections.incrementAndGet();
                      } catch (SocketTimeoutException e) {
                        // keep listening
                      } catch (Exception e) {
                        return;
                      }
                    }
                  });
      var environment =
          Map.of(
              "LAZURITE_OUTBOUND_ALLOW",
              "api.example.test,*.openai.azure.com",
              "LAZURITE_OUTBOUND_ALLOW_ADMINISTERED",
              "false");
      try (TestingServer server = TestingServer.start(c -> c, environment::get)) {
        server.deployUpstream(
            "outside", "gpt-4o", "http://127.0.0.1:" + trap.getLocalPort() + "/v1", "gpt-4o", "");
        String path = "/openai/deployments/outside/chat/completions?api-version=2024-10-21";
        var refused = server.http().post(path, HELLO);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
            .isEqualTo(
                "{\"error\":{\"code\":\"OutboundDestinationNotAllowed\",\"message\":\"The destination '127.0.0.1:"
                    + trap.getLocalPort()
                    + "' is not on this server's outbound allowlist; it was not contacted.\"}}");
        assertThat(server.http().post(path, HELLO.replace("}]}", "}],\"stream\":true}")).status())
            .isEqualTo(400);
        Thread.sleep(300);
        assertThat(connections.get()).isZero();
      }
      trap.close();
      listener.join();
    }
  }

  @Test
  void listedAndAdministeredDestinationsAreReached() {
    try (TestingServer upstream = TestingServer.start()) {
      int port = java.net.URI.create(upstream.endpoint()).getPort();
      var listed =
          Map.of(
              "LAZURITE_OUTBOUND_ALLOW",
              "127.0.0.1:" + port,
              "LAZURITE_OUTBOUND_ALLOW_ADMINISTERED",
              "false",
              "KEY",
              upstream.key());
      try (TestingServer gateway = TestingServer.start(c -> c, listed::get)) {
        gateway.deployUpstream(
            "inside", "gpt-4o", upstream.endpoint() + "/openai/v1", "gpt-4o", "KEY");
        assertThat(
                gateway
                    .http()
                    .post(
                        "/openai/deployments/inside/chat/completions?api-version=2024-10-21", HELLO)
                    .status())
            .isEqualTo(200);
      }
      try (TestingServer gateway =
          TestingServer.start(c -> c, Map.of("KEY", upstream.key())::get)) {
        gateway.deployUpstream(
            "administered", "gpt-4o", upstream.endpoint() + "/openai/v1", "gpt-4o", "KEY");
        assertThat(
                gateway
                    .http()
                    .post(
                        "/openai/deployments/administered/chat/completions?api-version=2024-10-21",
                        HELLO)
                    .status())
            .as("by default an administrator's backend is allowed")
            .isEqualTo(200);
      }
    }
  }

  @Test
  void matchesHostsPortsAndWildcards() {
    var policy =
        new OutboundPolicy(
            java.util.List.of("api.example.test", "10.0.0.5:8000", "*.openai.azure.com"), false);
    policy.check(java.net.URI.create("https://api.example.test/v1"));
    policy.check(java.net.URI.create("http://10.0.0.5:8000/v1"));
    policy.check(java.net.URI.create("https://res.openai.azure.com/openai"));
    for (String refused :
        new String[] {
          "http://10.0.0.5:8001/v1",
          "https://openai.azure.com.evil.test/",
          "https://api.example.test.evil/",
          "http://169.254.169.254/metadata"
        }) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> policy.check(java.net.URI.create(refused)))
          .hasMessageContaining("not on this server's outbound allowlist");
    }
  }
}
