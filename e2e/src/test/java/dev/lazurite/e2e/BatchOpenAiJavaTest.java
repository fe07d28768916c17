package dev.lazurite.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.core.MultipartField;
import com.openai.core.http.HttpResponse;
import com.openai.models.batches.Batch;
import com.openai.models.batches.BatchCreateParams;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FileObject;
import com.openai.models.files.FilePurpose;
import dev.lazurite.config.BatchConfig;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.json.Json;
import dev.lazurite.testing.TestingServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guide's batch job through com.openai:openai-java, unchanged: upload a JSONL file with purpose
 * batch, create the batch, poll it, download its output, list, cancel and delete, in Azure (dated)
 * and v1 modes.
 */
class BatchOpenAiJavaTest {
  static final String DEPLOYMENT = "gpt-4o-batch";
  static TestingServer server;
  static OpenAIClient azure;
  static OpenAIClient v1;

  @BeforeAll
  static void start() {
    server =
        TestingServer.start(
            c ->
                c.withBatch(
                    new BatchConfig(
                        Duration.ofMillis(50), Duration.ofSeconds(3), 4, Optional.empty())));
    server.deploy(
        new DeploymentRequest(
            DEPLOYMENT, "gpt-4o", "", "GlobalBatch", 500, "", "", Optional.empty()));
    azure = OpenAiClients.azure(server);
    v1 = OpenAiClients.v1(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String lines(int count) {
    var out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      var line = Json.MAPPER.createObjectNode();
      line.put("custom_id", "task-" + i);
      line.put("method", "POST");
      line.put("url", "/chat/completions");
      var body = line.putObject("body");
      body.put("model", DEPLOYMENT);
      body.putArray("messages")
          .addObject()
          .put("role", "user")
          .put("content", "Summarise policy number " + i + " in one sentence.");
      out.append(line).append('\n');
    }
    return out.toString();
  }

  static FileObject upload(OpenAIClient client, String content) {
    return client
        .files()
        .create(
            FileCreateParams.builder()
                .file(
                    MultipartField.<InputStream>builder()
                        .value(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))
                        .filename("batch.jsonl")
                        .build())
                .purpose(FilePurpose.BATCH)
                .build());
  }

  static Batch create(OpenAIClient client, String fileId) {
    return client
        .batches()
        .create(
            BatchCreateParams.builder()
                .inputFileId(fileId)
                .endpoint(BatchCreateParams.Endpoint.of("/chat/completions"))
                .completionWindow(BatchCreateParams.CompletionWindow._24H)
                .build());
  }

  static Batch await(OpenAIClient client, String id, Batch.Status... done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    Batch batch = client.batches().retrieve(id);
    while (!List.of(done).contains(batch.status()) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      batch = client.batches().retrieve(id);
    }
    return batch;
  }

  static List<JsonNode> content(OpenAIClient client, String fileId) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    try (HttpResponse response = client.files().content(fileId);
        InputStream body = response.body()) {
      for (String line : new String(body.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          out.add(Json.MAPPER.readTree(line));
        }
      }
    }
    return out;
  }

  static void runsTheGuidesBatchJob(OpenAIClient client) throws Exception {
    FileObject input = upload(client, lines(5));
    Batch created = create(client, input.id());
    assertThat(created.id()).startsWith("batch_");
    assertThat(created.inputFileId()).isEqualTo(input.id());

    Batch done = await(client, created.id(), Batch.Status.COMPLETED, Batch.Status.FAILED);
    assertThat(done.status()).as(done.toString()).isEqualTo(Batch.Status.COMPLETED);
    assertThat(done.requestCounts().orElseThrow().total()).isEqualTo(5);
    assertThat(done.requestCounts().orElseThrow().completed()).isEqualTo(5);
    assertThat(done.requestCounts().orElseThrow().failed()).isZero();

    Map<String, Integer> seen = new HashMap<>();
    for (JsonNode line : content(client, done.outputFileId().orElseThrow())) {
      seen.merge(line.path("custom_id").asText(), 1, Integer::sum);
      assertThat(line.at("/response/status_code").asInt()).isEqualTo(200);
      assertThat(line.at("/response/body/choices/0/message/content").asText()).isNotEmpty();
    }
    assertThat(seen).containsOnlyKeys("task-0", "task-1", "task-2", "task-3", "task-4");
    assertThat(seen.values()).containsOnly(1);
    assertThat(content(client, done.errorFileId().orElseThrow())).isEmpty();
    assertThat(client.files().retrieve(done.outputFileId().orElseThrow()).purpose())
        .isEqualTo(FileObject.Purpose.BATCH_OUTPUT);

    assertThat(client.batches().list().data()).extracting(Batch::id).contains(created.id());
    assertThat(client.files().delete(input.id()).deleted()).isTrue();
  }

  @Test
  void runsTheGuidesBatchJobOnTheDatedRoutes() throws Exception {
    runsTheGuidesBatchJob(azure);
  }

  @Test
  void runsTheGuidesBatchJobOnTheV1Routes() throws Exception {
    runsTheGuidesBatchJob(v1);
  }

  @Test
  void aCancelledBatchKeepsWhatItAnswered() throws Exception {
    FileObject input = upload(azure, lines(400));
    Batch created = create(azure, input.id());
    Batch cancelling = azure.batches().cancel(created.id());
    assertThat(cancelling.status())
        .isIn(Batch.Status.CANCELLING, Batch.Status.CANCELLED, Batch.Status.COMPLETED);
    Batch done = await(azure, created.id(), Batch.Status.CANCELLED, Batch.Status.COMPLETED);
    assertThat(done.status()).isIn(Batch.Status.CANCELLED, Batch.Status.COMPLETED);
    long answered = done.requestCounts().orElseThrow().completed();
    if (done.outputFileId().isPresent() && !done.outputFileId().get().isEmpty()) {
      assertThat(content(azure, done.outputFileId().get())).hasSize((int) answered);
    }
  }
}
