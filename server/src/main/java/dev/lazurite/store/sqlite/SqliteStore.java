package dev.lazurite.store.sqlite;

import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.SecretBox;
import dev.lazurite.store.jdbi.JdbiStore;
import java.nio.file.Path;

/** The embedded store: one SQLite file, by default {@code lazurite.db} in the data directory. */
public final class SqliteStore extends JdbiStore {
  /** A store whose API keys are not encrypted: tests of the store alone. */
  public SqliteStore(Path file) {
    this(file, null);
  }

  public SqliteStore(Path file, SecretBox secrets) {
    super(new DatabaseUrl.Sqlite(file), secrets);
  }
}
