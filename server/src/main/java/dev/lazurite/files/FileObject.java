package dev.lazurite.files;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A stored file, as Azure's file object describes it.
 *
 * @param resource the owning account's name; files of one resource are invisible to others
 * @param createdAt unix seconds
 * @param expiresAt unix seconds; empty when the file does not expire
 * @param statusDetails normally empty (the field is deprecated and {@code null} on the wire)
 */
public record FileObject(
    String id,
    String resource,
    long bytes,
    long createdAt,
    String filename,
    FilePurpose purpose,
    FileStatus status,
    OptionalLong expiresAt,
    Optional<String> statusDetails) {
  public FileObject {
    requireNonNull(id, "id is null");
    requireNonNull(resource, "resource is null");
    requireNonNull(filename, "filename is null");
    requireNonNull(purpose, "purpose is null");
    requireNonNull(status, "status is null");
    requireNonNull(expiresAt, "expiresAt is null");
    requireNonNull(statusDetails, "statusDetails is null");
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must be >= 0");
    }
  }

  /** Whether the file has expired at {@code nowSeconds}. */
  public boolean expiredAt(long nowSeconds) {
    return expiresAt.isPresent() && expiresAt.getAsLong() <= nowSeconds;
  }
}
