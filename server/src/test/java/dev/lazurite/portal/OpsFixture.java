package dev.lazurite.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.backend.BackendKind;
import dev.lazurite.backend.BackendSecret;
import dev.lazurite.backend.BackendSpec;
import dev.lazurite.backend.FaultInjection;
import dev.lazurite.config.BatchConfig;
import dev.lazurite.control.Account;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.files.FilePurpose;
import dev.lazurite.portal.session.PortalPrincipal;
import dev.lazurite.portal.session.Sessions;
import dev.lazurite.server.ServerSecrets;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * What the tests of the search, content filter, pool and batch pages share: a server seeded with a
 * search service and index, a blocklist and a policy using it, a pooled batch deployment whose
 * backends answer slowly (so a batch stays running until it is cancelled), and the API calls that
 * check what a page changed.
 */
final class OpsFixture {
  static final String GROUP = Bootstrap.DEFAULT_RESOURCE_GROUP;
  static final String ACCOUNT = Bootstrap.DEFAULT_ACCOUNT;
  static final String BASE = "/portal/resources/" + GROUP + "/" + ACCOUNT;
  static final String SERVICE = "portal-svc";
  static final String BATCH_DEPLOYMENT = "ops-batch";
  static final String OTHER_ACCOUNT = "ops-other";

  static final String INDEX =
      """
      {"name": "docs", "fields": [
        {"name": "id", "type": "Edm.String", "key": true},
        {"name": "title", "type": "Edm.String"},
        {"name": "year", "type": "Edm.Int32", "filterable": true, "sortable": true},
        {"name": "vec", "type": "Collection(Edm.Single)", "searchable": true, "dimensions": 3,
         "vectorSearchProfile": "p"}],
       "vectorSearch": {"algorithms": [{"name": "h", "kind": "hnsw"}],
                        "profiles": [{"name": "p", "algorithm": "h"}]}}
      """;

  private OpsFixture() {}

  /** A server whose batch runner polls often and runs two lines of a deployment at a time. */
  static TestingServer start() {
    TestingServer server =
        TestingServer.start(
            c ->
                c.withBatch(
                    new BatchConfig(
                        Duration.ofMillis(100), Duration.ofSeconds(60), 2, Optional.empty())));
    seed(server);
    return server;
  }

  private static void seed(TestingServer server) {
    TestingCli.run(server, "search", "create", "--name", SERVICE);
    String admin =
        TestingCli.run(server, "search", "keys", "list", "--name", SERVICE)
            .path("primaryKey")
            .asText();
    var http = server.http();
    String search = "/search/" + SERVICE;
    assertThat(
            http.send("POST", search + "/indexes?api-version=2024-07-01", INDEX, "api-key", admin)
                .status())
        .isEqualTo(201);
    assertThat(
            http.send(
                    "POST",
                    search + "/indexes/docs/docs/index?api-version=2024-07-01",
                    """
                    {"value": [{"id": "a", "title": "red apple", "year": 2020, "vec": [1, 0, 0]},
                               {"id": "b", "title": "green pear", "year": 2021, "vec": [0, 1, 0]}]}
                    """,
                    "api-key",
                    admin)
                .status())
        .isEqualTo(200);
    TestingCli.run(
        server, "rai-blocklist", "create", "--name", "banned", "--description", "words we refuse");
    TestingCli.run(
        server,
        "rai-blocklist",
        "add-item",
        "--name",
        "banned",
        "--item",
        "codename",
        "--pattern",
        "Project Falcon");
    TestingCli.run(
        server,
        "rai-policy",
        "create",
        "--name",
        "strict",
        "--mode",
        "Asynchronous_filter",
        "--filter",
        "violence,prompt,low,block",
        "--blocklist",
        "banned,prompt,block");
    Account account = account(server);
    var control = server.server().control();
    var slow = new FaultInjection(0, 0, Duration.ofSeconds(5), 1, 0, Duration.ZERO, 0);
    control.putBackend(
        account,
        "slow-east",
        BackendSpec.of(BackendKind.SIMULATOR),
        "eastus",
        0,
        1,
        slow,
        BackendSecret.NONE);
    control.putBackend(
        account,
        "slow-west",
        BackendSpec.of(BackendKind.SIMULATOR),
        "westus",
        1,
        1,
        slow,
        BackendSecret.NONE);
    server.deploy(
        new DeploymentRequest(
            BATCH_DEPLOYMENT, "gpt-4o", "", "GlobalBatch", 500, "", "", Optional.empty()));
    control.setPool(account, BATCH_DEPLOYMENT, List.of("slow-east", "slow-west"));
  }

