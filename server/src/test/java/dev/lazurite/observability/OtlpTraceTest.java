package dev.lazurite.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.lazurite.config.ObservabilityConfig;
import dev.lazurite.testing.TestingServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Traces reach an OTLP/HTTP receiver the test runs: the request's span with its GenAI name, a span
 * per stage and per backend attempt, all in the trace the client's {@code traceparent} named.
 */
class OtlpTraceTest {
  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String PARENT_ID = "00f067aa0ba902b7";

  static HttpServer receiver;
  static final List<byte[]> exports = new CopyOnWriteArrayList<>();
  static final List<String> contentTypes = new CopyOnWriteArrayList<>();
  static TestingServer server;
  static TestingServer upstream;

  @BeforeAll
  static void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/v1/traces",
        exchange -> {
          var body = new ByteArrayOutputStream();
          exchange.getRequestBody().transferTo(body);
          exports.add(body.toByteArray());
          contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    URI endpoint = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort());
    upstream =
        TestingServer.start(
            c ->
                c.withObservability(
                    new ObservabilityConfig(false, Optional.of(endpoint), "lazurite-upstream")));
    server =
        TestingServer.start(
            c ->
                c.withObservability(
                    new ObservabilityConfig(true, Optional.of(endpoint), "lazurite-test")),
            java.util.Map.of("UPSTREAM_KEY", upstream.key())::get);
    server.deployUpstream(
        "proxied", "gpt-4o", upstream.endpoint() + "/openai/v1", "gpt-4o", "UPSTREAM_KEY");
  }

  @AfterAll
  static void stop() {
    server.close();
    upstream.close();
    receiver.stop(0);
  }

  @Test
  void exportsTheRequestItsStagesAndItsBackendAttemptInTheCallersTrace() {
    var answer =
        server
            .http()
            .send(
                "POST",
                ObservedRun.CHAT,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Trace me\"}],\"stream\":true}",
                "api-key",
                server.key(),
                "traceparent",
                "00-" + TRACE_ID + "-" + PARENT_ID + "-01");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    server.server().observability().tracing().orElseThrow().flush();
    assertThat(exports).isNotEmpty();
    assertThat(contentTypes).allMatch(t -> t.startsWith("application/x-protobuf"));
    byte[] all = concat();
    String text = new String(all, StandardCharsets.ISO_8859_1);
    // OTLP protobuf carries ids as raw bytes and names as UTF-8 strings.
    assertThat(indexOf(all, HexFormat.of().parseHex(TRACE_ID))).isNotNegative();
    assertThat(indexOf(all, HexFormat.of().parseHex(PARENT_ID))).isNotNegative();
    assertThat(text)
        .contains("chat gpt-4o")
        .contains("gen_ai.operation.name")
        .contains("gen_ai.provider.name")
        .contains("azure.ai.openai")
        .contains("gen_ai.usage.output_tokens")
        .contains("Authentication")
        .contains("Quota")
        .contains("Routing")
        .contains("backend deployment")
        .contains("lazurite-test")
        .doesNotContain(server.key());
  }

  @Test
  void theUpstreamCallCarriesTheTraceOn() {
    String trace = "0af7651916cd43dd8448eb211c80319c";
    var answer =
        server
            .http()
            .send(
                "POST",
                "/openai/deployments/proxied/chat/completions?api-version=2024-10-21",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Pass it on\"}]}",
                "api-key",
                server.key(),
                "traceparent",
                "00-" + trace + "-b7ad6b7169203331-01");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    server.server().observability().tracing().orElseThrow().flush();
    upstream.server().observability().tracing().orElseThrow().flush();
    byte[] id = HexFormat.of().parseHex(trace);
    // The upstream Lazurite's own export names the same trace: the gateway sent traceparent.
    assertThat(exports)
        .anySatisfy(
            export -> {
              assertThat(new String(export, StandardCharsets.ISO_8859_1))
                  .contains("lazurite-upstream");
              assertThat(indexOf(export, id)).isNotNegative();
            });
  }

  private static byte[] concat() {
    var out = new ByteArrayOutputStream();
    exports.forEach(out::writeBytes);
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
