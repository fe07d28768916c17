package dev.lazurite.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingAccounts;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingMultipart;
import dev.lazurite.testing.TestingServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Files API over HTTP: Azure's routes, bodies and errors, each file seen by its resource only.
 */
class FilesApiTest {
  static final String DATED = "/openai/files?api-version=2024-10-21";
  static final String V1 = "/openai/v1/files";
  static final String LINES = "{\"custom_id\":\"1\"}\n{\"custom_id\":\"2\"}\n";
  static TestingServer server;
  static TestingHttp http;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    http = server.http();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TestingHttp.Result upload(String path, TestingMultipart form) {
    return form.post(server.endpoint() + path, server.key());
  }

  static TestingHttp.Result get(String path) {
    return http.send("GET", path, null, "api-key", server.key());
  }

  static TestingHttp.Result delete(String path) {
    return http.send("DELETE", path, null, "api-key", server.key());
  }

  static String dated(String fileId, String rest) {
    return "/openai/files/" + fileId + rest + "?api-version=2024-10-21";
  }

  static void assertInvalid(TestingHttp.Result result, String message) {
    assertThat(result.status()).as(result.body()).isEqualTo(400);
    assertThat(result.body())
        .isEqualTo("{\"error\":{\"code\":\"invalidPayload\",\"message\":\"" + message + "\"}}");
  }

