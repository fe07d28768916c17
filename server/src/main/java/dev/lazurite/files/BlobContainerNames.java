package dev.lazurite.files;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The Blob Storage container that holds a resource's files: {@code lazurite-} and the resource name
 * in lowercase, with hyphens for underscores. Container names are 3 to 63 lowercase letters, digits
 * and single hyphens, so a name that had to change (upper case, underscores, doubled hyphens) or be
 * shortened also carries a short hash of the resource name, which keeps two resources apart.
 */
final class BlobContainerNames {
  static final String PREFIX = "lazurite-";
  private static final int MAX = 63;
  private static final int HASH = 8;

  private BlobContainerNames() {}

  static String of(String resource) {
    if (!FileIds.isSafe(resource)) {
      throw new IllegalArgumentException("not a resource name: " + resource);
    }
    String cleaned =
        resource
            .toLowerCase(Locale.ROOT)
            .replace('_', '-')
            .replaceAll("-{2,}", "-")
            .replaceAll("^-+|-+$", "");
    String plain = PREFIX + cleaned;
    if (cleaned.equals(resource) && !cleaned.isEmpty() && plain.length() <= MAX) {
      return plain;
    }
    String hash = hash(resource);
    int room = MAX - PREFIX.length() - 1 - HASH;
    String head = cleaned.length() > room ? cleaned.substring(0, room) : cleaned;
    head = head.replaceAll("-+$", "");
    return head.isEmpty() ? PREFIX + hash : PREFIX + head + "-" + hash;
  }

  private static String hash(String resource) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(resource.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
