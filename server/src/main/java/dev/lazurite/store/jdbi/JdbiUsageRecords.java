package dev.lazurite.store.jdbi;

import dev.lazurite.metering.UsageRecord;
import dev.lazurite.store.UsageStore.UsageSummary;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Usage records: appended in batches by any number of writers, summarized per deployment. */
final class JdbiUsageRecords {
  private final Jdbi jdbi;

  JdbiUsageRecords(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  void append(List<UsageRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    jdbi.useTransaction(
        h -> {
          PreparedBatch batch =
              h.prepareBatch(
                  "INSERT INTO usage_records (recorded_at, request_id, account, deployment, model,"
                      + " operation, caller, prompt_tokens, completion_tokens, status, latency_ms,"
                      + " streamed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          for (UsageRecord r : records) {
            batch
                .bind(0, r.time().toString())
                .bind(1, r.requestId())
                .bind(2, r.account())
                .bind(3, r.deployment())
                .bind(4, r.model())
                .bind(5, r.operation())
                .bind(6, r.caller())
                .bind(7, r.promptTokens())
                .bind(8, r.completionTokens())
                .bind(9, r.status())
                .bind(10, r.latencyMillis())
                .bind(11, r.streamed() ? 1 : 0)
                .add();
          }
          batch.execute();
        });
  }

  List<UsageSummary> summarize(String account, Instant since) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT deployment, model, operation, COUNT(*) AS requests, SUM(CASE WHEN status"
                        + " >= 400 THEN 1 ELSE 0 END) AS errors, SUM(prompt_tokens) AS prompt,"
                        + " SUM(completion_tokens) AS completion FROM usage_records WHERE account = ?"
                        + " AND recorded_at >= ? GROUP BY deployment, model, operation ORDER BY"
                        + " deployment, operation")
                .bind(0, account)
                .bind(1, since.toString())
                .map(
                    (rs, ctx) ->
                        new UsageSummary(
                            rs.getString("deployment"),
                            rs.getString("model"),
                            rs.getString("operation"),
                            rs.getLong("requests"),
                            rs.getLong("errors"),
                            rs.getLong("prompt"),
                            rs.getLong("completion")))
                .list());
  }

  long count() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM usage_records").mapTo(Long.class).one());
  }
}
