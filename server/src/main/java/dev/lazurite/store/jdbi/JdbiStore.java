package dev.lazurite.store.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import dev.lazurite.control.Account;
import dev.lazurite.control.AccountKeys;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.json.Json;
import dev.lazurite.metering.UsageRecord;
import dev.lazurite.network.Cidr;
import dev.lazurite.network.PrivateEndpoint;
import dev.lazurite.store.ControlStore;
import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.IdentityStore;
import dev.lazurite.store.PoolStore;
import dev.lazurite.store.SecretBox;
import dev.lazurite.store.Store;
import dev.lazurite.store.UsageStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The store on SQL: one SQLite file in WAL mode or a PostgreSQL database, migrated by Flyway (one
 * folder of migrations per database), queried with JDBI. Both databases answer the same SQL; what
 * differs is in {@link Dialect}.
 */
public class JdbiStore implements Store, ControlStore, UsageStore {
  private final DatabaseUrl url;
  private final Dialect dialect;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final JdbiIdentityStore identity;
  private final SecretBox secrets;
  private final JdbiPoolStore pools;
  private final JdbiSearchServiceStore searchServices;
  private final JdbiRaiStore rai;
  private final JdbiDeletedAccountStore deletedAccounts;
  private final JdbiUsageRecords usage;
  private final JdbiFileRecords files;
  private final JdbiResponses responses;
  private final JdbiBatches batches;
  private final JdbiAuditRecords audit;
  private final JdbiCaptures captures;
  private final JdbiTraceRecords traces;
  private final JdbiCostStore cost;
  private final JdbiCatalogStore models;
  private final JdbiAccountWrites accountWrites;
  private final JdbiSettings settings;
  private final JdbiSharedSecrets shared;
  private final ChangeSignal changes;

  /**
   * @param secrets encrypts API keys and shared secrets at rest; plain keys left by an older
   *     version are sealed on open. Null only for tests of the store alone.
   */
  public JdbiStore(DatabaseUrl url, SecretBox secrets) {
    this(url, secrets, false);
  }

  /**
   * @param syncEveryCommit whether a SQLite commit waits until it is on disk (strict usage
   *     durability); otherwise a commit survives the process being killed, and the log is synced at
   *     checkpoints
   */
  public JdbiStore(DatabaseUrl url, SecretBox secrets, boolean syncEveryCommit) {
    this.url = url;
    this.dialect = Dialect.of(url);
    this.dataSource = new HikariDataSource(dialect.pool(url, syncEveryCommit));
    try {
      Flyway.configure().dataSource(dataSource).locations(dialect.migrations()).load().migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    // A database that cannot be reached is a clear 503 to whoever tried to change something, not
    // an internal error.
    this.jdbi =
        Jdbi.create(
            () -> {
              try {
                return dataSource.getConnection();
              } catch (java.sql.SQLException e) {
                throw dev.lazurite.error.ApiException.of(
                    dev.lazurite.error.ErrorCode.STORE_UNAVAILABLE);
              }
            });
    this.identity = new JdbiIdentityStore(jdbi);
    this.secrets = secrets;
    this.pools = new JdbiPoolStore(jdbi, this::seal, this::open);
    this.searchServices = new JdbiSearchServiceStore(jdbi, this::seal, this::open);
    this.rai = new JdbiRaiStore(jdbi);
    this.deletedAccounts = new JdbiDeletedAccountStore(jdbi, this::seal, this::open);
    this.usage = new JdbiUsageRecords(jdbi);
    this.files = new JdbiFileRecords(jdbi);
    this.responses = new JdbiResponses(jdbi);
    this.batches = new JdbiBatches(jdbi, dialect);
    this.audit = new JdbiAuditRecords(jdbi);
    AuditRowsToBlocks.move(jdbi, dialect);
    this.captures = new JdbiCaptures(jdbi);
    this.traces = new JdbiTraceRecords(jdbi);
    this.cost = new JdbiCostStore(jdbi);
    this.models = new JdbiCatalogStore(jdbi);
    this.accountWrites = new JdbiAccountWrites(jdbi, this::seal);
    this.settings = new JdbiSettings(jdbi);
    this.shared = new JdbiSharedSecrets(jdbi, this::seal, this::open);
    this.changes = ChangeSignal.of(url);
    if (secrets != null) {
      sealPlainKeys();
    }
  }

  @Override
  public ControlStore control() {
    return this;
  }

  @Override
  public UsageStore usage() {
    return this;
  }

  @Override
  public dev.lazurite.store.SharedSecrets secrets() {
    return shared;
  }

  @Override
  public long version() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT version FROM snapshot_version WHERE id = 1")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public long bumpVersion() {
    return jdbi.inTransaction(this::bump);
  }

