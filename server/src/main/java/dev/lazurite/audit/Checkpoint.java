package dev.lazurite.audit;

import static java.util.Objects.requireNonNull;

/**
 * A signed statement that record {@code seq} of {@code stream} had hash {@code hash} at {@code
 * time}: the server's signing key (Ed25519) signs {@link #signedText()}. A record whose chain was
 * rewritten from an edit onwards still disagrees with the checkpoints after it, and the oldest
 * record kept after a retention sweep is known to be genuine by its checkpoint.
 *
 * @param signature base64 Ed25519 signature
 */
public record Checkpoint(String stream, long seq, String hash, String time, String signature) {
  public Checkpoint {
    requireNonNull(stream, "stream is null");
    requireNonNull(hash, "hash is null");
    requireNonNull(time, "time is null");
    requireNonNull(signature, "signature is null");
  }

  /** What the signature covers. */
  public String signedText() {
    return signedText(stream, seq, hash, time);
  }

  static String signedText(String stream, long seq, String hash, String time) {
    return "lazurite-audit-checkpoint\n" + stream + "\n" + seq + "\n" + hash + "\n" + time;
  }
}
