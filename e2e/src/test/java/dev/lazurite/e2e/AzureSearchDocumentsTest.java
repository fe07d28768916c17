package dev.lazurite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AzureKeyCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.Context;
import com.azure.search.documents.SearchClient;
import com.azure.search.documents.SearchDocument;
import com.azure.search.documents.indexes.SearchIndexClient;
import com.azure.search.documents.indexes.SearchIndexClientBuilder;
import com.azure.search.documents.indexes.models.AzureOpenAIModelName;
import com.azure.search.documents.indexes.models.AzureOpenAIVectorizer;
import com.azure.search.documents.indexes.models.AzureOpenAIVectorizerParameters;
import com.azure.search.documents.indexes.models.HnswAlgorithmConfiguration;
import com.azure.search.documents.indexes.models.SearchField;
import com.azure.search.documents.indexes.models.SearchFieldDataType;
import com.azure.search.documents.indexes.models.SearchIndex;
import com.azure.search.documents.indexes.models.SemanticConfiguration;
import com.azure.search.documents.indexes.models.SemanticField;
import com.azure.search.documents.indexes.models.SemanticPrioritizedFields;
import com.azure.search.documents.indexes.models.SemanticSearch;
import com.azure.search.documents.indexes.models.VectorSearch;
import com.azure.search.documents.indexes.models.VectorSearchProfile;
import com.azure.search.documents.models.QueryAnswer;
import com.azure.search.documents.models.QueryAnswerType;
import com.azure.search.documents.models.QueryCaption;
import com.azure.search.documents.models.QueryCaptionType;
import com.azure.search.documents.models.QueryType;
import com.azure.search.documents.models.SearchOptions;
import com.azure.search.documents.models.SearchResult;
import com.azure.search.documents.models.SemanticSearchOptions;
import com.azure.search.documents.models.VectorSearchOptions;
import com.azure.search.documents.models.VectorizableTextQuery;
import com.azure.search.documents.models.VectorizedQuery;
import com.azure.search.documents.util.SearchPagedIterable;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * com.azure:azure-search-documents, unchanged, against a search service of the server over HTTPS:
 * index with vectors and a semantic configuration, batches, lookups, and every kind of query.
 */
class AzureSearchDocumentsTest {
  static TestingServer server;
  static SearchIndexClient indexes;
  static SearchClient policies;

  static final List<Map<String, Object>> DOCS =
      List.of(
          doc(
              "1",
              "Flood cover",
              "Flood damage to the home is covered up to 50,000 euros when the river overflows.",
              "home",
              5,
              List.of("water", "home")),
          doc(
              "2",
              "Fire cover",
              "Fire and smoke damage to the building is covered in full, including temporary housing.",
              "home",
              4,
              List.of("fire")),
          doc(
              "3",
              "Car theft",
              "Theft of the car is covered if it was locked and the alarm was on.",
              "auto",
              3,
              List.of("theft")),
          doc(
              "4",
              "Windscreen repair",
              "A cracked windscreen is repaired without excess at partner garages.",
              "auto",
              4,
              List.of("glass")),
          doc(
              "5",
              "Travel delay",
              "Flights delayed more than four hours are compensated with 200 euros.",
              "travel",
              2,
              List.of("flight")),
          doc(
              "6",
              "Lost luggage",
              "Lost luggage is reimbursed up to 1,000 euros per traveller.",
              "travel",
              3,
              List.of("luggage")));