  @Test
  void aBatchFileIsUploadedListedReadAndDeletedOnDatedRoutes() {
    var uploaded =
        upload(DATED, new TestingMultipart().file("batch.jsonl", LINES).field("purpose", "batch"));
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
    JsonNode file = uploaded.json();
    String id = file.get("id").asText();
    assertThat(id).matches("file-[0-9a-f]{32}");
    assertThat(file.get("object").asText()).isEqualTo("file");
    assertThat(file.get("bytes").asLong()).isEqualTo(LINES.length());
    assertThat(file.get("filename").asText()).isEqualTo("batch.jsonl");
    assertThat(file.get("purpose").asText()).isEqualTo("batch");
    assertThat(file.get("status").asText()).isEqualTo("processed");
    assertThat(file.get("status_details").isNull()).isTrue();
    assertThat(file.has("expires_at")).isFalse();

    assertThat(get(dated(id, "")).json()).isEqualTo(file);
    var content = get(dated(id, "/content"));
    assertThat(content.status()).isEqualTo(200);
    assertThat(content.header("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(content.body()).isEqualTo(LINES);
    JsonNode list = get(DATED).json();
    assertThat(list.get("object").asText()).isEqualTo("list");
    assertThat(list.get("data").findValuesAsText("id")).contains(id);
    assertThat(list.has("first_id") && list.has("last_id") && list.has("has_more")).isTrue();

    var deleted = delete(dated(id, ""));
    assertThat(deleted.body())
        .isEqualTo("{\"object\":\"file\",\"deleted\":true,\"id\":\"" + id + "\"}");
    assertThat(get(dated(id, "")).status()).isEqualTo(404);
    assertThat(delete(dated(id, "")).status()).isEqualTo(404);
  }

  @Test
  void theV1RoutesServeTheSameFilesWithAnyOrNoApiVersion() {
    var uploaded =
        upload(V1, new TestingMultipart().field("purpose", "fine-tune").file("tune.jsonl", LINES));
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
    String id = uploaded.json().get("id").asText();
    assertThat(get(V1 + "/" + id).json().get("purpose").asText()).isEqualTo("fine-tune");
    assertThat(get(V1 + "/" + id + "/content?api-version=preview").body()).isEqualTo(LINES);
    assertThat(get(dated(id, "")).status()).isEqualTo(200);
    assertThat(delete(V1 + "/" + id).status()).isEqualTo(200);
  }

  @Test
  void assistantsFilesHaveAssistantIdsWhicheverOrderTheFormHas() {
    for (var form :
        List.of(
            new TestingMultipart().file("a.pdf", "pdf").field("purpose", "assistants"),
            new TestingMultipart().field("purpose", "assistants").file("a.pdf", "pdf"))) {
      var uploaded = upload(DATED, form);
      assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
      String id = uploaded.json().get("id").asText();
      assertThat(id).matches("assistant-[0-9A-Za-z]{22}");
      assertThat(get(dated(id, "/content")).body()).isEqualTo("pdf");
    }
  }

  @Test
  void theExpiryIsAcceptedInAllThreeSpellings() {
    for (String prefix : List.of("expires_after[%s]", "expires_after.%s", "%s")) {
      var uploaded =
          upload(
              DATED,
              new TestingMultipart()
                  .file("e.jsonl", LINES)
                  .field("purpose", "batch")
                  .field(prefix.formatted("seconds"), "1209600")
                  .field(prefix.formatted("anchor"), "created_at"));
      assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
      JsonNode file = uploaded.json();
      assertThat(file.get("expires_at").asLong())
          .isEqualTo(file.get("created_at").asLong() + 1_209_600);
    }
  }

  @Test
  void purposesAzureRefusesAreInvalidPayload() {
    for (String purpose : List.of("user_data", "vision", "batch_output", "Batch", "")) {
      assertInvalid(
          upload(DATED, new TestingMultipart().field("purpose", purpose).file("x.jsonl", LINES)),
          "Invalid value for purpose.");
      assertInvalid(
          upload(DATED, new TestingMultipart().file("x.jsonl", LINES).field("purpose", purpose)),
          "Invalid value for purpose.");
    }
  }

  @Test
  void aFormWithoutFileOrPurposeOrWithABadExpiryIsRefusedAndStoresNothing() {
    long before = server.server().files().count("lazurite", List.of(FilePurpose.values()));
    assertInvalid(
        upload(DATED, new TestingMultipart().field("purpose", "batch")),
        "The 'file' field is required.");
    assertInvalid(
        upload(DATED, new TestingMultipart().file("x.jsonl", LINES)),
        "The 'purpose' field is required.");
    assertInvalid(
        upload(DATED, new TestingMultipart().field("purpose", "batch").field("file", "text")),
        "The 'file' field must be a file with a file name.");
    String range =
        "Invalid value for expires_after.seconds: it must be a number of seconds from 1209600 to"
            + " 2592000.";
    for (String seconds : List.of("1209599", "2592001", "ten", "")) {
      assertInvalid(
          upload(
              DATED,
              new TestingMultipart()
                  .file("x.jsonl", LINES)
                  .field("purpose", "batch")
                  .field("expires_after[seconds]", seconds)
                  .field("expires_after[anchor]", "created_at")),
          range);
    }
    assertInvalid(
        upload(
            DATED,
            new TestingMultipart()
                .file("x.jsonl", LINES)
                .field("purpose", "batch")
                .field("expires_after.seconds", "1209600")
                .field("expires_after.anchor", "last_active_at")),
        "Invalid value for expires_after.anchor: it must be 'created_at'.");
    assertInvalid(
        upload(
            DATED,
            new TestingMultipart()
                .file("x.jsonl", LINES)
                .file("y.jsonl", LINES)
                .field("purpose", "batch")),
        "Only one file may be uploaded at a time.");
    assertThat(server.server().files().count("lazurite", List.of(FilePurpose.values())))
        .isEqualTo(before);
  }

  @Test
  void aBodyThatIsNotMultipartIsRefused() {
    String malformed = "The request body is not valid multipart/form-data.";
    assertInvalid(
        TestingMultipart.post(
            server.endpoint() + DATED,
            "--nope\r\nnot a form".getBytes(StandardCharsets.UTF_8),
            "api-key",
            server.key(),
            "Content-Type",
            TestingMultipart.contentType()),
        malformed);
    assertInvalid(
        TestingMultipart.post(
            server.endpoint() + DATED,
            "{\"purpose\":\"batch\"}".getBytes(StandardCharsets.UTF_8),
            "api-key",
            server.key(),
            "Content-Type",
            "application/json"),
        malformed);
    byte[] whole = new TestingMultipart().field("purpose", "batch").file("x.jsonl", LINES).body();
    byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 30);
    assertInvalid(
        TestingMultipart.post(
            server.endpoint() + DATED,
            truncated,
            "api-key",
            server.key(),
            "Content-Type",
            TestingMultipart.contentType()),
        malformed);
  }

  @Test
  void filenamesWithAPathAreRefused() {
    for (String name : List.of("../../etc/passwd", "a/b.jsonl", "a\\\\b.jsonl", "..")) {
      var refused =
          upload(DATED, new TestingMultipart().field("purpose", "batch").file(name, LINES));
      assertThat(refused.status()).as(name).isEqualTo(400);
      assertThat(refused.json().at("/error/code").asText()).isEqualTo("invalidPayload");
      assertThat(refused.json().at("/error/message").asText()).startsWith("Invalid filename");
    }
  }

  @Test
  void unknownIdsAndAnotherResourcesFilesAreNotFound() {
    var accounts = new TestingAccounts(server);
    accounts.create("other");
    String otherEndpoint = server.endpoint() + "/accounts/other";
    String otherKey = accounts.key1("other");
    var theirs =
        new TestingMultipart()
            .field("purpose", "batch")
            .file("theirs.jsonl", LINES)
            .post(otherEndpoint + DATED, otherKey);
    assertThat(theirs.status()).as(theirs.body()).isEqualTo(200);
    String id = theirs.json().get("id").asText();

    for (String unknown : List.of(id, "file-0123456789abcdef0123456789abcdef", "..%2F..%2Fx")) {
      for (var result :
          List.of(
              get(dated(unknown, "")),
              get(dated(unknown, "/content")),
              delete(dated(unknown, "")))) {
        assertThat(result.status()).isEqualTo(404);
        assertThat(result.json().at("/error/code").asText()).isEqualTo("notFound");
      }
    }
    assertThat(get(dated(id, "")).body())
        .isEqualTo(
            "{\"error\":{\"code\":\"notFound\",\"message\":\"File with id '"
                + id
                + "' was not found.\"}}");
    assertThat(get(DATED).json().get("data").findValuesAsText("id")).doesNotContain(id);
    var own = new TestingHttp(otherEndpoint, otherKey);
    assertThat(own.send("GET", dated(id, "/content"), null, "api-key", otherKey).body())
        .isEqualTo(LINES);
  }

  @Test
  void versionsWithoutFilesAreAzures404() {
    for (String version : List.of("2024-06-01", "2024-04-01-preview", "2023-05-15", "nope", "")) {
      var result = get("/openai/files?api-version=" + version);
      assertThat(result.status()).as(version).isEqualTo(404);
      assertThat(result.body())
          .isEqualTo("{\"error\":{\"code\":\"404\",\"message\": \"Resource not found\"}}");
    }
    for (String version : List.of("2024-10-21", "2024-05-01-preview", "2025-04-01-preview")) {
      assertThat(get("/openai/files?api-version=" + version).status()).as(version).isEqualTo(200);
    }
  }

  @Test
  void theListPagesFiltersAndOrders() {
    var accounts = new TestingAccounts(server);
    accounts.create("lister");
    String endpoint = server.endpoint() + "/accounts/lister";
    String key = accounts.key1("lister");
    var lister = new TestingHttp(endpoint, key);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      var form = new TestingMultipart().field("purpose", i == 1 ? "fine-tune" : "batch");
      ids.add(form.file(i + ".jsonl", LINES).post(endpoint + V1, key).json().get("id").asText());
    }
    // Files are ordered by creation time; uploads within one second are ordered by id.
    JsonNode all = lister.send("GET", V1 + "?order=asc", null, "api-key", key).json();
    List<String> asc = all.get("data").findValuesAsText("id");
    assertThat(asc).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(all.get("has_more").asBoolean()).isFalse();
    List<String> desc =
        lister.send("GET", V1, null, "api-key", key).json().get("data").findValuesAsText("id");
    assertThat(desc).containsExactlyElementsOf(asc.reversed());
    JsonNode first = lister.send("GET", V1 + "?order=asc&limit=2", null, "api-key", key).json();
    assertThat(first.get("data").findValuesAsText("id")).containsExactly(asc.get(0), asc.get(1));
    assertThat(first.get("first_id").asText()).isEqualTo(asc.get(0));
    assertThat(first.get("last_id").asText()).isEqualTo(asc.get(1));
    assertThat(first.get("has_more").asBoolean()).isTrue();
    JsonNode next =
        lister
            .send("GET", V1 + "?order=asc&limit=2&after=" + asc.get(1), null, "api-key", key)
            .json();
    assertThat(next.get("data").findValuesAsText("id")).containsExactly(asc.get(2));
    assertThat(next.get("has_more").asBoolean()).isFalse();
    JsonNode batch = lister.send("GET", V1 + "?purpose=batch", null, "api-key", key).json();
    assertThat(batch.get("data").findValuesAsText("id"))
        .containsExactlyElementsOf(desc.stream().filter(id -> !id.equals(ids.get(1))).toList());

    assertInvalid(
        lister.send("GET", V1 + "?purpose=vision", null, "api-key", key),
        "Invalid value for purpose.");
    for (String limit : List.of("0", "10001", "x")) {
      assertInvalid(
          lister.send("GET", V1 + "?limit=" + limit, null, "api-key", key),
          "Invalid value for limit: it must be a number from 1 to 10000.");
    }
    assertInvalid(
        lister.send("GET", V1 + "?order=up", null, "api-key", key),
        "Invalid value for order: it must be 'asc' or 'desc'.");
  }

