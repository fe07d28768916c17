package dev.lazurite.files;

import java.util.List;
import java.util.Optional;

/** What each stored file is: the durable record behind Azure's file object. */
public interface FileRecords {
  void insert(FileObject file);

  Optional<FileObject> find(String resource, String id);

  /**
   * A resource's files by creation time (then id), after the file named by {@code after} when
   * given.
   *
   * @param limit the most to return
   */
  List<FileObject> list(
      String resource,
      Optional<FilePurpose> purpose,
      Optional<String> after,
      int limit,
      boolean ascending);

  /** How many files a resource holds, of the given purposes. */
  long count(String resource, List<FilePurpose> purposes);

  /** Removes a record; false when there was none. */
  boolean delete(String resource, String id);

  /** Files that expired at or before {@code nowSeconds}, any resource, at most {@code limit}. */
  List<FileObject> expired(long nowSeconds, int limit);

  /** A content is being written under the id, started at {@code startedAtSeconds}. */
  void writing(String resource, String id, long startedAtSeconds);

  /** The content written under the id has become a file, or has been removed. */
  void written(String resource, String id);

  /** Writes started before {@code beforeSeconds} that never ended, at most {@code limit}. */
  List<PendingWrite> abandoned(long beforeSeconds, int limit);

  /** A content write that has not ended. */
  record PendingWrite(String resource, String id) {}
}