  static Map<String, Object> doc(
      String id, String title, String content, String category, int rating, List<String> tags) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("title", title);
    d.put("content", content);
    d.put("category", category);
    d.put("rating", rating);
    d.put("tags", tags);
    return d;
  }

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    JsonNode created = TestingCli.run(server, "search", "create", "--name", "insurer");
    String endpoint = created.path("properties").path("endpoint").asText();
    assertThat(endpoint).startsWith("https://").endsWith("/search/insurer");
    String key =
        TestingCli.run(server, "search", "keys", "list", "--name", "insurer")
            .path("primaryKey")
            .asText();
    HttpClient http =
        new JdkHttpClientBuilder(
                java.net.http.HttpClient.newBuilder().sslContext(server.trustingLocalCa()))
            .build();
    indexes =
        new SearchIndexClientBuilder()
            .endpoint(endpoint)
            .credential(new AzureKeyCredential(key))
            .httpClient(http)
            .buildClient();
    SearchIndex index =
        new SearchIndex(
                "policies",
                List.of(
                    new SearchField("id", SearchFieldDataType.STRING)
                        .setKey(true)
                        .setFilterable(true),
                    new SearchField("title", SearchFieldDataType.STRING).setSearchable(true),
                    new SearchField("content", SearchFieldDataType.STRING).setSearchable(true),
                    new SearchField("category", SearchFieldDataType.STRING)
                        .setFilterable(true)
                        .setFacetable(true),
                    new SearchField("rating", SearchFieldDataType.INT32)
                        .setFilterable(true)
                        .setSortable(true)
                        .setFacetable(true),
                    new SearchField(
                            "tags", SearchFieldDataType.collection(SearchFieldDataType.STRING))
                        .setFilterable(true),
                    new SearchField(
                            "vec", SearchFieldDataType.collection(SearchFieldDataType.SINGLE))
                        .setSearchable(true)
                        .setVectorSearchDimensions(384)
                        .setVectorSearchProfileName("p")))
            .setVectorSearch(
                new VectorSearch()
                    .setAlgorithms(List.of(new HnswAlgorithmConfiguration("h")))
                    .setProfiles(List.of(new VectorSearchProfile("p", "h").setVectorizerName("v")))
                    .setVectorizers(
                        List.of(
                            new AzureOpenAIVectorizer("v")
                                .setParameters(
                                    new AzureOpenAIVectorizerParameters()
                                        .setResourceUrl(server.httpsEndpoint())
                                        .setDeploymentName("all-minilm-l6-v2")
                                        .setModelName(
                                            AzureOpenAIModelName.TEXT_EMBEDDING_3_SMALL)))))
            .setSemanticSearch(
                new SemanticSearch()
                    .setConfigurations(
                        List.of(
                            new SemanticConfiguration(
                                "sc",
                                new SemanticPrioritizedFields()
                                    .setTitleField(new SemanticField("title"))
                                    .setContentFields(new SemanticField("content"))))));
    SearchIndex made = indexes.createIndex(index);
    assertThat(made.getETag()).isNotBlank();
    assertThat(made.getFields()).hasSize(7);
    policies = indexes.getSearchClient("policies");
    List<Map<String, Object>> batch = new ArrayList<>();
    for (Map<String, Object> d : DOCS) {
      Map<String, Object> withVector = new LinkedHashMap<>(d);
      withVector.put("vec", embed(d.get("title") + ". " + d.get("content")));
      batch.add(withVector);
    }
    var result = policies.uploadDocuments(batch);
    assertThat(result.getResults()).allSatisfy(r -> assertThat(r.isSucceeded()).isTrue());
    assertThat(result.getResults()).allSatisfy(r -> assertThat(r.getStatusCode()).isEqualTo(201));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<Float> embed(String text) {
    var answer =
        server
            .http()
            .post(
                "/openai/deployments/all-minilm-l6-v2/embeddings?api-version=2024-10-21",
                "{\"input\":" + dev.lazurite.json.Json.MAPPER.valueToTree(text) + "}");
    assertThat(answer.status()).isEqualTo(200);
    List<Float> out = new ArrayList<>();
    answer.json().path("data").get(0).path("embedding").forEach(v -> out.add((float) v.asDouble()));
    return out;
  }

  static List<String> ids(SearchPagedIterable results) {
    List<String> ids = new ArrayList<>();
    for (SearchResult r : results) {
      ids.add((String) r.getDocument(SearchDocument.class).get("id"));
    }
    return ids;
  }

  @Test
  void fullTextFindsTheDocumentThatHoldsTheWords() {
    SearchPagedIterable results =
        policies.search(
            "flood river", new SearchOptions().setIncludeTotalCount(true), Context.NONE);
    assertThat(ids(results).getFirst()).isEqualTo("1");
    assertThat(results.getTotalCount()).isEqualTo(1);
  }

  @Test
  void filtersCountsAndFacets() {
    SearchPagedIterable results =
        policies.search(
            "*",
            new SearchOptions()
                .setFilter("category eq 'auto' or tags/any(t: t eq 'flight')")
                .setIncludeTotalCount(true)
                .setFacets("category,count:5", "rating")
                .setOrderBy("rating desc", "id asc")
                .setSelect("id", "title"),
            Context.NONE);
    assertThat(ids(results)).containsExactly("4", "3", "5");
    assertThat(results.getTotalCount()).isEqualTo(3);
    var facets = results.getFacets();
    assertThat(facets.get("category"))
        .extracting(f -> f.getAdditionalProperties().get("value"), f -> f.getCount())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("auto", 2L),
            org.assertj.core.groups.Tuple.tuple("travel", 1L));
    SearchDocument first =
        policies
            .search(
                "*",
                new SearchOptions().setFilter("id eq '4'").setSelect("id", "title"),
                Context.NONE)
            .iterator()
            .next()
            .getDocument(SearchDocument.class);
    assertThat(first).containsOnlyKeys("id", "title");
    assertThat(
            ids(
                policies.search(
                    "*",
                    new SearchOptions().setFilter("search.in(id, '2,6') and rating ge 3"),
                    Context.NONE)))
        .containsExactlyInAnyOrder("2", "6");
    assertThat(
            ids(
                policies.search(
                    "*", new SearchOptions().setFilter("not (rating lt 4)"), Context.NONE)))
        .containsExactlyInAnyOrder("1", "2", "4");
  }

  @Test
  void vectorTextAndHybridQueries() {
    var vector =
        new VectorizedQuery(embed("my house was flooded by the river"))
            .setKNearestNeighborsCount(3)
            .setFields("vec");
    List<String> byVector =
        ids(
            policies.search(
                null,
                new SearchOptions()
                    .setVectorSearchOptions(new VectorSearchOptions().setQueries(vector)),
                Context.NONE));
    assertThat(byVector).hasSize(3).first().isEqualTo("1");
    for (SearchResult r :
        policies.search(
            null,
            new SearchOptions()
                .setVectorSearchOptions(new VectorSearchOptions().setQueries(vector)),
            Context.NONE)) {
      assertThat(r.getScore()).isBetween(0.333, 1.0);
    }
    var text =
        new VectorizableTextQuery("my suitcase never arrived")
            .setKNearestNeighborsCount(3)
            .setFields("vec");
    assertThat(
            ids(policies.search(
                    null,
                    new SearchOptions()
                        .setVectorSearchOptions(new VectorSearchOptions().setQueries(text)),
                    Context.NONE))
                .getFirst())
        .isEqualTo("6");
    SearchPagedIterable hybrid =
        policies.search(
            "windscreen",
            new SearchOptions()
                .setTop(3)
                .setVectorSearchOptions(
                    new VectorSearchOptions()
                        .setQueries(
                            new VectorizableTextQuery("cracked glass on my car")
                                .setKNearestNeighborsCount(3)
                                .setFields("vec"))),
            Context.NONE);
    List<SearchResult> hits = new ArrayList<>();
    hybrid.forEach(hits::add);
    assertThat((String) hits.getFirst().getDocument(SearchDocument.class).get("id")).isEqualTo("4");
    assertThat(hits.getFirst().getScore()).isGreaterThan(1.0 / 61).isLessThan(2.0 / 60 + 1e-9);
  }

  @Test
  void semanticRankingWithCaptionsAndAnswers() {
    SearchPagedIterable results =
        policies.search(
            "what happens if my flight is late",
            new SearchOptions()
                .setQueryType(QueryType.SEMANTIC)
                .setSemanticSearchOptions(
                    new SemanticSearchOptions()
                        .setSemanticConfigurationName("sc")
                        .setQueryCaption(new QueryCaption(QueryCaptionType.EXTRACTIVE))
                        .setQueryAnswer(
                            new QueryAnswer(QueryAnswerType.EXTRACTIVE).setThreshold(0.5))),
            Context.NONE);
    SearchResult top = results.iterator().next();
    assertThat(top.getDocument(SearchDocument.class).get("id")).isEqualTo("5");
    assertThat(top.getSemanticSearch().getRerankerScore()).isBetween(0.0, 4.0);
    assertThat(top.getSemanticSearch().getQueryCaptions().getFirst().getText()).contains("delayed");
    assertThat(results.getSemanticResults().getQueryAnswers()).isNotEmpty();
    assertThat(results.getSemanticResults().getQueryAnswers().getFirst().getKey()).isEqualTo("5");
  }

  @Test
  void mergeDeleteLookupAndCount() {
    SearchClient scratch = createScratchIndex("scratch");
    scratch.uploadDocuments(
        List.of(
            Map.of("id", "a", "title", "alpha", "rating", 1),
            Map.of("id", "b", "title", "beta", "rating", 2)));
    var merged = scratch.mergeDocuments(List.of(Map.of("id", "a", "rating", 9)));
    assertThat(merged.getResults().getFirst().getStatusCode()).isEqualTo(200);
    SearchDocument a = scratch.getDocument("a", SearchDocument.class);
    assertThat(a).containsEntry("title", "alpha").containsEntry("rating", 9);
    scratch.deleteDocuments(List.of(Map.of("id", "b")));
    assertThat(scratch.getDocumentCount()).isEqualTo(1);
    assertThatThrownBy(() -> scratch.getDocument("b", SearchDocument.class))
        .isInstanceOf(ResourceNotFoundException.class);
    var missing =
        scratch.indexDocumentsWithResponse(
            new com.azure.search.documents.indexes.models.IndexDocumentsBatch<Map<String, Object>>()
                .addMergeActions(List.of(Map.of("id", "zzz", "rating", 1))),
            new com.azure.search.documents.models.IndexDocumentsOptions().setThrowOnAnyError(false),
            Context.NONE);
    assertThat(missing.getStatusCode()).isEqualTo(207);
    assertThat(missing.getValue().getResults().getFirst().getErrorMessage())
        .isEqualTo("Document not found.");
    indexes.deleteIndex("scratch");
    assertThatThrownBy(() -> indexes.getIndex("scratch"))
        .isInstanceOfSatisfying(
            HttpResponseException.class,
            e -> assertThat(e.getResponse().getStatusCode()).isEqualTo(404));
  }

  @Test
  void errorsSurfaceAsTypedExceptions() {
    assertThatThrownBy(() -> indexes.getIndex("nope"))
        .isInstanceOfSatisfying(
            HttpResponseException.class,
            e -> assertThat(e.getResponse().getStatusCode()).isEqualTo(404))
        .hasMessageContaining("No index with the name 'nope' was found in the service 'insurer'.");
    assertThatThrownBy(
            () ->
                policies
                    .search("*", new SearchOptions().setFilter("unknown eq 1"), Context.NONE)
                    .iterator()
                    .next())
        .isInstanceOf(HttpResponseException.class)
        .hasMessageContaining("Could not find a property named 'unknown'");
    assertThatThrownBy(
            () -> policies.uploadDocuments(List.of(Map.of("id", "9", "vec", List.of(0.1f, 0.2f)))))
        .isInstanceOf(HttpResponseException.class)
        .hasMessageContaining("expects a length of '384'");
    assertThat(policies.getDocumentCount()).isEqualTo(6);
  }

  @Test
  void tokenCredentialWithSearchRolesReadsTheIndex() {
    var created = server.server().identities().createServicePrincipal("search-reader");
    HttpClient http =
        new JdkHttpClientBuilder(
                java.net.http.HttpClient.newBuilder().sslContext(server.trustingLocalCa()))
            .build();
    var credential =
        new com.azure.identity.ClientSecretCredentialBuilder()
            .authorityHost(server.httpsEndpoint())
            .tenantId(server.server().identities().issuer().tenantId())
            .clientId(created.principal().appId())
            .clientSecret(created.secret())
            .disableInstanceDiscovery()
            .httpClient(http)
            .build();
    SearchClient reader =
        new com.azure.search.documents.SearchClientBuilder()
            .endpoint(policies.getEndpoint())
            .indexName("policies")
            .credential(credential)
            .httpClient(http)
            .buildClient();
    assertThatThrownBy(reader::getDocumentCount)
        .isInstanceOfSatisfying(
            HttpResponseException.class,
            e -> assertThat(e.getResponse().getStatusCode()).isEqualTo(403));
    server
        .server()
        .control()
        .assignRole(
            java.util.UUID.randomUUID().toString(),
            created.principal().objectId(),
            "Search Index Data Reader",
            "/subscriptions/"
                + server.server().subscriptionId()
                + "/resourceGroups/lazurite/providers/Microsoft.Search/searchServices/insurer");
    assertThat(reader.getDocumentCount()).isEqualTo(6);
    assertThatThrownBy(() -> reader.uploadDocuments(List.of(Map.of("id", "x"))))
        .isInstanceOfSatisfying(
            HttpResponseException.class,
            e -> assertThat(e.getResponse().getStatusCode()).isEqualTo(403));
  }

  private static SearchClient createScratchIndex(String name) {
    indexes.createIndex(
        new SearchIndex(
            name,
            List.of(
                new SearchField("id", SearchFieldDataType.STRING).setKey(true),
                new SearchField("title", SearchFieldDataType.STRING).setSearchable(true),
                new SearchField("rating", SearchFieldDataType.INT32).setFilterable(true))));
    return indexes.getSearchClient(name);
  }
}
