package dev.lazurite.store.jdbi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * A list query of the management routes: rows since an instant, narrowed by optional equality
 * filters, in a fixed order, at most a limit. Values are bound, never spliced into the SQL; column
 * names come from the store's own code.
 */
final class FilteredSelect {
  private final StringBuilder sql;
  private final List<Object> args = new ArrayList<>();

  /**
   * @param select {@code SELECT … FROM table}
   * @param timeColumn the column of epoch milliseconds {@code since} applies to
   */
  FilteredSelect(String select, String timeColumn, Optional<Instant> since) {
    this.sql = new StringBuilder(select).append(" WHERE ").append(timeColumn).append(" >= ?");
    args.add(since.map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
  }

  /** Keeps the rows whose {@code column} equals {@code value}, when one is given. */
  FilteredSelect where(String column, Optional<String> value) {
    value.ifPresent(
        v -> {
          sql.append(" AND ").append(column).append(" = ?");
          args.add(v);
        });
    return this;
  }

  /** Runs the query ordered by {@code orderBy}, at most {@code limit} rows. */
  <T> List<T> list(Jdbi jdbi, String orderBy, int limit, RowMapper<T> mapper) {
    String text = sql + " ORDER BY " + orderBy + " LIMIT " + limit;
    return jdbi.withHandle(
        h -> {
          var query = h.createQuery(text);
          for (int i = 0; i < args.size(); i++) {
            query.bind(i, args.get(i));
          }
          return query.map(mapper).list();
        });
  }
}
