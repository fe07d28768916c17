package dev.lazurite.json;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens a JSON-lines file for appending, creating it and its directory when missing. */
public final class JsonLinesOutput {
  private JsonLinesOutput() {}

  /** A buffered stream that appends to {@code path}. */
  public static OutputStream append(Path path) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    return new BufferedOutputStream(
        Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16);
  }
}
