package dev.lazurite.store;

import dev.lazurite.store.jdbi.JdbiStore;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreContractTest extends StoreContractTest {
  @TempDir Path dir;

  @Override
  JdbiStore open(SecretBox secrets) {
    return new JdbiStore(DatabaseUrl.parse("jdbc:sqlite:" + dir.resolve("store.db")), secrets);
  }

  @Override
  String rawSharedSecret(String name) throws Exception {
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store.db"));
        var s = c.prepareStatement("SELECT value FROM shared_secrets WHERE name = ?")) {
      s.setString(1, name);
      var rows = s.executeQuery();
      rows.next();
      return rows.getString(1);
    }
  }
}
