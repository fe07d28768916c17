package dev.lazurite.ondata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingCli;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * On Your Data over a held-out policy corpus (ondata/heldout/corpus.json, written for this test):
 * the corpus is indexed in a search service of the server, each question is asked with {@code
 * data_sources}, and the simulator's extractive answer is checked sentence by sentence. Citation
 * precision is the share of cited sentences found in the document their {@code [docN]} marker
 * names; the answer-string share is the share of answers that contain the expected answer.
 */
class HeldOutCitationsTest {
  private static final Pattern CITED = Pattern.compile("([^\\[]*?)((?:\\s*\\[doc\\d+])+)([.!?]?)");
  private static final Pattern MARKER = Pattern.compile("\\[doc(\\d+)]");

  @Test
  void groundedAnswersQuoteTheDocumentTheyCite() throws IOException {
    JsonNode corpus;
    try (InputStream in = getClass().getResourceAsStream("/ondata/heldout/corpus.json")) {
      corpus = Json.MAPPER.readTree(in);
    }
    try (TestingServer server = TestingServer.start()) {
      server.deploy(
          new dev.lazurite.control.DeploymentRequest(
              "roomy", "gpt-4o", "", "GlobalStandard", 800, "", "", java.util.Optional.empty()));
      String key = index(server, corpus);
      int cited = 0;
      int correct = 0;
      int answered = 0;
      int expectedCited = 0;
      List<String> wrong = new ArrayList<>();
      for (JsonNode q : corpus.path("questions")) {
        JsonNode answer = ask(server, key, q.path("question").asText());
        String content = answer.at("/choices/0/message/content").asText();
        JsonNode citations = answer.at("/choices/0/message/context/citations");
        Map<Integer, String> titles = new HashMap<>();
        for (int i = 0; i < citations.size(); i++) {
          titles.put(i + 1, citations.get(i).path("title").asText());
        }
        Matcher m = CITED.matcher(content);
        boolean citesExpected = false;
        while (m.find()) {
          String sentence = m.group(1).strip();
          Matcher markers = MARKER.matcher(m.group(2));
          while (markers.find()) {
            int n = Integer.parseInt(markers.group(1));
            cited++;
            String doc = citations.path(n - 1).path("content").asText();
            if (!sentence.isEmpty() && normal(doc).contains(normal(sentence))) {
              correct++;
            } else {
              wrong.add(q.path("question").asText() + " -> [doc" + n + "] " + sentence);
            }
            citesExpected |= q.path("doc").asText().equals(id(corpus, titles.get(n)));
          }
        }
        if (normal(content).contains(normal(q.path("answer").asText()))) {
          answered++;
        }
        if (citesExpected) {
          expectedCited++;
        }
      }
      int questions = corpus.path("questions").size();
      double precision = cited == 0 ? 0 : (double) correct / cited;
      System.out.printf(
          Locale.ROOT,
          "held-out citations: precision %.3f (%d of %d cited sentences), answer string in %.1f %%"
              + " of %d answers, expected document cited in %.1f %%%n",
          precision,
          correct,
          cited,
          100.0 * answered / questions,
          questions,
          100.0 * expectedCited / questions);
      wrong.forEach(w -> System.out.println("  miscited: " + w));
      assertThat(cited).isGreaterThanOrEqualTo(questions);
      assertThat(precision).as(String.join("\n", wrong)).isGreaterThanOrEqualTo(0.95);
    }
  }

  private static String id(JsonNode corpus, String title) {
    for (JsonNode d : corpus.path("documents")) {
      if (d.path("title").asText().equals(title)) {
        return d.path("id").asText();
      }
    }
    return "";
  }

  private static String normal(String text) {
    return text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }

  /** Creates the search service and the index, uploads the corpus, and returns the key. */
  private static String index(TestingServer server, JsonNode corpus) {
    TestingCli.run(server, "search", "create", "--name", "handbook");
    String key =
        TestingCli.run(server, "search", "keys", "list", "--name", "handbook")
            .path("primaryKey")
            .asText();
    var search = new TestingHttp(server.endpoint(), key);
    var index =
        search.send(
            "PUT",
            "/search/handbook/indexes('staff')?api-version=2024-07-01",
            "{\"fields\":[{\"name\":\"id\",\"type\":\"Edm.String\",\"key\":true},"
                + "{\"name\":\"title\",\"type\":\"Edm.String\",\"searchable\":true},"
                + "{\"name\":\"content\",\"type\":\"Edm.String\",\"searchable\":true}]}",
            "api-key",
            key);
    assertThat(index.status()).as(index.body()).isEqualTo(201);
    var batch = Json.MAPPER.createObjectNode();
    var value = batch.putArray("value");
    for (JsonNode d : corpus.path("documents")) {
      value
          .addObject()
          .put("@search.action", "upload")
          .put("id", d.path("id").asText())
          .put("title", d.path("title").asText())
          .put("content", d.path("content").asText());
    }
    var upload =
        search.send(
            "POST",
            "/search/handbook/indexes('staff')/docs/search.index?api-version=2024-07-01",
            batch.toString(),
            "api-key",
            key);
    assertThat(upload.status()).as(upload.body()).isEqualTo(200);
    return key;
  }

  private static JsonNode ask(TestingServer server, String key, String question) {
    var body = Json.MAPPER.createObjectNode();
    body.putArray("messages").addObject().put("role", "user").put("content", question);
    var parameters =
        body.putArray("data_sources")
            .addObject()
            .put("type", "azure_search")
            .putObject("parameters");
    parameters.put("endpoint", server.endpoint() + "/search/handbook").put("index_name", "staff");
    parameters.putObject("authentication").put("type", "api_key").put("key", key);
    TestingHttp.Result r =
        server
            .http()
            .post(
                "/openai/deployments/roomy/chat/completions?api-version=2024-10-21",
                body.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }
}