  static Account account(TestingServer server) {
    return server.server().control().account(server.server().subscriptionId(), GROUP, ACCOUNT);
  }

  /** Creates a batch of {@code lines} chat lines on the pooled deployment; returns its id. */
  static String batch(TestingServer server, int lines) {
    var out = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      out.append(
              "{\"custom_id\":\"t%d\",\"method\":\"POST\",\"url\":\"/chat/completions\",\"body\":{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi %d\"}]}}"
                  .formatted(i, BATCH_DEPLOYMENT, i))
          .append('\n');
    }
    String file;
    try {
      file =
          server
              .server()
              .files()
              .upload(
                  ACCOUNT,
                  FilePurpose.BATCH,
                  "batch.jsonl",
                  new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)),
                  OptionalLong.empty(),
                  Long.MAX_VALUE)
              .id();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var created =
        server
            .http()
            .send(
                "POST",
                "/openai/batches?api-version=2024-10-21",
                "{\"input_file_id\":\""
                    + file
                    + "\",\"endpoint\":\"/chat/completions\",\"completion_window\":\"24h\"}",
                "api-key",
                server.key());
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    return created.json().path("id").asText();
  }

  /** A batch's status, as the Batch API answers it. */
  static String batchStatus(TestingServer server, String id) {
    var got =
        server
            .http()
            .send(
                "GET",
                "/openai/batches/" + id + "?api-version=2024-10-21",
                null,
                "api-key",
                server.key());
    assertThat(got.status()).as(got.body()).isEqualTo(200);
    return got.json().path("status").asText();
  }

  /** An ARM call under the default account, as the admin. */
  static TestingHttp.Result arm(TestingServer server, String method, String path, String body) {
    return server
        .http()
        .send(
            method,
            "/subscriptions/"
                + server.server().subscriptionId()
                + "/resourceGroups/"
                + GROUP
                + "/providers/Microsoft.CognitiveServices/accounts/"
                + ACCOUNT
                + path
                + "?api-version=2024-10-01",
            body,
            "Authorization",
            "Bearer " + server.server().adminToken());
  }

  /** The item names of a blocklist, as ARM lists them. */
  static List<String> items(TestingServer server, String blocklist) {
    JsonNode value =
        arm(server, "GET", "/raiBlocklists/" + blocklist + "/raiBlocklistItems", null)
            .json()
            .path("value");
    var names = new java.util.ArrayList<String>();
    value.forEach(i -> names.add(i.path("name").asText()));
    return names;
  }

  /** A portal client signed in as the admin, holding the CSRF token of its first page. */
  static PortalClient admin(TestingServer server) {
    var client = new PortalClient(server.endpoint());
    assertThat(client.signIn(server.server().adminToken()).statusCode()).isEqualTo(303);
    assertThat(client.get("/portal/resources").statusCode()).isEqualTo(200);
    return client;
  }

  /** A portal client signed in as a new user principal holding {@code role} on the account. */
  static PortalClient user(TestingServer server, String role) {
    String user = UUID.randomUUID().toString();
    String scope =
        "/subscriptions/"
            + server.server().subscriptionId()
            + "/resourceGroups/"
            + GROUP
            + "/providers/Microsoft.CognitiveServices/accounts/"
            + ACCOUNT;
    server.server().control().assignRole(UUID.randomUUID().toString(), user, role, scope);
    var sessions =
        new Sessions(
            ServerSecrets.shared(
                server.server().store().secrets(),
                server.dataDir().resolve("portal"),
                "portal-session.key"),
            Clock.systemUTC(),
            Duration.ofHours(1));
    var client = new PortalClient(server.endpoint());
    client.cookie(
        sessions.encode(sessions.signIn(new PortalPrincipal.User(user, "user", Set.of()))));
    assertThat(client.get("/portal/resources").statusCode()).isEqualTo(200);
    return client;
  }
}
