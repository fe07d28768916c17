package dev.lazurite.api.responses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code file_search} tool over the server's own search indexes: the call item before the
 * answer, its results when included, file citations, streaming events, stored chains.
 */
class FileSearchTest {
  static final String V1 = "/openai/v1/responses";
  static TestingServer server;
  static TestingHttp http;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    http = server.http();
    dev.lazurite.testing.TestingFilters.annotateOnly(server, "gpt-4o");
    index("kb", "handbook");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A search service with an index of three policy documents. */
  static void index(String service, String index, String... cli) {
    List<String> create = new ArrayList<>(List.of("search", "create", "--name", service));
    create.addAll(List.of(cli));
    TestingCli.run(server, create.toArray(String[]::new));
    List<String> keys = new ArrayList<>(List.of("search", "keys", "list", "--name", service));
    keys.addAll(List.of(cli));
    String key = TestingCli.run(server, keys.toArray(String[]::new)).path("primaryKey").asText();
    var search = new TestingHttp(server.endpoint(), key);
    var created =
        search.send(
            "PUT",
            "/search/" + service + "/indexes('" + index + "')?api-version=2024-07-01",
            "{\"fields\":[{\"name\":\"id\",\"type\":\"Edm.String\",\"key\":true},"
                + "{\"name\":\"title\",\"type\":\"Edm.String\",\"searchable\":true},"
                + "{\"name\":\"filepath\",\"type\":\"Edm.String\",\"filterable\":true},"
                + "{\"name\":\"year\",\"type\":\"Edm.Int32\",\"filterable\":true},"
                + "{\"name\":\"content\",\"type\":\"Edm.String\",\"searchable\":true}]}",
            "api-key",
            key);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    var batch = Json.MAPPER.createObjectNode();
    var value = batch.putArray("value");
    String[][] docs = {
      {
        "1",
        "Vacation policy",
        "vacation.md",
        "2024",
        "Employees get 25 days of paid vacation a year."
      },
      {
        "2",
        "Travel policy",
        "travel.md",
        "2025",
        "Travel by train is preferred for trips under 500 km."
      },
      {"3", "Laptop policy", "laptop.md", "2025", "Laptops are replaced every three years."}
    };
    for (String[] d : docs) {
      value
          .addObject()
          .put("@search.action", "upload")
          .put("id", d[0])
          .put("title", d[1])
          .put("filepath", d[2])
          .put("year", Integer.parseInt(d[3]))
          .put("content", d[4]);
    }
    var upload =
        search.send(
            "POST",
            "/search/"
                + service
                + "/indexes('"
                + index
                + "')/docs/search.index?api-version=2024-07-01",
            batch.toString(),
            "api-key",
            key);
    assertThat(upload.status()).as(upload.body()).isEqualTo(200);
  }

  static String body(String tool, String extra) {
    return "{\"model\":\"gpt-4o\",\"input\":\"How many days of paid vacation do employees get?\","
        + "\"tools\":["
        + tool
        + "]"
        + extra
        + "}";
  }

  static final String TOOL = "{\"type\":\"file_search\",\"vector_store_ids\":[\"handbook\"]}";

  static JsonNode create(String body) {
    var result = http.post(V1, body);
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return result.json();
  }