  private long bump(Handle h) {
    h.createUpdate("UPDATE snapshot_version SET version = version + 1 WHERE id = 1").execute();
    long version =
        h.createQuery("SELECT version FROM snapshot_version WHERE id = 1").mapTo(Long.class).one();
    dialect.announce(h, version);
    return version;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    // The version row is written first: it takes the write lock (SQLite) or the row lock
    // (PostgreSQL) that serializes control writes across instances. Store calls made by the work
    // on this thread reuse this handle, so they join the transaction.
    return jdbi.inTransaction(
        h -> {
          bump(h);
          return work.get();
        });
  }

  @Override
  public boolean awaitChange(long millis) {
    return changes.await(millis);
  }

  @Override
  public String describe() {
    return url.toString();
  }

  private void sealPlainKeys() {
    jdbi.useTransaction(
        h ->
            h
                .createQuery("SELECT account, key_name, value FROM account_keys")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list()
                .stream()
                .filter(row -> !SecretBox.isSealed(row[2]))
                .forEach(
                    row ->
                        h.createUpdate(
                                "UPDATE account_keys SET value = ? WHERE account = ? AND key_name = ?")
                            .bind(0, secrets.seal(row[2]))
                            .bind(1, row[0])
                            .bind(2, row[1])
                            .execute()));
  }

  private String seal(String key) {
    return secrets == null ? key : secrets.seal(key);
  }

  private String open(String stored) {
    return secrets == null || !SecretBox.isSealed(stored) ? stored : secrets.open(stored);
  }

  /** Identities, groups and role assignments, in the same database. */
  @Override
  public IdentityStore identity() {
    return identity;
  }

