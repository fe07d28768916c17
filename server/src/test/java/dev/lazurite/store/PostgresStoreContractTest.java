package dev.lazurite.store;

import dev.lazurite.store.jdbi.JdbiStore;
import dev.lazurite.testing.TestingPostgres;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresStoreContractTest extends StoreContractTest {
  static TestingPostgres postgres;
  DatabaseUrl.Postgres url;

  @BeforeAll
  static void startPostgres() {
    postgres = TestingPostgres.start();
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @Override
  JdbiStore open(SecretBox secrets) {
    url = (DatabaseUrl.Postgres) postgres.newDatabase();
    return new JdbiStore(url, secrets);
  }

  @Override
  String rawSharedSecret(String name) throws Exception {
    try (var c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        var s = c.prepareStatement("SELECT value FROM shared_secrets WHERE name = ?")) {
      s.setString(1, name);
      var rows = s.executeQuery();
      rows.next();
      return rows.getString(1);
    }
  }
}
