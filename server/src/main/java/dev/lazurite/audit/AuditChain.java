package dev.lazurite.audit;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;

/**
 * The head of one stream: gives each entry its sequence number and previous hash, and hashes it.
 * Used by the one writer thread of a stream.
 */
final class AuditChain {
  private final String stream;
  private final Canonical canonical = new Canonical();
  private long seq;
  private String head;

  /**
   * @param lastSeq the sequence number of the stream's last stored record, 0 for a new stream
   * @param lastHash that record's hash, {@link Canonical#GENESIS} for a new stream
   */
  AuditChain(String stream, long lastSeq, String lastHash) {
    this.stream = requireNonNull(stream, "stream is null");
    this.seq = lastSeq;
    this.head = requireNonNull(lastHash, "lastHash is null");
  }

  AuditRecord append(AuditEntry e) {
    var record = canonical.chain(stream, seq + 1, head, e);
    seq = record.seq();
    head = record.hash();
    return record;
  }

  /** Moves the head to a record chained by another chain from this one's head. */
  void advance(AuditRecord record) {
    if (record.seq() != seq + 1 || !record.previousHash().equals(head)) {
      throw new IllegalStateException("record " + record.seq() + " does not follow " + seq);
    }
    seq = record.seq();
    head = record.hash();
  }

  /** Appends the JSON line of the record {@link #append} made last, and a line break. */
  void copyLineTo(ByteArrayOutputStream out) {
    canonical.copyLineTo(out);
  }

  /** Moves the head back or forth to a stored record, to chain a batch again from there. */
  void reset(long lastSeq, String lastHash) {
    this.seq = lastSeq;
    this.head = requireNonNull(lastHash, "lastHash is null");
  }

  String stream() {
    return stream;
  }

  long seq() {
    return seq;
  }

  String head() {
    return head;
  }
}
