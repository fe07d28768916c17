package dev.lazurite.portal.usage;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * One row of the usage table: a bucket and a group's requests, tokens and cost.
 *
 * @param cachedTokens the part of {@code promptTokens} served from the prompt cache
 */
public record UsageRow(
    String bucket,
    String group,
    long requests,
    long promptTokens,
    long cachedTokens,
    long completionTokens,
    BigDecimal usd) {
  public UsageRow {
    requireNonNull(bucket, "bucket is null");
    requireNonNull(group, "group is null");
    requireNonNull(usd, "usd is null");
  }

  public long totalTokens() {
    return promptTokens + completionTokens;
  }
}
