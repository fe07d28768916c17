package dev.lazurite.store.jdbi;

import dev.lazurite.batch.Batch;
import dev.lazurite.batch.BatchError;
import dev.lazurite.batch.BatchLine;
import dev.lazurite.batch.BatchRepository;
import dev.lazurite.batch.BatchStatus;
import dev.lazurite.batch.LineAnswer;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Batches and their lines on SQL. Lines are claimed with one conditional UPDATE: on PostgreSQL its
 * candidate rows are locked with {@code FOR UPDATE SKIP LOCKED}, so instances claim disjoint lines
 * without waiting; SQLite runs one writer at a time, so the UPDATE is atomic as it is.
 */
final class JdbiBatches implements BatchRepository {
  private static final int PAGE = 500;

  private final Jdbi jdbi;
  private final Dialect dialect;

  JdbiBatches(Jdbi jdbi, Dialect dialect) {
    this.jdbi = jdbi;
    this.dialect = dialect;
  }

  @Override
  public void insert(Batch b) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO batches (id, resource, endpoint, input_file_id, completion_window,"
                        + " status, deployment, enqueued_tokens, metadata, output_expires_after,"
                        + " created_at, expires_at) VALUES (:id, :resource, :endpoint, :input,"
                        + " :window, :status, :deployment, :tokens, :metadata, :outputExpires,"
                        + " :created, :expires)")
                .bind("id", b.id())
                .bind("resource", b.resource())
                .bind("endpoint", b.endpoint())
                .bind("input", b.inputFileId())
                .bind("window", b.completionWindow())
                .bind("status", b.status().wire())
                .bind("deployment", b.deployment().orElse(null))
                .bind("tokens", b.enqueuedTokens())
                .bind("metadata", b.metadata().orElse(null))
                .bind(
                    "outputExpires",
                    b.outputExpiresAfter().isPresent()
                        ? (Long) b.outputExpiresAfter().getAsLong()
                        : null)
                .bind("created", b.createdAt())
                .bind("expires", b.expiresAt())
                .execute());
  }

  @Override
  public Optional<Batch> find(String resource, String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM batches WHERE resource = ? AND id = ?")
                .bind(0, resource)
                .bind(1, id)
                .map((rs, ctx) -> BatchRows.batch(rs))
                .findOne());
  }

  @Override
  public Optional<Batch> findById(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM batches WHERE id = ?")
                .bind(0, id)
                .map((rs, ctx) -> BatchRows.batch(rs))
                .findOne());
  }

  @Override
  public List<Batch> list(String resource, Optional<String> after, int limit) {
    String cursor =
        after.isEmpty()
            ? ""
            : " AND EXISTS (SELECT 1 FROM batches c WHERE c.resource = :resource AND c.id = :after"
                + " AND (batches.created_at < c.created_at OR (batches.created_at = c.created_at"
                + " AND batches.id < c.id)))";
    return jdbi.withHandle(
        h -> {
          var query =
              h.createQuery(
                      "SELECT * FROM batches WHERE resource = :resource"
                          + cursor
                          + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                  .bind("resource", resource)
                  .bind("limit", limit);
          after.ifPresent(a -> query.bind("after", a));
          return query.map((rs, ctx) -> BatchRows.batch(rs)).list();
        });
  }

  @Override
  public List<String> idsIn(BatchStatus status, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id FROM batches WHERE status = ? ORDER BY created_at, id LIMIT ?")
                .bind(0, status.wire())
                .bind(1, limit)
                .mapTo(String.class)
                .list());
  }

  @Override
  public long enqueuedTokens(String resource, String deployment) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT COALESCE(SUM(enqueued_tokens), 0) FROM batches WHERE resource = ? AND"
                        + " deployment = ? AND status IN ('validating', 'in_progress',"
                        + " 'finalizing', 'cancelling')")
                .bind(0, resource)
                .bind(1, deployment)
                .mapTo(Long.class)
                .one());
  }

  @Override
  public boolean lease(String id, BatchStatus status, String owner, long now, long until) {
    return update(
        "UPDATE batches SET lease_owner = ?, lease_until = ? WHERE id = ? AND status = ? AND"
            + " (lease_owner IS NULL OR lease_until < ? OR lease_owner = ?)",
        owner,
        until,
        id,
        status.wire(),
        now,
        owner);
  }

  @Override
  public boolean move(
      String id, BatchStatus from, BatchStatus to, long at, Optional<String> owner) {
    String sql =
        "UPDATE batches SET status = ?, "
            + to.timestampField()
            + " = ?, lease_owner = NULL WHERE id = ? AND status = ?"
            + (owner.isPresent() ? " AND lease_owner = ?" : "");
    return owner.isPresent()
        ? update(sql, to.wire(), at, id, from.wire(), owner.get())
        : update(sql, to.wire(), at, id, from.wire());
  }

  @Override
  public boolean fail(String id, List<BatchError> errors, long at, String owner) {
    return update(
        "UPDATE batches SET status = 'failed', failed_at = ?, errors = ?, lease_owner = NULL WHERE"
            + " id = ? AND status = 'validating' AND lease_owner = ?",
        at,
        BatchRows.errorsJson(errors),
        id,
        owner);
  }

  @Override
  public void validated(String id, String deployment, long total) {
    update("UPDATE batches SET deployment = ?, total = ? WHERE id = ?", deployment, total, id);
  }

  @Override
  public Batch.RequestCounts progress(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT (SELECT total FROM batches WHERE id = :id),"
                        + " COALESCE(SUM(CASE WHEN status_code = 200 THEN 1 ELSE 0 END), 0),"
                        + " COALESCE(SUM(CASE WHEN status_code <> 200 THEN 1 ELSE 0 END), 0)"
                        + " FROM batch_lines WHERE batch_id = :id AND answered = 1")
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        new Batch.RequestCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .one());
  }

  @Override
  public void deleteLines(String id) {
    update("DELETE FROM batch_lines WHERE batch_id = ?", id);
  }

  @Override
  public void insertLines(String id, List<BatchLine> lines) {
    if (lines.isEmpty()) {
      return;
    }
    jdbi.useTransaction(
        h -> {
          PreparedBatch batch =
              h.prepareBatch(
                  "INSERT INTO batch_lines (batch_id, line_no, custom_id, body) VALUES (?, ?, ?,"
                      + " ?)");
          for (BatchLine line : lines) {
            batch.add(id, line.number(), line.customId(), line.body());
          }
          batch.execute();
        });
  }

  @Override
  public List<BatchLine> claim(String id, String token, long now, long until, int limit) {
    String pick =
        "SELECT line_no FROM batch_lines WHERE batch_id = :id AND answered = 0 AND lease_until"
            + " < :now ORDER BY line_no LIMIT :limit";
    // PostgreSQL may run an IN (... LIMIT ... SKIP LOCKED) subquery once per updated row, each
    // run skipping the rows the previous ones locked, and so claim every line at once; an ARRAY
    // subquery is run once.
    String lines =
        dialect == Dialect.POSTGRES
            ? " = ANY(ARRAY(" + pick + " FOR UPDATE SKIP LOCKED))"
            : " IN (" + pick + ")";
    return jdbi.withHandle(
        h -> {
          h.createUpdate(
                  "UPDATE batch_lines SET lease_owner = :token, lease_until = :until WHERE"
                      + " batch_id = :id AND answered = 0 AND lease_until < :now AND line_no"
                      + lines)
              .bind("token", token)
              .bind("until", until)
              .bind("id", id)
              .bind("now", now)
              .bind("limit", limit)
              .execute();
          return h.createQuery(
                  "SELECT line_no, custom_id, body FROM batch_lines WHERE batch_id = ? AND"
                      + " lease_owner = ? AND answered = 0 ORDER BY line_no")
              .bind(0, id)
              .bind(1, token)
              .map((rs, ctx) -> new BatchLine(rs.getLong(1), rs.getString(2), rs.getString(3)))
              .list();
        });
  }

  @Override
  public void answer(String id, java.util.Map<Long, LineAnswer> answers) {
    if (answers.isEmpty()) {
      return;
    }
    jdbi.useTransaction(
        h -> {
          PreparedBatch batch =
              h.prepareBatch(
                  "UPDATE batch_lines SET answered = 1, status_code = ?, request_id = ?, response"
                      + " = ?, body = '' WHERE batch_id = ? AND line_no = ? AND answered = 0");
          answers.forEach(
              (line, a) -> batch.add(a.statusCode(), a.requestId(), a.body(), id, line));
          batch.execute();
        });
  }

  @Override
  public void retryLater(String id, long line, String token, long retryAt) {
    update(
        "UPDATE batch_lines SET lease_until = ? WHERE batch_id = ? AND line_no = ? AND"
            + " lease_owner = ? AND answered = 0",
        retryAt,
        id,
        line,
        token);
  }

  @Override
  public long unanswered(String id) {
    return count("SELECT COUNT(*) FROM batch_lines WHERE batch_id = ? AND answered = 0", id);
  }

  @Override
  public long inFlight(String id, long now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT COUNT(*) FROM batch_lines WHERE batch_id = ? AND answered = 0 AND"
                        + " lease_owner IS NOT NULL AND lease_until >= ?")
                .bind(0, id)
                .bind(1, now)
                .mapTo(Long.class)
                .one());
  }

  @Override
  public void answers(String id, Consumer<LineAnswer> sink) {
    long after = 0;
    while (true) {
      long from = after;
      List<Numbered> page =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "SELECT line_no, custom_id, status_code, request_id, response FROM"
                              + " batch_lines WHERE batch_id = ? AND answered = 1 AND line_no > ?"
                              + " ORDER BY line_no LIMIT ?")
                      .bind(0, id)
                      .bind(1, from)
                      .bind(2, PAGE)
                      .map(
                          (rs, ctx) ->
                              new Numbered(
                                  rs.getLong(1),
                                  new LineAnswer(
                                      rs.getString(2),
                                      rs.getInt(3),
                                      rs.getString(4),
                                      rs.getString(5))))
                      .list());
      for (Numbered n : page) {
        sink.accept(n.answer());
      }
      if (page.size() < PAGE) {
        return;
      }
      after = page.getLast().line();
    }
  }

  private record Numbered(long line, LineAnswer answer) {}

  @Override
  public boolean finish(
      String id,
      BatchStatus from,
      BatchStatus to,
      long at,
      String owner,
      String outputFileId,
      String errorFileId,
      Batch.RequestCounts counts) {
    boolean won =
        update(
            "UPDATE batches SET status = ?, "
                + to.timestampField()
                + " = ?, output_file_id = ?, error_file_id = ?, total = ?, completed = ?, failed"
                + " = ?, lease_owner = NULL WHERE id = ? AND status = ? AND lease_owner = ?",
            to.wire(),
            at,
            outputFileId,
            errorFileId,
            counts.total(),
            counts.completed(),
            counts.failed(),
            id,
            from.wire(),
            owner);
    if (won) {
      deleteLines(id);
    }
    return won;
  }

  private boolean update(String sql, Object... args) {
    return jdbi.withHandle(
            h -> {
              var update = h.createUpdate(sql);
              for (int i = 0; i < args.length; i++) {
                update.bind(i, args[i]);
              }
              return update.execute();
            })
        > 0;
  }

  private long count(String sql, String id) {
    return jdbi.withHandle(h -> h.createQuery(sql).bind(0, id).mapTo(Long.class).one());
  }
}
