package dev.lazurite.batch;

import static dev.lazurite.batch.BatchTesting.VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingAccounts;
import dev.lazurite.testing.TestingServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /batches} pages with {@code after} and {@code limit}, newest first. */
class BatchListTest {
  static final int BATCHES = 5;

  static TestingServer server;
  static BatchTesting.Client http;
  static List<String> created = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = BatchTesting.start();
    http = new BatchTesting.Client(server);
    String fileId = BatchTesting.upload(server.server(), BatchTesting.lines(1, "gpt-4o-batch"));
    for (int i = 0; i < BATCHES; i++) {
      created.add(BatchTesting.create(http, fileId).json().path("id").asText());
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode list(String query) {
    var listed = http.get("/openai/batches?api-version=" + VERSION + query);
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    return listed.json();
  }

  @Test
  void pagesOfTwoWalkEveryBatchOnceInTheOrderOfOnePage() {
    JsonNode all = list("");
    List<String> whole = all.path("data").findValuesAsText("id");
    assertThat(whole).containsExactlyInAnyOrderElementsOf(created);
    assertThat(all.path("has_more").asBoolean()).isFalse();
    assertThat(all.path("first_id").asText()).isEqualTo(whole.getFirst());
    assertThat(all.path("last_id").asText()).isEqualTo(whole.getLast());

    List<String> walked = new ArrayList<>();
    String after = "";
    boolean more = true;
    while (more) {
      JsonNode page = list("&limit=2" + (after.isEmpty() ? "" : "&after=" + after));
      List<String> ids = page.path("data").findValuesAsText("id");
      assertThat(ids).hasSizeBetween(1, 2);
      walked.addAll(ids);
      more = page.path("has_more").asBoolean();
      after = page.path("last_id").asText();
    }
    assertThat(walked).containsExactlyElementsOf(whole);
  }

  @Test
  void theLastBatchAsCursorGivesAnEmptyPage() {
    List<String> whole = list("").path("data").findValuesAsText("id");
    JsonNode page = list("&after=" + whole.getLast());
    assertThat(page.path("data").isEmpty()).isTrue();
    assertThat(page.path("has_more").asBoolean()).isFalse();
  }

  @Test
  void limitsOutsideOneToAHundredAreRefused() {
    for (String limit : List.of("0", "101", "x", "-1", "2.5")) {
      var refused = http.get("/openai/batches?api-version=" + VERSION + "&limit=" + limit);
      assertThat(refused.status()).as(limit).isEqualTo(400);
      assertThat(refused.json().at("/error/param").asText()).isEqualTo("limit");
      assertThat(refused.json().at("/error/message").asText()).contains("'" + limit + "'");
    }
    assertThat(list("&limit=100").path("data")).hasSize(BATCHES);
  }

  @Test
  void anotherResourcesBatchIsNoCursorHere() {
    var accounts = new TestingAccounts(server);
    accounts.create("other-lists");
    var other = new BatchTesting.Client(server.http(), accounts.key1("other-lists"));
    var listed = other.get("/openai/batches?api-version=" + VERSION);
    assertThat(listed.json().path("data").isEmpty()).isTrue();
    var afterTheirs =
        other.get("/openai/batches?api-version=" + VERSION + "&after=" + created.getFirst());
    assertThat(afterTheirs.status()).isEqualTo(200);
    assertThat(afterTheirs.json().path("data").isEmpty()).isTrue();
  }
}
