package dev.lazurite.audit;

import static java.util.Objects.requireNonNull;

/**
 * What verifying one stream found: intact, or the first broken record and why.
 *
 * @param records how many records were read
 * @param checkpoints how many signed checkpoints were checked
 * @param brokenSeq the sequence number of the first broken record, 0 when intact
 * @param reason why it is broken, empty when intact
 */
public record Verification(
    String stream,
    boolean intact,
    long records,
    long checkpoints,
    long firstSeq,
    long lastSeq,
    long brokenSeq,
    String reason) {
  public Verification {
    requireNonNull(stream, "stream is null");
    requireNonNull(reason, "reason is null");
  }

  static Verification broken(String stream, long records, long checkpoints, long seq, String why) {
    return new Verification(stream, false, records, checkpoints, 0, 0, seq, why);
  }
}
