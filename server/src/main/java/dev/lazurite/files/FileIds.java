package dev.lazurite.files;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * File ids as Azure mints them: {@code file-} and 32 hex digits for uploads, {@code assistant-} and
 * 22 base-62 characters for purpose {@code assistants}, {@code file-} and a UUID for batch output
 * and error files. Ids need to be unique, not secret.
 */
public final class FileIds {
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  private FileIds() {}

  public static String upload(FilePurpose purpose) {
    return switch (purpose) {
      case ASSISTANTS -> "assistant-" + base62(22);
      case BATCH,
          FINE_TUNE,
          EVALS,
          BATCH_OUTPUT,
          FINE_TUNE_RESULTS,
          ASSISTANTS_OUTPUT,
          EVALS_OUTPUT ->
          "file-" + hex(16);
    };
  }

  /** Whether an id has the form {@link #upload} mints for the purpose. */
  public static boolean fits(String id, FilePurpose purpose) {
    return purpose == FilePurpose.ASSISTANTS ? id.startsWith("assistant-") : id.startsWith("file-");
  }

  public static String output() {
    long high = (ThreadLocalRandom.current().nextLong() & ~0xf000L) | 0x4000L;
    return "file-" + new UUID(high, random()).toString();
  }

  /** Whether a string can be a file id or a resource name in a store: no path, no dot. */
  public static boolean isSafe(String value) {
    return value != null && SAFE.matcher(value).matches();
  }

  private static long random() {
    // Version 4, IETF variant.
    return (ThreadLocalRandom.current().nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private static String base62(int length) {
    var out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(BASE62.charAt(ThreadLocalRandom.current().nextInt(BASE62.length())));
    }
    return out.toString();
  }
}