  @Override
  public List<Account> accounts() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM accounts ORDER BY name")
                .map((org.jdbi.v3.core.mapper.RowMapper<Account>) ControlRows::account)
                .list());
  }

  @Override
  public Optional<Account> account(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM accounts WHERE name = ?")
                .bind(0, name)
                .map((org.jdbi.v3.core.mapper.RowMapper<Account>) ControlRows::account)
                .findOne());
  }

  @Override
  public void insertAccount(Account account, AccountKeys keys) {
    accountWrites.insert(account, keys);
  }

  @Override
  public void updateAccount(Account account) {
    accountWrites.update(account);
  }

  @Override
  public void insertPrivateEndpoint(PrivateEndpoint endpoint) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO private_endpoints (account, name, address, port, source_range,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .bind(0, endpoint.account())
                .bind(1, endpoint.name())
                .bind(2, endpoint.address())
                .bind(3, endpoint.port())
                .bind(4, endpoint.sourceRange().map(Object::toString).orElse(""))
                .bind(5, endpoint.createdAt().toString())
                .execute());
  }

  @Override
  public List<PrivateEndpoint> privateEndpoints() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM private_endpoints ORDER BY account, name")
                .map(
                    (rs, ctx) ->
                        new PrivateEndpoint(
                            rs.getString("account"),
                            rs.getString("name"),
                            rs.getString("address"),
                            rs.getInt("port"),
                            rs.getString("source_range").isEmpty()
                                ? java.util.Optional.empty()
                                : java.util.Optional.of(Cidr.parse(rs.getString("source_range"))),
                            Instant.parse(rs.getString("created_at"))))
                .list());
  }

  @Override
  public boolean deletePrivateEndpoint(String account, String name) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM private_endpoints WHERE account = ? AND name = ?")
                    .bind(0, account)
                    .bind(1, name)
                    .execute()
                > 0);
  }

  @Override
  public boolean deleteAccount(String name) {
    return jdbi.withHandle(
        h -> h.createUpdate("DELETE FROM accounts WHERE name = ?").bind(0, name).execute() > 0);
  }

  @Override
  public AccountKeys keys(String account) {
    var keys =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT key_name, value FROM account_keys WHERE account = ?")
                    .bind(0, account)
                    .setMapKeyColumn("key_name")
                    .setMapValueColumn("value")
                    .collectInto(
                        new org.jdbi.v3.core.generic.GenericType<
                            java.util.Map<String, String>>() {}));
    return new AccountKeys(
        open(keys.getOrDefault("key1", "")), open(keys.getOrDefault("key2", "")));
  }

  @Override
  public void updateKey(String account, String keyName, String value) {
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE account_keys SET value = ? WHERE account = ? AND key_name = ?")
                .bind(0, seal(value))
                .bind(1, account)
                .bind(2, keyName)
                .execute());
  }

  @Override
  public List<Deployment> deployments(String account) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM deployments WHERE account = ? ORDER BY name")
                .bind(0, account)
                .map((org.jdbi.v3.core.mapper.RowMapper<Deployment>) ControlRows::deployment)
                .list());
  }

  @Override
  public Optional<Deployment> deployment(String account, String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM deployments WHERE account = ? AND name = ?")
                .bind(0, account)
                .bind(1, name)
                .map((org.jdbi.v3.core.mapper.RowMapper<Deployment>) ControlRows::deployment)
                .findOne());
  }

  @Override
  public void upsertDeployment(Deployment d) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO deployments (account, name, model_format, model_name, model_version,"
                        + " sku_name, sku_capacity, backend, rai_policy_name, version_upgrade_option,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account,"
                        + " name) DO UPDATE SET model_format = excluded.model_format, model_name ="
                        + " excluded.model_name, model_version = excluded.model_version, sku_name ="
                        + " excluded.sku_name, sku_capacity = excluded.sku_capacity, backend ="
                        + " excluded.backend, rai_policy_name = excluded.rai_policy_name,"
                        + " version_upgrade_option = excluded.version_upgrade_option")
                .bind(0, d.account())
                .bind(1, d.name())
                .bind(2, d.model().format())
                .bind(3, d.model().name())
                .bind(4, d.model().version())
                .bind(5, d.sku().name())
                .bind(6, d.sku().capacity())
                .bind(7, Json.writeString(d.backend()))
                .bind(8, d.raiPolicyName())
                .bind(9, d.versionUpgradeOption())
                .bind(10, d.createdAt().toString())
                .execute());
  }

  @Override
  public boolean deleteDeployment(String account, String name) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM deployments WHERE account = ? AND name = ?")
                    .bind(0, account)
                    .bind(1, name)
                    .execute()
                > 0);
  }

  @Override
  public dev.lazurite.store.RaiStore rai() {
    return rai;
  }

  @Override
  public dev.lazurite.control.group.ResourceGroupStore resourceGroups() {
    return new dev.lazurite.control.group.JdbiResourceGroupStore(jdbi);
  }

  @Override
  public dev.lazurite.store.DeletedAccountStore deletedAccounts() {
    return deletedAccounts;
  }

  @Override
  public dev.lazurite.store.SearchServiceStore searchServices() {
    return searchServices;
  }

  /** What each stored file of the Files API is. */
  public dev.lazurite.files.FileRecords files() {
    return files;
  }

  /** Stored responses of the Responses API. */
  public dev.lazurite.api.responses.ResponseStore responses() {
    return responses;
  }

  /** Request/response capture policies and captures. */
  public dev.lazurite.capture.CaptureStore captures() {
    return captures;
  }

  /** The audit log's records and checkpoints. */
  public dev.lazurite.audit.AuditStore audit() {
    return audit;
  }

  /** The {@code Trace} records of every instance. */
  public dev.lazurite.trace.TraceStore traces() {
    return traces;
  }

  /** Batch jobs and their lines. */
  public dev.lazurite.batch.BatchRepository batches() {
    return batches;
  }

  /** Prices, deployment tags, budgets and action groups. */
  public dev.lazurite.cost.CostStore cost() {
    return cost;
  }

  @Override
  public dev.lazurite.catalog.CatalogStore models() {
    return models;
  }

  @Override
  public PoolStore pools() {
    return pools;
  }

  @Override
  public Optional<String> setting(String name) {
    return settings.get(name);
  }

  @Override
  public void putSetting(String name, String value) {
    settings.put(name, value);
  }

  @Override
  public String settingIfAbsent(String name, String value) {
    return settings.putIfAbsent(name, value);
  }

  @Override
  public void append(List<UsageRecord> records) {
    usage.append(records);
  }

  @Override
  public List<UsageSummary> summarize(String account, Instant since) {
    return usage.summarize(account, since);
  }

  @Override
  public void scan(
      String account, Instant from, Instant to, java.util.function.Consumer<UsageRecord> each) {
    usage.scan(account, from, to, each);
  }

  /** Whether the database answers a trivial query. */
  public boolean reachable() {
    try {
      return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Counts usage records, for tests and the shutdown log. */
  public long usageRecordCount() {
    return usage.count();
  }

  @Override
  public void close() {
    changes.close();
    dataSource.close();
  }
}
