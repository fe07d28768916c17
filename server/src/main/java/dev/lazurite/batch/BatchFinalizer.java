package dev.lazurite.batch;

import static java.util.Objects.requireNonNull;

import dev.lazurite.files.FileObject;
import dev.lazurite.files.FilePurpose;
import dev.lazurite.files.FileService;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a batch once: its answered lines streamed into an output file (status 200) and an error file
 * (the rest; it exists even when empty), then its files, counts and terminal status stored in one
 * conditional change that only the holder of the batch's lease can make. An instance that loses the
 * race removes the files it wrote, so a batch names one output and each line is in it once.
 */
final class BatchFinalizer {
  private static final Logger LOG = LoggerFactory.getLogger(BatchFinalizer.class);

  private final BatchRepository batches;
  private final FileService files;
  private final Clock clock;

  BatchFinalizer(BatchRepository batches, FileService files, Clock clock) {
    this.batches = requireNonNull(batches, "batches is null");
    this.files = requireNonNull(files, "files is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Writes and stores the files of a batch whose lease {@code owner} holds.
   *
   * @return whether this call ended the batch
   */
  boolean finish(Batch batch, BatchStatus from, BatchStatus to, String owner) throws IOException {
    Path output = Files.createTempFile("lazurite-batch-output", ".jsonl");
    Path errors = Files.createTempFile("lazurite-batch-errors", ".jsonl");
    try {
      long[] counts = new long[2];
      try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
          BufferedWriter err = Files.newBufferedWriter(errors, StandardCharsets.UTF_8)) {
        batches.answers(
            batch.id(),
            answer -> {
              boolean ok = answer.statusCode() == 200;
              counts[ok ? 0 : 1]++;
              try {
                (ok ? out : err).write(BatchJson.outputLine(answer));
                (ok ? out : err).write('\n');
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      }
      OptionalLong expiry = batch.outputExpiresAfter();
      FileObject outFile = store(batch, output, "_output.jsonl", expiry);
      FileObject errFile = store(batch, errors, "_error.jsonl", expiry);
      var total = new Batch.RequestCounts(batch.counts().total(), counts[0], counts[1]);
      boolean won =
          batches.finish(
              batch.id(),
              from,
              to,
              clock.instant().getEpochSecond(),
              owner,
              outFile.id(),
              errFile.id(),
              total);
      if (!won) {
        LOG.info("batch {} was finished elsewhere; its second output is removed", batch.id());
        files.delete(batch.resource(), outFile.id());
        files.delete(batch.resource(), errFile.id());
      }
      return won;
    } finally {
      Files.deleteIfExists(output);
      Files.deleteIfExists(errors);
    }
  }

  private FileObject store(Batch batch, Path content, String suffix, OptionalLong expiry)
      throws IOException {
    try (InputStream in = Files.newInputStream(content)) {
      return files.storeOutput(
          batch.resource(), FilePurpose.BATCH_OUTPUT, batch.id() + suffix, in, expiry);
    }
  }
}
