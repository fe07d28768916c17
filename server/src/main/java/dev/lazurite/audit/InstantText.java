package dev.lazurite.audit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An instant as {@link Instant#toString()} writes it ({@code 2026-12-05T10:00:00.123Z}, the
 * fraction in groups of three digits, as many as it needs), without a formatter, for the years 1000
 * to 9999; other instants are left to {@code toString}.
 */
final class InstantText {
  private static final long SECONDS_PER_DAY = 86_400;
  private static final long MIN = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();
  private static final long MAX = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

  private InstantText() {}

  static String of(Instant t) {
    long seconds = t.getEpochSecond();
    if (seconds < MIN || seconds >= MAX) {
      return t.toString();
    }
    long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    LocalDate date = LocalDate.ofEpochDay(day);
    int nano = t.getNano();
    char[] out = new char[30];
    int n = 0;
    n = digits(out, n, date.getYear(), 4);
    out[n++] = '-';
    n = digits(out, n, date.getMonthValue(), 2);
    out[n++] = '-';
    n = digits(out, n, date.getDayOfMonth(), 2);
    out[n++] = 'T';
    n = digits(out, n, secondOfDay / 3600, 2);
    out[n++] = ':';
    n = digits(out, n, secondOfDay / 60 % 60, 2);
    out[n++] = ':';
    n = digits(out, n, secondOfDay % 60, 2);
    if (nano != 0) {
      out[n++] = '.';
      if (nano % 1_000_000 == 0) {
        n = digits(out, n, nano / 1_000_000, 3);
      } else if (nano % 1000 == 0) {
        n = digits(out, n, nano / 1000, 6);
      } else {
        n = digits(out, n, nano, 9);
      }
    }
    out[n++] = 'Z';
    return new String(out, 0, n);
  }

  private static int digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }
}
