package dev.lazurite.audit;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/** Where audit records and checkpoints are kept durably: append-only, read in order. */
public interface AuditStore {
  /** Stores records and checkpoints in one transaction. */
  default void append(List<AuditRecord> records, List<Checkpoint> checkpoints) {
    long[] timesMs = new long[records.size()];
    for (int i = 0; i < timesMs.length; i++) {
      timesMs[i] = Instant.parse(records.get(i).time()).toEpochMilli();
    }
    append(records, timesMs, checkpoints);
  }

  /**
   * Stores records and checkpoints in one transaction, given each record's time in epoch
   * milliseconds ({@code timesMs[i]} is the time of {@code records.get(i)}).
   */
  void append(List<AuditRecord> records, long[] timesMs, List<Checkpoint> checkpoints);

  /** The stream's last record, to continue its chain after a restart. */
  Optional<AuditRecord> last(String stream);

  List<String> streams();

  /** Reads the stream's records in sequence order with {@code reader}. */
  <T> T read(String stream, Function<Iterator<AuditRecord>, T> reader);

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
