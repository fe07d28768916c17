package dev.lazurite.metering;

import java.util.Locale;

/**
 * When a usage record counts as written ({@code LAZURITE_USAGE_DURABILITY}).
 *
 * <p>{@link #ASYNC} (the default): the request hands its record to the writer and goes on; the
 * writer commits within milliseconds. A graceful stop loses nothing; a {@code kill -9} or a power
 * cut loses what was not yet committed (a handful of records under load). {@link #STRICT}: the
 * request waits until the transaction holding its record has committed before its last byte is
 * written, so every fully delivered response is on record; concurrent requests share one commit.
 */
public enum UsageDurability {
  ASYNC,
  STRICT;

  /** {@code async} or {@code strict}, in any case. */
  public static UsageDurability parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "async" -> ASYNC;
      case "strict" -> STRICT;
      default ->
          throw new IllegalArgumentException(
              "usage durability must be 'async' or 'strict', got '" + text + "'");
    };
  }
}
