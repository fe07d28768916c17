package dev.lazurite.store.jdbi;

import dev.lazurite.store.DeletedAccount;
import dev.lazurite.store.DeletedAccountStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Soft-deleted accounts in the {@code deleted_accounts} table (portable SQL). */
final class JdbiDeletedAccountStore implements DeletedAccountStore {
  private final Jdbi jdbi;
  private final UnaryOperator<String> seal;
  private final UnaryOperator<String> open;

  /**
   * @param seal encrypts the contents (they hold API keys) at rest
   * @param open decrypts them
   */
  JdbiDeletedAccountStore(Jdbi jdbi, UnaryOperator<String> seal, UnaryOperator<String> open) {
    this.jdbi = jdbi;
    this.seal = seal;
    this.open = open;
  }

  @Override
  public void keep(DeletedAccount account) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate("DELETE FROM deleted_accounts WHERE name = ?")
              .bind(0, account.name())
              .execute();
          h.createUpdate(
                  "INSERT INTO deleted_accounts (name, subscription_id, resource_group, location,"
                      + " kind, sku_name, deleted_at, purge_at, contents) VALUES (?, ?, ?, ?, ?, ?,"
                      + " ?, ?, ?)")
              .bind(0, account.name())
              .bind(1, account.subscriptionId())
              .bind(2, account.resourceGroup())
              .bind(3, account.location())
              .bind(4, account.kind())
              .bind(5, account.skuName())
              .bind(6, account.deletedAt().toString())
              .bind(7, account.purgeAt().toString())
              .bind(8, seal.apply(account.contents()))
              .execute();
        });
  }

  @Override
  public List<DeletedAccount> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM deleted_accounts ORDER BY name")
                .map(this::toDeleted)
                .list());
  }

  @Override
  public Optional<DeletedAccount> find(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM deleted_accounts WHERE name = ?")
                .bind(0, name)
                .map(this::toDeleted)
                .findOne());
  }

  @Override
  public boolean purge(String name) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM deleted_accounts WHERE name = ?").bind(0, name).execute()
                > 0);
  }

  private DeletedAccount toDeleted(ResultSet rs, StatementContext ctx) throws SQLException {
    return new DeletedAccount(
        rs.getString("name"),
        rs.getString("subscription_id"),
        rs.getString("resource_group"),
        rs.getString("location"),
        rs.getString("kind"),
        rs.getString("sku_name"),
        Instant.parse(rs.getString("deleted_at")),
        Instant.parse(rs.getString("purge_at")),
        open.apply(rs.getString("contents")));
  }
}
