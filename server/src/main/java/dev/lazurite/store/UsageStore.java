package dev.lazurite.store;

import dev.lazurite.metering.UsageRecord;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Durable usage records and their summaries. */
public interface UsageStore {
  void append(List<UsageRecord> records);

  List<UsageSummary> summarize(String account, Instant since);

  /**
   * Hands each of an account's records stored in {@code [from, to)} to {@code each}, in no order.
   * Records stored before first bytes were kept carry their latency as their first byte.
   */
  void scan(String account, Instant from, Instant to, Consumer<UsageRecord> each);

  /** Requests and tokens per deployment, model and operation. */
  record UsageSummary(
      String deployment,
      String model,
      String operation,
      long requests,
      long errors,
      long promptTokens,
      long completionTokens) {}
}
