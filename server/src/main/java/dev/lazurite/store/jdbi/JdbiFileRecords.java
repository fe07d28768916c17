package dev.lazurite.store.jdbi;

import dev.lazurite.files.FileObject;
import dev.lazurite.files.FilePurpose;
import dev.lazurite.files.FileRecords;
import dev.lazurite.files.FileStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** File records in the store: one row per file, listed by creation time. */
final class JdbiFileRecords implements FileRecords {
  private static final String COLUMNS =
      "resource, id, bytes, created_at, filename, purpose, status, expires_at, status_details";

  private final Jdbi jdbi;

  JdbiFileRecords(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insert(FileObject file) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO files ("
                        + COLUMNS
                        + ") VALUES (:resource, :id, :bytes, :created, :filename, :purpose,"
                        + " :status, :expires, :details)")
                .bind("resource", file.resource())
                .bind("id", file.id())
                .bind("bytes", file.bytes())
                .bind("created", file.createdAt())
                .bind("filename", file.filename())
                .bind("purpose", file.purpose().wire())
                .bind("status", file.status().wire())
                .bind(
                    "expires",
                    file.expiresAt().isPresent() ? (Long) file.expiresAt().getAsLong() : null)
                .bind("details", file.statusDetails().orElse(null))
                .execute());
  }

  @Override
  public Optional<FileObject> find(String resource, String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM files WHERE resource = ? AND id = ?")
                .bind(0, resource)
                .bind(1, id)
                .map((rs, ctx) -> row(rs))
                .findOne());
  }

  @Override
  public List<FileObject> list(
      String resource,
      Optional<FilePurpose> purpose,
      Optional<String> after,
      int limit,
      boolean ascending) {
    String direction = ascending ? "ASC" : "DESC";
    String compare = ascending ? ">" : "<";
    var sql = new StringBuilder("SELECT " + COLUMNS + " FROM files WHERE resource = :resource");
    purpose.ifPresent(p -> sql.append(" AND purpose = :purpose"));
    if (after.isPresent()) {
      // Keyset paging on (created_at, id) from the cursor file's own position.
      sql.append(
          " AND EXISTS (SELECT 1 FROM files c WHERE c.resource = :resource AND c.id = :after AND"
              + " (files.created_at "
              + compare
              + " c.created_at OR (files.created_at = c.created_at AND files.id "
              + compare
              + " c.id)))");
    }
    sql.append(" ORDER BY created_at ")
        .append(direction)
        .append(", id ")
        .append(direction)
        .append(" LIMIT :limit");
    return jdbi.withHandle(
        h -> {
          Query query = h.createQuery(sql.toString()).bind("resource", resource);
          purpose.ifPresent(p -> query.bind("purpose", p.wire()));
          after.ifPresent(a -> query.bind("after", a));
          return query.bind("limit", limit).map((rs, ctx) -> row(rs)).list();
        });
  }

  @Override
  public long count(String resource, List<FilePurpose> purposes) {
    if (purposes.isEmpty()) {
      return 0;
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT COUNT(*) FROM files WHERE resource = :resource AND purpose IN"
                        + " (<purposes>)")
                .bind("resource", resource)
                .bindList("purposes", purposes.stream().map(FilePurpose::wire).toList())
                .mapTo(Long.class)
                .one());
  }

  @Override
  public boolean delete(String resource, String id) {
    return jdbi.withHandle(
            h ->
                h.createUpdate("DELETE FROM files WHERE resource = ? AND id = ?")
                    .bind(0, resource)
                    .bind(1, id)
                    .execute())
        > 0;
  }

  @Override
  public List<FileObject> expired(long nowSeconds, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM files WHERE expires_at IS NOT NULL AND expires_at <= ? ORDER BY"
                        + " expires_at LIMIT ?")
                .bind(0, nowSeconds)
                .bind(1, limit)
                .map((rs, ctx) -> row(rs))
                .list());
  }

  @Override
  public void writing(String resource, String id, long startedAtSeconds) {
    jdbi.useHandle(
        h ->
            h.createUpdate("INSERT INTO file_writes (resource, id, started_at) VALUES (?, ?, ?)")
                .bind(0, resource)
                .bind(1, id)
                .bind(2, startedAtSeconds)
                .execute());
  }

  @Override
  public void written(String resource, String id) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM file_writes WHERE resource = ? AND id = ?")
                .bind(0, resource)
                .bind(1, id)
                .execute());
  }

  @Override
  public List<PendingWrite> abandoned(long beforeSeconds, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT resource, id FROM file_writes WHERE started_at < ? ORDER BY"
                        + " started_at LIMIT ?")
                .bind(0, beforeSeconds)
                .bind(1, limit)
                .map((rs, ctx) -> new PendingWrite(rs.getString(1), rs.getString(2)))
                .list());
  }

  private static FilePurpose purpose(String wire) throws SQLException {
    Optional<FilePurpose> purpose = FilePurpose.fromWire(wire);
    if (purpose.isEmpty()) {
      throw new SQLException("unknown file purpose " + wire);
    }
    return purpose.get();
  }

  private static FileObject row(ResultSet rs) throws SQLException {
    long expires = rs.getLong("expires_at");
    OptionalLong expiresAt = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(expires);
    return new FileObject(
        rs.getString("id"),
        rs.getString("resource"),
        rs.getLong("bytes"),
        rs.getLong("created_at"),
        rs.getString("filename"),
        purpose(rs.getString("purpose")),
        FileStatus.fromWire(rs.getString("status")),
        expiresAt,
        Optional.ofNullable(rs.getString("status_details")));
  }
}
