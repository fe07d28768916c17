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
 * Responses through an azure backend, whose upstream serves the Responses API: a fake upstream
 * started by the test answers OpenAI's published response object, and records what it was sent.
 */
class NativeResponsesTest {
  static final String V1 = "/openai/v1/responses";
  static final String ANSWER =
      """
      {"id":"resp_upstream_1","object":"response","created_at":1741476542,"status":"completed",
       "error":null,"incomplete_details":null,"instructions":null,"max_output_tokens":null,
       "model":"up-gpt-2025","output":[{"type":"message","id":"msg_upstream_1","status":"completed",
       "role":"assistant","content":[{"type":"output_text","text":"In a land far away, a unicorn slept.",
       "annotations":[]}]}],"parallel_tool_calls":true,"previous_response_id":null,
       "reasoning":{"effort":null,"summary":null},"store":false,"temperature":1.0,
       "text":{"format":{"type":"text"}},"tool_choice":"auto","tools":[],"top_p":1.0,
       "truncation":"disabled","usage":{"input_tokens":36,"input_tokens_details":{"cached_tokens":4},
       "output_tokens":87,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":123},
       "user":null,"metadata":{}}
      """;
  static final String THROTTLED =
      "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
          + "\"code\":\"rate_limit_exceeded\"}}";

  static HttpServer upstream;
  static final List<String> paths = new CopyOnWriteArrayList<>();
  static final List<String> keys = new CopyOnWriteArrayList<>();
  static final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
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
          keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("api-key")));
          bodies.add(Json.MAPPER.readTree(body));
          boolean throttled = body.contains("throttle me");
          byte[] answer = (throttled ? THROTTLED : ANSWER).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(throttled ? 429 : 200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    upstream.start();
    gateway = TestingServer.start();
    var put =
        gateway
            .http()
            .send(
                "PUT",
                backends("native") + "?api-version=2024-10-01",
                "{\"properties\":{\"backend\":{\"kind\":\"azure\",\"url\":\"http://127.0.0.1:"
                    + upstream.getAddress().getPort()
                    + "\",\"deployment\":\"up-gpt\",\"apiKey\":\"upstream-key\"}}}",
                "Authorization",
                "Bearer " + gateway.server().adminToken());
    assertThat(put.status()).as(put.body()).isIn(200, 201);
    TestingCli.run(
        gateway,
        "deployment",
        "create",
        "--deployment-name",
        "native",
        "--model-name",
        "gpt-4o",
        "--sku-name",
        "GlobalStandard",
        "--sku-capacity",
        "10",
        "--backends",
        "native");
  }

  static String backends(String name) {
    return backendsOf(gateway, name);
  }

  static String backendsOf(TestingServer gateway, String name) {
    return "/subscriptions/"
        + gateway.server().subscriptionId()
        + "/resourceGroups/lazurite/providers/Microsoft.CognitiveServices/accounts/lazurite"
        + "/backends/"
        + name;
  }

  @AfterAll
  static void stop() {
    gateway.close();
    upstream.stop(0);
  }

  @Test
  void sendsTheResponsesBodyUpstreamAndKeepsTheChainLocally() {
    paths.clear();
    bodies.clear();
    var first =
        gateway
            .http()
            .post(V1, "{\"model\":\"native\",\"input\":\"Tell me a story.\",\"temperature\":0.5}");
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    JsonNode response = first.json();
    String id = response.get("id").asText();
    assertThat(id).startsWith("resp").isNotEqualTo("resp_upstream_1");
    assertThat(response.get("object").asText()).isEqualTo("response");
    assertThat(response.get("status").asText()).isEqualTo("completed");
    assertThat(response.at("/output/0/content/0/text").asText())
        .isEqualTo("In a land far away, a unicorn slept.");
    assertThat(response.at("/usage/input_tokens").asInt()).isEqualTo(36);
    assertThat(response.at("/usage/output_tokens").asInt()).isEqualTo(87);
    assertThat(response.at("/usage/input_tokens_details/cached_tokens").asInt()).isEqualTo(4);
    assertThat(response.get("store").asBoolean()).isTrue();
    assertThat(response.get("content_filters").isArray()).as(first.body()).isTrue();
    assertThat(first.body()).doesNotContain("x-lazurite");

    assertThat(paths).containsExactly("/openai/v1/responses");
    assertThat(keys.getLast()).isEqualTo("upstream-key");
    JsonNode sent = bodies.getFirst();
    assertThat(sent.get("model").asText()).isEqualTo("up-gpt");
    assertThat(sent.get("store").asBoolean()).isFalse();
    assertThat(sent.get("temperature").asDouble()).isEqualTo(0.5);
    assertThat(sent.at("/input/0/content").toString()).contains("Tell me a story.");

    var again =
        gateway
            .http()
            .post(
                V1,
                "{\"model\":\"native\",\"input\":\"And then?\",\"previous_response_id\":\""
                    + id
                    + "\"}");
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().get("previous_response_id").asText()).isEqualTo(id);
    JsonNode chained = bodies.getLast();
    assertThat(chained.has("previous_response_id")).isFalse();
    String input = chained.get("input").toString();
    assertThat(input).contains("Tell me a story.", "In a land far away", "And then?");
    assertThat(input.indexOf("Tell me a story."))
        .isLessThan(input.indexOf("In a land far away"))
        .isLessThan(input.indexOf("And then?"));

    var stored = gateway.http().send("GET", V1 + "/" + id, null, "api-key", gateway.key());
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    assertThat(stored.json().at("/output/0/content/0/text").asText())
        .isEqualTo("In a land far away, a unicorn slept.");
    var items =
        gateway.http().send("GET", V1 + "/" + id + "/input_items", null, "api-key", gateway.key());
    assertThat(items.status()).as(items.body()).isEqualTo(200);
  }

  @Test
  void anOpenAiCompatibleBackendStillGetsChatCompletions() {
    var put =
        gateway
            .http()
            .send(
                "PUT",
                backends("compat") + "?api-version=2024-10-01",
                "{\"properties\":{\"backend\":{\"kind\":\"openai-compatible\",\"url\":\"http://127.0.0.1:"
                    + upstream.getAddress().getPort()
                    + "/v1\"}}}",
                "Authorization",
                "Bearer " + gateway.server().adminToken());
    assertThat(put.status()).as(put.body()).isIn(200, 201);
    TestingCli.run(
        gateway,
        "deployment",
        "create",
        "--deployment-name",
        "compat",
        "--model-name",
        "gpt-4o",
        "--sku-name",
        "GlobalStandard",
        "--sku-capacity",
        "10",
        "--backends",
        "compat");
    gateway.http().post(V1, "{\"model\":\"compat\",\"input\":\"Hello\"}");
    assertThat(paths.getLast()).isEqualTo("/v1/chat/completions");
    assertThat(bodies.getLast().has("messages")).isTrue();
    assertThat(bodies.getLast().has("x-lazurite-responses")).isFalse();
  }

  @Test
  void anUpstreamThrottleIsAzuresError() {
    var throttled = gateway.http().post(V1, "{\"model\":\"native\",\"input\":\"throttle me\"}");
    assertThat(throttled.status()).as(throttled.body()).isEqualTo(429);
    assertThat(throttled.json().at("/error/code").asText()).isNotEmpty();
  }

  @Test
  void aChatRequestCannotAskForTheResponsesPassThrough() {
    int sent = bodies.size();
    var refused =
        gateway
            .http()
            .post(
                "/openai/deployments/native/chat/completions?api-version=2024-10-21",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                    + "\"x-lazurite-responses\":{\"input\":\"smuggled\"}}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(bodies).hasSize(sent);
  }
}
