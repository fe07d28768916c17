package dev.lazurite.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.lazurite.store.DatabaseUrl;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's connections run in WAL mode and sync the log at every commit only when asked (strict
 * usage durability): {@code synchronous} is FULL (2) then, NORMAL (1) otherwise. A new database has
 * 16 KiB pages; an existing one keeps its own.
 */
class SqliteSyncTest {
  @TempDir Path dir;

  private static String pragma(HikariDataSource pool, String name) throws Exception {
    try (var connection = pool.getConnection();
        var statement = connection.createStatement();
        var result = statement.executeQuery("PRAGMA " + name)) {
      result.next();
      return result.getString(1);
    }
  }

  @Test
  void anExistingDatabaseKeepsItsPageSizeAndTurnsToWal() throws Exception {
    Path file = dir.resolve("old.db");
    try (var old = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        var statement = old.createStatement()) {
      statement.execute("PRAGMA page_size=4096");
      statement.execute("CREATE TABLE kept (x INTEGER)");
      statement.execute("INSERT INTO kept VALUES (7)");
    }
    try (var pool =
        new HikariDataSource(Dialect.SQLITE.pool(new DatabaseUrl.Sqlite(file), false))) {
      assertThat(pragma(pool, "page_size")).isEqualTo("4096");
      assertThat(pragma(pool, "journal_mode")).isEqualToIgnoringCase("wal");
      try (var connection = pool.getConnection();
          var statement = connection.createStatement();
          var result = statement.executeQuery("SELECT x FROM kept")) {
        result.next();
        assertThat(result.getInt(1)).isEqualTo(7);
      }
    }
  }

  @Test
  void commitsAreSyncedOnlyWhenAsked() throws Exception {
    var url = new DatabaseUrl.Sqlite(dir.resolve("store.db"));
    try (var normal = new HikariDataSource(Dialect.SQLITE.pool(url, false))) {
      assertThat(pragma(normal, "journal_mode")).isEqualToIgnoringCase("wal");
      assertThat(pragma(normal, "synchronous")).isEqualTo("1");
      assertThat(pragma(normal, "foreign_keys")).isEqualTo("1");
      assertThat(pragma(normal, "page_size")).isEqualTo(String.valueOf(Dialect.PAGE_SIZE));
    }
    try (var full = new HikariDataSource(Dialect.SQLITE.pool(url, true))) {
      assertThat(pragma(full, "synchronous")).isEqualTo("2");
    }
  }
}
