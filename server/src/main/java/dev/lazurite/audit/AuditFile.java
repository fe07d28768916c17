package dev.lazurite.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.Json;
import dev.lazurite.json.JsonLinesOutput;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  private final OutputStream out;

  private AuditFile(Path path) throws IOException {
    this.path = path;
    this.out = JsonLinesOutput.append(path);
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

  /** Appends lines already in UTF-8, each with its line break. */
  void writeLines(ByteArrayOutputStream lines) throws IOException {
    lines.writeTo(out);
  }

  void writeCheckpoint(Checkpoint c) throws IOException {
    out.write(checkpointLine(c).getBytes(StandardCharsets.UTF_8));
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

  /**
   * Verifies a file's one stream with {@code verifier}, hashing its lines on every core while their
   * chain is checked in order. A line that is not a record breaks the stream there.
   */
  public static Verification verify(Path path, AuditVerifier verifier) throws IOException {
    List<Checkpoint> checkpoints = checkpoints(path);
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        var links =
            new HashedLinks<Line>(
                new Lines(in), (l, canonical) -> Link.ofLine(l.text(), canonical, l.number()))) {
      String stream;
      try {
        stream = links.hasNext() ? links.peek().stream() : streamOf(checkpoints);
      } catch (IllegalArgumentException e) {
        return Verification.broken(streamOf(checkpoints), 0, checkpoints.size(), 1, e.getMessage());
      }
      var counted = new Counted(links);
      try {
        return verifier.verifyLinks(stream, counted, checkpoints);
      } catch (IllegalArgumentException e) {
        return Verification.broken(
            stream, counted.read, checkpoints.size(), counted.lastSeq + 1, e.getMessage());
      }
    }
  }

  private static String streamOf(List<Checkpoint> checkpoints) {
    return checkpoints.isEmpty() ? "" : checkpoints.get(0).stream();
  }

  /** One record's line and its number in the file. */
  private record Line(String text, long number) {}

  /** The record lines of a file, checkpoint lines skipped. */
  private static final class Lines implements Iterator<Line> {
    private final BufferedReader in;
    private Line next;
    private long number;

    Lines(BufferedReader in) {
      this.in = in;
      advance();
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Line next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      Line current = next;
      advance();
      return current;
    }

    private void advance() {
      try {
        for (String text = in.readLine(); text != null; text = in.readLine()) {
          number++;
          if (!text.startsWith("{\"checkpoint\"")) {
            next = new Line(text, number);
            return;
          }
        }
        next = null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Counts the links taken, to name where an unreadable line breaks the stream. */
  private static final class Counted implements Iterator<Link> {
    private final Iterator<Link> links;
    private long read;
    private long lastSeq;

    Counted(Iterator<Link> links) {
      this.links = links;
    }

    @Override
    public boolean hasNext() {
      return links.hasNext();
    }

    @Override
    public Link next() {
      Link current = links.next();
      read++;
      lastSeq = current.seq();
      return current;
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
