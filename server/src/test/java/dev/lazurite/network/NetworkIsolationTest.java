package dev.lazurite.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.cli.Main;
import dev.lazurite.testing.RawHttp;
import dev.lazurite.testing.TestingServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Public access, IP rules and private endpoints, with the server listening on 127.0.0.1 (public)
 * and a private endpoint on 127.0.0.2, and clients on other loopback source addresses.
 */
class NetworkIsolationTest {
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  static final String PUBLIC_DISABLED =
      "{\"error\":{\"code\":\"403\",\"message\": \"Public access is disabled. Please configure private endpoint.\"}}";
  static final String FIREWALL =
      "{\"error\":{\"code\":\"403\",\"message\": \"Access denied due to Virtual Network/Firewall rules.\"}}";

  static String cli(TestingServer server, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data-dir");
    all.add(server.dataDir().toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute(all.toArray(String[]::new))).as(err.toString()).isZero();
    return out.toString();
  }

  static int freePort(String address) throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
      return socket.getLocalPort();
    }
  }

  static RawHttp.Result publicChat(TestingServer server, String source, String... headers)
      throws Exception {
    URI uri = URI.create(server.endpoint());
    List<String> all = new ArrayList<>(List.of("api-key", server.key()));
    all.addAll(List.of(headers));
    return RawHttp.send(
        source,
        uri.getHost(),
        uri.getPort(),
        null,
        "POST",
        CHAT,
        HELLO,
        all.toArray(String[]::new));
  }

  @Test
  void publicAccessDisabledLeavesOnlyThePrivateEndpoint() throws Exception {
    try (TestingServer server = TestingServer.start()) {
      int port = freePort("127.0.0.2");
      cli(
          server,
          "private-endpoint",
          "create",
          "--name",
          "pe1",
          "--address",
          "127.0.0.2",
          "--port",
          Integer.toString(port));
      cli(server, "account", "update", "--public-network-access", "Disabled");

      var refused = publicChat(server, "127.0.0.1");
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.body()).isEqualTo(PUBLIC_DISABLED);
      assertThat(refused.headers()).containsEntry("policy-id", "ThrowExceptionDueToTrafficDenied");
      var unauthenticated =
          RawHttp.send(
              "127.0.0.1",
              "127.0.0.1",
              URI.create(server.endpoint()).getPort(),
              null,
              "POST",
              CHAT,
              HELLO);
      assertThat(unauthenticated.body())
          .as("network rules come before authentication")
          .isEqualTo(PUBLIC_DISABLED);

      var privately =
          RawHttp.send(
              "127.0.0.1",
              "127.0.0.2",
              port,
              server.trustingLocalCa(),
              "POST",
              CHAT,
              HELLO,
              "api-key",
              server.key());
      assertThat(privately.status()).as(privately.body()).isEqualTo(200);

      String zone = cli(server, "dns", "zone");
      assertThat(zone)
          .contains("$ORIGIN privatelink.openai.azure.com.")
          .contains("lazurite IN A 127.0.0.2");
      assertThat(zone)
          .contains("127.0.0.2 lazurite.privatelink.openai.azure.com lazurite.openai.azure.com");

      cli(server, "private-endpoint", "delete", "--name", "pe1");
      cli(server, "account", "update", "--public-network-access", "Enabled");
      assertThat(publicChat(server, "127.0.0.1").status()).isEqualTo(200);
    }
  }

  @Test
  void ipRulesAllowAndDenyByCidrAndASpoofedForwardedForChangesNothing() throws Exception {
    try (TestingServer server = TestingServer.start()) {
      cli(
          server,
          "account",
          "update",
          "--default-action",
          "Deny",
          "--ip-rules",
          "127.0.0.3/32,127.0.1.0/24");
      assertThat(publicChat(server, "127.0.0.3").status()).isEqualTo(200);
      assertThat(publicChat(server, "127.0.1.77").status()).isEqualTo(200);
      var denied = publicChat(server, "127.0.0.4");
      assertThat(denied.status()).isEqualTo(403);
      assertThat(denied.body()).isEqualTo(FIREWALL);
      assertThat(denied.body().length()).isEqualTo(90);
      assertThat(publicChat(server, "127.0.0.4", "X-Forwarded-For", "127.0.0.3").status())
          .isEqualTo(403);
      assertThat(publicChat(server, "127.0.0.4", "Forwarded", "for=127.0.0.3").status())
          .isEqualTo(403);
    }
  }

  @Test
  void aTrustedProxyMayNameTheClient() throws Exception {
    try (TestingServer server =
        TestingServer.start(c -> c, Map.of("LAZURITE_TRUSTED_PROXIES", "127.0.0.7")::get)) {
      cli(server, "account", "update", "--default-action", "Deny", "--ip-rules", "127.0.0.3");
      assertThat(publicChat(server, "127.0.0.7", "X-Forwarded-For", "127.0.0.3").status())
          .isEqualTo(200);
      assertThat(publicChat(server, "127.0.0.7", "X-Forwarded-For", "127.0.0.9").status())
          .isEqualTo(403);
      assertThat(publicChat(server, "127.0.0.8", "X-Forwarded-For", "127.0.0.3").status())
          .isEqualTo(403);
    }
  }

  @Test
  void aPrivateEndpointsSourceRangeIsItsVirtualNetwork() throws Exception {
    try (TestingServer server = TestingServer.start()) {
      int port = freePort("127.0.0.2");
      cli(
          server,
          "private-endpoint",
          "create",
          "--name",
          "vnet",
          "--address",
          "127.0.0.2",
          "--port",
          Integer.toString(port),
          "--source",
          "127.0.0.5/32");
      cli(server, "account", "update", "--public-network-access", "Disabled");
      var outside =
          RawHttp.send(
              "127.0.0.6",
              "127.0.0.2",
              port,
              server.trustingLocalCa(),
              "POST",
              CHAT,
              HELLO,
              "api-key",
              server.key());
      assertThat(outside.status()).isEqualTo(403);
      assertThat(outside.body()).isEqualTo(FIREWALL);
      var inside =
          RawHttp.send(
              "127.0.0.5",
              "127.0.0.2",
              port,
              server.trustingLocalCa(),
              "POST",
              CHAT,
              HELLO,
              "api-key",
              server.key());
      assertThat(inside.status()).isEqualTo(200);
    }
  }
}
