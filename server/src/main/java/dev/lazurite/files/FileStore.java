package dev.lazurite.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where file contents live: a local directory, or a Blob Storage container per resource. Contents
 * are written once under a fresh id, streamed (never whole in memory), and read back as a stream;
 * what a file is (its name, purpose, size) is kept by {@link FileRecords}.
 *
 * <p>{@code resource} is the owning account's name and {@code id} a file id as {@link FileIds}
 * mints it; implementations refuse any other characters, so neither can name a path outside the
 * store.
 */
public interface FileStore extends AutoCloseable {
  /**
   * Stores {@code content} under the id; nothing stays stored when it fails.
   *
   * @param maxBytes the most the content may hold
   * @return the number of bytes stored
   * @throws FileTooLargeException when the content holds more than {@code maxBytes}
   */
  long write(String resource, String id, InputStream content, long maxBytes) throws IOException;

  /**
   * Opens a stored content for reading.
   *
   * @throws java.nio.file.NoSuchFileException when nothing is stored under the id
   */
  InputStream open(String resource, String id) throws IOException;

  /** Removes a content; removing one that is not there is not an error. */
  void delete(String resource, String id) throws IOException;

  /** Where contents are kept, with no secret in it. */
  String describe();

  @Override
  void close();
}
