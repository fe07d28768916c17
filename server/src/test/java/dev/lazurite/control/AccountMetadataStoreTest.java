package dev.lazurite.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.network.Cidr;
import dev.lazurite.network.NetworkRules;
import dev.lazurite.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store keeps what an account was created and changed with, across a restart. */
class AccountMetadataStoreTest {
  static final AccountKeys KEYS =
      new AccountKeys("11111111111111111111111111111111", "22222222222222222222222222222222");

  @Test
  void networkTagsSubdomainEtagAndAuthorsSurviveAReopen(@TempDir Path dir) {
    Path db = dir.resolve("lazurite.db");
    var creator = new AccountMetadata.Actor("oid-1", "Application");
    var account =
        new Account(
            "a",
            "s",
            "rg",
            "eastus",
            "OpenAI",
            "S0",
            Instant.parse("2026-01-01T00:00:00Z"),
            true,
            new NetworkRules(false, true, List.of(Cidr.parse("203.0.113.0/24"))),
            new AccountMetadata(
                Map.of("team", "search"),
                "contoso-ai",
                "\"e1\"",
                Instant.parse("2026-01-01T00:00:00Z"),
                creator,
                creator));
    try (var store = new SqliteStore(db)) {
      store.insertAccount(account, KEYS);
    }
    try (var store = new SqliteStore(db)) {
      assertThat(store.account("a")).contains(account);
      var changed =
          account
              .withSkuName("S1")
              .withMetadata(
                  new AccountMetadata(
                      Map.of("env", "prod"),
                      "contoso-ai",
                      "\"e2\"",
                      Instant.parse("2026-01-02T00:00:00Z"),
                      creator,
                      AccountMetadata.Actor.ADMIN));
      store.updateAccount(changed);
      assertThat(store.account("a")).contains(changed);
    }
  }

  @Test
  void anAccountStoredBeforeMetadataReadsWithDefaults(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("lazurite.db");
    try (var store = new SqliteStore(db)) {
      store.insertAccount(
          Account.create("old", "s", "rg", "eastus", "OpenAI", "S0", Instant.EPOCH), KEYS);
    }
    try (var connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        var statement = connection.createStatement()) {
      statement.executeUpdate(
          "UPDATE accounts SET tags = '{}', etag = '', last_modified_at = '', created_by = '',"
              + " created_by_type = '', last_modified_by = '', last_modified_by_type = ''");
    }
    try (var store = new SqliteStore(db)) {
      Account old = store.account("old").orElseThrow();
      assertThat(old.metadata().tags()).isEmpty();
      assertThat(old.metadata().customSubDomainName()).isEmpty();
      assertThat(old.etag()).matches("\"[0-9a-f-]{36}\"");
      assertThat(old.lastModifiedAt()).isEqualTo(Instant.EPOCH);
      assertThat(old.metadata().createdBy()).isEqualTo(AccountMetadata.Actor.ADMIN);
    }
  }
}
