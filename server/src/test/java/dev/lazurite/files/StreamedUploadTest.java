package dev.lazurite.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.testing.TestingMultipart;
import dev.lazurite.testing.TestingServer;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uploads are streamed past the edge's whole-body limit, which still holds for JSON bodies. */
class StreamedUploadTest {
  static TestingServer server;

  @BeforeAll
  static void start() {
    server = TestingServer.start(config -> config.withMaxBodyBytes(4096));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anUploadLargerThanTheEdgesBodyLimitIsStoredWhole() {
    byte[] content = new byte[3 * 1024 * 1024 + 7];
    Arrays.fill(content, (byte) 'a');
    var uploaded =
        new TestingMultipart()
            .field("purpose", "batch")
            .file("file", "big.jsonl", content)
            .post(server.endpoint() + "/openai/v1/files", server.key());
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
    assertThat(uploaded.json().get("bytes").asLong()).isEqualTo(content.length);
    String id = uploaded.json().get("id").asText();
    var read =
        server
            .http()
            .send("GET", "/openai/v1/files/" + id + "/content", null, "api-key", server.key());
    assertThat(read.body().length()).isEqualTo(content.length);

    String big = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(5000) + "\"}]}";
    var chat =
        server
            .http()
            .post("/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21", big);
    assertThat(chat.status()).isEqualTo(413);
  }

  @Test
  void anUploadRefusedBeforeItsFileIsReadStillGetsItsAnswer() {
    byte[] content = new byte[2 * 1024 * 1024];
    var refused =
        new TestingMultipart()
            .field("purpose", "vision")
            .file("file", "big.jsonl", content)
            .post(server.endpoint() + "/openai/v1/files", server.key());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body())
        .isEqualTo(
            "{\"error\":{\"code\":\"invalidPayload\",\"message\":\"Invalid value for purpose.\"}}");
    // The connection is closed after the answer; the next request is served on a new one.
    var listed = server.http().send("GET", "/openai/v1/files", null, "api-key", server.key());
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body()).doesNotContain("big.jsonl");
  }
}
