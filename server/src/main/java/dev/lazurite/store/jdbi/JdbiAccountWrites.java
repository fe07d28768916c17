package dev.lazurite.store.jdbi;

import dev.lazurite.control.Account;
import dev.lazurite.control.AccountKeys;
import dev.lazurite.json.Json;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/** Writes of accounts and their keys (keys sealed at rest). */
final class JdbiAccountWrites {
  private final Jdbi jdbi;
  private final UnaryOperator<String> seal;

  JdbiAccountWrites(Jdbi jdbi, UnaryOperator<String> seal) {
    this.jdbi = jdbi;
    this.seal = seal;
  }

  void insert(Account account, AccountKeys keys) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "INSERT INTO accounts (name, subscription_id, resource_group, location, kind,"
                      + " sku_name, created_at, disable_local_auth, public_network_access,"
                      + " default_action, ip_rules, tags, custom_subdomain, etag, last_modified_at,"
                      + " created_by, created_by_type, last_modified_by, last_modified_by_type)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
              .bind(0, account.name())
              .bind(1, account.subscriptionId())
              .bind(2, account.resourceGroup())
              .bind(3, account.location())
              .bind(4, account.kind())
              .bind(5, account.skuName())
              .bind(6, account.createdAt().toString())
              .bind(7, account.disableLocalAuth() ? 1 : 0)
              .bind(8, account.network().publicAccess() ? "Enabled" : "Disabled")
              .bind(9, account.network().denyByDefault() ? "Deny" : "Allow")
              .bind(10, ipRules(account))
              .bind(11, Json.writeString(account.metadata().tags()))
              .bind(12, account.metadata().customSubDomainName())
              .bind(13, account.metadata().etag())
              .bind(14, lastModifiedAt(account))
              .bind(15, account.metadata().createdBy().id())
              .bind(16, account.metadata().createdBy().type())
              .bind(17, account.metadata().lastModifiedBy().id())
              .bind(18, account.metadata().lastModifiedBy().type())
              .execute();
          for (String[] key : new String[][] {{"key1", keys.key1()}, {"key2", keys.key2()}}) {
            h.createUpdate("INSERT INTO account_keys (account, key_name, value) VALUES (?, ?, ?)")
                .bind(0, account.name())
                .bind(1, key[0])
                .bind(2, seal.apply(key[1]))
                .execute();
          }
        });
  }

  void update(Account account) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE accounts SET disable_local_auth = ?, public_network_access = ?,"
                        + " default_action = ?, ip_rules = ?, sku_name = ?, tags = ?,"
                        + " custom_subdomain = ?, etag = ?, last_modified_at = ?,"
                        + " last_modified_by = ?, last_modified_by_type = ? WHERE name = ?")
                .bind(0, account.disableLocalAuth() ? 1 : 0)
                .bind(1, account.network().publicAccess() ? "Enabled" : "Disabled")
                .bind(2, account.network().denyByDefault() ? "Deny" : "Allow")
                .bind(3, ipRules(account))
                .bind(4, account.skuName())
                .bind(5, Json.writeString(account.metadata().tags()))
                .bind(6, account.metadata().customSubDomainName())
                .bind(7, account.metadata().etag())
                .bind(8, lastModifiedAt(account))
                .bind(9, account.metadata().lastModifiedBy().id())
                .bind(10, account.metadata().lastModifiedBy().type())
                .bind(11, account.name())
                .execute());
  }

  private static String ipRules(Account account) {
    return String.join(",", account.network().ipRules().stream().map(Object::toString).toList());
  }

  private static String lastModifiedAt(Account account) {
    return account.metadata().lastModifiedAt() == null
        ? ""
        : account.metadata().lastModifiedAt().toString();
  }
}
