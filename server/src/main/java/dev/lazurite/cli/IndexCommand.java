package dev.lazurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.ingest.Chunker;
import dev.lazurite.ingest.DocumentParser;
import dev.lazurite.ingest.HttpIngestTransport;
import dev.lazurite.ingest.Ingestor;
import dev.lazurite.ingest.SearchIngestTarget;
import dev.lazurite.json.Json;
import dev.lazurite.tokens.TokenCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Fill search indexes from documents.",
    subcommands = {IndexCommand.Ingest.class})
final class IndexCommand {
  @Command(
      name = "ingest",
      mixinStandardHelpOptions = true,
      description =
          "Parse a folder (PDF, DOCX, PPTX, HTML, Markdown, text), chunk, embed and upload it."
              + " Re-runs skip unchanged files, re-chunk changed ones and remove deleted ones.")
  static final class Ingest extends ArmCommand {
    @Option(names = "--service", required = true, description = "The search service.")
    String service;

    @Option(names = "--index", required = true, description = "The index (created if missing).")
    String index;

    @Option(names = "--from", required = true, description = "The folder to ingest.")
    Path from;

    @Option(
        names = "--embedding-deployment",
        description = "Embeddings deployment (default: all-minilm-l6-v2, the embedded model).")
    String deployment = "all-minilm-l6-v2";

    @Option(names = "--chunk-tokens", description = "Tokens per chunk (default: 256).")
    int chunkTokens = 256;

    @Option(
        names = "--overlap-tokens",
        description = "Tokens shared by neighbouring chunks (default: 32).")
    int overlapTokens = 32;

    @Override
    JsonNode call(ArmClient arm) throws Exception {
      if (!Files.isDirectory(from)) {
        throw new IllegalArgumentException("--from must be a folder: " + from);
      }
      String searchKey =
          arm.send("POST", arm.searchPath(service) + "/listAdminKeys", null)
              .path("primaryKey")
              .asText();
      String accountKey =
          arm.send("POST", arm.accountPath() + "/listKeys", null).path("key1").asText();
      var target =
          new SearchIngestTarget(
              new HttpIngestTransport(arm.endpoint(), service, searchKey, accountKey),
              index,
              deployment);
      int dimensions = target.embed(List.of("dimensions")).getFirst().length;
      var ingestor =
          new Ingestor(
              new DocumentParser(), new Chunker(new TokenCounter(), chunkTokens, overlapTokens));
      Ingestor.Report report;
      ProgressBar[] bar = {null};
      try {
        report =
            ingestor.run(
                from,
                target,
                dimensions,
                new Ingestor.Progress() {
                  @Override
                  public void start(int files) {
                    bar[0] =
                        new ProgressBarBuilder()
                            .setTaskName("Ingesting")
                            .setInitialMax(files)
                            .setStyle(ProgressBarStyle.ASCII)
                            .setConsumer(
                                new me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer(
                                    System.err))
                            .build();
                  }

                  @Override
                  public void step(String file) {
                    bar[0].step();
                    bar[0].setExtraMessage(file);
                  }
                });
      } finally {
        if (bar[0] != null) {
          bar[0].close();
        }
      }
      var out = Json.MAPPER.createObjectNode();
      out.put("service", service).put("index", index);
      out.put("files", report.files())
          .put("indexed", report.indexed())
          .put("unchanged", report.unchanged());
      out.put("removed", report.removed()).put("chunks", report.chunks());
      var failures = out.putArray("failures");
      report.failures().forEach(failures::add);
      return out;
    }
  }
}
