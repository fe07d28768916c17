package dev.lazurite.portal;

import static dev.lazurite.portal.OpsFixture.BASE;
import static dev.lazurite.portal.OpsFixture.GROUP;
import static dev.lazurite.portal.OpsFixture.OTHER_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingAccounts;
import dev.lazurite.testing.TestingServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search, content filter, blocklist, pool and batch pages over plain HTTP: what they show, the
 * writes they make through the control plane and the batch service, and the input they refuse
 * (missing and malformed fields, another resource's names) without changing anything.
 */
class PortalOpsTest {
  private static final String OTHER = "/portal/resources/" + GROUP + "/" + OTHER_ACCOUNT;
  private static TestingServer server;

  @BeforeAll
  static void start() {
    server = OpsFixture.start();
    new TestingAccounts(server).create(OTHER_ACCOUNT);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theSearchPagesListIndexesTheirFieldsAndQueryThem() {
    var client = OpsFixture.admin(server);
    var list = client.get("/portal/search");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("data-service=\"portal-svc\"", "data-index=\"docs\"");
    String index = "/portal/search/index?service=portal-svc&index=docs";
    var page = client.get(index);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("data-field=\"title\"", "Collection(Edm.Single)", "<td>3</td>")
        .contains("<strong id=\"document-count\">2</strong>")
        .doesNotContain("data-key=");
    var apple = client.get(index + "&search=apple");
    assertThat(apple.statusCode()).isEqualTo(200);
    assertThat(apple.body())
        .contains("data-key=\"a\"", "red apple")
        .doesNotContain("data-key=\"b\"");
    assertThat(client.get(index + "&search=*").body()).contains("data-key=\"a\"", "data-key=\"b\"");
    assertThat(client.get(index + "&search=nothinglikethis").body()).contains("id=\"no-hits\"");
    assertThat(client.get(index + "&search=" + "a".repeat(1001)).statusCode()).isEqualTo(400);
    assertThat(client.get("/portal/search/index?service=portal-svc").statusCode()).isEqualTo(303);
    assertThat(client.get("/portal/search/index").statusCode()).isEqualTo(303);
    assertThat(client.get("/portal/search/index?service=nope&index=docs").statusCode())
        .isEqualTo(404);
    assertThat(client.get("/portal/search/index?service=portal-svc&index=nope").statusCode())
        .isEqualTo(404);
  }

  @Test
  void theContentFilterPageShowsThresholdsModesAndOnePolicy() {
    var client = OpsFixture.admin(server);
    var list = client.get(BASE + "/content-filters");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("data-policy=\"Microsoft.Default\"", "data-policy=\"strict\"")
        .contains("Asynchronous_filter", "Medium / Medium");
    var strict = client.get(BASE + "/content-filters?policy=strict");
    assertThat(strict.statusCode()).isEqualTo(200);
    assertThat(strict.body()).contains("id=\"filters\"", "Low", "banned (Prompt, blocking)");
    assertThat(client.get(BASE + "/content-filters?policy=nope").statusCode()).isEqualTo(404);
    assertThat(client.get(OTHER + "/content-filters?policy=strict").statusCode()).isEqualTo(404);
    assertThat(
            client
                .get("/portal/resources/" + GROUP + "/no-such-account/content-filters")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void aBlocklistItemIsAddedAndDeletedThroughTheControlPlane() {
    var client = OpsFixture.admin(server);
    var page = client.get(BASE + "/blocklists?blocklist=banned");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("data-item=\"codename\"", "Project Falcon", "id=\"add-item\"");
    String items = BASE + "/blocklists/banned/items";
    var added =
        client.post(items, Map.of("item", "cards", "pattern", "\\d{4}-\\d{4}", "regex", "true"));
    assertThat(added.statusCode()).isEqualTo(303);
    assertThat(added.headers().firstValue("Location"))
        .contains(BASE + "/blocklists?blocklist=banned");
    assertThat(OpsFixture.items(server, "banned")).contains("codename", "cards");
    var regex =
        OpsFixture.arm(server, "GET", "/raiBlocklists/banned/raiBlocklistItems/cards", null);
    assertThat(regex.json().path("properties").path("isRegex").asBoolean()).isTrue();

    var deleted = client.post(items + "/delete", Map.of("item", "cards"));
    assertThat(deleted.statusCode()).isEqualTo(303);
    assertThat(OpsFixture.items(server, "banned")).containsExactly("codename");
  }

  @Test
  void badBlocklistFormsAreRefusedAndChangeNothing() {
    var client = OpsFixture.admin(server);
    client.get(BASE + "/blocklists?blocklist=banned");
    String items = BASE + "/blocklists/banned/items";
    assertThat(client.post(items, Map.of("item", "x")).statusCode()).isEqualTo(400);
    assertThat(client.post(items, Map.of("pattern", "y")).statusCode()).isEqualTo(400);
    assertThat(client.post(items, Map.of("item", "  ", "pattern", "y")).statusCode())
        .isEqualTo(400);
    assertThat(client.post(items, Map.of("item", "bad name!", "pattern", "y")).statusCode())
        .isEqualTo(400);
    assertThat(client.post(items, Map.of("item", "r", "pattern", "(", "regex", "on")).statusCode())
        .isEqualTo(400);
    assertThat(client.post(items, Map.of("item", "long", "pattern", "p".repeat(1001))).statusCode())
        .isEqualTo(400);
    assertThat(client.postRaw(items, "_csrf=" + client.csrf() + "&item=%ZZ&pattern=q").statusCode())
        .isEqualTo(400);
    assertThat(
            client
                .post(BASE + "/blocklists/nope/items", Map.of("item", "x", "pattern", "y"))
                .statusCode())
        .isEqualTo(404);
    assertThat(
            client
                .post(OTHER + "/blocklists/banned/items", Map.of("item", "x", "pattern", "y"))
                .statusCode())
        .isEqualTo(404);
    assertThat(client.post(items + "/delete", Map.of("item", "nope")).statusCode()).isEqualTo(404);
    assertThat(client.post(items + "/delete", Map.of()).statusCode()).isEqualTo(400);
    assertThat(
            client
                .post(OTHER + "/blocklists/banned/items/delete", Map.of("item", "codename"))
                .statusCode())
        .isEqualTo(404);
    assertThat(client.get(BASE + "/blocklists?blocklist=nope").statusCode()).isEqualTo(404);
    assertThat(OpsFixture.items(server, "banned")).containsExactly("codename");
  }

  @Test
  void thePoolsPageShowsEachBackendsBreakerAndNoSecret() {
    var client = OpsFixture.admin(server);
    var page = client.get(BASE + "/pools");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "data-pool=\"ops-batch\"", "data-member=\"slow-east\"", "data-member=\"slow-west\"")
        .contains("eastus", "CLOSED", "healthy", "data-backend=\"slow-east\"")
        .doesNotContain(server.key(), server.server().adminToken());
    assertThat(client.get(OTHER + "/pools").body()).doesNotContain("data-pool=");
  }

  @Test
  void aRunningBatchIsListedAndCancelledOnlyUnderItsOwnResource() {
    var client = OpsFixture.admin(server);
    String id = OpsFixture.batch(server, 40);
    var page = client.get(BASE + "/batches");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "data-batch=\"" + id + "\"", "id=\"cancel-" + id + "\"", "ops-batch", "<progress");
    assertThat(client.post(OTHER + "/batches/" + id + "/cancel", Map.of()).statusCode())
        .isEqualTo(404);
    assertThat(OpsFixture.batchStatus(server, id)).isIn("validating", "in_progress");
    assertThat(client.post(BASE + "/batches/batch_nope/cancel", Map.of()).statusCode())
        .isEqualTo(404);
    var cancelled = client.post(BASE + "/batches/" + id + "/cancel", Map.of());
    assertThat(cancelled.statusCode()).isEqualTo(303);
    assertThat(cancelled.headers().firstValue("Location")).contains(BASE + "/batches");
    assertThat(OpsFixture.batchStatus(server, id)).isIn("cancelling", "cancelled");
    assertThat(client.get(BASE + "/batches").body()).doesNotContain("id=\"cancel-" + id + "\"");
    assertThat(client.get(OTHER + "/batches").body()).doesNotContain(id);
  }
}
