package dev.lazurite.searchservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The search REST API over plain HTTP: keys, negative cases, persistence and the ARM routes. */
class SearchServiceApiTest {
  static TestingServer server;
  static String admin;
  static String query;

  static final String INDEX =
      """
      {"name": "docs", "fields": [
        {"name": "id", "type": "Edm.String", "key": true},
        {"name": "title", "type": "Edm.String", "filterable": false, "sortable": false},
        {"name": "year", "type": "Edm.Int32", "filterable": true, "sortable": true},
        {"name": "vec", "type": "Collection(Edm.Single)", "searchable": true, "dimensions": 3,
         "vectorSearchProfile": "p"}],
       "vectorSearch": {"algorithms": [{"name": "h", "kind": "hnsw"}],
                        "profiles": [{"name": "p", "algorithm": "h"}]}}
      """;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    TestingCli.run(server, "search", "create", "--name", "svc");
    admin =
        TestingCli.run(server, "search", "keys", "list", "--name", "svc")
            .path("primaryKey")
            .asText();
    query =
        TestingCli.run(server, "search", "query-key", "list", "--name", "svc")
            .get(0)
            .path("key")
            .asText();
    assertThat(call("POST", "/indexes", INDEX, admin).status()).isEqualTo(201);
    assertThat(
            call(
                    "POST",
                    "/indexes/docs/docs/index",
                    """
                    {"value": [{"id": "a", "title": "red apple", "year": 2020, "vec": [1, 0, 0]},
                               {"id": "b", "title": "green pear", "year": 2021, "vec": [0, 1, 0]}]}
                    """,
                    admin)
                .status())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TestingHttp.Result call(String method, String path, String body, String key) {
    return call(method, path, body, key, "2024-07-01");
  }

  static TestingHttp.Result call(
      String method, String path, String body, String key, String version) {
    String sep = path.contains("?") ? "&" : "?";
    String url = "/search/svc" + path + (version == null ? "" : sep + "api-version=" + version);
    return key == null
        ? server.http().send(method, url, body)
        : server.http().send(method, url, body, "api-key", key);
  }

