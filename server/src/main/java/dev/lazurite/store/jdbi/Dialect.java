package dev.lazurite.store.jdbi;

import com.zaxxer.hikari.HikariConfig;
import dev.lazurite.store.DatabaseUrl;
import org.jdbi.v3.core.Handle;

/** What differs between the SQL databases the store runs on; the queries themselves do not. */
enum Dialect {
  SQLITE,
  POSTGRES;

  static final String CHANNEL = "lazurite_snapshot";

  /** The page size of a new SQLite database, in bytes. */
  static final int PAGE_SIZE = 16_384;

  static Dialect of(DatabaseUrl url) {
    return switch (url) {
      case DatabaseUrl.Sqlite s -> SQLITE;
      case DatabaseUrl.Postgres p -> POSTGRES;
    };
  }

  String migrations() {
    return switch (this) {
      case SQLITE -> "classpath:db/migration/sqlite";
      case POSTGRES -> "classpath:db/migration/postgres";
    };
  }

  /**
   * A connection pool for the database.
   *
   * @param syncEveryCommit SQLite only: {@code synchronous=FULL} rather than {@code NORMAL}
   */
  HikariConfig pool(DatabaseUrl url, boolean syncEveryCommit) {
    HikariConfig config = new HikariConfig();
    switch (url) {
      case DatabaseUrl.Sqlite s -> {
        // WAL lets readers in other processes work beside the one writer; a writer waits for
        // another process's write instead of failing. In WAL mode, synchronous=NORMAL syncs the
        // log at checkpoints rather than at every commit: a committed transaction survives the
        // process being killed; an operating-system crash or power loss may roll back the last
        // ones. FULL syncs every commit.
        //
        // A new database gets 16 KiB pages rather than SQLite's 4 KiB. The audit writer's commits
        // (a few hundred rows of about 1 KB each) are mostly WAL frames and checkpoint copies, one
        // per page: with 16 KiB pages the CPU of the audit and usage commits together was 0.88x,
        // the audit writer's CPU per record 0.82x (AuditStoreRun, AuditWriterRun in
        // bench/README.md); 32 KiB gained no more, 64 KiB less, for larger files. The size is fixed
        // once the file holds a table or is in WAL mode, so it is set when the file is opened and
        // WAL is switched on after it (sqlite-jdbc would apply a journal_mode in the URL first); an
        // existing database keeps its page size.
        String sync = syncEveryCommit ? "FULL" : "NORMAL";
        config.setJdbcUrl(
            s.jdbcUrl()
                + "?page_size="
                + PAGE_SIZE
                + "&synchronous="
                + sync
                + "&busy_timeout=10000&foreign_keys=true");
        config.setConnectionInitSql("PRAGMA journal_mode=WAL");
        config.setMaximumPoolSize(4);
        config.setPoolName("lazurite-sqlite");
      }
      case DatabaseUrl.Postgres p -> {
        config.setJdbcUrl(p.jdbcUrl());
        if (!p.user().isEmpty()) {
          config.setUsername(p.user());
          config.setPassword(p.password());
        }
        config.setMaximumPoolSize(8);
        config.setPoolName("lazurite-postgres");
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(10_000);
      }
    }
    return config;
  }

  /** Tells every instance that the version changed, on commit. */
  void announce(Handle handle, long version) {
    switch (this) {
      case SQLITE -> {}
      case POSTGRES ->
          // The payload is a number, so it can be spelled into the statement (NOTIFY takes no
          // parameters).
          handle.execute("NOTIFY " + CHANNEL + ", '" + version + "'");
    }
  }
}
