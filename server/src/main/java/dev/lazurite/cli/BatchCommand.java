package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = "Run and follow batch jobs of a resource (the Batch API).",
    subcommands = {
      BatchCommand.Create.class,
      BatchCommand.ListBatches.class,
      BatchCommand.Show.class,
      BatchCommand.Cancel.class,
      BatchCommand.Output.class
    })
final class BatchCommand {
  private static final Set<String> TERMINAL = Set.of("failed", "completed", "expired", "cancelled");

  private BatchCommand() {}

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a batch from an uploaded input file (purpose batch).")
  static final class Create extends ArmCommand {
    @Option(names = "--input-file-id", required = true, description = "The input file's id.")
    String inputFileId;

    @Option(
        names = "--url",
        description = "The endpoint every line calls (default: /chat/completions).")
    String url = "/chat/completions";

    @Option(names = "--metadata", description = "A metadata pair key=value (repeatable).")
    Map<String, String> metadata;

    @Option(names = "--wait", description = "Wait until the batch ends, with a progress bar.")
    boolean await;

    @Option(names = "--poll-ms", description = "How often --wait asks (default: 1000).")
    long pollMillis = 1000;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      var data = DataPlaneClient.of(arm);
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("input_file_id", inputFileId);
      body.put("endpoint", url);
      body.put("completion_window", "24h");
      if (metadata != null) {
        ObjectNode pairs = body.putObject("metadata");
        metadata.forEach(pairs::put);
      }
      JsonNode batch = data.send("POST", "batches", body);
      return await ? follow(data, batch, pollMillis) : batch;
    }
  }

  /** Polls a batch until it ends, drawing its answered lines on standard error. */
  static JsonNode follow(DataPlaneClient data, JsonNode batch, long pollMillis) throws Exception {
    String id = batch.path("id").asText();
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(id)
            .setInitialMax(0)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(
                new me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer(System.err))
            .build()) {
      while (!TERMINAL.contains(batch.path("status").asText())) {
        Thread.sleep(pollMillis);
        batch = data.send("GET", "batches/" + id, null);
        JsonNode counts = batch.path("request_counts");
        bar.maxHint(counts.path("total").asLong());
        bar.stepTo(counts.path("completed").asLong() + counts.path("failed").asLong());
        bar.setExtraMessage(batch.path("status").asText());
      }
    }
    return batch;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the batches.")
  static final class ListBatches extends ArmCommand {
    @Option(names = "--limit", description = "At most this many (1 to 100; default 20).")
    Integer limit;

    @Option(names = "--after", description = "Start after this batch id.")
    String after;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      var path = new StringBuilder("batches");
      char separator = '?';
      if (limit != null) {
        path.append(separator).append("limit=").append(limit);
        separator = '&';
      }
      if (after != null) {
        path.append(separator)
            .append("after=")
            .append(URLEncoder.encode(after, StandardCharsets.UTF_8));
      }
      return DataPlaneClient.of(arm).send("GET", path.toString(), null).path("data");
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a batch.")
  static final class Show extends ArmCommand {
    @Option(names = "--batch-id", required = true, description = "The batch id.")
    String id;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return DataPlaneClient.of(arm).send("GET", "batches/" + ArmClient.encode(id), null);
    }
  }

  @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a batch.")
  static final class Cancel extends ArmCommand {
    @Option(names = "--batch-id", required = true, description = "The batch id.")
    String id;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      return DataPlaneClient.of(arm)
          .send("POST", "batches/" + ArmClient.encode(id) + "/cancel", null);
    }
  }

  @Command(
      name = "output",
      mixinStandardHelpOptions = true,
      description = "Download a finished batch's output file (or its error file).")
  static final class Output extends ArmCommand {
    @Option(names = "--batch-id", required = true, description = "The batch id.")
    String id;

    @Option(names = "--errors", description = "The error file instead of the output file.")
    boolean errors;

    @Option(names = "--file", description = "Write to this file instead of standard output.")
    Path file;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      var data = DataPlaneClient.of(arm);
      JsonNode batch = data.send("GET", "batches/" + ArmClient.encode(id), null);
      String fileId = batch.path(errors ? "error_file_id" : "output_file_id").asText("");
      if (fileId.isEmpty()) {
        throw new IllegalStateException(
            "batch "
                + id
                + " has no "
                + (errors ? "error" : "output")
                + " file yet ("
                + batch.path("status").asText()
                + ")");
      }
      try (InputStream in = data.download("files/" + ArmClient.encode(fileId) + "/content")) {
        if (file != null) {
          Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
          var out = spec.commandLine().getOut();
          out.print(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
          out.flush();
        }
      }
      return null;
    }
  }
}
