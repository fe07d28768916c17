package dev.lazurite.trace;

import dev.lazurite.json.FileRotation;
import dev.lazurite.json.Json;
import dev.lazurite.json.RotatingLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON-lines sink of the {@code Trace} category: one file per instance stream beside the audit
 * files ({@code trace-<stream>.jsonl}), each line one record in Azure's diagnostic-log shape
 * ({@link TraceRecord#json()}). Lines are only appended; the trace log's writer thread is its only
 * caller. Unlike the audit files these lines are not chained: a trace is diagnostics, not evidence.
 * Past its rotation size the file is renamed to a numbered segment and a new one begins ({@link
 * RotatingLines}); segments beyond the retention count are deleted.
 */
public final class TraceFile implements AutoCloseable {
  private static final byte[] NEWLINE = {'\n'};
  private final RotatingLines out;

  private TraceFile(Path path, FileRotation rotation) throws IOException {
    this.out = RotatingLines.open(path, rotation);
  }

  /** The file of {@code stream} in {@code directory}. */
  public static Path of(Path directory, String stream) {
    return directory.resolve("trace-" + stream + ".jsonl");
  }

  /** A file that is never rotated. */
  public static TraceFile open(Path path) throws IOException {
    return new TraceFile(path, FileRotation.NEVER);
  }

  public static TraceFile open(Path path, FileRotation rotation) throws IOException {
    return new TraceFile(path, rotation);
  }

  public Path path() {
    return out.path();
  }

  /**
   * Appends {@code records}, one line each, and flushes them to the file.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public synchronized void write(List<TraceRecord> records) {
    try {
      for (TraceRecord r : records) {
        out.write(Json.MAPPER.writeValueAsBytes(r.json()));
        out.write(NEWLINE);
      }
      out.flush();
      if (out.due()) {
        out.rotate();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not append trace records to " + out.path(), e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
