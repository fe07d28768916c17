package dev.lazurite.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.control.Account;
import dev.lazurite.control.AccountKeys;
import dev.lazurite.store.sqlite.SqliteStore;
import dev.lazurite.testing.TestingServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys are encrypted in the database under a master key kept outside it. */
class KeysAtRestTest {
  static List<String> storedKeyValues(Path db) throws Exception {
    List<String> values = new ArrayList<>();
    try (var connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        var rows = connection.createStatement().executeQuery("SELECT value FROM account_keys")) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  @Test
  void theDatabaseHoldsOnlyCiphertextAndListKeysStillReturnsTheKeys() throws Exception {
    try (TestingServer server = TestingServer.start()) {
      AccountKeys keys = server.server().defaultKeys();
      List<String> stored = storedKeyValues(server.dataDir().resolve("lazurite.db"));
      assertThat(stored).isNotEmpty().allSatisfy(v -> assertThat(v).startsWith("enc:v1:"));
      assertThat(String.join(",", stored)).doesNotContain(keys.key1()).doesNotContain(keys.key2());
      assertThat(Files.getPosixFilePermissions(server.dataDir().resolve("master.key")).toString())
          .isEqualTo("[OWNER_READ, OWNER_WRITE]");
      assertThat(
              server
                  .http()
                  .post(
                      "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
                      "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                  .status())
          .isEqualTo(200);
    }
  }

  @Test
  void sealsPlainKeysLeftByAnOlderStoreAndNeedsTheRightMasterKey(@TempDir Path dir)
      throws Exception {
    Path db = dir.resolve("lazurite.db");
    try (var plain = new SqliteStore(db)) {
      plain.insertAccount(
          Account.create("a", "s", "rg", "eastus", "OpenAI", "S0", Instant.EPOCH),
          new AccountKeys("11111111111111111111111111111111", "22222222222222222222222222222222"));
    }
    assertThat(storedKeyValues(db)).contains("11111111111111111111111111111111");
    try (var sealed = new SqliteStore(db, SecretBox.fromFile(dir.resolve("master.key")))) {
      assertThat(sealed.keys("a").key1()).isEqualTo("11111111111111111111111111111111");
    }
    assertThat(storedKeyValues(db)).allSatisfy(v -> assertThat(v).startsWith("enc:v1:"));
    try (var wrong = new SqliteStore(db, SecretBox.fromFile(dir.resolve("another.key")))) {
      assertThatThrownBy(() -> wrong.keys("a")).hasMessageContaining("cannot be decrypted");
    }
  }
}
