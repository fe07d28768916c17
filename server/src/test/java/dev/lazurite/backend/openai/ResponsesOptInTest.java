package dev.lazurite.backend.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A backend's {@code responses} setting: an openai-compatible upstream opts in to native Responses
 * calls ({@code {base}/responses}), an azure one opts out; a bad value is refused in the ARM error
 * envelope and creates nothing.
 */
class ResponsesOptInTest {
  static final String V1 = "/openai/v1/responses";

  static HttpServer upstream;
  static final List<String> paths = new CopyOnWriteArrayList<>();
  static TestingServer gateway;

  @BeforeAll
  static void start() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          paths.add(exchange.getRequestURI().getPath());
          JsonNode request = Json.MAPPER.readTree(body);
          String answer;
          String type = "application/json";
          if (exchange.getRequestURI().getPath().endsWith("/responses")) {
            if (request.path("stream").asBoolean(false)) {
              type = "text/event-stream";
              answer =
                  ResponsesEventsFixture.sse(
                      ResponsesEventsFixture.completed(List.of("Hi", " there!"), 9, 0, 3));
            } else {
              answer = NativeResponsesTest.ANSWER;
            }
          } else {
            answer =
                "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,"
                    + "\"model\":\"up\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"Translated.\"}}],"
                    + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}";
          }
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", type);
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    upstream.start();
    gateway = TestingServer.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
    upstream.stop(0);
  }

  static dev.lazurite.testing.TestingHttp.Result put(String name, String backend) {
    return gateway
        .http()
        .send(
            "PUT",
            NativeResponsesTest.backendsOf(gateway, name) + "?api-version=2024-10-01",
            "{\"properties\":{\"backend\":" + backend + "}}",
            "Authorization",
            "Bearer " + gateway.server().adminToken());
  }

  static String url() {
    return "http://127.0.0.1:" + upstream.getAddress().getPort();
  }

  static void deployment(String name) {
    NativeStreamingTest.deployment(gateway, name, name);
  }

  @Test
  void anOpenAiCompatibleBackendOptsInFromTheCli() {
    TestingCli.run(
        gateway,
        "backend",
        "create",
        "--name",
        "optin",
        "--kind",
        "openai-compatible",
        "--url",
        url() + "/v1",
        "--responses",
        "native");
    deployment("optin");
    var whole = gateway.http().post(V1, "{\"model\":\"optin\",\"input\":\"Hello\"}");
    assertThat(whole.status()).as(whole.body()).isEqualTo(200);
    assertThat(paths.getLast()).isEqualTo("/v1/responses");
    assertThat(whole.json().at("/usage/input_tokens").asInt()).isEqualTo(36);
    var streamed =
        gateway.http().post(V1, "{\"model\":\"optin\",\"input\":\"Hello\",\"stream\":true}");
    assertThat(streamed.status()).as(streamed.body()).isEqualTo(200);
    assertThat(paths.getLast()).isEqualTo("/v1/responses");
    assertThat(streamed.events().getLast().get("type").asText()).isEqualTo("response.completed");

    var shown =
        gateway
            .http()
            .send(
                "GET",
                NativeResponsesTest.backendsOf(gateway, "optin") + "?api-version=2024-10-01",
                null,
                "Authorization",
                "Bearer " + gateway.server().adminToken());
    assertThat(shown.json().at("/properties/responses").asText()).isEqualTo("native");
  }

  @Test
  void eachKindHasItsDefaultAndAzureMayOptOut() {
    assertThat(
            put("plain", "{\"kind\":\"openai-compatible\",\"url\":\"" + url() + "/v1\"}")
                .json()
                .at("/properties/responses")
                .asText())
        .isEqualTo("translate");
    String azure =
        "{\"kind\":\"azure\",\"url\":\"" + url() + "\",\"deployment\":\"up\",\"apiKey\":\"k\"";
    assertThat(put("azuredefault", azure + "}").json().at("/properties/responses").asText())
        .isEqualTo("native");
    var optOut = put("azureout", azure + ",\"responses\":\"translate\"}");
    assertThat(optOut.status()).as(optOut.body()).isIn(200, 201);
    assertThat(optOut.json().at("/properties/responses").asText()).isEqualTo("translate");
    deployment("azureout");
    var translated = gateway.http().post(V1, "{\"model\":\"azureout\",\"input\":\"Hello\"}");
    assertThat(translated.status()).as(translated.body()).isEqualTo(200);
    assertThat(paths.getLast()).isEqualTo("/openai/deployments/up/chat/completions");
    assertThat(translated.json().at("/output/0/content/0/text").asText()).isEqualTo("Translated.");
  }

  @Test
  void aBadValueIsRefusedAndCreatesNothing() {
    String compat = "{\"kind\":\"openai-compatible\",\"url\":\"" + url() + "/v1\"";
    var unknown = put("bad1", compat + ",\"responses\":\"sometimes\"}");
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
    assertThat(unknown.json().at("/error/code").asText()).isNotEmpty();
    assertThat(unknown.json().at("/error/message").asText()).contains("native, translate");
    var mistyped = put("bad2", compat + ",\"responses\":true}");
    assertThat(mistyped.status()).as(mistyped.body()).isEqualTo(400);
    assertThat(mistyped.json().at("/error/message").asText()).contains("responses");
    var anthropic =
        put("bad3", "{\"kind\":\"anthropic\",\"apiKey\":\"k\",\"responses\":\"native\"}");
    assertThat(anthropic.status()).as(anthropic.body()).isEqualTo(400);
    for (String name : List.of("bad1", "bad2", "bad3")) {
      var missing =
          gateway
              .http()
              .send(
                  "GET",
                  NativeResponsesTest.backendsOf(gateway, name) + "?api-version=2024-10-01",
                  null,
                  "Authorization",
                  "Bearer " + gateway.server().adminToken());
      assertThat(missing.status()).isEqualTo(404);
    }
    var cli =
        TestingCli.execute(
            gateway,
            "backend",
            "create",
            "--name",
            "bad4",
            "--kind",
            "openai-compatible",
            "--url",
            url(),
            "--responses",
            "maybe");
    assertThat(cli.code()).isNotZero();
  }
}
