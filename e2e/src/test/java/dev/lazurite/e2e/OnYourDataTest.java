package dev.lazurite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.ObjectMappers;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.sun.net.httpserver.HttpServer;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On Your Data through com.openai:openai-java with the {@code data_sources} extra body, against a
 * search index of the same server, answered extractively by the simulator.
 */
class OnYourDataTest {
  static final Pattern MARKER = Pattern.compile("\\[doc(\\d+)]");
  static TestingServer server;
  static OpenAIClient client;
  static String searchEndpoint;
  static String searchKey;

  static final String[][] DOCS = {
    {
      "1",
      "Flood cover",
      "flood.md",
      "Flood damage to the home is covered up to 50,000 euros per event. Damage from groundwater is excluded."
    },
    {
      "2",
      "Fire cover",
      "fire.md",
      "Fire and smoke damage to the building is covered in full. Temporary housing is paid for up to three months."
    },
    {
      "3",
      "Car theft",
      "theft.md",
      "Theft of the car is covered when it was locked and the alarm was on. The excess is 300 euros."
    },
    {
      "4",
      "Windscreen repair",
      "glass.md",
      "A cracked windscreen is repaired without excess at partner garages."
    },
    {
      "5",
      "Travel delay",
      "travel.md",
      "Flights delayed by more than four hours are compensated with 200 euros per traveller."
    },
    {
      "6",
      "Pet insurance",
      "pets.md",
      "Veterinary bills for dogs and cats are reimbursed at 80 percent, up to 3,000 euros a year."
    }
  };

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    searchEndpoint = server.endpoint() + "/search/kb";
    TestingCli.run(server, "search", "create", "--name", "kb");
    searchKey =
        TestingCli.run(server, "search", "keys", "list", "--name", "kb")
            .path("primaryKey")
            .asText();
    var index =
        search(
            "PUT",
            "/indexes('policies')",
            """
            {"fields": [
              {"name": "id", "type": "Edm.String", "key": true},
              {"name": "title", "type": "Edm.String", "searchable": true},
              {"name": "content", "type": "Edm.String", "searchable": true},
              {"name": "filepath", "type": "Edm.String"},
              {"name": "url", "type": "Edm.String"},
              {"name": "chunk_id", "type": "Edm.String"},
              {"name": "vector", "type": "Collection(Edm.Single)", "searchable": true,
               "dimensions": 384, "vectorSearchProfile": "p"}],
             "vectorSearch": {
               "algorithms": [{"name": "h", "kind": "hnsw"}],
               "profiles": [{"name": "p", "algorithm": "h", "vectorizer": "v"}],
               "vectorizers": [{"name": "v", "kind": "azureOpenAI", "azureOpenAIParameters":
                 {"resourceUri": "https://localhost", "deploymentId": "all-minilm-l6-v2"}}]},
             "semantic": {"configurations": [{"name": "sc", "prioritizedFields": {
               "titleField": {"fieldName": "title"},
               "prioritizedContentFields": [{"fieldName": "content"}]}}]}}
            """);
    assertThat(index.status()).as(index.body()).isEqualTo(201);
    var batch = Json.MAPPER.createObjectNode();
    var value = batch.putArray("value");
    for (String[] d : DOCS) {
      var doc = value.addObject();
      doc.put("@search.action", "upload").put("id", d[0]).put("title", d[1]).put("filepath", d[2]);
      doc.put("url", "https://docs.example/" + d[2]).put("content", d[3]).put("chunk_id", "0");
      var vector = doc.putArray("vector");
      embed(d[1] + ". " + d[3]).forEach(vector::add);
    }
    assertThat(search("POST", "/indexes('policies')/docs/search.index", batch.toString()).status())
        .isEqualTo(200);
    client =
        OpenAIOkHttpClient.builder()
            .baseUrl(server.endpoint())
            .credential(AzureApiKeyCredential.create(server.key()))
            .azureServiceVersion(AzureOpenAIServiceVersion.fromString("2024-10-21"))
            .azureUrlPathMode(AzureUrlPathMode.LEGACY)
            .maxRetries(0)
            .build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static dev.lazurite.testing.TestingHttp.Result search(String method, String path, String body) {
    return server
        .http()
        .send(method, "/search/kb" + path + "?api-version=2024-07-01", body, "api-key", searchKey);
  }

