package dev.lazurite.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.search.Embeddings;
import dev.lazurite.search.SearchException;
import dev.lazurite.search.engine.SearchQuery;
import dev.lazurite.search.schema.IndexSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Lucene store behind the search API: filters, ordering, facets, batches and reopening. */
class LuceneIndexStoreTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Vectors by letter counts: enough to tell texts apart without a model. */
  static final Embeddings LETTERS =
      new Embeddings() {
        @Override
        public List<float[]> embed(String resourceUri, String deployment, List<String> texts) {
          return rank(texts);
        }

        @Override
        public List<float[]> rank(List<String> texts) {
          List<float[]> out = new ArrayList<>();
          for (String t : texts) {
            float[] v = new float[3];
            for (char c : t.toLowerCase().toCharArray()) {
              if (c >= 'a' && c <= 'c') {
                v[c - 'a']++;
              }
            }
            double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            for (int i = 0; i < 3; i++) {
              v[i] = n == 0 ? 0 : (float) (v[i] / n);
            }
            out.add(v);
          }
          return out;
        }
      };

  @TempDir Path dir;
  LuceneIndexStore store;

  @BeforeEach
  void open() throws Exception {
    store = new LuceneIndexStore(dir, LETTERS);
    store.put(
        IndexSchema.parse(
            JSON.readTree(
                """
                {"name": "items", "fields": [
                  {"name": "id", "type": "Edm.String", "key": true},
                  {"name": "name", "type": "Edm.String"},
                  {"name": "price", "type": "Edm.Double"},
                  {"name": "stock", "type": "Edm.Int64"},
                  {"name": "sold", "type": "Edm.DateTimeOffset"},
                  {"name": "active", "type": "Edm.Boolean"},
                  {"name": "tags", "type": "Collection(Edm.String)"},
                  {"name": "v", "type": "Collection(Edm.Single)", "dimensions": 3, "vectorSearchProfile": "p"}],
                 "vectorSearch": {"algorithms": [{"name": "x", "kind": "exhaustiveKnn"}],
                                  "profiles": [{"name": "p", "algorithm": "x", "vectorizer": "z"}],
                                  "vectorizers": [{"name": "z", "kind": "azureOpenAI",
                                    "azureOpenAIParameters": {"deploymentId": "letters"}}]}}
                """),
            Optional.empty(),
            "\"0x1\""));
    List<ObjectNode> docs = new ArrayList<>();
    String[][] rows = {
      {"1", "aaa apple", "1.5", "10", "2024-01-01T00:00:00Z", "true", "red,fruit", "1,0,0"},
      {"2", "bbb banana", "0.5", "0", "2024-03-01T00:00:00Z", "false", "yellow,fruit", "0,1,0"},
      {"3", "ccc carrot", "2.0", "5", "2024-02-01T00:00:00Z", "true", "orange,vegetable", "0,0,1"},
      {"4", "O'Neil's pie", "9.0", "1", "2023-12-24T18:00:00+01:00", "true", "", "1,1,0"}
    };
    for (String[] r : rows) {
      ObjectNode d = JSON.createObjectNode();
      d.put("id", r[0]).put("name", r[1]).put("price", Double.parseDouble(r[2]));
      d.put("stock", Long.parseLong(r[3]))
          .put("sold", r[4])
          .put("active", Boolean.parseBoolean(r[5]));
      var tags = d.putArray("tags");
      for (String t : r[6].split(",")) {
        if (!t.isEmpty()) {
          tags.add(t);
        }
      }
      var v = d.putArray("v");
      for (String x : r[7].split(",")) {
        v.add(Float.parseFloat(x));
      }
      docs.add(d);
    }
    store.documents("items").orElseThrow().index(docs);
  }

  @AfterEach
  void close() {
    store.close();
  }

  List<String> ids(String body) throws Exception {
    var result =
        store.documents("items").orElseThrow().search(SearchQuery.parse(JSON.readTree(body)));
    return result.hits().stream().map(h -> h.document().path("id").asText()).toList();
  }

  @ParameterizedTest
  @CsvSource(
      quoteCharacter = '"',
      delimiterString = " => ",
      value = {
        "price gt 1.0 and active => 1,3,4",
        "price ge 2 => 3,4",
        "stock eq 0 or stock le 1 => 2,4",
        "not active => 2",
        "active eq false => 2",
        "sold lt 2024-02-01T00:00:00Z => 1,4",
        "tags/any(t: t eq 'fruit') => 1,2",
        "tags/any() => 1,2,3",
        "not tags/any() => 4",
        "tags/all(t: t ne 'fruit') => 3,4",
        "search.in(id, '1 3') => 1,3",
        "search.in(id, '2|4', '|') => 2,4",
        "name eq 'O''Neil''s pie' => 4",
        "(id eq '1' or id eq '2') and price lt 1 => 2",
        "search.ismatch('carrot') => 3",
        "name ne null and id ne '1' => 2,3,4",
      })
  void filters(String filter, String expected) throws Exception {
    var body = JSON.createObjectNode().put("filter", filter).put("orderby", "id asc");
    assertThat(ids(body.toString())).containsExactly(expected.split(","));
  }

  @Test
  void ordersFacetsAndFindsNearestVectors() throws Exception {
    assertThat(ids("{\"orderby\": \"price desc\"}")).containsExactly("4", "3", "1", "2");
    assertThat(ids("{\"orderby\": \"sold asc, id desc\"}")).containsExactly("4", "1", "3", "2");
    var result =
        store
            .documents("items")
            .orElseThrow()
            .search(
                SearchQuery.parse(
                    JSON.readTree(
                        "{\"facets\": [\"tags,count:2\", \"active\", \"stock,sort:value\"]}")));
    assertThat(result.facets().get("tags"))
        .extracting(b -> b.value() + "=" + b.count())
        .containsExactly("fruit=2", "orange=1");
    assertThat(result.facets().get("active"))
        .extracting(b -> b.value() + "=" + b.count())
        .containsExactly("true=3", "false=1");
    assertThat(result.facets().get("stock"))
        .extracting(b -> b.value())
        .containsExactly(0L, 1L, 5L, 10L);
    assertThat(
            ids(
                "{\"vectorQueries\": [{\"kind\": \"vector\", \"vector\": [0.9, 0.1, 0], \"fields\": \"v\", \"k\": 2}]}"))
        .containsExactly("1", "4");
    assertThat(
            ids(
                "{\"vectorQueries\": [{\"kind\": \"text\", \"text\": \"cc\", \"fields\": \"v\", \"k\": 1}], \"filter\": \"id ne '3'\"}"))
        .hasSize(1)
        .doesNotContain("3");
  }

  @Test
  void batchesMergeAndReopen() throws Exception {
    var docs = store.documents("items").orElseThrow();
    var results =
        docs.index(
            List.of(
                (ObjectNode)
                    JSON.readTree("{\"@search.action\": \"merge\", \"id\": \"1\", \"price\": 3.0}"),
                (ObjectNode)
                    JSON.readTree(
                        "{\"@search.action\": \"mergeOrUpload\", \"id\": \"9\", \"name\": \"new\"}"),
                (ObjectNode)
                    JSON.readTree("{\"@search.action\": \"merge\", \"id\": \"9\", \"stock\": 2}"),
                (ObjectNode) JSON.readTree("{\"@search.action\": \"delete\", \"id\": \"2\"}")));
    assertThat(results).extracting(r -> r.statusCode()).containsExactly(200, 201, 200, 200);
    store.close();
    store = new LuceneIndexStore(dir, LETTERS);
    var reopened = store.documents("items").orElseThrow();
    assertThat(reopened.count()).isEqualTo(4);
    assertThat(reopened.lookup("1", List.of("price")).orElseThrow().toString())
        .isEqualTo("{\"price\":3.0}");
    assertThat(reopened.lookup("9", List.of()).orElseThrow().path("stock").asLong()).isEqualTo(2);
    // A merge that leaves the vector out keeps it: vectors are read back from the vector index.
    assertThat(reopened.lookup("1", List.of("v")).orElseThrow().toString())
        .isEqualTo("{\"v\":[1.0,0.0,0.0]}");
    assertThat(
            reopened
                .search(
                    SearchQuery.parse(
                        JSON.readTree(
                            "{\"vectorQueries\": [{\"kind\": \"vector\", \"vector\": [1, 0, 0],"
                                + " \"fields\": \"v\", \"k\": 1}], \"select\": \"id,v\"}")))
                .hits()
                .getFirst()
                .document()
                .toString())
        .isEqualTo("{\"id\":\"1\",\"v\":[1.0,0.0,0.0]}");
    assertThatThrownBy(
            () ->
                reopened.search(
                    SearchQuery.parse(JSON.readTree("{\"filter\": \"tags/all(t: t eq 'x')\"}"))))
        .isInstanceOf(SearchException.class);
  }
}
