package dev.lazurite.observability.azure;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One metric's samples, per series (the values of the dimensions the query splits by) and per time
 * grain: count, sum, minimum and maximum.
 */
final class SeriesTable {
  private final Instant start;
  private final long grainNanos;
  private final int buckets;
  private final Map<List<String>, Cells> series = new LinkedHashMap<>();

  SeriesTable(Instant start, Duration grain, int buckets) {
    this.start = start;
    this.grainNanos = grain.toNanos();
    this.buckets = buckets;
  }

  void add(List<String> key, Instant time, double value) {
    long offset = Duration.between(start, time).toNanos();
    int bucket = (int) (offset / grainNanos);
    if (offset < 0 || bucket >= buckets) {
      return;
    }
    series.computeIfAbsent(key, k -> new Cells(buckets)).add(bucket, value);
  }

  /** Makes sure a series exists even when nothing was sampled: an unsplit query has one. */
  void ensure(List<String> key) {
    series.computeIfAbsent(key, k -> new Cells(buckets));
  }

  Map<List<String>, Cells> series() {
    return series;
  }

  /** Per grain: how many samples, their sum, minimum and maximum. */
  static final class Cells {
    final long[] count;
    final double[] sum;
    final double[] min;
    final double[] max;

    Cells(int buckets) {
      count = new long[buckets];
      sum = new double[buckets];
      min = new double[buckets];
      max = new double[buckets];
    }

    void add(int bucket, double value) {
      if (count[bucket] == 0) {
        min[bucket] = value;
        max[bucket] = value;
      } else {
        min[bucket] = Math.min(min[bucket], value);
        max[bucket] = Math.max(max[bucket], value);
      }
      count[bucket]++;
      sum[bucket] += value;
    }

    double total() {
      double t = 0;
      for (double s : sum) {
        t += s;
      }
      return t;
    }
  }
}