  static List<Double> embed(String text) {
    var answer =
        server
            .http()
            .post(
                "/openai/deployments/all-minilm-l6-v2/embeddings?api-version=2024-10-21",
                Json.MAPPER.createObjectNode().put("input", text).toString());
    List<Double> out = new ArrayList<>();
    answer.json().path("data").get(0).path("embedding").forEach(v -> out.add(v.asDouble()));
    return out;
  }

  static ChatCompletionCreateParams ask(String question, Map<String, Object> overrides) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("endpoint", searchEndpoint);
    parameters.put("index_name", "policies");
    parameters.put("authentication", Map.of("type", "api_key", "key", searchKey));
    parameters.putAll(overrides);
    return ChatCompletionCreateParams.builder()
        .model("gpt-4o")
        .addUserMessage(question)
        .putAdditionalBodyProperty(
            "data_sources",
            JsonValue.from(List.of(Map.of("type", "azure_search", "parameters", parameters))))
        .build();
  }

  static JsonNode tree(JsonValue value) {
    return ObjectMappers.jsonMapper().valueToTree(value);
  }

  /** Every marker names a citation, and the first cited one holds the expected fact. */
  static void assertCites(String content, JsonNode citations, String fact, String filepath) {
    Matcher m = MARKER.matcher(content);
    assertThat(m.find()).as(content).isTrue();
    int first = Integer.parseInt(m.group(1));
    assertThat(citations.get(first - 1).path("content").asText()).contains(fact);
    assertThat(citations.get(first - 1).path("filepath").asText()).isEqualTo(filepath);
    m.reset();
    while (m.find()) {
      assertThat(Integer.parseInt(m.group(1))).isBetween(1, citations.size());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"simple", "semantic", "vector", "vector_simple_hybrid", "vector_semantic_hybrid"})
  void answersWithCitationsForEveryQueryType(String queryType) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("query_type", queryType);
    if (queryType.startsWith("vector")) {
      options.put(
          "embedding_dependency",
          Map.of("type", "deployment_name", "deployment_name", "all-minilm-l6-v2"));
    }
    if (queryType.contains("semantic")) {
      options.put("semantic_configuration", "sc");
    }
    ChatCompletion completion =
        client
            .chat()
            .completions()
            .create(ask("How much flood damage to my home is covered?", options));
    assertThat(completion._object_()).isEqualTo(JsonValue.from("extensions.chat.completion"));
    var message = completion.choices().getFirst().message();
    JsonNode context = tree(message._additionalProperties().get("context"));
    assertCites(
        message.content().orElseThrow(), context.path("citations"), "50,000 euros", "flood.md");
    assertThat(context.path("intent").asText()).contains("flood damage");
    assertThat(completion.usage().orElseThrow().promptTokens()).isGreaterThan(50);
  }

  @Test
  void streamsTheContextFirstThenTheAnswer() {
    List<ChatCompletionChunk> chunks = new ArrayList<>();
    try (StreamResponse<ChatCompletionChunk> stream =
        client
            .chat()
            .completions()
            .createStreaming(ask("Are my dog's vet bills reimbursed?", Map.of()))) {
      stream.stream().forEach(chunks::add);
    }
    // The content filter's first event carries the prompt's annotations and no choices.
    assertThat(chunks.removeFirst()._additionalProperties()).containsKey("prompt_filter_results");
    assertThat(chunks)
        .allSatisfy(
            c ->
                assertThat(c._object_())
                    .isEqualTo(JsonValue.from("extensions.chat.completion.chunk")));
    JsonNode context =
        tree(chunks.getFirst().choices().getFirst().delta()._additionalProperties().get("context"));
    StringBuilder content = new StringBuilder();
    chunks.forEach(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(content::append)));
    assertCites(content.toString(), context.path("citations"), "80 percent", "pets.md");
    var last = chunks.getLast().choices().getFirst();
    assertThat(tree(last._additionalProperties().get("end_turn")).asBoolean()).isTrue();
  }

  @Test
  void outOfScopeQuestionsGetTheNotInDataAnswer() {
    ChatCompletion completion =
        client
            .chat()
            .completions()
            .create(
                ask("What is the capital of Mongolia?", Map.of("in_scope", true, "strictness", 4)));
    var message = completion.choices().getFirst().message();
    assertThat(message.content().orElseThrow())
        .startsWith("The requested information is not available in the retrieved data.");
    assertThat(tree(message._additionalProperties().get("context")).path("citations")).isEmpty();
  }

  @Test
  void listsEveryRetrievedDocumentWhenAsked() {
    ChatCompletion completion =
        client
            .chat()
            .completions()
            .create(
                ask(
                    "Is theft of my car covered?",
                    Map.of(
                        "include_contexts",
                        List.of("citations", "intent", "all_retrieved_documents"),
                        "top_n_documents",
                        1)));
    JsonNode context =
        tree(completion.choices().getFirst().message()._additionalProperties().get("context"));
    assertThat(context.path("citations")).hasSize(1);
    assertThat(context.path("all_retrieved_documents").get(0).path("filepath").asText())
        .isEqualTo("theft.md");
    assertThat(
            context.path("all_retrieved_documents").get(0).path("original_search_score").asDouble())
        .isPositive();
  }

  @Test
  void refusesDataSourcesThatAreNotItsOwnAndNeverContactsThem() throws Exception {
    AtomicInteger contacted = new AtomicInteger();
    HttpServer elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    elsewhere.createContext(
        "/",
        exchange -> {
          contacted.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    elsewhere.start();
    try {
      for (String endpoint :
          List.of(
              "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/search/elsewhere",
              "https://evil.example/search/kb",
              "http://169.254.169.254/latest/meta-data")) {
        assertThatThrownBy(
                () ->
                    client.chat().completions().create(ask("Flood?", Map.of("endpoint", endpoint))))
            .isInstanceOf(BadRequestException.class)
            .hasMessageContaining("is not a search service of this server");
      }
    } finally {
      elsewhere.stop(0);
    }
    assertThat(contacted).hasValue(0);
    assertThatThrownBy(
            () ->
                client
                    .chat()
                    .completions()
                    .create(
                        ask(
                            "Flood?",
                            Map.of("authentication", Map.of("type", "api_key", "key", "wrong")))))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("not a key of the search service");
  }

  /** The grounded prompt is what the model read, and so what is metered (and settled). */
  @Test
  void meteringCountsTheGroundedPromptTheModelWasSent() {
    long before = meteredPromptTokens();
    var answer =
        server
            .http()
            .post(
                "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
                Json.writeString(
                    Map.of(
                        "messages",
                        List.of(
                            Map.of(
                                "role", "user", "content", "How much does pet insurance cover?")),
                        "data_sources",
                        List.of(
                            Map.of(
                                "type",
                                "azure_search",
                                "parameters",
                                Map.of(
                                    "endpoint",
                                    searchEndpoint,
                                    "index_name",
                                    "policies",
                                    "authentication",
                                    Map.of("type", "api_key", "key", searchKey)))))));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    int grounded = answer.json().at("/usage/prompt_tokens").asInt();
    assertThat(grounded).isGreaterThan(50);
    assertThat(meteredPromptTokens() - before).isEqualTo(grounded);
  }

  static long meteredPromptTokens() {
    server.server().flushUsage();
    return server.server().store().summarize("lazurite", java.time.Instant.EPOCH).stream()
        .filter(s -> s.deployment().equals("gpt-4o"))
        .mapToLong(s -> s.promptTokens())
        .sum();
  }
}
