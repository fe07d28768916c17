package dev.lazurite.portal;

import static dev.lazurite.portal.PlaygroundFixture.BASE;
import static dev.lazurite.portal.PlaygroundFixture.CHAT;
import static dev.lazurite.portal.PlaygroundFixture.ask;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.json.Json;
import dev.lazurite.metering.UsageRecord;
import dev.lazurite.portal.session.Sessions;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The playground's form action over plain HTTP: it runs the data plane's chat pipeline as the
 * signed-in principal (its data action, content filter, metering and audit), and refuses what is
 * not its to send with the portal's usual answers.
 */
class PlaygroundHttpTest {
  private static TestingServer server;
  private static Sessions sessions;
  private static final Instant STARTED = Instant.now().minusSeconds(5);

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    sessions = PlaygroundFixture.sessions(server);
    PlaygroundFixture.searchIndex(server);
    TestingCli.run(server, "account", "create", "--name", "elsewhere", "-l", "westus");
    var other =
        server
            .server()
            .control()
            .account(
                server.server().subscriptionId(), Bootstrap.DEFAULT_RESOURCE_GROUP, "elsewhere");
    server
        .server()
        .control()
        .putDeployment(
            other,
            new DeploymentRequest(
                "only-there", "gpt-4o", "", "Standard", 10, "", "", Optional.empty()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static PortalClient admin() {
    var client = new PortalClient(server.endpoint());
    assertThat(client.signIn(server.server().adminToken()).statusCode()).isEqualTo(303);
    assertThat(client.get(BASE).statusCode()).isEqualTo(200);
    return client;
  }

  private static Map<String, String> chat(String deployment, String request) {
    var fields = new HashMap<String, String>();
    fields.put("deployment", deployment);
    fields.put("request", request);
    return fields;
  }

  private static List<UsageRecord> usage() {
    server.server().flushUsage();
    List<UsageRecord> records = new ArrayList<>();
    server
        .server()
        .store()
        .scan(Bootstrap.DEFAULT_ACCOUNT, STARTED, Instant.now().plusSeconds(5), records::add);
    return records;
  }

  private static List<JsonNode> audit() {
    server.server().flushAudit();
    List<JsonNode> out = new ArrayList<>();
    TestingCli.run(server, "audit", "list", "--limit", "10000").forEach(out::add);
    return out;
  }

  private static String contentOf(HttpResponse<String> response) {
    var text = new StringBuilder();
    for (JsonNode e : PlaygroundFixture.events(response.body())) {
      e.path("choices").forEach(c -> text.append(c.path("delta").path("content").asText("")));
    }
    return text.toString();
  }

  @Test
  void anOpenAiUserChatsAsItselfMeteredAndAuditedUnderItsObjectId() {
    String user = PlaygroundFixture.assign(server, "Cognitive Services OpenAI User");
    var client = PlaygroundFixture.as(server, sessions, user);
    var page = client.get(BASE);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<option value=\"gpt-4o\">").doesNotContain("may not call");
    var answer = client.post(CHAT, chat("gpt-4o", ask("/echo hello from the playground")));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    assertThat(answer.body()).endsWith("data: [DONE]\n\n");
    assertThat(contentOf(answer)).isEqualTo("hello from the playground");

    assertThat(usage())
        .anySatisfy(
            r -> {
              assertThat(r.caller()).isEqualTo(user);
              assertThat(r.deployment()).isEqualTo("gpt-4o");
              assertThat(r.streamed()).isTrue();
            });
    assertThat(audit())
        .anySatisfy(
            r -> {
              assertThat(r.path("operationName").asText()).isEqualTo("ChatCompletions_Create");
              assertThat(r.at("/properties/principal/type").asText()).isEqualTo("entra");
              assertThat(r.at("/properties/principal/objectId").asText()).isEqualTo(user);
              assertThat(r.at("/properties/networkPath/path").asText()).isEqualTo("internal");
            });
  }

  @Test
  void theAdminChatsWithFullRightsRecordedAsThePortalAdmin() {
    var client = admin();
    var answer = client.post(CHAT, chat("gpt-4o", ask("/echo admin here")));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(contentOf(answer)).isEqualTo("admin here");
    assertThat(usage())
        .anySatisfy(r -> assertThat(r.caller()).isEqualTo("internal/portal-playground/admin"));
  }

  @Test
  void groundsAnswersInAnIndexAndStreamsItsCitations() {
    var client = admin();
    var fields = chat("gpt-4o", ask("How many days of paid holiday do employees have?"));
    fields.put("index", PlaygroundFixture.SERVICE + "/" + PlaygroundFixture.INDEX);
    fields.put("query_type", "simple");
    var answer = client.post(CHAT, fields);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(PlaygroundFixture.events(answer.body()))
        .anySatisfy(
            e ->
                assertThat(e.at("/choices/0/delta/context/citations/0/title").asText())
                    .isEqualTo("Holiday policy"));
  }

  @Test
  void aPostWithoutTheFormTokenIsRefused() {
    var client = admin();
    var answer =
        client.postRaw(
            CHAT, PortalClient.encode(Map.of("deployment", "gpt-4o", "request", ask("/echo hi"))));
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).doesNotContain("data:");
  }

