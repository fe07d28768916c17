package dev.lazurite.trace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code Trace} records are kept: the database every instance shares, so a list through one
 * instance shows the requests every instance served.
 */
public interface TraceStore {
  /** Stores {@code records} in one transaction. */
  void appendTraces(List<TraceRecord> records);

  /**
   * Records oldest first, each filter optional.
   *
   * @param status the result signature ({@code 200}, {@code 429})
   */
  List<TraceRecord> queryTraces(
      Instant since,
      Optional<String> principal,
      Optional<String> deployment,
      Optional<String> status,
      int limit);

  /** Deletes the records older than {@code beforeMillis}; returns how many. */
  int deleteTracesBefore(long beforeMillis);
}
