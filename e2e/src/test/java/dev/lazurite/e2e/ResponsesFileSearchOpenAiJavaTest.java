package dev.lazurite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.models.responses.FileSearchTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFileSearchToolCall;
import com.openai.models.responses.ResponseIncludable;
import com.openai.models.responses.ResponseOutputText;
import com.openai.models.responses.ResponseStreamEvent;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** com.openai:openai-java's {@code file_search} tool over an index of the server's search. */
class ResponsesFileSearchOpenAiJavaTest {
  static TestingServer server;
  static OpenAIClient azure;
  static OpenAIClient v1;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    dev.lazurite.testing.TestingFilters.annotateOnly(server, "gpt-4o");
    azure = OpenAiClients.azure(server, "2025-03-01-preview");
    v1 = OpenAiClients.v1(server);
    TestingCli.run(server, "search", "create", "--name", "kb");
    String key =
        TestingCli.run(server, "search", "keys", "list", "--name", "kb")
            .path("primaryKey")
            .asText();
    var search = new TestingHttp(server.endpoint(), key);
    var index =
        search.send(
            "PUT",
            "/search/kb/indexes('handbook')?api-version=2024-07-01",
            "{\"fields\":[{\"name\":\"id\",\"type\":\"Edm.String\",\"key\":true},"
                + "{\"name\":\"title\",\"type\":\"Edm.String\",\"searchable\":true},"
                + "{\"name\":\"filepath\",\"type\":\"Edm.String\"},"
                + "{\"name\":\"content\",\"type\":\"Edm.String\",\"searchable\":true}]}",
            "api-key",
            key);
    assertThat(index.status()).as(index.body()).isEqualTo(201);
    var upload =
        search.send(
            "POST",
            "/search/kb/indexes('handbook')/docs/search.index?api-version=2024-07-01",
            "{\"value\":[{\"@search.action\":\"upload\",\"id\":\"1\",\"title\":\"Vacation\","
                + "\"filepath\":\"vacation.md\","
                + "\"content\":\"Employees get 25 days of paid vacation a year.\"},"
                + "{\"@search.action\":\"upload\",\"id\":\"2\",\"title\":\"Travel\","
                + "\"filepath\":\"travel.md\","
                + "\"content\":\"Trains are preferred for trips under 500 km.\"}]}",
            "api-key",
            key);
    assertThat(upload.status()).as(upload.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static ResponseCreateParams params(String store) {
    return ResponseCreateParams.builder()
        .model("gpt-4o")
        .input("How many days of paid vacation do employees get?")
        .addTool(FileSearchTool.builder().vectorStoreIds(List.of(store)).maxNumResults(3).build())
        .addInclude(ResponseIncludable.FILE_SEARCH_CALL_RESULTS)
        .build();
  }

  @Test
  void searchesAndCitesInBothModes() {
    for (OpenAIClient client : List.of(azure, v1)) {
      Response r = client.responses().create(params("handbook"));
      r.validate();
      ResponseFileSearchToolCall call = r.output().getFirst().asFileSearchCall();
      assertThat(call.queries())
          .containsExactly("How many days of paid vacation do employees get?");
      assertThat(call.status()).isEqualTo(ResponseFileSearchToolCall.Status.COMPLETED);
      var results = call.results().orElseThrow();
      assertThat(results).isNotEmpty();
      assertThat(results.getFirst().fileId()).contains("vacation.md");
      assertThat(results.getFirst().text().orElseThrow()).contains("25 days");
      ResponseOutputText text = r.output().get(1).asMessage().content().getFirst().asOutputText();
      assertThat(text.text()).contains("25 days");
      var citation = text.annotations().getFirst().asFileCitation();
      assertThat(citation.fileId()).isEqualTo("vacation.md");
      assertThat(text.text().substring((int) citation.index())).startsWith("[doc");
    }
  }

  @Test
  void streamsTheSearchBeforeTheAnswer() {
    List<ResponseStreamEvent> events;
    try (StreamResponse<ResponseStreamEvent> stream =
        v1.responses().createStreaming(params("kb/handbook"))) {
      events = stream.stream().toList();
    }
    events.forEach(ResponseStreamEvent::validate);
    assertThat(events.get(2).isOutputItemAdded()).isTrue();
    assertThat(events.get(3).isFileSearchCallInProgress()).isTrue();
    assertThat(events.get(4).isFileSearchCallSearching()).isTrue();
    assertThat(events.get(5).isFileSearchCallCompleted()).isTrue();
    assertThat(events.get(6).isOutputItemDone()).isTrue();
    assertThat(events.stream().anyMatch(ResponseStreamEvent::isOutputTextAnnotationAdded)).isTrue();
    Response completed = events.getLast().asCompleted().response();
    assertThat(completed.output().getFirst().isFileSearchCall()).isTrue();
  }

  @Test
  void anUnknownVectorStoreIsABadRequest() {
    assertThatThrownBy(() -> v1.responses().create(params("nosuch")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Vector store with id 'nosuch' not found");
  }
}
