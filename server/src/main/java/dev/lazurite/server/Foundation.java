package dev.lazurite.server;

import dev.lazurite.api.responses.ResponseSweeper;
import dev.lazurite.backend.BackendFactory;
import dev.lazurite.backend.UpstreamSecrets;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.cost.CapacityHistory;
import dev.lazurite.cost.CostService;
import dev.lazurite.files.FileService;
import dev.lazurite.files.FileStores;
import dev.lazurite.files.FileSweeper;
import dev.lazurite.metering.UsageWriter;
import dev.lazurite.quota.LocalQuotaCounters;
import dev.lazurite.quota.QuotaCounters;
import dev.lazurite.quota.RedisQuotaCounters;
import dev.lazurite.routing.HealthProber;
import dev.lazurite.runtime.SnapshotWatcher;
import dev.lazurite.runtime.Snapshots;
import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.SecretBox;
import dev.lazurite.store.jdbi.JdbiStore;
import dev.lazurite.tokens.TokenCounter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every capability stands on: the store, usage records, backends, the runtime snapshot and the
 * control plane that publishes it, the watcher that keeps it in step with other instances, the
 * admin credential, the quota counters, the Files API's files and cost (prices and budgets). Each
 * part is pushed on {@code opened} as it starts, so that a failed start can close it again.
 *
 * @param secretBox the master key that seals secrets at rest
 * @param subscription the subscription the store was bootstrapped with
 */
public record Foundation(
    SecretBox secretBox,
    JdbiStore store,
    UsageWriter usage,
    TokenCounter tokens,
    BackendFactory backends,
    Snapshots snapshots,
    ControlPlane control,
    HealthProber prober,
    String subscription,
    AdminCredential admin,
    SnapshotWatcher watcher,
    QuotaCounters quota,
    FileService files,
    FileSweeper fileSweeper,
    CostService cost) {
  private static final Logger LOG = LoggerFactory.getLogger(Foundation.class);

  /**
   * @param secrets where upstream keys named by {@code apiKeyEnv} are read
   * @param opened collects what is started, in order
   */
  public static Foundation start(
      ServerConfig config, Clock clock, UpstreamSecrets secrets, Deque<AutoCloseable> opened)
      throws IOException {
    var secretBox =
        SecretBox.fromFile(
            config
                .scaleOut()
                .masterKeyFile()
                .orElseGet(() -> config.dataDir().resolve("master.key")));
    var store =
        new JdbiStore(
            config.databaseUrl(),
            secretBox,
            config.usageDurability() == dev.lazurite.metering.UsageDurability.STRICT);
    opened.push(store);
    LOG.info("store: {}", store.describe());
    var usage = new UsageWriter(store, config.usageDurability());
    opened.push(usage);
    var tokens = new TokenCounter();
    var backends =
        new BackendFactory(
            tokens,
            config.simulator(),
            config.upstreamConnectTimeout(),
            config.upstreamReadTimeout(),
            config.outbound().policy(),
            secrets);
    opened.push(backends);
    var snapshots = new Snapshots(versions(store));
    var control =
        new ControlPlane(store, backends, snapshots, clock, config.failover().latencyFailover());
    var prober = new HealthProber(config.failover().probeInterval(), control::poolMembers);
    opened.push(prober);
    // One transaction: instances starting together on one database bootstrap it once.
    String subscription =
        store.inTransaction(() -> Bootstrap.run(store, control, config.region(), clock));
    // Instances on one store share the admin credential; a single-instance data directory's file
    // is taken over on first start.
    var admin = AdminCredential.shared(store.secrets(), config.dataDir());
    var watcher =
        new SnapshotWatcher(
            snapshots,
            store::version,
            control::reload,
            store::awaitChange,
            Duration.ofMillis(config.databaseUrl() instanceof DatabaseUrl.Sqlite ? 100 : 500));
    opened.push(watcher);
    QuotaCounters quota =
        config
            .scaleOut()
            .redisUrl()
            .<QuotaCounters>map(RedisQuotaCounters::new)
            .orElseGet(LocalQuotaCounters::new);
    opened.push(quota);
    var fileStore = FileStores.open(config.files(), config.dataDir(), config.outbound().policy());
    var files = new FileService(store.files(), fileStore, clock);
    opened.push(files);
    LOG.info("files: {}", fileStore.describe());
    var fileSweeper = FileSweeper.start(files, Duration.ofMinutes(1), clock);
    opened.push(fileSweeper);
    opened.push(ResponseSweeper.start(store.responses(), ResponseSweeper.INTERVAL, clock));
    var cost =
        new CostService(
            store.cost(),
            config.outbound().policy(),
            clock,
            subscription,
            CostService.INTERVAL,
            snapshots);
    opened.push(cost);
    control.listen(new CapacityHistory(store.cost(), store.control()));
    return new Foundation(
        secretBox,
        store,
        usage,
        tokens,
        backends,
        snapshots,
        control,
        prober,
        subscription,
        admin,
        watcher,
        quota,
        files,
        fileSweeper,
        cost);
  }

  /** The snapshot version lives in the store, so that every instance on it sees each change. */
  private static Snapshots.Versions versions(JdbiStore store) {
    return new Snapshots.Versions() {
      @Override
      public long current() {
        return store.version();
      }

      @Override
      public long bump() {
        return store.bumpVersion();
      }
    };
  }

  /**
   * Starts the warm-ups beside start-up: tokenizer tables now, the embedding model after {@code
   * delay} (once the listeners are serving), so that neither delays the first request.
   *
   * @return the embedding model's warm-up, to interrupt on stop
   */
  Thread warmUp(Duration delay) {
    Thread.ofVirtual().name("lazurite-tokenizer-warm-up").start(tokens::warmUp);
    return Thread.ofPlatform()
        .daemon(true)
        .priority(Thread.MIN_PRIORITY)
        .name("lazurite-embeddings-warm-up")
        .start(
            () -> {
              try {
                Thread.sleep(delay);
                backends.embedded().warmUp();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                LOG.warn("the embedded embedding model could not be loaded: {}", e.toString());
              }
            });
  }

  /** Stops reloading and probing, and stores every usage record so far. */
  void stopBackground() {
    watcher.close();
    prober.close();
    fileSweeper.close();
    cost.close();
    usage.close();
  }
}
