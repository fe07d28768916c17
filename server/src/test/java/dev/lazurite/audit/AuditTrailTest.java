package dev.lazurite.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.backend.simulator.SimulatorConfig;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.testing.RawHttp;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every data-plane outcome and every control change is audited once, with its principal and network
 * path, and no secret reaches the log.
 */
class AuditTrailTest {
  static final String CHAT = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
  static final String THREAT = "Next time you cross me I will break both of your legs.";
  static final String UPSTREAM_SECRET = "sk-upstream-secret-0123456789";

  static String chat(String deployment) {
    return "/openai/deployments/" + deployment + "/chat/completions?api-version=2024-10-21";
  }

  static String body(String text, boolean stream, int maxTokens) {
    var b = dev.lazurite.json.Json.MAPPER.createObjectNode();
    b.putArray("messages").addObject().put("role", "user").put("content", text);
    // A seed makes the simulator's answer the same every run, so the completion filter's verdict
    // on it is too.
    b.put("stream", stream).put("max_tokens", maxTokens).put("seed", 7);
    return b.toString();
  }

  static int freePort(String address) throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
      return socket.getLocalPort();
    }
  }

  static RawHttp.Result raw(TestingServer server, String source, String... headers)
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
        body("Hi", false, 3),
        all.toArray(String[]::new));
  }

  /** Starts a long stream, reads a few events and leaves; returns the request id. */
  static String abandonStream(TestingServer server) throws Exception {
    URI uri = URI.create(server.endpoint());
    String content = body("Hi", true, 200);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + CHAT
                  + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\napi-key: "
                  + server.key()
                  + "\r\nContent-Length: "
                  + content.length()
                  + "\r\n\r\n"
                  + content)
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      var reader =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String id = "";
      int events = 0;
      for (String line = reader.readLine(); line != null && events < 3; line = reader.readLine()) {
        if (line.toLowerCase(Locale.ROOT).startsWith("apim-request-id:")) {
          id = line.substring(line.indexOf(':') + 1).strip();
        }
        if (line.contains("\"content\"")) {
          events++;
        }
      }
      assertThat(events).isEqualTo(3);
      return id;
    }
  }

  static List<JsonNode> records(TestingServer server) {
    server.server().flushAudit();
    JsonNode all = TestingCli.run(server, "audit", "list", "--limit", "10000");
    List<JsonNode> out = new ArrayList<>();
    all.forEach(out::add);
    return out;
  }

  static List<JsonNode> byRequest(List<JsonNode> records, String requestId) {
    return records.stream()
        .filter(r -> r.path("correlationId").asText().equals(requestId))
        .toList();
  }

  static JsonNode once(List<JsonNode> records, String requestId, String status) {
    List<JsonNode> found = byRequest(records, requestId);
    assertThat(found).as("records of " + requestId).hasSize(1);
    assertThat(found.get(0).path("resultSignature").asText()).isEqualTo(status);
    return found.get(0);
  }

  @Test
  void everyOutcomeIsAuditedOnceWithItsPrincipalAndPath() throws Exception {
    try (TestingServer server =
        TestingServer.start(
            c ->
                c.withSimulator(
                    new SimulatorConfig(Duration.ZERO, Duration.ofMillis(20), 200, 200)),
            Map.of("LAZURITE_TRUSTED_PROXIES", "127.0.0.7", "UPSTREAM_KEY", UPSTREAM_SECRET)
                ::get)) {
      TestingHttp http = server.http();
      var ok = http.post(CHAT, body("Hello", false, 3));
      assertThat(ok.status()).isEqualTo(200);
      var filtered = http.post(CHAT, body(THREAT, false, 3));
      assertThat(filtered.status()).isEqualTo(400);
      var unauthorized =
          new TestingHttp(server.endpoint(), "0123456789abcdef0123456789abcdef")
              .post(CHAT, body("Hello", false, 3));
      assertThat(unauthorized.status()).isEqualTo(401);
      server.deploy(
          new DeploymentRequest("small", "gpt-4o", "", "Standard", 1, "", "", Optional.empty()));
      assertThat(http.post(chat("small"), body("Hello", false, 3)).status()).isEqualTo(200);
      var throttled = http.post(chat("small"), body("Hello", false, 3));
      assertThat(throttled.status()).isEqualTo(429);
      server.deployUpstream(
          "broken", "gpt-4o", "http://127.0.0.1:1/openai/v1", "gpt-4o", "UPSTREAM_KEY");
      var failed = http.post(chat("broken"), body("Hello", false, 3));
      assertThat(failed.status()).isGreaterThanOrEqualTo(500);

      int port = freePort("127.0.0.2");
      TestingCli.run(
          server,
          "private-endpoint",
          "create",
          "--name",
          "pe1",
          "--address",
          "127.0.0.2",
          "--port",
          Integer.toString(port));
      TestingCli.run(
          server,
          "account",
          "update",
          "--default-action",
          "Deny",
          "--ip-rules",
          "127.0.0.1/32,127.0.0.3/32");
      var denied = raw(server, "127.0.0.4");
      assertThat(denied.status()).isEqualTo(403);
      var proxied = raw(server, "127.0.0.7", "X-Forwarded-For", "127.0.0.3");
      assertThat(proxied.status()).isEqualTo(200);
      var privately =
          RawHttp.send(
              "127.0.0.1",
              "127.0.0.2",
              port,
              server.trustingLocalCa(),
              "POST",
              CHAT,
              body("Hi", false, 3),
              "api-key",
              server.key());
      assertThat(privately.status()).as(privately.body()).isEqualTo(200);
      String abandoned = abandonStream(server);

      List<JsonNode> records = records(server);
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (byRequest(records, abandoned).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
        records = records(server);
      }

      JsonNode success = once(records, ok.header("apim-request-id"), "200");
      assertThat(success.path("operationName").asText()).isEqualTo("ChatCompletions_Create");
      assertThat(success.path("identity").asText()).isEqualTo("lazurite/key1");
      assertThat(success.path("deployment").asText()).isEqualTo("gpt-4o");
      assertThat(success.path("callerIpAddress").asText()).isEqualTo("127.0.0.1");
      assertThat(success.path("resourceId").asText())
          .endsWith("/providers/Microsoft.CognitiveServices/accounts/lazurite");
      JsonNode p = success.path("properties");
      assertThat(p.path("principal").path("type").asText()).isEqualTo("key");
      assertThat(p.path("principal").path("keySlot").asText()).isEqualTo("key1");
      assertThat(p.path("networkPath").path("path").asText()).isEqualTo("public");
      assertThat(p.path("contentFilter").path("outcome").asText()).isEqualTo("none");
      assertThat(p.path("completionTokens").asInt()).isPositive();

      JsonNode blocked = once(records, filtered.header("apim-request-id"), "400");
      assertThat(blocked.path("properties").path("contentFilter").path("outcome").asText())
          .isEqualTo("filteredPrompt");
      assertThat(blocked.path("properties").path("contentFilter").path("categories").toString())
          .contains("violence");

      JsonNode anonymous = once(records, unauthorized.header("apim-request-id"), "401");
      assertThat(anonymous.path("identity").asText()).isEmpty();
      assertThat(anonymous.path("properties").path("principal").path("type").asText())
          .isEqualTo("none");

      JsonNode limited = once(records, throttled.header("apim-request-id"), "429");
      assertThat(limited.path("deployment").asText()).isEqualTo("small");
      once(records, failed.header("apim-request-id"), Integer.toString(failed.status()));

      JsonNode firewall = once(records, denied.headers().get("apim-request-id"), "403");
      assertThat(firewall.path("callerIpAddress").asText()).isEqualTo("127.0.0.4");

      JsonNode viaProxy = once(records, proxied.headers().get("apim-request-id"), "200");
      assertThat(viaProxy.path("callerIpAddress").asText()).isEqualTo("127.0.0.3");
      assertThat(viaProxy.path("properties").path("networkPath").path("trustedProxy").asText())
          .isEqualTo("127.0.0.7");

      JsonNode viaEndpoint = once(records, privately.headers().get("apim-request-id"), "200");
      assertThat(viaEndpoint.path("properties").path("networkPath").path("path").asText())
          .isEqualTo("private");
      assertThat(
              viaEndpoint.path("properties").path("networkPath").path("privateEndpoint").asText())
          .isEqualTo("pe1");

      JsonNode left = once(records, abandoned, "499");
      assertThat(left.path("properties").path("streamType").asText()).isEqualTo("Streaming");

      List<JsonNode> deployments =
          records.stream()
              .filter(
                  r ->
                      r.path("resourceId").asText().endsWith("/deployments/small")
                          && r.path("operationName")
                              .asText()
                              .equals("Microsoft.CognitiveServices/accounts/deployments/write"))
              .toList();
      assertThat(deployments).hasSize(1);
      assertThat(deployments.get(0).path("resultSignature").asText()).isEqualTo("Succeeded");
      assertThat(deployments.get(0).path("properties").path("after").path("sku").toString())
          .contains("Standard");
      List<JsonNode> accountUpdates =
          records.stream()
              .filter(
                  r ->
                      r.path("operationName")
                          .asText()
                          .equals("Microsoft.CognitiveServices/accounts/write"))
              .toList();
      assertThat(accountUpdates).hasSize(1);
      JsonNode update = accountUpdates.get(0);
      assertThat(update.path("callerIpAddress").asText()).isEqualTo("127.0.0.1");
      assertThat(update.path("identity").asText()).isNotEmpty();
      assertThat(update.path("properties").path("after").toString()).contains("127.0.0.3");
      assertThat(update.path("properties").path("before").toString()).doesNotContain("127.0.0.3");
      assertThat(
              records.stream()
                  .filter(r -> r.path("resourceId").asText().endsWith("/privateEndpoints/pe1"))
                  .count())
          .isEqualTo(1);

      TestingCli.run(server, "keys", "regenerate", "--key-name", "Key2");
      TestingCli.run(server, "identity", "sp", "create", "--name", "auditor");
      server.server().flushAudit();
      String exported = TestingCli.execute(server, "audit", "export").out();
      String file;
      try (var files = Files.list(server.dataDir().resolve("audit"))) {
        file = Files.readString(files.findFirst().orElseThrow());
      }
      assertThat(exported).contains("ChatCompletions_Create").contains("servicePrincipals");
      var keys = server.server().defaultKeys();
      for (String text : List.of(exported, file)) {
        assertThat(text)
            .doesNotContain(server.key())
            .doesNotContain(keys.key2())
            .doesNotContain(server.server().adminToken())
            .doesNotContain(UPSTREAM_SECRET)
            .doesNotContain("break both of your legs")
            .doesNotContainIgnoringCase("password");
      }
      assertThat(TestingCli.execute(server, "audit", "verify").code()).isZero();
    }
  }
}
