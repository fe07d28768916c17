package dev.lazurite.store.jdbi;

import dev.lazurite.audit.AuditBlock;
import dev.lazurite.audit.AuditQuery;
import dev.lazurite.audit.AuditRecord;
import dev.lazurite.audit.AuditStore;
import dev.lazurite.audit.Checkpoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * The audit log's records and checkpoints, on either SQL database. Records are kept a block per
 * commit ({@code audit_blocks}: the records' JSON lines), so that storing a few hundred records is
 * one row, not a few hundred of sixteen columns each; every read goes through the lines.
 */
final class JdbiAuditRecords implements AuditStore {
  private static final String INSERT_BLOCK =
      "INSERT INTO audit_blocks (stream, first_seq, last_seq, min_time_ms, max_time_ms, lines)"
          + " VALUES (?, ?, ?, ?, ?, ?)";
  private static final String INSERT_CHECKPOINT =
      "INSERT INTO audit_checkpoints (stream, seq, hash, time, signature) VALUES (?, ?, ?, ?, ?)";

  /** Blocks fetched at a time by a cursor: a block holds up to a few hundred records. */
  private static final int FETCH_SIZE = 16;

  /** Orders records as a listing does: by time, then stream, then place in the stream. */
  private static final Comparator<Timed> LISTING =
      Comparator.comparingLong(Timed::timeMs)
          .thenComparing(t -> t.record().stream())
          .thenComparingLong(t -> t.record().seq());

  private final Jdbi jdbi;

  JdbiAuditRecords(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void append(Optional<AuditBlock> block, List<Checkpoint> checkpoints) {
    jdbi.useTransaction(
        h -> {
          block.ifPresent(b -> insert(h, b));
          if (!checkpoints.isEmpty()) {
            var marks = h.prepareBatch(INSERT_CHECKPOINT);
            for (Checkpoint c : checkpoints) {
              marks.add(c.stream(), c.seq(), c.hash(), c.time(), c.signature());
            }
            marks.execute();
          }
        });
  }

  static void insert(Handle h, AuditBlock b) {
    h.createUpdate(INSERT_BLOCK)
        .bind(0, b.stream())
        .bind(1, b.firstSeq())
        .bind(2, b.lastSeq())
        .bind(3, b.minTimeMs())
        .bind(4, b.maxTimeMs())
        .bind(5, b.bytes())
        .execute();
  }

  @Override
  public Optional<AuditRecord> last(String stream) {
    return jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT lines FROM audit_blocks WHERE stream = ? ORDER BY first_seq DESC"
                            + " LIMIT 1")
                    .bind(0, stream)
                    .mapTo(byte[].class)
                    .findOne())
        .map(AuditBlock::last);
  }

  @Override
  public List<String> streams() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT stream FROM audit_blocks UNION SELECT stream FROM audit_checkpoints"
                        + " ORDER BY stream")
                .mapTo(String.class)
                .list());
  }

  @Override
  public <T> T read(String stream, Function<Iterator<AuditRecord>, T> reader) {
    return readLines(stream, lines -> reader.apply(new Parsed(lines)));
  }

  @Override
  public <T> T readLines(String stream, Function<Iterator<String>, T> reader) {
    // Inside a transaction PostgreSQL streams the rows through a cursor, FETCH_SIZE at a time,
    // instead of holding the whole stream in memory.
    return jdbi.inTransaction(
        h -> {
          try (ResultIterator<byte[]> blocks =
              h.createQuery("SELECT lines FROM audit_blocks WHERE stream = ? ORDER BY first_seq")
                  .bind(0, stream)
                  .setFetchSize(FETCH_SIZE)
                  .mapTo(byte[].class)
                  .iterator()) {
            return reader.apply(new Flattened(blocks));
          }
        });
  }

  @Override
  public List<Checkpoint> checkpoints(String stream) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT stream, seq, hash, time, signature FROM audit_checkpoints WHERE stream"
                        + " = ? ORDER BY seq")
                .bind(0, stream)
                .map(
                    (rs, ctx) ->
                        new Checkpoint(
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5)))
                .list());
  }

  /**
   * Reads the blocks that can hold a match oldest first, keeping the {@code limit} oldest matches,
   * and stops at the first block that starts after the newest one kept.
   */
  @Override
  public List<AuditRecord> query(AuditQuery q) {
    long since = q.since().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
    var filter = new AuditLineFilter(q);
    PriorityQueue<Timed> kept = new PriorityQueue<>(LISTING.reversed());
    jdbi.useTransaction(
        h -> {
          try (ResultIterator<Row> blocks =
              h.createQuery(
                      "SELECT first_seq, min_time_ms, lines FROM audit_blocks WHERE max_time_ms >= ?"
                          + " ORDER BY min_time_ms")
                  .bind(0, since)
                  .setFetchSize(FETCH_SIZE)
                  .map((rs, ctx) -> new Row(rs))
                  .iterator()) {
            while (blocks.hasNext()) {
              Row block = blocks.next();
              if (kept.size() == q.limit() && block.minTimeMs() > kept.peek().timeMs()) {
                return;
              }
              Iterator<String> lines = AuditBlock.lines(block.lines());
              for (long n = 1; lines.hasNext(); n++) {
                String line = lines.next();
                if (!filter.mayMatch(line)) {
                  continue;
                }
                AuditRecord r;
                long timeMs;
                try {
                  r = AuditBlock.record(line, n);
                  timeMs = Instant.parse(r.time()).toEpochMilli();
                } catch (IllegalArgumentException | DateTimeException e) {
                  // Not a record (the store was edited): verification names it; a listing skips it.
                  continue;
                }
                if (timeMs < since || !filter.matches(r)) {
                  continue;
                }
                kept.add(new Timed(timeMs, r));
                if (kept.size() > q.limit()) {
                  kept.poll();
                }
              }
            }
          }
        });
    List<Timed> sorted = new ArrayList<>(kept);
    sorted.sort(LISTING);
    return sorted.stream().map(Timed::record).toList();
  }

  @Override
  public OptionalLong sweepPoint(String stream, long beforeMillis) {
    return jdbi.withHandle(
        h -> {
          // The checkpoints whose block has a record older than the cut, newest first: the first
          // whose own record is older is the answer.
          List<long[]> candidates =
              h.createQuery(
                      "SELECT c.seq, b.first_seq, b.max_time_ms FROM audit_checkpoints c JOIN"
                          + " audit_blocks b ON b.stream = c.stream AND c.seq >= b.first_seq AND"
                          + " c.seq <= b.last_seq WHERE c.stream = ? AND b.min_time_ms < ? ORDER"
                          + " BY c.seq DESC")
                  .bind(0, stream)
                  .bind(1, beforeMillis)
                  .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                  .list();
          for (long[] c : candidates) {
            if (c[2] < beforeMillis || timeOf(h, stream, c[1], c[0]) < beforeMillis) {
              return OptionalLong.of(c[0]);
            }
          }
          return OptionalLong.empty();
        });
  }

  private static long timeOf(Handle h, String stream, long firstSeq, long seq) {
    byte[] lines =
        h.createQuery("SELECT lines FROM audit_blocks WHERE stream = ? AND first_seq = ?")
            .bind(0, stream)
            .bind(1, firstSeq)
            .mapTo(byte[].class)
            .one();
    for (AuditRecord r : AuditBlock.records(lines)) {
      if (r.seq() == seq) {
        return Instant.parse(r.time()).toEpochMilli();
      }
    }
    return Long.MAX_VALUE;
  }

  /**
   * Deletes whole blocks before {@code seq}, and cuts the block that holds it: its stored lines
   * from {@code seq} on are kept byte for byte. Its time bounds stay as they were, still bounds of
   * what is left.
   */
  @Override
  public int deleteBefore(String stream, long seq) {
    return jdbi.inTransaction(
        h -> {
          h.createUpdate("DELETE FROM audit_checkpoints WHERE stream = ? AND seq < ?")
              .bind(0, stream)
              .bind(1, seq)
              .execute();
          long whole =
              h.createQuery(
                      "SELECT COALESCE(SUM(last_seq - first_seq + 1), 0) FROM audit_blocks WHERE"
                          + " stream = ? AND last_seq < ?")
                  .bind(0, stream)
                  .bind(1, seq)
                  .mapTo(Long.class)
                  .one();
          h.createUpdate("DELETE FROM audit_blocks WHERE stream = ? AND last_seq < ?")
              .bind(0, stream)
              .bind(1, seq)
              .execute();
          Optional<Row> straddling =
              h.createQuery(
                      "SELECT first_seq, min_time_ms, lines FROM audit_blocks WHERE stream = ? AND"
                          + " first_seq < ? AND last_seq >= ?")
                  .bind(0, stream)
                  .bind(1, seq)
                  .bind(2, seq)
                  .map((rs, ctx) -> new Row(rs))
                  .findOne();
          if (straddling.isEmpty()) {
            return Math.toIntExact(whole);
          }
          byte[] stored = straddling.get().lines();
          int at = AuditBlock.offsetOf(stored, seq);
          int dropped = 0;
          for (int i = 0; i < at; i++) {
            if (stored[i] == '\n') {
              dropped++;
            }
          }
          byte[] rest = Arrays.copyOfRange(stored, at, stored.length);
          if (rest.length == 0) {
            h.createUpdate("DELETE FROM audit_blocks WHERE stream = ? AND first_seq = ?")
                .bind(0, stream)
                .bind(1, straddling.get().firstSeq())
                .execute();
          } else {
            h.createUpdate(
                    "UPDATE audit_blocks SET first_seq = ?, lines = ? WHERE stream = ? AND first_seq"
                        + " = ?")
                .bind(0, AuditBlock.record(AuditBlock.lines(rest).next(), 1).seq())
                .bind(1, rest)
                .bind(2, stream)
                .bind(3, straddling.get().firstSeq())
                .execute();
          }
          return Math.toIntExact(whole + dropped);
        });
  }

  private record Timed(long timeMs, AuditRecord record) {}

  /** A stored block: where it starts, its earliest record time, and its lines. */
  private static final class Row {
    private final long firstSeq;
    private final long minTimeMs;
    private final byte[] lines;

    Row(ResultSet rs) throws SQLException {
      this.firstSeq = rs.getLong("first_seq");
      this.minTimeMs = rs.getLong("min_time_ms");
      this.lines = rs.getBytes("lines");
    }

    long firstSeq() {
      return firstSeq;
    }

    long minTimeMs() {
      return minTimeMs;
    }

    byte[] lines() {
      return lines;
    }
  }

  /** The lines of consecutive blocks as one sequence. */
  private static final class Flattened implements Iterator<String> {
    private final Iterator<byte[]> blocks;
    private Iterator<String> current = java.util.Collections.emptyIterator();

    Flattened(Iterator<byte[]> blocks) {
      this.blocks = blocks;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && blocks.hasNext()) {
        current = AuditBlock.lines(blocks.next());
      }
      return current.hasNext();
    }

    @Override
    public String next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }

  /** Records read from lines in order; a line that is not a record throws at its turn. */
  private static final class Parsed implements Iterator<AuditRecord> {
    private final Iterator<String> lines;
    private long number;

    Parsed(Iterator<String> lines) {
      this.lines = lines;
    }

    @Override
    public boolean hasNext() {
      return lines.hasNext();
    }

    @Override
    public AuditRecord next() {
      return AuditBlock.record(lines.next(), ++number);
    }
  }
}
