package dev.lazurite.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.json.Json;
import dev.lazurite.portal.session.PortalPrincipal;
import dev.lazurite.portal.session.Sessions;
import dev.lazurite.server.ServerSecrets;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What the playground's tests share: a search index with documents, and signed-in users. */
final class PlaygroundFixture {
  static final String BASE =
      "/portal/resources/"
          + Bootstrap.DEFAULT_RESOURCE_GROUP
          + "/"
          + Bootstrap.DEFAULT_ACCOUNT
          + "/playground";
  static final String CHAT = BASE + "/chat";
  static final String SERVICE = "playdocs";
  static final String INDEX = "handbook";

  private PlaygroundFixture() {}

  /** A search service with an index of two documents, as an operator would set it up. */
  static void searchIndex(TestingServer server) {
    TestingCli.run(server, "search", "create", "--name", SERVICE);
    String key =
        TestingCli.run(server, "search", "keys", "list", "--name", SERVICE)
            .path("primaryKey")
            .asText();
    var search = new TestingHttp(server.endpoint(), key);
    var index =
        search.send(
            "PUT",
            "/search/" + SERVICE + "/indexes('" + INDEX + "')?api-version=2024-07-01",
            "{\"fields\":[{\"name\":\"id\",\"type\":\"Edm.String\",\"key\":true},"
                + "{\"name\":\"title\",\"type\":\"Edm.String\",\"searchable\":true},"
                + "{\"name\":\"content\",\"type\":\"Edm.String\",\"searchable\":true}]}",
            "api-key",
            key);
    assertThat(index.status()).as(index.body()).isEqualTo(201);
    var batch = Json.MAPPER.createObjectNode();
    var value = batch.putArray("value");
    value
        .addObject()
        .put("@search.action", "upload")
        .put("id", "1")
        .put("title", "Holiday policy")
        .put("content", "Every employee has thirty days of paid holiday per year.");
    value
        .addObject()
        .put("@search.action", "upload")
        .put("id", "2")
        .put("title", "Travel policy")
        .put("content", "Trains are preferred over flights for trips under five hours.");
    var upload =
        search.send(
            "POST",
            "/search/"
                + SERVICE
                + "/indexes('"
                + INDEX
                + "')/docs/search.index?api-version=2024-07-01",
            batch.toString(),
            "api-key",
            key);
    assertThat(upload.status()).as(upload.body()).isEqualTo(200);
  }

  static Sessions sessions(TestingServer server) {
    return new Sessions(
        ServerSecrets.shared(
            server.server().store().secrets(),
            server.dataDir().resolve("portal"),
            "portal-session.key"),
        Clock.systemUTC(),
        Duration.ofHours(1));
  }

  /** A browser signed in as a user principal, holding the CSRF token of the playground page. */
  static PortalClient as(TestingServer server, Sessions sessions, String objectId) {
    var client = new PortalClient(server.endpoint());
    client.cookie(
        sessions.encode(sessions.signIn(new PortalPrincipal.User(objectId, "user", Set.of()))));
    client.get("/portal/resources");
    return client;
  }

  static String assign(TestingServer server, String role) {
    String user = UUID.randomUUID().toString();
    server
        .server()
        .control()
        .assignRole(
            UUID.randomUUID().toString(),
            user,
            role,
            "/subscriptions/"
                + server.server().subscriptionId()
                + "/resourceGroups/"
                + Bootstrap.DEFAULT_RESOURCE_GROUP
                + "/providers/Microsoft.CognitiveServices/accounts/"
                + Bootstrap.DEFAULT_ACCOUNT);
    return user;
  }

  /** The conversation field of the playground's form: one user message. */
  static String ask(String text) {
    var body = Json.MAPPER.createObjectNode();
    body.putArray("messages").addObject().put("role", "user").put("content", text);
    body.put("max_tokens", 50);
    return body.toString();
  }

  /** The {@code data:} payloads of a server-sent event stream, up to {@code [DONE]}. */
  static List<JsonNode> events(String stream) {
    List<JsonNode> out = new ArrayList<>();
    for (String line : stream.split("\n")) {
      if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
        try {
          out.add(Json.MAPPER.readTree(line.substring(6)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new AssertionError("not a JSON event: " + line, e);
        }
      }
    }
    return out;
  }
}
