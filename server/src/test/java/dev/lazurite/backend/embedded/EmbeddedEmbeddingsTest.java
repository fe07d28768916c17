package dev.lazurite.backend.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.api.embeddings.Vectors;
import dev.lazurite.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded model gives real semantic vectors, batched, as floats or base64. */
class EmbeddedEmbeddingsTest {
  static final String PATH =
      "/openai/deployments/all-minilm-l6-v2/embeddings?api-version=2024-10-21";
  static TestingServer server;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static float[] vector(JsonNode item) {
    JsonNode embedding = item.get("embedding");
    if (embedding.isTextual()) {
      return Vectors.fromBase64(embedding.asText());
    }
    float[] v = new float[embedding.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) embedding.get(i).asDouble();
    }
    return v;
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  @Test
  void relatedSentencesScoreCloserThanUnrelatedOnes() {
    var result =
        server
            .http()
            .post(
                PATH,
                "{\"input\":[\"The cat sat on the mat.\",\"A kitten is sitting on a rug.\",\"Quarterly revenue rose by eight percent.\"]}");
    assertThat(result.status()).isEqualTo(200);
    JsonNode body = result.json();
    assertThat(body.get("object").asText()).isEqualTo("list");
    assertThat(body.get("model").asText()).isEqualTo("all-minilm-l6-v2");
    assertThat(body.get("data")).hasSize(3);
    float[] cat = vector(body.get("data").get(0));
    float[] kitten = vector(body.get("data").get(1));
    float[] revenue = vector(body.get("data").get(2));
    assertThat(cat).hasSize(384);
    assertThat(cosine(cat, kitten)).isGreaterThan(cosine(cat, revenue) + 0.2);
    assertThat(body.at("/usage/prompt_tokens").asInt())
        .isEqualTo(body.at("/usage/total_tokens").asInt())
        .isPositive();
  }

  @Test
  void base64IsTheLittleEndianFloatsOfTheSameVector() {
    var floats = server.http().post(PATH, "{\"input\":\"hello world\"}").json();
    var base64 =
        server
            .http()
            .post(PATH, "{\"input\":\"hello world\",\"encoding_format\":\"base64\"}")
            .json();
    assertThat(base64.at("/data/0/embedding").isTextual()).isTrue();
    assertThat(vector(base64.at("/data/0")))
        .containsExactly(vector(floats.at("/data/0")), org.assertj.core.data.Offset.offset(1e-6f));
  }

  @Test
  void rejectsDimensionsTheModelCannotHonour() {
    var result = server.http().post(PATH, "{\"input\":\"hello\",\"dimensions\":128}");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.body())
        .isEqualTo(
            "{\"error\":{\"message\":\"This model does not support specifying dimensions.\",\"type\":"
                + "\"invalid_request_error\",\"param\":\"dimensions\",\"code\":null}}");
  }

  @Test
  void rejectsEmptyInputs() {
    var result = server.http().post(PATH, "{\"input\":[\"ok\",\"\"]}");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.json().at("/error/param").asText()).isEqualTo("input[1]");
  }
}