  static void assertInvalid(String body, String param) {
    var result = http.post(V1, body);
    assertThat(result.status()).as(result.body()).isEqualTo(400);
    JsonNode error = result.json().get("error");
    assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.get("param").asText(null)).as(result.body()).isEqualTo(param);
    assertThat(error.get("message").asText()).isNotBlank();
  }

  @Test
  void theCallComesFirstAndTheAnswerCitesTheDocument() {
    JsonNode r = create(body(TOOL, ""));
    assertThat(r.get("status").asText()).isEqualTo("completed");
    JsonNode call = r.get("output").get(0);
    assertThat(call.get("type").asText()).isEqualTo("file_search_call");
    assertThat(call.get("id").asText()).startsWith("fs_");
    assertThat(call.get("status").asText()).isEqualTo("completed");
    assertThat(call.get("queries"))
        .containsExactly(
            Json.MAPPER.valueToTree("How many days of paid vacation do employees get?"));
    assertThat(call.get("results").isNull()).isTrue();
    JsonNode message = r.get("output").get(1);
    assertThat(message.get("type").asText()).isEqualTo("message");
    JsonNode text = message.get("content").get(0);
    assertThat(text.get("text").asText()).contains("25 days");
    JsonNode annotations = text.get("annotations");
    assertThat(annotations).isNotEmpty();
    JsonNode first = annotations.get(0);
    assertThat(first.get("type").asText()).isEqualTo("file_citation");
    assertThat(first.get("file_id").asText()).isEqualTo("vacation.md");
    assertThat(first.get("filename").asText()).isEqualTo("vacation.md");
    int index = first.get("index").asInt();
    assertThat(text.get("text").asText().substring(index)).startsWith("[doc");
    assertThat(r.get("tools").get(0).get("type").asText()).isEqualTo("file_search");
    assertThat(r.get("tools").get(0).get("vector_store_ids").get(0).asText()).isEqualTo("handbook");
    // The grounded prompt, with the documents, is what was counted.
    JsonNode plain = create("{\"model\":\"gpt-4o\",\"input\":\"How many days of paid vacation?\"}");
    assertThat(r.at("/usage/input_tokens").asInt())
        .isGreaterThan(plain.at("/usage/input_tokens").asInt() + 20);
  }

  @Test
  void includeAsksForTheResultsWithScoresAndAttributes() {
    JsonNode r =
        create(
            body(
                "{\"type\":\"file_search\",\"vector_store_ids\":[\"kb/handbook\"],"
                    + "\"max_num_results\":2}",
                ",\"include\":[\"file_search_call.results\"]"));
    JsonNode results = r.get("output").get(0).get("results");
    assertThat(results.isArray()).isTrue();
    assertThat(results.size()).isBetween(1, 2);
    JsonNode top = results.get(0);
    assertThat(top.get("file_id").asText()).isEqualTo("vacation.md");
    assertThat(top.get("filename").asText()).isEqualTo("vacation.md");
    assertThat(top.get("text").asText()).contains("25 days");
    assertThat(top.get("score").asDouble()).isPositive();
    assertThat(top.get("attributes").get("title").asText()).isEqualTo("Vacation policy");
  }

  @Test
  void aFilterNarrowsTheSearchToMatchingDocuments() {
    JsonNode r =
        create(
            body(
                "{\"type\":\"file_search\",\"vector_store_ids\":[\"handbook\"],\"filters\":"
                    + "{\"type\":\"and\",\"filters\":[{\"type\":\"gte\",\"key\":\"year\","
                    + "\"value\":2025},{\"type\":\"ne\",\"key\":\"filepath\","
                    + "\"value\":\"laptop.md\"}]}}",
                ",\"include\":[\"file_search_call.results\"]"));
    JsonNode results = r.get("output").get(0).get("results");
    for (JsonNode result : results) {
      assertThat(result.get("file_id").asText()).isEqualTo("travel.md");
    }
  }

  @Test
  void streamedTheCallsEventsComeBeforeTheMessagesInOrder() {
    var result = http.post(V1, body(TOOL, ",\"stream\":true"));
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    List<JsonNode> events = result.events();
    List<String> types = events.stream().map(e -> e.get("type").asText()).toList();
    assertThat(types.subList(0, 7))
        .containsExactly(
            "response.created",
            "response.in_progress",
            "response.output_item.added",
            "response.file_search_call.in_progress",
            "response.file_search_call.searching",
            "response.file_search_call.completed",
            "response.output_item.done");
    assertThat(events.get(2).at("/item/type").asText()).isEqualTo("file_search_call");
    assertThat(events.get(2).at("/item/status").asText()).isEqualTo("in_progress");
    String callId = events.get(2).at("/item/id").asText();
    assertThat(events.get(3).get("item_id").asText()).isEqualTo(callId);
    assertThat(events.get(3).get("output_index").asInt()).isZero();
    assertThat(events.get(6).at("/item/status").asText()).isEqualTo("completed");
    assertThat(types.get(7)).isEqualTo("response.output_item.added");
    assertThat(events.get(7).at("/item/type").asText()).isEqualTo("message");
    assertThat(events.get(7).get("output_index").asInt()).isEqualTo(1);
    assertThat(types).contains("response.output_text.annotation.added");
    assertThat(types.getLast()).isEqualTo("response.completed");
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).get("sequence_number").asInt()).isEqualTo(i);
    }
    JsonNode completed = events.getLast().get("response");
    assertThat(completed.at("/output/0/type").asText()).isEqualTo("file_search_call");
    assertThat(completed.at("/output/1/content/0/annotations/0/type").asText())
        .isEqualTo("file_citation");
    // The stored response is the streamed one.
    JsonNode stored =
        http.send("GET", V1 + "/" + completed.get("id").asText(), null, "api-key", server.key())
            .json();
    assertThat(stored.get("output")).isEqualTo(completed.get("output"));
  }

  @Test
  void aStoredResponseKeepsTheCallAndAChainGoesOn() {
    JsonNode first = create(body(TOOL, ""));
    String id = first.get("id").asText();
    JsonNode stored = http.send("GET", V1 + "/" + id, null, "api-key", server.key()).json();
    assertThat(stored.at("/output/0/type").asText()).isEqualTo("file_search_call");
    assertThat(stored.get("output")).isEqualTo(first.get("output"));
    JsonNode next =
        create(
            "{\"model\":\"gpt-4o\",\"previous_response_id\":\""
                + id
                + "\",\"input\":\"And how is travel handled?\",\"tools\":["
                + TOOL
                + "]}");
    assertThat(next.at("/output/0/type").asText()).isEqualTo("file_search_call");
    assertThat(next.at("/output/0/queries/0").asText()).isEqualTo("And how is travel handled?");
    JsonNode plain =
        create(
            "{\"model\":\"gpt-4o\",\"previous_response_id\":\""
                + next.get("id").asText()
                + "\",\"input\":\"Thanks.\"}");
    assertThat(plain.at("/output/0/type").asText()).isEqualTo("message");
    JsonNode items =
        http.send(
                "GET",
                V1 + "/" + next.get("id").asText() + "/input_items",
                null,
                "api-key",
                server.key())
            .json();
    assertThat(items.get("data")).hasSize(1);
  }

  @Test
  void anEarlierOutputGivenBackAsInputIsAccepted() throws java.io.IOException {
    JsonNode first = create(body(TOOL, ",\"store\":false"));
    var input = Json.MAPPER.createArrayNode();
    input.addObject().put("role", "user").put("content", "How much paid vacation?");
    first.get("output").forEach(input::add);
    input.addObject().put("role", "user").put("content", "And how is travel handled?");
    var next = Json.MAPPER.createObjectNode().put("model", "gpt-4o");
    next.set("input", input);
    next.putArray("tools").add(Json.MAPPER.readTree(TOOL));
    JsonNode r = create(next.toString());
    assertThat(r.at("/output/0/queries/0").asText()).isEqualTo("And how is travel handled?");
    assertInvalid(
        "{\"model\":\"gpt-4o\",\"input\":[{\"type\":\"file_search_call\",\"id\":\"fs_1\","
            + "\"queries\":\"q\"}]}",
        "input[0].queries");
  }

  @Test
  void aBackgroundResponseSearchesToo() throws InterruptedException {
    JsonNode queued = create(body(TOOL, ",\"background\":true"));
    assertThat(queued.get("status").asText()).isEqualTo("queued");
    String path = V1 + "/" + queued.get("id").asText();
    JsonNode r = queued;
    long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    while (!r.get("status").asText().equals("completed") && System.nanoTime() < until) {
      Thread.sleep(100);
      r = http.send("GET", path, null, "api-key", server.key()).json();
    }
    assertThat(r.get("status").asText()).isEqualTo("completed");
    assertThat(r.at("/output/0/type").asText()).isEqualTo("file_search_call");
    assertThat(r.at("/output/1/content/0/annotations/0/file_id").asText()).isEqualTo("vacation.md");
  }

  @Test
  void unknownStoresAndBadShapesAre400sNamingTheParameter() {
    assertInvalid(
        body("{\"type\":\"file_search\",\"vector_store_ids\":[\"nosuch\"]}", ""),
        "tools[0].vector_store_ids[0]");
    assertInvalid(
        body("{\"type\":\"file_search\",\"vector_store_ids\":[\"other/handbook\"]}", ""),
        "tools[0].vector_store_ids[0]");
    assertInvalid(
        body("{\"type\":\"file_search\",\"vector_store_ids\":[]}", ""),
        "tools[0].vector_store_ids");
    assertInvalid(body("{\"type\":\"file_search\"}", ""), "tools[0].vector_store_ids");
    assertInvalid(
        body("{\"type\":\"file_search\",\"vector_store_ids\":\"handbook\"}", ""),
        "tools[0].vector_store_ids");
    assertInvalid(
        body("{\"type\":\"file_search\",\"vector_store_ids\":[7]}", ""),
        "tools[0].vector_store_ids[0]");
    assertInvalid(
        body("{\"type\":\"file_search\",\"vector_store_ids\":[\"a\",\"b\"]}", ""),
        "tools[0].vector_store_ids");
    assertInvalid(
        body("{\"type\":\"file_search\",\"vector_store_ids\":[\"handbook\"],\"colour\":1}", ""),
        "tools[0].colour");
    assertInvalid(
        body(
            "{\"type\":\"file_search\",\"vector_store_ids\":[\"handbook\"],\"max_num_results\":51}",
            ""),
        "tools[0].max_num_results");
    assertInvalid(
        body(
            "{\"type\":\"file_search\",\"vector_store_ids\":[\"handbook\"],\"max_num_results\":0}",
            ""),
        "tools[0].max_num_results");
    assertInvalid(
        body(
            "{\"type\":\"file_search\",\"vector_store_ids\":[\"handbook\"],"
                + "\"max_num_results\":\"5\"}",
            ""),
        "tools[0].max_num_results");
    assertInvalid(
        body(
            "{\"type\":\"file_search\",\"vector_store_ids\":[\"handbook\"],"
                + "\"ranking_options\":{\"score_threshold\":2}}",
            ""),
        "tools[0].ranking_options.score_threshold");
    assertInvalid(
        body(
            "{\"type\":\"file_search\",\"vector_store_ids\":[\"handbook\"],"
                + "\"ranking_options\":{\"ranker\":\"best\"}}",
            ""),
        "tools[0].ranking_options.ranker");
    assertInvalid(body(TOOL + "," + TOOL, ""), "tools[1]");
    assertInvalid(body(TOOL, ",\"include\":[3]"), "include[0]");
    assertInvalid(
        "{\"model\":\"gpt-4o\",\"input\":\"Hi\",\"tool_choice\":{\"type\":\"file_search\"}}",
        "tool_choice");
  }

  @Test
  void unsupportedFiltersAre400s() {
    String prefix = "{\"type\":\"file_search\",\"vector_store_ids\":[\"handbook\"],\"filters\":";
    assertInvalid(
        body(prefix + "{\"type\":\"like\",\"key\":\"year\",\"value\":1}}", ""),
        "tools[0].filters.type");
    assertInvalid(
        body(prefix + "{\"type\":\"eq\",\"key\":\"colour\",\"value\":\"red\"}}", ""),
        "tools[0].filters.key");
    assertInvalid(
        body(prefix + "{\"type\":\"gt\",\"key\":\"title\",\"value\":true}}", ""),
        "tools[0].filters.value");
    assertInvalid(
        body(prefix + "{\"type\":\"eq\",\"key\":\"year\",\"value\":\"2025\"}}", ""),
        "tools[0].filters.value");
    assertInvalid(
        body(prefix + "{\"type\":\"eq\",\"key\":\"year\",\"value\":{\"a\":1}}}", ""),
        "tools[0].filters.value");
    assertInvalid(
        body(prefix + "{\"type\":\"eq\",\"key\":\"year\"}}", ""), "tools[0].filters.value");
    assertInvalid(
        body(prefix + "{\"type\":\"and\",\"filters\":[]}}", ""), "tools[0].filters.filters");
    assertInvalid(
        body(
            prefix
                + "{\"type\":\"or\",\"filters\":[{\"type\":\"eq\",\"key\":\"year\","
                + "\"value\":1,\"x\":2}]}}",
            ""),
        "tools[0].filters.filters[0].x");
    assertInvalid(body(prefix + "[1]}", ""), "tools[0].filters");
  }

  @Test
  void anotherResourceGroupsIndexIsRefused() {
    TestingCli.run(server, "group", "create", "--name", "elsewhere", "--location", "westus");
    index("theirs", "secrets", "-g", "elsewhere");
    assertInvalid(
        body("{\"type\":\"file_search\",\"vector_store_ids\":[\"secrets\"]}", ""),
        "tools[0].vector_store_ids[0]");
    assertInvalid(
        body("{\"type\":\"file_search\",\"vector_store_ids\":[\"theirs/secrets\"]}", ""),
        "tools[0].vector_store_ids[0]");
  }

  @Test
  void anInputWithoutUserTextIsRefused() {
    assertInvalid(
        "{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"developer\",\"content\":\"Be brief.\"}],"
            + "\"tools\":["
            + TOOL
            + "]}",
        "input");
  }
}
