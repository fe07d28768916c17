package dev.lazurite.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Consecutive records of one stream as the store keeps them: their JSON lines (each the record's
 * canonical text with its hash, as in the audit file, ended by a line break) in sequence order,
 * with the bounds a query by time needs. A block is what the writer commits at once.
 */
public final class AuditBlock {
  private final String stream;
  private final long firstSeq;
  private final long lastSeq;
  private final long minTimeMs;
  private final long maxTimeMs;
  private final byte[] lines;

  /**
   * @param lines the records' JSON lines, each ended by {@code '\n'}; not copied
   */
  public AuditBlock(
      String stream, long firstSeq, long lastSeq, long minTimeMs, long maxTimeMs, byte[] lines) {
    if (lastSeq < firstSeq) {
      throw new IllegalArgumentException("a block ends before it starts: " + firstSeq);
    }
    this.stream = stream;
    this.firstSeq = firstSeq;
    this.lastSeq = lastSeq;
    this.minTimeMs = minTimeMs;
    this.maxTimeMs = maxTimeMs;
    this.lines = lines;
  }

  /**
   * The block of {@code records} (consecutive, one stream), their lines written afresh; {@code
   * timesMs[i]} is the time of {@code records.get(i)} in epoch milliseconds.
   */
  public static AuditBlock of(List<AuditRecord> records, long[] timesMs) {
    if (records.isEmpty()) {
      throw new IllegalArgumentException("a block holds at least one record");
    }
    var canonical = new Canonical();
    var out = new ByteArrayOutputStream(records.size() * 1024);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < records.size(); i++) {
      out.writeBytes(canonical.line(records.get(i)).getBytes(StandardCharsets.UTF_8));
      out.write('\n');
      min = Math.min(min, timesMs[i]);
      max = Math.max(max, timesMs[i]);
    }
    return new AuditBlock(
        records.getFirst().stream(),
        records.getFirst().seq(),
        records.getLast().seq(),
        min,
        max,
        out.toByteArray());
  }

  public String stream() {
    return stream;
  }

  public long firstSeq() {
    return firstSeq;
  }

  public long lastSeq() {
    return lastSeq;
  }

  public long minTimeMs() {
    return minTimeMs;
  }

  public long maxTimeMs() {
    return maxTimeMs;
  }

  /** The stored bytes; not a copy. */
  public byte[] bytes() {
    return lines;
  }

  /** The block's lines as stored, without their line breaks. */
  public static Iterator<String> lines(byte[] stored) {
    return new Iterator<>() {
      private int at;

      @Override
      public boolean hasNext() {
        return at < stored.length;
      }

      @Override
      public String next() {
        if (at >= stored.length) {
          throw new NoSuchElementException();
        }
        int end = at;
        while (end < stored.length && stored[end] != '\n') {
          end++;
        }
        String line = new String(stored, at, end - at, StandardCharsets.UTF_8);
        at = end + 1;
        return line;
      }
    };
  }

  /**
   * The record of one stored line.
   *
   * @param number the line's place, named when it is not a record
   * @throws IllegalArgumentException when the line is not a record
   */
  public static AuditRecord record(String line, long number) {
    return AuditFile.parse(line, number);
  }

  /** The record of the last stored line. */
  public static AuditRecord last(byte[] stored) {
    int end = stored.length;
    while (end > 0 && stored[end - 1] == '\n') {
      end--;
    }
    int start = end;
    long lines = 1;
    while (start > 0 && stored[start - 1] != '\n') {
      start--;
    }
    for (int i = 0; i < start; i++) {
      if (stored[i] == '\n') {
        lines++;
      }
    }
    return record(new String(stored, start, end - start, StandardCharsets.UTF_8), lines);
  }

  /**
   * Where the first stored line whose record is at or after {@code seq} starts: the lines before it
   * are {@code stored[0, offset)}, {@code stored.length} when every record is before {@code seq}.
   *
   * @throws IllegalArgumentException when a line before it is not a record
   */
  public static int offsetOf(byte[] stored, long seq) {
    int at = 0;
    for (long n = 1; at < stored.length; n++) {
      int end = at;
      while (end < stored.length && stored[end] != '\n') {
        end++;
      }
      if (record(new String(stored, at, end - at, StandardCharsets.UTF_8), n).seq() >= seq) {
        return at;
      }
      at = end + 1;
    }
    return stored.length;
  }

  /** The records of stored lines, in order. */
  public static List<AuditRecord> records(byte[] stored) {
    List<AuditRecord> records = new ArrayList<>();
    Iterator<String> lines = lines(stored);
    for (long n = 1; lines.hasNext(); n++) {
      records.add(AuditFile.parse(lines.next(), n));
    }
    return records;
  }
}
