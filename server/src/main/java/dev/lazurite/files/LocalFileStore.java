package dev.lazurite.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Contents in a local directory: one folder per resource, one file per id. A content is streamed to
 * a temporary file and moved into place once complete, so a crash mid-upload leaves no partial
 * content under the id.
 */
public final class LocalFileStore implements FileStore {
  private static final int BUFFER = 64 * 1024;

  private final Path root;

  public LocalFileStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long write(String resource, String id, InputStream content, long maxBytes)
      throws IOException {
    Path target = path(resource, id);
    Files.createDirectories(target.getParent());
    Path partial = Files.createTempFile(target.getParent(), ".upload-", ".part");
    long written = 0;
    try {
      try (OutputStream out = Files.newOutputStream(partial)) {
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = content.read(buffer)) >= 0; ) {
          written += n;
          if (written > maxBytes) {
            throw new FileTooLargeException(maxBytes);
          }
          out.write(buffer, 0, n);
        }
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      return written;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  @Override
  public InputStream open(String resource, String id) throws IOException {
    Path path = path(resource, id);
    if (!Files.isRegularFile(path)) {
      throw new NoSuchFileException(id);
    }
    return Files.newInputStream(path);
  }

  @Override
  public void delete(String resource, String id) throws IOException {
    Files.deleteIfExists(path(resource, id));
  }

  @Override
  public String describe() {
    return root.toString();
  }

  @Override
  public void close() {}

  private Path path(String resource, String id) {
    if (!FileIds.isSafe(resource) || !FileIds.isSafe(id)) {
      throw new IllegalArgumentException("not a file id: " + id);
    }
    return root.resolve(resource).resolve(id);
  }
}
