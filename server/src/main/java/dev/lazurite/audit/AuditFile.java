package dev.lazurite.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.json.FileRotation;
import dev.lazurite.json.Json;
import dev.lazurite.json.RotatingLines;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The JSON-lines sink: one file per stream, each line a record (the canonical text with its hash)
 * or a signed checkpoint ({@code {"checkpoint":{…}}}). Lines are only appended. Past its rotation
 * size the file is renamed to a numbered segment ({@link RotatingLines}); the writer ends the full
 * file with a checkpoint of the stream's head and starts the next one with the same checkpoint, so
 * each segment, and the set of them read in order, is checkable, also once the oldest segments are
 * deleted.
 */
public final class AuditFile implements AutoCloseable {
  private final RotatingLines out;

  private AuditFile(Path path, FileRotation rotation) throws IOException {
    this.out = RotatingLines.open(path, rotation);
  }

  /** The file of {@code stream} in {@code directory}. */
  public static Path of(Path directory, String stream) {
    return directory.resolve("audit-" + stream + ".jsonl");
  }

  /** A file that is never rotated. */
  public static AuditFile open(Path path) throws IOException {
    return new AuditFile(path, FileRotation.NEVER);
  }

  public static AuditFile open(Path path, FileRotation rotation) throws IOException {
    return new AuditFile(path, rotation);
  }

  public Path path() {
    return out.path();
  }

  boolean isEmpty() {
    return out.size() == 0;
  }

  /** Whether the file has reached its rotation size. */
  boolean rotationDue() {
    return out.due();
  }

  /** Renames the file to its next segment and starts a new one. */
  void rotate() throws IOException {
    out.rotate();
  }

  /** Appends lines already in UTF-8, each with its line break. */
  void writeLines(ByteArrayOutputStream lines) throws IOException {
    out.write(lines);
  }

  void writeCheckpoint(Checkpoint c) throws IOException {
    out.write((checkpointLine(c) + "\n").getBytes(StandardCharsets.UTF_8));
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
    return checkpoints(List.of(path));
  }

  /**
   * The checkpoints of files read in order; one repeated at the start of the next segment is taken
   * once.
   */
  static List<Checkpoint> checkpoints(List<Path> files) throws IOException {
    Map<Long, Checkpoint> found = new HashMap<>();
    List<Checkpoint> ordered = new ArrayList<>();
    for (Path path : files) {
      try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (line.startsWith("{\"checkpoint\"")) {
            JsonNode c = Json.parse(line.getBytes(StandardCharsets.UTF_8)).path("checkpoint");
            var checkpoint =
                new Checkpoint(
                    c.path("stream").asText(),
                    c.path("seq").asLong(),
                    c.path("hash").asText(),
                    c.path("time").asText(),
                    c.path("signature").asText());
            Checkpoint before = found.putIfAbsent(checkpoint.seq(), checkpoint);
            if (before == null) {
              ordered.add(checkpoint);
            } else if (!before.equals(checkpoint)) {
              // Two different checkpoints of one record: the verifier sees both and rejects one.
              ordered.add(checkpoint);
            }
          }
        }
      }
    }
    return ordered;
  }

  /**
   * Verifies the stream of the file at {@code path} with {@code verifier}: its rotated segments
   * beside it, oldest first, then the file itself, read as one sequence of lines.
   */
  public static Verification verify(Path path, AuditVerifier verifier) throws IOException {
    return verify(RotatingLines.all(path).stream().filter(Files::exists).toList(), verifier);
  }

  /**
   * Verifies one stream written across {@code files} (in order) with {@code verifier}, hashing
   * their lines on every core while their chain is checked in order. A line that is not a record
   * breaks the stream there.
   */
  static Verification verify(List<Path> files, AuditVerifier verifier) throws IOException {
    List<Checkpoint> checkpoints = checkpoints(files);
    try (var in = new SegmentReader(files)) {
      return verifyLines(new Lines(in), checkpoints, verifier, Optional.empty());
    }
  }

  /**
   * Verifies one stream's record lines (in order) with {@code verifier}, hashing them on every core
   * while their chain is checked in order. A line that is not a record breaks the stream there.
   *
   * @param named the stream, when the caller knows it; otherwise the first line's or the
   *     checkpoints'
   */
  static Verification verifyLines(
      Iterator<Line> lines,
      List<Checkpoint> checkpoints,
      AuditVerifier verifier,
      Optional<String> named) {
    try (var links =
        new HashedLinks<Line>(
            lines, (l, canonical) -> Link.ofLine(l.text(), canonical, l.number()))) {
      String stream;
      try {
        stream =
            named.isPresent()
                ? named.get()
                : links.hasNext() ? links.peek().stream() : streamOf(checkpoints);
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

  /** A record's JSON line and its line number, counted from 1. */
  record Line(String text, long number) {}

  /** The lines of files one after the other. */
  private static final class SegmentReader implements AutoCloseable {
    private final Iterator<Path> files;
    private BufferedReader in;

    SegmentReader(List<Path> files) {
      this.files = files.iterator();
    }

    /** The next line, or null after the last file's last line. */
    String readLine() throws IOException {
      while (true) {
        if (in == null) {
          if (!files.hasNext()) {
            return null;
          }
          in = Files.newBufferedReader(files.next(), StandardCharsets.UTF_8);
        }
        String line = in.readLine();
        if (line != null) {
          return line;
        }
        in.close();
        in = null;
      }
    }

    @Override
    public void close() throws IOException {
      if (in != null) {
        in.close();
      }
    }
  }

  /** The record lines of a file, checkpoint lines skipped. */
  private static final class Lines implements Iterator<Line> {
    private final SegmentReader in;
    private Line next;
    private long number;

    Lines(SegmentReader in) {
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
