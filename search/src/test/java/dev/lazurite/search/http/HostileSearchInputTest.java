package dev.lazurite.search.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.search.Embeddings;
import dev.lazurite.search.lucene.LuceneIndexStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the search API (too large, too deep, out of range) is a 400 in the service's error
 * envelope, never a server error.
 */
@Timeout(60)
class HostileSearchInputTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String DOCS = "/indexes('items')/docs";

  /** Vectors without a model: never called with hostile input. */
  static final Embeddings CONSTANT =
      new Embeddings() {
        @Override
        public List<float[]> embed(String resourceUri, String deployment, List<String> texts) {
          return rank(texts);
        }

        @Override
        public List<float[]> rank(List<String> texts) {
          List<float[]> out = new ArrayList<>();
          texts.forEach(t -> out.add(new float[] {1, 0, 0}));
          return out;
        }
      };

  @TempDir Path dir;
  LuceneIndexStore store;
  SearchApi api;

  @BeforeEach
  void open() {
    store = new LuceneIndexStore(dir, CONSTANT);
    api = new SearchApi("svc", store);
    var created =
        call(
            "POST",
            "/indexes",
            """
            {"name": "items", "fields": [
              {"name": "id", "type": "Edm.String", "key": true},
              {"name": "name", "type": "Edm.String", "filterable": true},
              {"name": "body", "type": "Edm.String", "filterable": false, "sortable": false,
               "facetable": false},
              {"name": "price", "type": "Edm.Double", "filterable": true},
              {"name": "sold", "type": "Edm.DateTimeOffset", "filterable": true},
              {"name": "v", "type": "Collection(Edm.Single)", "dimensions": 3,
               "vectorSearchProfile": "p"}],
             "vectorSearch": {"algorithms": [{"name": "x", "kind": "exhaustiveKnn"}],
                              "profiles": [{"name": "p", "algorithm": "x"}]}}
            """);
    assertThat(created.status()).as(body(created).toString()).isEqualTo(201);
    var indexed =
        call(
            "POST",
            DOCS + "/search.index",
            "{\"value\":[{\"id\":\"1\",\"name\":\"apple\",\"body\":\"an apple a day\","
                + "\"price\":1.5,\"v\":[1,0,0]}]}");
    assertThat(indexed.status()).isEqualTo(200);
  }

  @AfterEach
  void close() {
    store.close();
  }

  SearchReply call(String method, String path, String body) {
    return api.handle(
        new SearchCall(
            method,
            path,
            Map.of("api-version", List.of("2024-07-01")),
            Map.of(),
            body.getBytes(StandardCharsets.UTF_8),
            SearchCall.Access.ADMIN),
        "http://search.test");
  }

  static JsonNode body(SearchReply reply) {
    try {
      return JSON.readTree(reply.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Asserts a 400 in the service's envelope: an empty code and the message. */
  static String badRequest(SearchReply reply) {
    JsonNode body = body(reply);
    assertThat(reply.status()).as(body.toString()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(body.path("error").path("code").asText("missing")).isEmpty();
    return body.path("error").path("message").asText();
  }

  SearchReply search(ObjectNode request) {
    return call("POST", DOCS + "/search.post.search", request.toString());
  }

  @Test
  void refusesASearchTextOfFiveMegabytesAsTooComplex() {
    String words = "apple pear ".repeat(5 * 1024 * 1024 / 11);
    for (String type : List.of("simple", "full")) {
      var reply = search(JSON.createObjectNode().put("search", words).put("queryType", type));
      assertThat(badRequest(reply)).as(type).isNotBlank();
    }
    var simple = search(JSON.createObjectNode().put("search", words));
    assertThat(badRequest(simple)).contains("The query is too complex");
    var oneWord = search(JSON.createObjectNode().put("search", "x".repeat(5 * 1024 * 1024)));
    assertThat(badRequest(oneWord)).contains("The query is too complex");
  }

  @Test
  void refusesADocumentWithATermOverLucenesLimit() {
    String huge = "x".repeat(5 * 1024 * 1024);
    var reply =
        call(
            "POST",
            DOCS + "/search.index",
            "{\"value\":[{\"id\":\"2\",\"name\":\"" + huge + "\"}]}");
    assertThat(badRequest(reply))
        .startsWith(
            "The request is invalid. Details: Field 'name' contains a term that is too large to"
                + " process. The max length for UTF-8 encoded terms is 32766 bytes.");
    var searchable =
        call(
            "POST",
            DOCS + "/search.index",
            "{\"value\":[{\"id\":\"3\",\"body\":\"" + huge + "\"}]}");
    assertThat(searchable.status()).as("a searchable field is analysed into words").isEqualTo(200);
  }

  @Test
  void refusesVectorValuesOutsideSinglePrecision() {
    var document =
        call("POST", DOCS + "/search.index", "{\"value\":[{\"id\":\"4\",\"v\":[1e400,0,0]}]}");
    assertThat(badRequest(document))
        .isEqualTo(
            "The request is invalid. Details: Cannot convert the literal 'Infinity' to the expected"
                + " type 'Edm.Single'.");
    var tooLargeForFloat =
        call("POST", DOCS + "/search.index", "{\"value\":[{\"id\":\"4\",\"v\":[1e39,0,0]}]}");
    assertThat(badRequest(tooLargeForFloat)).contains("'Edm.Single'");
    var price =
        call("POST", DOCS + "/search.index", "{\"value\":[{\"id\":\"4\",\"price\":1e400}]}");
    assertThat(badRequest(price)).contains("'Edm.Double'");
    var query =
        call(
            "POST",
            DOCS + "/search.post.search",
            "{\"vectorQueries\":[{\"kind\":\"vector\",\"vector\":[1e400,0,0],\"fields\":\"v\"}]}");
    assertThat(badRequest(query)).contains("'Edm.Single'");
  }

  @Test
  void refusesAFilterNestedFiveThousandDeep() {
    String parens = "(".repeat(5_000) + "price gt 1" + ")".repeat(5_000);
    String nots = "not ".repeat(5_000) + "price gt 1";
    for (String filter : List.of(parens, nots)) {
      var reply = search(JSON.createObjectNode().put("filter", filter));
      assertThat(badRequest(reply))
          .isEqualTo(
              "Invalid expression: The recursion depth exceeded allowed limit.\r\n"
                  + "Parameter name: $filter");
    }
    String nested = "(".repeat(50) + "price gt 1" + ")".repeat(50);
    assertThat(search(JSON.createObjectNode().put("filter", nested)).status()).isEqualTo(200);
  }

  @Test
  void refusesAFilterOfFiveThousandClausesAsTooComplex() {
    String chain = String.join(" or ", java.util.Collections.nCopies(5_000, "price eq 1"));
    var reply = search(JSON.createObjectNode().put("filter", chain));
    assertThat(badRequest(reply)).contains("The query is too complex");
    String few = String.join(" or ", java.util.Collections.nCopies(100, "price eq 1.5"));
    var ok = search(JSON.createObjectNode().put("filter", few));
    assertThat(body(ok).path("value")).hasSize(1);
  }

  @Test
  void refusesFilterLiteralsOutOfRangeAndFiltersThatEndEarly() {
    for (String filter :
        List.of(
            "price eq 99999999999999999999999",
            "search.in(",
            "name eq 'a' and search.in(name,",
            "sold gt 2024-99-99T99:99:00Z")) {
      var reply = search(JSON.createObjectNode().put("filter", filter));
      assertThat(badRequest(reply)).as(filter).startsWith("Invalid expression: ");
    }
  }

  @Test
  void answersTheLargestPageAndNeighbourCountsWithinTheIndexsSize() {
    var page = search(JSON.createObjectNode().put("top", Integer.MAX_VALUE).put("skip", 1));
    assertThat(page.status()).as(body(page).toString()).isEqualTo(200);
    assertThat(body(page).path("value")).isEmpty();
    var neighbours =
        call(
            "POST",
            DOCS + "/search.post.search",
            "{\"vectorQueries\":[{\"kind\":\"vector\",\"vector\":[1,0,0],\"fields\":\"v\","
                + "\"k\":2000000000}]}");
    assertThat(neighbours.status()).as(body(neighbours).toString()).isEqualTo(200);
    assertThat(body(neighbours).path("value")).hasSize(1);
  }

  @Test
  void refusesIndexDefinitionsWithMembersOfTheWrongShape() {
    for (String definition :
        List.of(
            "{\"name\":\"bad\",\"fields\":[1]}",
            "{\"name\":\"bad\",\"fields\":[{\"name\":\"id\",\"type\":\"Edm.String\","
                + "\"key\":true}],\"vectorSearch\":{\"algorithms\":[1]}}",
            "{\"name\":\"bad\",\"fields\":[{\"name\":\"id\",\"type\":\"Edm.String\","
                + "\"key\":true}],\"vectorSearch\":{\"profiles\":[1],\"vectorizers\":[\"x\"]}}")) {
      var reply = call("POST", "/indexes", definition);
      assertThat(reply.status()).as(definition).isIn(201, 400);
      if (reply.status() == 400) {
        assertThat(badRequest(reply)).as(definition).startsWith("The request is invalid.");
      }
      call("DELETE", "/indexes('bad')", "");
    }
    assertThat(
            badRequest(
                call(
                    "POST",
                    "/indexes",
                    "{\"name\":\"bad\",\"fields\":[{\"name\":\"id\","
                        + "\"type\":\"Edm.String\",\"key\":true}],\"vectorSearch\":{\"algorithms\":[1]}}")))
        .isEqualTo(
            "The request is invalid. Details: definition : Each vector search algorithm must be an"
                + " object.");
  }
}
