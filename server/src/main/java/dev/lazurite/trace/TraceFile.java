package dev.lazurite.trace;

import dev.lazurite.json.Json;
import dev.lazurite.json.JsonLinesOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON-lines sink of the {@code Trace} category: one file per instance stream beside the audit
 * files ({@code trace-<stream>.jsonl}), each line one record in Azure's diagnostic-log shape
 * ({@link TraceRecord#json()}). Lines are only appended; the trace log's writer thread is its only
 * caller. Unlike the audit files these lines are not chained: a trace is diagnostics, not evidence.
 */
public final class TraceFile implements AutoCloseable {
  private final Path path;
  private final OutputStream out;

  private TraceFile(Path path) throws IOException {
    this.path = path;
    this.out = JsonLinesOutput.append(path);
  }

  /** The file of {@code stream} in {@code directory}. */
  public static Path of(Path directory, String stream) {
    return directory.resolve("trace-" + stream + ".jsonl");
  }

  public static TraceFile open(Path path) throws IOException {
    return new TraceFile(path);
  }

  public Path path() {
    return path;
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
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("could not append trace records to " + path, e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