  static void assertError(TestingHttp.Result r, int status, String message) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().path("error").path("message").asText()).contains(message);
    assertThat(r.json().path("error").has("code")).isTrue();
  }

  @Test
  void keysGateReadsAndWrites() {
    assertError(call("GET", "/indexes", null, null), 401, "api-key");
    assertError(
        call("GET", "/indexes", null, "not-a-key"), 403, "not a key of this search service");
    assertError(call("GET", "/indexes", null, query), 403, "admin key");
    assertError(
        call("POST", "/indexes/docs/docs/index", "{\"value\":[{\"id\":\"z\"}]}", query),
        403,
        "admin key");
    var search = call("POST", "/indexes/docs/docs/search", "{\"search\":\"apple\"}", query);
    assertThat(search.status()).isEqualTo(200);
    assertThat(search.json().path("value").get(0).path("id").asText()).isEqualTo("a");
    assertThat(call("GET", "/indexes/docs/docs/$count", null, query).body()).isEqualTo("2");
    assertThat(call("GET", "/indexes('docs')/docs('a')", null, query).json().path("title").asText())
        .isEqualTo("red apple");
  }

  @Test
  void apiVersionIsRequiredAndKnown() {
    assertError(call("GET", "/indexes", null, admin, null), 400, "api-version query parameter");
    assertError(
        call("GET", "/indexes", null, admin, "1999-01-01"), 400, "Invalid or missing api-version");
    assertThat(call("GET", "/indexes", null, admin, "2025-11-01-preview").status()).isEqualTo(200);
    assertThat(
            call("GET", "/indexes?$select=name", null, admin, "2026-04-01")
                .json()
                .path("value")
                .get(0)
                .path("name")
                .asText())
        .isEqualTo("docs");
  }

  @Test
  void badBodiesAreRefusedAndChangeNothing() {
    assertError(
        call("POST", "/indexes/docs/docs/index", "{not json", admin), 400, "not valid JSON");
    assertError(call("POST", "/indexes/docs/docs/index", "[]", admin), 400, "JSON object");
    assertError(
        call("POST", "/indexes/docs/docs/index", "{\"value\": {}}", admin),
        400,
        "array of index actions");
    assertError(
        call("POST", "/indexes/docs/docs/index", "{\"value\": []}", admin),
        400,
        "No indexing actions");
    assertError(
        call(
            "POST",
            "/indexes/docs/docs/index",
            "{\"value\": [{\"id\": \"c\", \"year\": \"old\"}]}",
            admin),
        400,
        "expected type 'Edm.Int32'");
    assertError(
        call(
            "POST",
            "/indexes/docs/docs/index",
            "{\"value\": [{\"id\": \"c\", \"colour\": \"red\"}]}",
            admin),
        400,
        "'colour' does not exist");
    assertError(
        call(
            "POST",
            "/indexes/docs/docs/index",
            "{\"value\": [{\"id\": \"c\", \"vec\": [1, 2]}]}",
            admin),
        400,
        "expects a length of '3'");
    assertError(
        call(
            "POST",
            "/indexes/docs/docs/index",
            "{\"value\": [{\"@search.action\": \"explode\", \"id\": \"c\"}]}",
            admin),
        400,
        "Invalid '@search.action'");
    StringBuilder big = new StringBuilder("{\"value\": [");
    for (int i = 0; i < 1001; i++) {
      big.append(i == 0 ? "" : ",").append("{\"id\": \"k").append(i).append("\"}");
    }
    assertError(
        call("POST", "/indexes/docs/docs/index", big + "]}", admin), 413, "at most 1000 actions");
    var badKey =
        call(
            "POST",
            "/indexes/docs/docs/index",
            "{\"value\": [{\"id\": \"has space\"}, {\"id\": \"ok\", \"title\": \"fine\"}]}",
            admin);
    assertThat(badKey.status()).isEqualTo(207);
    assertThat(badKey.json().path("value").get(0).path("statusCode").asInt()).isEqualTo(400);
    assertThat(badKey.json().path("value").get(1).path("statusCode").asInt()).isEqualTo(201);
    call(
        "POST",
        "/indexes/docs/docs/index",
        "{\"value\": [{\"@search.action\": \"delete\", \"id\": \"ok\"}]}",
        admin);
    assertThat(call("GET", "/indexes/docs/docs/$count", null, admin).body()).isEqualTo("2");
  }

  @Test
  void badSchemasAndQueriesGetTheServiceErrors() {
    assertError(
        call(
            "POST",
            "/indexes",
            "{\"name\": \"x\", \"fields\": [{\"name\": \"id\", \"type\": \"Edm.Int32\", \"key\": true}]}",
            admin),
        400,
        "must be of type Edm.String");
    assertError(
        call(
            "POST",
            "/indexes",
            "{\"name\": \"x\", \"fields\": [{\"name\": \"id\", \"type\": \"Edm.String\"}]}",
            admin),
        400,
        "exactly one key field");
    assertError(
        call("POST", "/indexes", "{\"name\": \"Bad_Name\", \"fields\": []}", admin),
        400,
        "Invalid index name");
    assertError(
        call(
            "POST",
            "/indexes",
            "{\"name\": \"x\", \"fields\": [{\"name\": \"id\", \"type\": \"Edm.String\", \"key\": true}, {\"name\": \"v\", \"type\": \"Collection(Edm.Single)\", \"dimensions\": 3, \"vectorSearchProfile\": \"nope\"}]}",
            admin),
        400,
        "not defined");
    assertError(
        call(
            "POST",
            "/indexes",
            "{\"name\": \"x\", \"fields\": [{\"name\": \"id\", \"type\": \"Edm.Strin\", \"key\": true}]}",
            admin),
        400,
        "invalid type");
    assertError(call("POST", "/indexes", INDEX, admin), 409, "already exists");
    assertError(
        call("POST", "/indexes/docs/docs/search", "{\"filter\": \"year eq\"}", admin),
        400,
        "Invalid expression");
    assertError(
        call("POST", "/indexes/docs/docs/search", "{\"filter\": \"title eq 'x'\"}", admin),
        400,
        "Invalid expression: The field 'title' is not filterable");
    assertError(
        call("POST", "/indexes/docs/docs/search", "{\"top\": \"ten\"}", admin),
        400,
        "'top' must be an integer");
    assertError(
        call("POST", "/indexes/docs/docs/search", "{\"bogus\": 1}", admin),
        400,
        "'bogus' in the request payload is not a valid parameter");
    assertError(
        call(
            "POST",
            "/indexes/docs/docs/search",
            "{\"vectorQueries\": [{\"kind\": \"vector\", \"vector\": [1, 0], \"fields\": \"vec\"}]}",
            admin),
        400,
        "has 3 dimensions");
    assertError(
        call("POST", "/indexes/docs/docs/search", "{\"orderby\": \"title desc\"}", admin),
        400,
        "not sortable");
    assertError(
        call("POST", "/indexes/nope/docs/search", "{}", admin),
        404,
        "No index with the name 'nope' was found in the service 'svc'.");
    assertError(call("GET", "/indexes/docs/docs/zzz", null, admin), 404, "Document not found.");
    var changed =
        call("PUT", "/indexes/docs", INDEX.replace("\"Edm.Int32\"", "\"Edm.Int64\""), admin);
    assertError(changed, 400, "cannot be changed or removed");
  }

  @Test
  void searchesByGetAndPagesWhenTopIsNotGiven() {
    var r = call("GET", "/indexes/docs/docs?search=pear&$select=id&$count=true", null, admin);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("@odata.count").asLong()).isEqualTo(1);
    assertThat(r.json().path("value").get(0).fieldNames())
        .toIterable()
        .containsExactly("@search.score", "id");
    StringBuilder many = new StringBuilder("{\"value\": [");
    for (int i = 0; i < 60; i++) {
      many.append(i == 0 ? "" : ",")
          .append("{\"id\": \"p")
          .append(i)
          .append("\", \"title\": \"page\"}");
    }
    TestingHttp.Result created =
        call("PUT", "/indexes/pages", INDEX.replace("\"docs\"", "\"pages\""), admin);
    assertThat(created.status()).isEqualTo(201);
    assertThat(call("POST", "/indexes/pages/docs/index", many + "]}", admin).status())
        .isEqualTo(200);
    JsonNode first =
        call("POST", "/indexes/pages/docs/search", "{\"search\": \"page\"}", admin).json();
    assertThat(first.path("value")).hasSize(50);
    assertThat(first.path("@odata.nextLink").asText())
        .contains("/search/svc/indexes('pages')/docs/search.post.search?api-version=2024-07-01");
    JsonNode second =
        call(
                "POST",
                "/indexes/pages/docs/search",
                first.path("@search.nextPageParameters").toString(),
                admin)
            .json();
    assertThat(second.path("value")).hasSize(10);
    assertThat(second.has("@odata.nextLink")).isFalse();
  }

  @Test
  void indexesSurviveARestartAndKeysAreSealedAtRest() throws Exception {
    java.nio.file.Path dir;
    String key;
    try (TestingServer own = TestingServer.start()) {
      dir = own.dataDir();
      TestingCli.run(own, "search", "create", "--name", "durable");
      key =
          TestingCli.run(own, "search", "keys", "list", "--name", "durable")
              .path("primaryKey")
              .asText();
      var http = own.http();
      assertThat(
              http.send(
                      "POST",
                      "/search/durable/indexes?api-version=2024-07-01",
                      INDEX,
                      "api-key",
                      key)
                  .status())
          .isEqualTo(201);
      http.send(
          "POST",
          "/search/durable/indexes/docs/docs/index?api-version=2024-07-01",
          "{\"value\": [{\"id\": \"x\", \"title\": \"kept\"}]}",
          "api-key",
          key);
    }
    try (TestingServer again =
        TestingServer.start(c -> dev.lazurite.config.ServerConfig.forTesting(dir))) {
      var after =
          again
              .http()
              .send(
                  "GET",
                  "/search/durable/indexes/docs/docs/x?api-version=2024-07-01",
                  null,
                  "api-key",
                  key);
      assertThat(after.json().path("title").asText()).isEqualTo("kept");
    }
    byte[] db = java.nio.file.Files.readAllBytes(dir.resolve("lazurite.db"));
    assertThat(new String(db, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(key);
  }

  @Test
  void armRoutesManageServicesAndKeys() {
    JsonNode shown = TestingCli.run(server, "search", "show", "--name", "svc");
    assertThat(shown.path("type").asText()).isEqualTo("Microsoft.Search/searchServices");
    assertThat(shown.path("properties").path("endpoint").asText()).endsWith("/search/svc");
    TestingCli.run(server, "search", "create", "--name", "temp");
    String old =
        TestingCli.run(server, "search", "keys", "list", "--name", "temp")
            .path("secondaryKey")
            .asText();
    JsonNode regenerated =
        TestingCli.run(
            server, "search", "keys", "regenerate", "--name", "temp", "--key-kind", "secondary");
    assertThat(regenerated.path("secondaryKey").asText()).isNotEqualTo(old).hasSize(52);
    assertThat(TestingCli.run(server, "search", "list"))
        .extracting(n -> n.path("name").asText())
        .contains("svc", "temp");
    TestingCli.run(server, "search", "delete", "--name", "temp");
    var gone =
        server
            .http()
            .send("GET", "/search/temp/indexes?api-version=2024-07-01", null, "api-key", old);
    assertThat(gone.status()).isEqualTo(404);
    String arm =
        "/subscriptions/"
            + server.server().subscriptionId()
            + "/resourceGroups/lazurite/providers/Microsoft.Search/searchServices/Bad_Name?api-version=2024-10-01";
    var bad =
        server
            .http()
            .send("PUT", arm, "{}", "Authorization", "Bearer " + server.server().adminToken());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("error").path("code").asText()).isEqualTo("InvalidResourceName");
  }

  @Test
  void bearerTokensNeedSearchRolesOnTheService() {
    JsonNode sp = TestingCli.run(server, "identity", "sp", "create", "--name", "search-app");
    String tenant = server.server().identities().issuer().tenantId();
    var tokenAnswer =
        new TestingHttp(server.endpoint(), "")
            .sendForm(
                "/" + tenant + "/oauth2/v2.0/token",
                "grant_type=client_credentials&client_id="
                    + sp.path("appId").asText()
                    + "&client_secret="
                    + java.net.URLEncoder.encode(
                        sp.path("password").asText(), java.nio.charset.StandardCharsets.UTF_8)
                    + "&scope=https%3A%2F%2Fsearch.azure.com%2F.default");
    String token = tokenAnswer.json().path("access_token").asText();
    String objectId =
        server.server().identities().servicePrincipals().stream()
            .filter(p -> p.appId().equals(sp.path("appId").asText()))
            .findFirst()
            .orElseThrow()
            .objectId();
    String scope =
        "/subscriptions/"
            + server.server().subscriptionId()
            + "/resourceGroups/lazurite/providers/Microsoft.Search/searchServices/svc";
    java.util.function.Consumer<String> grant =
        role ->
            TestingCli.run(
                server,
                "role",
                "assignment",
                "create",
                "--assignee",
                objectId,
                "--role",
                role,
                "--scope",
                scope);
    java.util.function.BiFunction<String, String, TestingHttp.Result> bearer =
        (path, body) ->
            server
                .http()
                .send(
                    body == null ? "GET" : "POST",
                    "/search/svc" + path + "?api-version=2024-07-01",
                    body,
                    "Authorization",
                    "Bearer " + token);
    assertError(bearer.apply("/indexes/docs/docs/search", "{}"), 403, "has no Search role");
    assertThat(
            server
                .http()
                .send(
                    "GET",
                    "/search/svc/indexes?api-version=2024-07-01",
                    null,
                    "Authorization",
                    "Bearer not-a-token")
                .status())
        .isEqualTo(401);

    grant.accept("Search Index Data Reader");
    assertThat(bearer.apply("/indexes/docs/docs/search", "{\"search\": \"apple\"}").status())
        .isEqualTo(200);
    assertError(
        bearer.apply("/indexes/docs/docs/index", "{\"value\": [{\"id\": \"t\"}]}"),
        403,
        "Access denied");

    grant.accept("Search Index Data Contributor");
    var written =
        bearer.apply(
            "/indexes/docs/docs/index",
            "{\"value\": [{\"@search.action\": \"delete\", \"id\": \"t\"}]}");
    assertThat(written.status()).as(written.body()).isEqualTo(200);
    assertError(bearer.apply("/indexes", null), 403, "Access denied");

    grant.accept("Search Service Contributor");
    assertThat(bearer.apply("/indexes", null).status()).isEqualTo(200);
  }
}
