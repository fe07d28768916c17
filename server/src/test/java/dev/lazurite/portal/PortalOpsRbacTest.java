package dev.lazurite.portal;

import static dev.lazurite.portal.OpsFixture.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search, content filter, blocklist, pool and batch pages follow the principal's role
 * assignments: a reader sees them and changes nothing; a contributor changes what its role allows.
 */
class PortalOpsRbacTest {
  private static TestingServer server;

  @BeforeAll
  static void start() {
    server = OpsFixture.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anOpenAiUserReadsButNeitherAddsItemsNorCancelsBatches() {
    var client = OpsFixture.user(server, "Cognitive Services OpenAI User");
    assertThat(client.get(BASE + "/content-filters").statusCode()).isEqualTo(200);
    var blocklists = client.get(BASE + "/blocklists?blocklist=banned");
    assertThat(blocklists.statusCode()).isEqualTo(200);
    assertThat(blocklists.body()).contains("codename").doesNotContain("add-item", "Delete");
    assertThat(client.get(BASE + "/pools").statusCode()).isEqualTo(200);
    String id = OpsFixture.batch(server, 20);
    var batches = client.get(BASE + "/batches");
    assertThat(batches.statusCode()).isEqualTo(200);
    assertThat(batches.body()).contains(id).doesNotContain("id=\"cancel-");
    assertThat(
            client
                .post(BASE + "/blocklists/banned/items", Map.of("item", "x", "pattern", "y"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            client
                .post(BASE + "/blocklists/banned/items/delete", Map.of("item", "codename"))
                .statusCode())
        .isEqualTo(403);
    assertThat(client.post(BASE + "/batches/" + id + "/cancel", Map.of()).statusCode())
        .isEqualTo(403);
    assertThat(OpsFixture.items(server, "banned")).containsExactly("codename");
    assertThat(OpsFixture.batchStatus(server, id)).isIn("validating", "in_progress");
    // A role on one resource is no role on the subscription's search services.
    assertThat(client.get("/portal/search").statusCode()).isEqualTo(403);
    assertThat(client.get("/portal/search/index?service=portal-svc&index=docs").statusCode())
        .isEqualTo(403);
  }

  @Test
  void aCognitiveServicesContributorAddsItemsAndCancelsBatches() {
    var client = OpsFixture.user(server, "Cognitive Services Contributor");
    var page = client.get(BASE + "/blocklists?blocklist=banned");
    assertThat(page.body()).contains("add-item");
    assertThat(
            client
                .post(BASE + "/blocklists/banned/items", Map.of("item", "rbac", "pattern", "z"))
                .statusCode())
        .isEqualTo(303);
    assertThat(OpsFixture.items(server, "banned")).contains("rbac");
    assertThat(
            client
                .post(BASE + "/blocklists/banned/items/delete", Map.of("item", "rbac"))
                .statusCode())
        .isEqualTo(303);
    String id = OpsFixture.batch(server, 20);
    assertThat(client.get(BASE + "/batches").body()).contains("id=\"cancel-" + id + "\"");
    assertThat(client.post(BASE + "/batches/" + id + "/cancel", Map.of()).statusCode())
        .isEqualTo(303);
    assertThat(OpsFixture.batchStatus(server, id)).isIn("cancelling", "cancelled");
  }
}
