package dev.lazurite.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The JSON-lines sink: one file per stream, each line a record (the canonical text with its hash)
 * or a signed checkpoint ({@code {"checkpoint":{…}}}). Lines are only appended.
 */
public final class AuditFile implements AutoCloseable {
  private final Path path;
  private final BufferedWriter out;

  private AuditFile(Path path) throws IOException {
    this.path = path;
    Files.createDirectories(path.toAbsolutePath().getParent());
    this.out =
        Files.newBufferedWriter(
            path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** The file of {@code stream} in {@code directory}. */
  public static Path of(Path directory, String stream) {
    return directory.resolve("audit-" + stream + ".jsonl");
  }

  public static AuditFile open(Path path) throws IOException {
    return new AuditFile(path);
  }

  public Path path() {
    return path;
  }

  boolean isEmpty() throws IOException {
    return Files.size(path) == 0;
  }

  void writeRecord(String line) throws IOException {
    out.write(line);
    out.write('\n');
  }

  void writeCheckpoint(Checkpoint c) throws IOException {
    out.write(checkpointLine(c));
    out.write('\n');
  }

  void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  static String checkpointLine(Checkpoint c) {
    var node = Json.MAPPER.createObjectNode();
    node.putObject("checkpoint")
        .put("stream", c.stream())
        .put("seq", c.seq())
        .put("hash", c.hash())
        .put("time", c.time())
        .put("signature", c.signature());
    return node.toString();
  }

  /** The checkpoints a file holds. */
  public static List<Checkpoint> checkpoints(Path path) throws IOException {
    List<Checkpoint> found = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("{\"checkpoint\"")) {
          JsonNode c = Json.parse(line.getBytes(StandardCharsets.UTF_8)).path("checkpoint");
          found.add(
              new Checkpoint(
                  c.path("stream").asText(),
                  c.path("seq").asLong(),
                  c.path("hash").asText(),
                  c.path("time").asText(),
                  c.path("signature").asText()));
        }
      }
    }
    return found;
  }

  /** Verifies a file's one stream with {@code verifier}. */
  public static Verification verify(Path path, AuditVerifier verifier) throws IOException {
    List<Checkpoint> checkpoints = checkpoints(path);
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      Records records;
      try {
        records = new Records(in);
      } catch (IllegalArgumentException e) {
        return Verification.broken(streamOf(checkpoints), 0, checkpoints.size(), 1, e.getMessage());
      }
      String stream = records.hasNext() ? records.peekStream() : streamOf(checkpoints);
      try {
        return verifier.verifyLinks(stream, records, checkpoints);
      } catch (IllegalArgumentException e) {
        return Verification.broken(
            stream, records.read, checkpoints.size(), records.lastSeq + 1, e.getMessage());
      }
    }
  }

  private static String streamOf(List<Checkpoint> checkpoints) {
    return checkpoints.isEmpty() ? "" : checkpoints.get(0).stream();
  }

  /** The records of a file, checkpoint lines skipped; a line that is no record throws. */
  private static final class Records implements Iterator<Link> {
    private final Canonical canonical = new Canonical();
    private final BufferedReader in;
    private Link next;
    private long line;
    private long read;
    private long lastSeq;

    Records(BufferedReader in) {
      this.in = in;
      advance();
    }

    String peekStream() {
      return next.stream();
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Link next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      Link current = next;
      read++;
      lastSeq = current.seq();
      advance();
      return current;
    }

    private void advance() {
      try {
        for (String text = in.readLine(); text != null; text = in.readLine()) {
          line++;
          if (text.startsWith("{\"checkpoint\"")) {
            continue;
          }
          next = Link.ofLine(text, canonical, line);
          return;
        }
        next = null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A record from its JSON line. */
  static AuditRecord parse(String text, long line) {
    JsonNode n;
    try {
      n = Json.parse(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("line " + line + " is not JSON");
    }
    if (!n.isObject() || !n.path("properties").isObject() || !n.path("seq").isIntegralNumber()) {
      throw new IllegalArgumentException("line " + line + " is not an audit record");
    }
    return new AuditRecord(
        n.path("stream").asText(),
        n.path("seq").asLong(),
        n.path("time").asText(),
        n.path("category").asText(),
        n.path("resourceId").asText(),
        n.path("operationName").asText(),
        n.path("resultSignature").asText(),
        n.path("durationMs").asLong(),
        n.path("callerIpAddress").asText(),
        n.path("correlationId").asText(),
        n.path("identity").asText(),
        n.path("deployment").asText(),
        Canonical.properties(n.path("properties")),
        n.path("previousHash").asText(),
        n.path("hash").asText());
  }
}
