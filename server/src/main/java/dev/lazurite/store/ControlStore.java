package dev.lazurite.store;

import dev.lazurite.control.Account;
import dev.lazurite.control.AccountKeys;
import dev.lazurite.deployment.Deployment;
import java.util.List;
import java.util.Optional;

/**
 * Durable state of the control plane. Implementations are thread-safe; every method is one
 * transaction, or part of the transaction of {@link Store#inTransaction} it is called in. The SQL
 * implementation runs on SQLite and PostgreSQL.
 */
public interface ControlStore {
  List<Account> accounts();

  Optional<Account> account(String name);

  void insertAccount(Account account, AccountKeys keys);

  /** Stores an account's changeable settings: local auth and network rules. */
  void updateAccount(Account account);

  boolean deleteAccount(String name);

  void insertPrivateEndpoint(dev.lazurite.network.PrivateEndpoint endpoint);

  List<dev.lazurite.network.PrivateEndpoint> privateEndpoints();

  boolean deletePrivateEndpoint(String account, String name);

  AccountKeys keys(String account);

  void updateKey(String account, String keyName, String value);

  List<Deployment> deployments(String account);

  Optional<Deployment> deployment(String account, String name);

  void upsertDeployment(Deployment deployment);

  boolean deleteDeployment(String account, String name);

  /** Named backends and deployments' pools of them. */
  PoolStore pools();

  /** Content filter policies and custom blocklists. */
  RaiStore rai();

  /** The models an operator added to the catalog. */
  dev.lazurite.catalog.CatalogStore models();

  /** Resource groups. */
  dev.lazurite.control.group.ResourceGroupStore resourceGroups();

  /** Soft-deleted accounts, kept for restore until purged. */
  DeletedAccountStore deletedAccounts();

  Optional<String> setting(String name);

  void putSetting(String name, String value);

  /** The setting's value, storing {@code value} first if there is none: the first writer wins. */
  String settingIfAbsent(String name, String value);
}
