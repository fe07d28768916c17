package dev.lazurite.audit;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Where the audit log's records and checkpoints are kept: a block of records per commit (their JSON
 * lines), and the checkpoints beside them.
 */
public interface AuditStore {
  /** Stores a block of records (if any) and checkpoints in one transaction. */
  void append(Optional<AuditBlock> block, List<Checkpoint> checkpoints);

  /** The stream's last record, to continue its chain after a restart. */
  Optional<AuditRecord> last(String stream);

  List<String> streams();

  /** Reads the stream's records in sequence order with {@code reader}. */
  <T> T read(String stream, Function<Iterator<AuditRecord>, T> reader);

  /**
   * Reads the stream's records in sequence order as their stored JSON lines, with {@code reader}:
   * what verification hashes.
   */
  <T> T readLines(String stream, Function<Iterator<String>, T> reader);

  List<Checkpoint> checkpoints(String stream);

  /** Records that match, oldest first. */
  List<AuditRecord> query(AuditQuery query);

  /**
   * The newest checkpoint whose record is older than {@code beforeMillis}: the retention sweep may
   * delete everything before it.
   */
  OptionalLong sweepPoint(String stream, long beforeMillis);

  /** Deletes the records and checkpoints before {@code seq}; returns the records deleted. */
  int deleteBefore(String stream, long seq);
}
