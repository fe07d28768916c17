package dev.lazurite.control.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.control.Account;
import dev.lazurite.control.AccountKeys;
import dev.lazurite.error.ApiException;
import dev.lazurite.store.SecretBox;
import dev.lazurite.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention, sealing at rest and restore of soft-deleted accounts, on the store itself. */
class DeletedAccountsTest {
  @TempDir Path dir;

  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aDeletedAccountIsPurgedAfter48HoursAndItsKeysAreSealedAtRest() throws Exception {
    var clock = new MovableClock();
    var published = new AtomicInteger();
    byte[] master = new byte[32];
    try (var store = new SqliteStore(dir.resolve("lazurite.db"), new SecretBox(master))) {
      var deleted = new DeletedAccounts(store, store.identity(), clock, published::incrementAndGet);
      Account account = Account.create("kept", "sub", "rg", "eastus", "OpenAI", "S0", clock.now);
      AccountKeys keys = new AccountKeys("a".repeat(32), "b".repeat(32));
      store.insertAccount(account, keys);
      deleted.keep(account);
      store.deleteAccount("kept");
      assertThat(
              Files.readString(
                  dir.resolve("lazurite.db"), java.nio.charset.StandardCharsets.ISO_8859_1))
          .as("the kept keys are sealed with the master key")
          .doesNotContain("a".repeat(32));

      clock.now = clock.now.plus(DeletedAccounts.RETENTION).minusSeconds(1);
      assertThat(deleted.list("SUB")).hasSize(1);
      assertThatThrownBy(() -> deleted.beforeCreate("sub", "rg", "kept", false))
          .isInstanceOf(ApiException.class)
          .hasMessageContaining("has been soft-deleted");

      clock.now = clock.now.plusSeconds(1);
      assertThat(deleted.list("sub")).as("purged once its time has come").isEmpty();
      assertThat(store.deletedAccounts().find("kept")).isEmpty();
      assertThat(deleted.beforeCreate("sub", "rg", "kept", true))
          .as("nothing left to restore: the name is free")
          .isFalse();
      assertThat(published).hasValue(0);
    }
  }

  @Test
  void restoreBringsBackSettingsAndKeysAndPublishes() throws Exception {
    var clock = new MovableClock();
    var published = new AtomicInteger();
    try (var store = new SqliteStore(dir.resolve("lazurite.db"))) {
      var deleted = new DeletedAccounts(store, store.identity(), clock, published::incrementAndGet);
      Account account =
          Account.create("back", "sub", "rg", "eastus", "OpenAI", "S0", clock.now)
              .withDisableLocalAuth(true)
              .withNetwork(
                  new dev.lazurite.network.NetworkRules(
                      false,
                      true,
                      java.util.List.of(dev.lazurite.network.Cidr.parse("10.0.0.0/8"))));
      AccountKeys keys = new AccountKeys("c".repeat(32), "d".repeat(32));
      store.insertAccount(account, keys);
      store.updateAccount(account);
      deleted.keep(account);
      store.deleteAccount("back");

      assertThat(deleted.beforeCreate("sub", "rg", "back", true)).isTrue();
      assertThat(store.account("back")).contains(account);
      assertThat(store.keys("back")).isEqualTo(keys);
      assertThat(store.deletedAccounts().find("back")).isEmpty();
      assertThat(published).hasValue(1);
    }
  }

  @Test
  void anAccountCreatedBesideTheStoreDoesNotTripOverAKeptOneOfItsName() throws Exception {
    var clock = new MovableClock();
    try (var store = new SqliteStore(dir.resolve("lazurite.db"))) {
      var deleted = new DeletedAccounts(store, store.identity(), clock, () -> {});
      Account account = Account.create("twice", "sub", "rg", "eastus", "OpenAI", "S0", clock.now);
      store.insertAccount(account, new AccountKeys("e".repeat(32), "f".repeat(32)));
      deleted.keep(account);
      store.deleteAccount("twice");
      store.insertAccount(account, new AccountKeys("g".repeat(32), "h".repeat(32)));

      assertThat(deleted.beforeCreate("sub", "rg", "twice", false))
          .as("a PUT of an existing account is an update, whatever is kept")
          .isFalse();
      assertThat(store.keys("twice").key1()).isEqualTo("g".repeat(32));
    }
  }
}