  @Test
  void everyFilesRequestIsMetered() {
    server.server().flushUsage();
    long before = server.server().store().usageRecordCount();
    var uploaded =
        upload(DATED, new TestingMultipart().field("purpose", "batch").file("m.jsonl", LINES));
    String id = uploaded.json().get("id").asText();
    get(dated(id, ""));
    get(dated(id, "/content"));
    get(DATED);
    delete(dated(id, ""));
    upload(DATED, new TestingMultipart().field("purpose", "vision").file("m.jsonl", LINES));
    server.server().flushUsage();
    assertThat(server.server().store().usageRecordCount()).isEqualTo(before + 6);
  }

  @Test
  void aTokenCallerNeedsTheFilesDataActions() {
    JsonNode sp = cli("identity", "sp", "create", "--name", "files-app");
    String objectId =
        server.server().identities().servicePrincipals().stream()
            .filter(p -> p.appId().equals(sp.get("appId").asText()))
            .findFirst()
            .orElseThrow()
            .objectId();
    String token = token(sp);
    var form = new TestingMultipart().field("purpose", "batch").file("t.jsonl", LINES);
    var denied =
        TestingMultipart.post(
            server.endpoint() + V1,
            form.body(),
            "Authorization",
            "Bearer " + token,
            "Content-Type",
            TestingMultipart.contentType());
    assertThat(denied.status()).isEqualTo(401);
    assertThat(denied.body())
        .isEqualTo(
            "{\"error\":{\"code\":\"PermissionDenied\",\"message\":\"The principal `"
                + objectId
                + "` lacks the required data action"
                + " `Microsoft.CognitiveServices/accounts/OpenAI/files/write` to perform `POST"
                + " /openai/v1/files` operation.\"}}");
    var list = http.send("GET", DATED, null, "Authorization", "Bearer " + token);
    assertThat(list.status()).isEqualTo(401);
    assertThat(list.body()).contains("OpenAI/files/read").contains("`GET /openai/files`");

    // The OpenAI User role reads files (OpenAI/*/read) but may not upload or delete them.
    cli(
        "role",
        "assignment",
        "create",
        "--assignee",
        objectId,
        "--role",
        "Cognitive Services OpenAI User");
    assertThat(http.send("GET", DATED, null, "Authorization", "Bearer " + token).status())
        .isEqualTo(200);
    assertThat(
            TestingMultipart.post(
                    server.endpoint() + V1,
                    form.body(),
                    "Authorization",
                    "Bearer " + token,
                    "Content-Type",
                    TestingMultipart.contentType())
                .status())
        .isEqualTo(401);
    assertThat(
            http.send("DELETE", dated("file-x", ""), null, "Authorization", "Bearer " + token)
                .body())
        .contains("OpenAI/files/delete")
        .contains("`DELETE /openai/files/{file-id}`");

    cli(
        "role",
        "assignment",
        "create",
        "--assignee",
        objectId,
        "--role",
        "Cognitive Services OpenAI Contributor");
    var uploaded =
        TestingMultipart.post(
            server.endpoint() + V1,
            form.body(),
            "Authorization",
            "Bearer " + token,
            "Content-Type",
            TestingMultipart.contentType());
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
  }

  static JsonNode cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data-dir");
    all.add(server.dataDir().toString());
    var out = new java.io.StringWriter();
    var err = new java.io.StringWriter();
    var cli = dev.lazurite.cli.Main.commandLine();
    cli.setOut(new java.io.PrintWriter(out));
    cli.setErr(new java.io.PrintWriter(err));
    int code = cli.execute(all.toArray(String[]::new));
    assertThat(code).as(err.toString()).isZero();
    return out.toString().isBlank()
        ? null
        : dev.lazurite.json.Json.read(out.toString(), JsonNode.class);
  }

  static String token(JsonNode principal) {
    String tenant = server.server().identities().issuer().tenantId();
    var result =
        new TestingHttp(server.endpoint(), "")
            .sendForm(
                "/" + tenant + "/oauth2/v2.0/token",
                "grant_type=client_credentials&client_id="
                    + principal.get("appId").asText()
                    + "&client_secret="
                    + java.net.URLEncoder.encode(
                        principal.get("password").asText(), StandardCharsets.UTF_8)
                    + "&scope="
                    + java.net.URLEncoder.encode(
                        "https://cognitiveservices.azure.com/.default", StandardCharsets.UTF_8));
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return result.json().get("access_token").asText();
  }
}
