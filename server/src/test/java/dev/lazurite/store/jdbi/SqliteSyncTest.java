package dev.lazurite.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.lazurite.store.DatabaseUrl;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's connections run in WAL mode and sync the log at every commit only when asked (strict
 * usage durability): {@code synchronous} is FULL (2) then, NORMAL (1) otherwise.
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
  void commitsAreSyncedOnlyWhenAsked() throws Exception {
    var url = new DatabaseUrl.Sqlite(dir.resolve("store.db"));
    try (var normal = new HikariDataSource(Dialect.SQLITE.pool(url, false))) {
      assertThat(pragma(normal, "journal_mode")).isEqualToIgnoringCase("wal");
      assertThat(pragma(normal, "synchronous")).isEqualTo("1");
      assertThat(pragma(normal, "foreign_keys")).isEqualTo("1");
    }
    try (var full = new HikariDataSource(Dialect.SQLITE.pool(url, true))) {
      assertThat(pragma(full, "synchronous")).isEqualTo("2");
    }
  }
}
