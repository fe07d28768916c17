package dev.lazurite.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An appended JSON-lines file that is rotated by size ({@link FileRotation}): the current file
 * keeps its name, rotated segments are numbered after it ({@code trace-s1.jsonl}, then {@code
 * trace-s1.1.jsonl}, {@code trace-s1.2.jsonl}, …, the highest number the newest). Not thread-safe:
 * its owner writes from one thread or synchronizes.
 */
public final class RotatingLines implements AutoCloseable {
  private static final String SUFFIX = ".jsonl";

  private final Path path;
  private final FileRotation rotation;
  private OutputStream out;
  private long size;

  private RotatingLines(Path path, FileRotation rotation) throws IOException {
    if (!path.getFileName().toString().endsWith(SUFFIX)) {
      throw new IllegalArgumentException("a JSON-lines file must end in .jsonl: " + path);
    }
    this.path = path;
    this.rotation = rotation;
    this.out = JsonLinesOutput.append(path);
    this.size = Files.size(path);
  }

  /** Opens {@code path} for appending, creating it and its directory when missing. */
  public static RotatingLines open(Path path, FileRotation rotation) throws IOException {
    return new RotatingLines(path, rotation);
  }

  public Path path() {
    return path;
  }

  /** The bytes in the current file, buffered ones included. */
  public long size() {
    return size;
  }

  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
    size += bytes.length;
  }

  public void write(ByteArrayOutputStream bytes) throws IOException {
    bytes.writeTo(out);
    size += bytes.size();
  }

  public void flush() throws IOException {
    out.flush();
  }

  /** Whether the current file has reached the rotation size. */
  public boolean due() {
    return rotation.due(size);
  }

  /**
   * Closes the current file, renames it to the next numbered segment, deletes the segments beyond
   * the retention count, and starts a new, empty current file.
   */
  public void rotate() throws IOException {
    out.close();
    List<Path> segments = segments(path);
    long next = segments.isEmpty() ? 1 : number(segments.getLast(), path) + 1;
    Files.move(path, segment(path, next), StandardCopyOption.ATOMIC_MOVE);
    segments.add(segment(path, next));
    for (int i = 0; i < segments.size() - rotation.keep(); i++) {
      Files.deleteIfExists(segments.get(i));
    }
    out = JsonLinesOutput.append(path);
    size = 0;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /** The rotated segments of {@code current}, oldest first (the current file not among them). */
  public static List<Path> segments(Path current) throws IOException {
    Path directory = current.toAbsolutePath().getParent();
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return found;
    }
    Pattern numbered = pattern(current);
    try (var listing = Files.list(directory)) {
      listing
          .filter(p -> numbered.matcher(p.getFileName().toString()).matches())
          .sorted(Comparator.comparingLong(p -> number(p, current)))
          .forEach(found::add);
    }
    return found;
  }

  /** The rotated segments of {@code current}, oldest first, then {@code current} itself. */
  public static List<Path> all(Path current) throws IOException {
    List<Path> files = segments(current);
    files.add(current);
    return files;
  }

  /** Whether {@code file}'s name is that of a rotated segment ({@code name.<number>.jsonl}). */
  public static boolean isSegment(Path file) {
    String name = file.getFileName().toString();
    if (!name.endsWith(SUFFIX)) {
      return false;
    }
    String base = name.substring(0, name.length() - SUFFIX.length());
    int dot = base.lastIndexOf('.');
    return dot > 0
        && dot < base.length() - 1
        && base.substring(dot + 1).chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static Path segment(Path current, long number) {
    return current.resolveSibling(base(current) + "." + number + SUFFIX);
  }

  private static long number(Path segment, Path current) {
    Matcher m = pattern(current).matcher(segment.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException(segment + " is not a segment of " + current);
    }
    return Long.parseLong(m.group(1));
  }

  private static Pattern pattern(Path current) {
    return Pattern.compile(
        Pattern.quote(base(current) + ".") + "([0-9]{1,18})" + Pattern.quote(SUFFIX));
  }

  private static String base(Path current) {
    String name = current.getFileName().toString();
    return name.substring(0, name.length() - SUFFIX.length());
  }
}
