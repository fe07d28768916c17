package dev.lazurite.json;

/**
 * When a JSON-lines file is rotated: once it holds {@code maxBytes} it is renamed to the next
 * numbered segment beside it ({@code audit-s1.jsonl} → {@code audit-s1.7.jsonl}) and a new file
 * begins; of the numbered segments, the newest {@code keep} are kept and older ones deleted.
 *
 * @param maxBytes the size at which a file is rotated; 0 never rotates
 * @param keep how many rotated segments are kept beside the current file (>= 1)
 */
public record FileRotation(long maxBytes, int keep) {
  public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;
  public static final int DEFAULT_KEEP = 10;

  /** 100 MiB files, ten rotated segments kept. */
  public static final FileRotation DEFAULT = new FileRotation(DEFAULT_MAX_BYTES, DEFAULT_KEEP);

  /** Files that grow without bound. */
  public static final FileRotation NEVER = new FileRotation(0, DEFAULT_KEEP);

  public FileRotation {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("file rotation size must be >= 0 bytes, got " + maxBytes);
    }
    if (keep < 1) {
      throw new IllegalArgumentException("rotated files kept must be >= 1, got " + keep);
    }
  }

  /** Whether a file of {@code size} bytes is due for rotation. */
  public boolean due(long size) {
    return maxBytes > 0 && size >= maxBytes;
  }
}
