package dev.lazurite.config;

/**
 * The audit log.
 *
 * @param fileSink whether records are also appended to JSON-lines files in {@code <dataDir>/audit}
 * @param retentionDays how long the store keeps records; 0 keeps them forever
 * @param checkpointEvery how many records apart signed checkpoints are (one is also signed when the
 *     log falls idle, and on shutdown)
 */
public record AuditConfig(boolean fileSink, int retentionDays, int checkpointEvery) {
  public static final AuditConfig DEFAULT = new AuditConfig(true, 0, 1000);

  public AuditConfig {
    if (retentionDays < 0) {
      throw new IllegalArgumentException("audit retention days must be >= 0, got " + retentionDays);
    }
    if (checkpointEvery < 1) {
      throw new IllegalArgumentException(
          "audit checkpoint interval must be >= 1 record, got " + checkpointEvery);
    }
  }
}