  @Test
  void aUserWithoutTheChatDataActionIsRefused() {
    String user = PlaygroundFixture.assign(server, "Cognitive Services Contributor");
    var client = PlaygroundFixture.as(server, sessions, user);
    var page = client.get(BASE);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("may read this resource but not call");
    var answer = client.post(CHAT, chat("gpt-4o", ask("/echo hi")));
    assertThat(answer.statusCode()).isEqualTo(403);
    JsonNode error = Json.read(answer.body(), JsonNode.class).path("error");
    assertThat(error.path("code").asText()).isEqualTo("PermissionDenied");
    assertThat(error.path("message").asText()).contains(user, "chat/completions/action");

    var stranger = PlaygroundFixture.as(server, sessions, java.util.UUID.randomUUID().toString());
    assertThat(stranger.get(BASE).statusCode()).isEqualTo(403);
    assertThat(stranger.post(CHAT, chat("gpt-4o", ask("/echo hi"))).statusCode()).isEqualTo(403);
  }

  @Test
  void anotherResourcesDeploymentIsNotFoundOnThisPage() {
    var client = admin();
    var answer = client.post(CHAT, chat("only-there", ask("/echo hi")));
    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(answer.body()).contains("Error 404", "only-there");
    var page = client.get(BASE.replace("/" + Bootstrap.DEFAULT_ACCOUNT + "/", "/no-such-account/"));
    assertThat(page.statusCode()).isEqualTo(404);
  }

  @Test
  void theResourcesNetworkRulesApplyToTheBrowsersAddress() {
    TestingCli.run(server, "account", "create", "--name", "closed-play", "-l", "westus");
    var closed =
        server
            .server()
            .control()
            .account(
                server.server().subscriptionId(), Bootstrap.DEFAULT_RESOURCE_GROUP, "closed-play");
    server
        .server()
        .control()
        .putDeployment(
            closed,
            new DeploymentRequest(
                "inside", "gpt-4o", "", "Standard", 10, "", "", Optional.empty()));
    String chat =
        "/portal/resources/" + Bootstrap.DEFAULT_RESOURCE_GROUP + "/closed-play/playground/chat";
    var client = admin();
    var open = client.post(chat, chat("inside", ask("/echo open")));
    assertThat(open.statusCode()).as(open.body()).isEqualTo(200);

    TestingCli.run(
        server,
        "account",
        "update",
        "--name",
        "closed-play",
        "--public-network-access",
        "Disabled");
    var refused = client.post(chat, chat("inside", ask("/echo closed")));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(refused.body()).contains("Public access is disabled");
  }

  @Test
  void malformedToolDefinitionsAreRefusedWithTheirPlace() {
    var client = admin();
    var fields = chat("gpt-4o", ask("/echo hi"));
    fields.put("tools", "[{\"type\": \"function\",\n \"function\": {\"name\": }}]");
    var answer = client.post(CHAT, fields);
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("Could not read the tool definitions as JSON (line 2");
    fields.put("tools", "{\"type\": \"function\"}");
    assertThat(client.post(CHAT, fields).body()).contains("must be a JSON array");
    fields.put("tools", "[{\"type\": \"function\", \"function\": {\"name\": \"has space\"}}]");
    assertThat(client.post(CHAT, fields).body()).contains("Tool 1:", "function.name");
    fields.put("tools", "[{\"type\": \"function\", \"function\": {\"name\": \"ok\"}}]");
    assertThat(client.post(CHAT, fields).statusCode()).isEqualTo(200);
  }

  @Test
  void malformedConversationsAndChoicesAreRefused() {
    var client = admin();
    assertThat(client.post(CHAT, chat("gpt-4o", "not json")).statusCode()).isEqualTo(400);
    assertThat(client.post(CHAT, chat("gpt-4o", "[1]")).body()).contains("must be a JSON object");
    assertThat(client.post(CHAT, chat("gpt-4o", "{\"messages\": []}")).body())
        .contains("at least one message");
    assertThat(client.post(CHAT, Map.of("request", ask("hi"))).body())
        .contains("Choose a deployment");
    var unknown = chat("gpt-4o", ask("hi"));
    unknown.put("index", "nowhere/nothing");
    assertThat(client.post(CHAT, unknown).statusCode()).isEqualTo(400);
    var wrongType = chat("gpt-4o", ask("hi"));
    wrongType.put("index", PlaygroundFixture.SERVICE + "/" + PlaygroundFixture.INDEX);
    wrongType.put("query_type", "vector");
    assertThat(client.post(CHAT, wrongType).body()).contains("supports the query types simple");
    var badParameter =
        chat(
            "gpt-4o",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":\"hot\"}");
    var refused = client.post(CHAT, badParameter);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Json.read(refused.body(), JsonNode.class).at("/error/message").asText())
        .isNotBlank();
  }

  @Test
  void anOversizeConversationIsRefused() {
    var client = admin();
    String huge = ask("x".repeat(1_100_000));
    var answer = client.post(CHAT, chat("gpt-4o", huge));
    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.body()).contains("too long for the playground");
  }

  @Test
  void theContentFilterRefusalIsAzures() {
    var client = admin();
    var answer =
        client.post(
            CHAT, chat("gpt-4o", ask("Next time you cross me I will break both of your legs.")));
    assertThat(answer.statusCode()).isEqualTo(400);
    JsonNode error = Json.read(answer.body(), JsonNode.class).path("error");
    assertThat(error.path("code").asText()).isEqualTo("content_filter");
    assertThat(error.path("message").asText()).contains("content management policy");
  }
}
