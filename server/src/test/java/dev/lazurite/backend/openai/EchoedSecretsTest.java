package dev.lazurite.backend.openai;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * An upstream that echoes the credential it received, in error bodies and inside a stream, as some
 * do: the stored key never reaches the client's response or the log.
 */
class EchoedSecretsTest {
  static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  static final String KEY = "sk-stored-" + UUID.randomUUID();
  static final String TOKEN = "eyJ-issued-" + UUID.randomUUID();
  static HttpServer upstream;
  static TestingServer gateway;

  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeAll
  static void start() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext("/", EchoedSecretsTest::echo);
    upstream.start();
    gateway = TestingServer.start();
    String base = "http://127.0.0.1:" + upstream.getAddress().getPort();
    putBackend(
        "err400",
        "{\"kind\":\"openai\",\"url\":\"" + base + "/err400/v1\",\"upstreamModel\":\"m\"");
    putBackend(
        "err401",
        "{\"kind\":\"openai\",\"url\":\"" + base + "/err401/v1\",\"upstreamModel\":\"m\"");
    putBackend(
        "streamerror",
        "{\"kind\":\"openai\",\"url\":\"" + base + "/stream/error/v1\",\"upstreamModel\":\"m\"");
    putBackend(
        "stream",
        "{\"kind\":\"openai\",\"url\":\"" + base + "/stream/v1\",\"upstreamModel\":\"m\"");
    putBackend(
        "azure400", "{\"kind\":\"azure\",\"deployment\":\"d\",\"url\":\"" + base + "/err400\"");
    putBackend(
        "entra400",
        "{\"kind\":\"azure\",\"deployment\":\"d\",\"url\":\""
            + base
            + "/err400\",\"auth\":\"client-credentials\",\"clientId\":\"gateway\",\"tokenUrl\":\""
            + base
            + "/token\"",
        "clientSecret");
  }

  @AfterAll
  static void stop() {
    gateway.close();
    upstream.stop(0);
  }

  @BeforeEach
  void captureLogs() {
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    root.detachAppender(logs);
  }

  /** Answers by the first path segment, repeating the Authorization or api-key header it got. */
  static void echo(HttpExchange exchange) throws IOException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    String credential = auth != null ? auth : exchange.getRequestHeaders().getFirst("api-key");
    exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/token")) {
      respond(
          exchange,
          200,
          "application/json",
          "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
      return;
    }
    if (path.startsWith("/stream/")) {
      String chunk =
          "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
              + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"you sent "
              + credential
              + "\"},\"finish_reason\":null}]}";
      String error = "{\"error\":{\"message\":\"session for " + credential + " expired\"}}";
      String ending = path.startsWith("/stream/error/") ? error : "[DONE]";
      respond(
          exchange, 200, "text/event-stream", "data: " + chunk + "\n\ndata: " + ending + "\n\n");
      return;
    }
    int status = path.startsWith("/err401/") ? 401 : 400;
    respond(
        exchange,
        status,
        "application/json",
        "{\"error\":{\"message\":\"Incorrect API key provided: "
            + credential
            + "\",\"param\":\"key\",\"code\":\"invalid_api_key\"}}");
  }

  static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static void putBackend(String name, String backendWithoutKey) {
    putBackend(name, backendWithoutKey, "apiKey");
  }

  /** A pooled backend whose stored secret ({@code apiKey} or {@code clientSecret}) is KEY. */
  static void putBackend(String name, String backendWithoutKey, String secretField) {
    String backends =
        "/subscriptions/"
            + gateway.server().subscriptionId()
            + "/resourceGroups/lazurite/providers/Microsoft.CognitiveServices/accounts/lazurite"
            + "/backends/";
    var put =
        gateway
            .http()
            .send(
                "PUT",
                backends + name + "?api-version=2024-10-01",
                "{\"properties\":{\"backend\":"
                    + backendWithoutKey
                    + ",\""
                    + secretField
                    + "\":\""
                    + KEY
                    + "\"},\"region\":\"swedencentral\"}}",
                "Authorization",
                "Bearer " + gateway.server().adminToken());
    assertThat(put.status()).as(put.body()).isIn(200, 201);
    TestingCli.run(
        gateway,
        "deployment",
        "create",
        "--deployment-name",
        "via-" + name,
        "--model-name",
        "gpt-4o",
        "--sku-name",
        "GlobalStandard",
        "--sku-capacity",
        "10",
        "--backends",
        name);
  }

  static TestingHttp.Result chat(String backend, String body) {
    return gateway
        .http()
        .post(
            "/openai/deployments/via-" + backend + "/chat/completions?api-version=2024-10-21",
            body);
  }

  List<String> logLines() {
    return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void aKeyEchoedInARequestErrorIsMaskedInTheAnswerAndTheLog() {
    var openAi = chat("err400", HELLO);
    assertThat(openAi.status()).isEqualTo(400);
    assertThat(openAi.json().at("/error/message").asText())
        .isEqualTo("Incorrect API key provided: Bearer [REDACTED]");
    var azure = chat("azure400", HELLO);
    assertThat(azure.status()).isEqualTo(400);
    assertThat(azure.json().at("/error/message").asText())
        .isEqualTo("Incorrect API key provided: [REDACTED]");
    assertThat(logLines()).anyMatch(line -> line.contains("upstream answered 400"));
    assertThat(logLines()).noneMatch(line -> line.contains(KEY));
  }

  @Test
  void anEchoedEntraTokenIsMaskedInTheAnswerAndTheLog() {
    var entra = chat("entra400", HELLO);
    assertThat(entra.status()).isEqualTo(400);
    assertThat(entra.json().at("/error/message").asText())
        .isEqualTo("Incorrect API key provided: Bearer [REDACTED]");
    assertThat(entra.body()).doesNotContain(TOKEN).doesNotContain(KEY);
    assertThat(logLines()).anyMatch(line -> line.contains("upstream answered 400"));
    assertThat(logLines()).noneMatch(line -> line.contains(TOKEN) || line.contains(KEY));
  }

  @Test
  void aKeyEchoedInARefusalIsMaskedInTheLog() {
    var refused = chat("err401", HELLO);
    assertThat(refused.status()).isEqualTo(502);
    assertThat(refused.body()).doesNotContain(KEY);
    assertThat(logLines())
        .contains("upstream answered 401: Incorrect API key provided: Bearer [REDACTED]");
    assertThat(logLines()).noneMatch(line -> line.contains(KEY));
  }

  @Test
  void aKeyEchoedInsideAStreamIsMaskedInEveryEvent() {
    var streamed = chat("stream", HELLO.replace("]}", "],\"stream\":true}"));
    assertThat(streamed.status()).isEqualTo(200);
    assertThat(streamed.body()).contains("you sent Bearer [REDACTED]").doesNotContain(KEY);
    var failed = chat("streamerror", HELLO.replace("]}", "],\"stream\":true}"));
    assertThat(failed.events().getLast().at("/error/message").asText())
        .isEqualTo("session for Bearer [REDACTED] expired");
    assertThat(failed.body()).doesNotContain(KEY);
    assertThat(logLines()).noneMatch(line -> line.contains(KEY));
  }
}
