package dev.lazurite.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.config.BatchConfig;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.files.FilePurpose;
import dev.lazurite.json.Json;
import dev.lazurite.server.LazuriteServer;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** What batch tests share: quick runner settings, uploads, polling and reading output files. */
final class BatchTesting {
  static final String RESOURCE = Bootstrap.DEFAULT_ACCOUNT;
  static final String VERSION = "2024-10-21";
  static final BatchConfig QUICK =
      new BatchConfig(Duration.ofMillis(50), Duration.ofSeconds(3), 4, Optional.empty());

  private BatchTesting() {}

  static TestingServer start() {
    TestingServer server = TestingServer.start(c -> c.withBatch(QUICK));
    deployBatch(server, "gpt-4o-batch", 500);
    return server;
  }

  static void deployBatch(TestingServer server, String name, int capacity) {
    server.deploy(
        new DeploymentRequest(
            name, "gpt-4o", "", "GlobalBatch", capacity, "", "", Optional.empty()));
  }

  static String upload(LazuriteServer server, String content) {
    try {
      return server
          .files()
          .upload(
              RESOURCE,
              FilePurpose.BATCH,
              "batch.jsonl",
              new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
              OptionalLong.empty(),
              Long.MAX_VALUE)
          .id();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String chatLine(String customId, String deployment, String text) {
    var line = Json.MAPPER.createObjectNode();
    line.put("custom_id", customId);
    line.put("method", "POST");
    line.put("url", "/chat/completions");
    var body = line.putObject("body");
    body.put("model", deployment);
    body.putArray("messages").addObject().put("role", "user").put("content", text);
    return line.toString();
  }

  static String lines(int count, String deployment) {
    var out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(chatLine("task-" + i, deployment, "Say hello number " + i)).append('\n');
    }
    return out.toString();
  }

  /** A resource's data plane, with its key. */
  record Client(TestingHttp http, String key) {
    Client(TestingServer server) {
      this(server.http(), server.key());
    }

    TestingHttp.Result get(String path) {
      return http.send("GET", path, null, "api-key", key);
    }

    TestingHttp.Result post(String path, String body) {
      return http.send("POST", path, body, "api-key", key);
    }
  }

  static TestingHttp.Result create(Client http, String fileId) {
    return http.post(
        "/openai/batches?api-version=" + VERSION,
        "{\"input_file_id\":\""
            + fileId
            + "\",\"endpoint\":\"/chat/completions\",\"completion_window\":\"24h\"}");
  }

  static JsonNode get(Client http, String id) {
    return http.get("/openai/batches/" + id + "?api-version=" + VERSION).json();
  }

  /** Polls until the batch is in a terminal status, or fails after {@code timeout}. */
  static JsonNode await(Client http, String id, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode batch = get(http, id);
      String status = batch.path("status").asText();
      if (BatchStatus.fromWire(status).orElseThrow().terminal()) {
        return batch;
      }
      assertThat(System.nanoTime()).as("batch %s still %s", id, status).isLessThan(deadline);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The JSON lines of a resource's file. */
  static List<JsonNode> fileLines(LazuriteServer server, String fileId) {
    try (var content = server.files().open(RESOURCE, fileId).orElseThrow()) {
      List<JsonNode> out = new ArrayList<>();
      for (String line :
          new String(content.stream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isEmpty()) {
          out.add(Json.MAPPER.readTree(line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
