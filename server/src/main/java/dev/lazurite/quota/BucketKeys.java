package dev.lazurite.quota;

/** Counter keys; they name the limits too, so a changed capacity starts fresh counters. */
final class BucketKeys {
  private BucketKeys() {}

  static String of(String key, RateLimits limits, String kind) {
    return "lazurite:quota:"
        + key
        + ":"
        + limits.tokensPerMinute()
        + ":"
        + limits.requestsPerWindow()
        + ":"
        + kind;
  }
}
