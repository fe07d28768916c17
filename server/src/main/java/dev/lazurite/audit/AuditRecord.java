package dev.lazurite.audit;

import static java.util.Objects.requireNonNull;

/**
 * One stored audit record: an entry at its place in its stream. Each instance writes one stream;
 * {@code seq} counts from 1 and {@code previousHash} is the hash of the record before ({@link
 * Canonical#GENESIS} for the first), so that editing, deleting or reordering a record breaks the
 * chain. {@code properties} is kept in its canonical text, so a record reads back byte for byte.
 *
 * @param time ISO-8601 instant
 * @param hash SHA-256 (hex) of the canonical form of every other field
 */
public record AuditRecord(
    String stream,
    long seq,
    String time,
    String category,
    String resourceId,
    String operationName,
    String resultSignature,
    long durationMs,
    String callerIpAddress,
    String correlationId,
    String identity,
    String deployment,
    String properties,
    String previousHash,
    String hash) {
  public AuditRecord {
    requireNonNull(stream, "stream is null");
    requireNonNull(time, "time is null");
    requireNonNull(category, "category is null");
    requireNonNull(resourceId, "resourceId is null");
    requireNonNull(operationName, "operationName is null");
    requireNonNull(resultSignature, "resultSignature is null");
    requireNonNull(callerIpAddress, "callerIpAddress is null");
    requireNonNull(correlationId, "correlationId is null");
    requireNonNull(identity, "identity is null");
    requireNonNull(deployment, "deployment is null");
    requireNonNull(properties, "properties is null");
    requireNonNull(previousHash, "previousHash is null");
    requireNonNull(hash, "hash is null");
  }

  /** The same record with another hash. */
  public AuditRecord withHash(String newHash) {
    return new AuditRecord(
        stream,
        seq,
        time,
        category,
        resourceId,
        operationName,
        resultSignature,
        durationMs,
        callerIpAddress,
        correlationId,
        identity,
        deployment,
        properties,
        previousHash,
        newHash);
  }
}
