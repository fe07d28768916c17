package dev.lazurite.store;

import dev.lazurite.metering.UsageRecord;
import java.time.Instant;
import java.util.List;

/** Durable usage records and their summaries. */
public interface UsageStore {
  void append(List<UsageRecord> records);

  List<UsageSummary> summarize(String account, Instant since);

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
