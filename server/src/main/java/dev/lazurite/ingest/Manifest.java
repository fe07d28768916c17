package dev.lazurite.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What a file was indexed as: its content hash and how many chunks it was cut into. Chunk 0 carries
 * it in {@code content_hash} as {@code <sha256>/<chunks>} and is uploaded after every other chunk
 * of the file, so a crash mid-file leaves no manifest; and a file counts as indexed only when the
 * index holds as many chunks as its manifest names.
 */
record Manifest(String contentHash, int chunks) {
  Manifest {
    requireNonNull(contentHash, "contentHash is null");
    if (chunks < 1) {
      throw new IllegalArgumentException("chunks must be >= 1, got " + chunks);
    }
  }

  /** The manifest in a {@code content_hash} value; empty for none or one without a count. */
  static Optional<Manifest> parse(String stored) {
    int slash = stored == null ? -1 : stored.lastIndexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    try {
      int chunks = Integer.parseInt(stored.substring(slash + 1));
      return chunks < 1
          ? Optional.empty()
          : Optional.of(new Manifest(stored.substring(0, slash), chunks));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  String stored() {
    return contentHash + "/" + chunks;
  }
}
