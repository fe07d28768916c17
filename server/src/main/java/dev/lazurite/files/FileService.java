package dev.lazurite.files;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of every resource: contents in a {@link FileStore}, what they are in {@link
 * FileRecords}. A content is stored before its record, so a file that can be listed can be read; a
 * record is removed before its content, so a deleted file is gone at once. A file of one resource
 * is not found from another.
 */
public final class FileService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FileService.class);

  private final FileRecords records;
  private final FileStore store;
  private final Clock clock;

  public FileService(FileRecords records, FileStore store, Clock clock) {
    this.records = requireNonNull(records, "records is null");
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** A file and its content, open for reading; the caller closes it. */
  public record Content(FileObject file, InputStream stream) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      stream.close();
    }
  }

  /**
   * Stores an uploaded file, streaming its content; it is {@code processed} at once.
   *
   * @param expiresAfterSeconds from the upload's creation time; empty for no expiry
   * @param maxBytes the most the content may hold
   * @throws FileTooLargeException when the content is larger; nothing is kept
   */
  public FileObject upload(
      String resource,
      FilePurpose purpose,
      String filename,
      InputStream content,
      OptionalLong expiresAfterSeconds,
      long maxBytes)
      throws IOException {
    return store(
        resource,
        FileIds.upload(purpose),
        purpose,
        filename,
        content,
        expiresAfterSeconds,
        maxBytes);
  }

  /**
   * Stores a file the service wrote (a batch's output or error file), under a fresh output id.
   *
   * @param expiresAfterSeconds from now; empty for no expiry
   */
  public FileObject storeOutput(
      String resource,
      FilePurpose purpose,
      String filename,
      InputStream content,
      OptionalLong expiresAfterSeconds)
      throws IOException {
    return store(
        resource,
        FileIds.output(),
        purpose,
        filename,
        content,
        expiresAfterSeconds,
        Long.MAX_VALUE);
  }

  private FileObject store(
      String resource,
      String id,
      FilePurpose purpose,
      String filename,
      InputStream content,
      OptionalLong expiresAfterSeconds,
      long maxBytes)
      throws IOException {
    long bytes = write(resource, id, content, maxBytes);
    try {
      return record(resource, id, bytes, purpose, filename, expiresAfterSeconds);
    } finally {
      records.written(resource, id);
    }
  }

  /**
   * Writes a content under the id with its write journaled first, so that a process dying mid-write
   * leaves nothing {@link #sweepAbandoned} does not find. The journal entry stays until the caller
   * ends it (the content became a file or was removed); a failed write ends it here.
   */
  private long write(String resource, String id, InputStream content, long maxBytes)
      throws IOException {
    records.writing(resource, id, clock.instant().getEpochSecond());
    try {
      return store.write(resource, id, content, maxBytes);
    } catch (IOException | RuntimeException e) {
      records.written(resource, id);
      throw e;
    }
  }

  private FileObject record(
      String resource,
      String id,
      long bytes,
      FilePurpose purpose,
      String filename,
      OptionalLong expiresAfterSeconds)
      throws IOException {
    long created = clock.instant().getEpochSecond();
    var file =
        new FileObject(
            id,
            resource,
            bytes,
            created,
            filename,
            purpose,
            FileStatus.PROCESSED,
            expiresAfterSeconds.isPresent()
                ? OptionalLong.of(created + expiresAfterSeconds.getAsLong())
                : OptionalLong.empty(),
            Optional.empty());
    try {
      records.insert(file);
    } catch (RuntimeException e) {
      store.delete(resource, id);
      throw e;
    }
    return file;
  }

  /**
   * A content stored under a provisional id, not yet a file: {@link #commit} or {@link #discard}.
   */
  public record Staged(String resource, String id, long bytes) {}

  /**
   * Stores an upload's content before what it is for is known (a form may send its {@code purpose}
   * after its {@code file}).
   *
   * @param id the id {@link FileIds#upload} minted for the purpose if known, else for any
   * @throws FileTooLargeException when the content is larger than {@code maxBytes}
   */
  public Staged stage(String resource, String id, InputStream content, long maxBytes)
      throws IOException {
    return new Staged(resource, id, write(resource, id, content, maxBytes));
  }

  /**
   * Makes a staged content a file; its id changes when the purpose needs another form of id.
   *
   * @param expiresAfterSeconds from the file's creation time; empty for no expiry
   */
  public FileObject commit(
      Staged staged, FilePurpose purpose, String filename, OptionalLong expiresAfterSeconds)
      throws IOException {
    String id = staged.id();
    if (!FileIds.fits(id, purpose)) {
      id = FileIds.upload(purpose);
      try (InputStream content = store.open(staged.resource(), staged.id())) {
        write(staged.resource(), id, content, Long.MAX_VALUE);
      } finally {
        store.delete(staged.resource(), staged.id());
        records.written(staged.resource(), staged.id());
      }
    }
    try {
      return record(staged.resource(), id, staged.bytes(), purpose, filename, expiresAfterSeconds);
    } finally {
      records.written(staged.resource(), id);
    }
  }

  /** Removes a staged content that will not become a file. */
  public void discard(Staged staged) {
    try {
      store.delete(staged.resource(), staged.id());
      records.written(staged.resource(), staged.id());
    } catch (IOException e) {
      // Its journal entry stays: the sweeper removes the content later.
      LOG.warn("staged content {} could not be removed: {}", staged.id(), e.toString());
    }
  }

  /** A resource's file; empty when there is none, or it has expired. */
  public Optional<FileObject> find(String resource, String id) {
    if (!FileIds.isSafe(id)) {
      return Optional.empty();
    }
    long now = clock.instant().getEpochSecond();
    return records.find(resource, id).filter(f -> !f.expiredAt(now));
  }

  /**
   * A resource's files by creation time.
   *
   * @param after the id of the file the page starts after
   */
  public List<FileObject> list(
      String resource,
      Optional<FilePurpose> purpose,
      Optional<String> after,
      int limit,
      boolean ascending) {
    long now = clock.instant().getEpochSecond();
    return records.list(resource, purpose, after, limit, ascending).stream()
        .filter(f -> !f.expiredAt(now))
        .toList();
  }

  /** How many files of these purposes a resource holds. */
  public long count(String resource, List<FilePurpose> purposes) {
    return records.count(resource, purposes);
  }

  /** Opens a resource's file for reading; empty when there is no such file. */
  public Optional<Content> open(String resource, String id) throws IOException {
    Optional<FileObject> file = find(resource, id);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Content(file.get(), store.open(resource, id)));
  }

  /** Deletes a resource's file; false when there was none. */
  public boolean delete(String resource, String id) throws IOException {
    if (!FileIds.isSafe(id) || !records.delete(resource, id)) {
      return false;
    }
    store.delete(resource, id);
    return true;
  }

  /**
   * Removes files whose expiry has passed.
   *
   * @return how many were removed
   */
  public int sweepExpired(int limit) {
    int removed = 0;
    for (FileObject file : records.expired(clock.instant().getEpochSecond(), limit)) {
      try {
        if (delete(file.resource(), file.id())) {
          removed++;
        }
      } catch (IOException e) {
        LOG.warn("expired file {} could not be removed: {}", file.id(), e.toString());
      }
    }
    return removed;
  }

  /**
   * Removes contents whose write started before {@code before} and never ended (the process writing
   * them died), and their journal entries.
   *
   * @return how many were removed
   */
  public int sweepAbandoned(Instant before, int limit) {
    int removed = 0;
    for (FileRecords.PendingWrite write : records.abandoned(before.getEpochSecond(), limit)) {
      try {
        store.delete(write.resource(), write.id());
        records.written(write.resource(), write.id());
        removed++;
      } catch (IOException e) {
        LOG.warn("abandoned content {} could not be removed: {}", write.id(), e.toString());
      }
    }
    return removed;
  }

  /** Where contents are kept. */
  public String describe() {
    return store.describe();
  }

  /** Closes the content store. */
  @Override
  public void close() {
    store.close();
  }
}
