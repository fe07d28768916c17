package dev.lazurite.server;

import dev.lazurite.auth.TokenValidator;
import dev.lazurite.auth.TrustedIssuers;
import dev.lazurite.backend.BackendFactory;
import dev.lazurite.backend.UpstreamSecrets;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.control.AccountKeys;
import dev.lazurite.control.ArmHandler;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.identity.Audiences;
import dev.lazurite.identity.IdentityAdminHandler;
import dev.lazurite.identity.IdentityService;
import dev.lazurite.identity.SigningKeys;
import dev.lazurite.identity.TokenEndpoints;
import dev.lazurite.identity.TokenIssuer;
import dev.lazurite.internal.InternalCalls;
import dev.lazurite.metering.MeteringListener;
import dev.lazurite.metering.UsageWriter;
import dev.lazurite.network.HostTemplate;
import dev.lazurite.network.PrivateLink;
import dev.lazurite.network.ResourceEndpoints;
import dev.lazurite.pipeline.PipelineListener;
import dev.lazurite.pipeline.Pipelines;
import dev.lazurite.quota.LocalQuotaCounters;
import dev.lazurite.quota.QuotaCounters;
import dev.lazurite.quota.RedisQuotaCounters;
import dev.lazurite.routing.HealthProber;
import dev.lazurite.runtime.SnapshotWatcher;
import dev.lazurite.runtime.Snapshots;
import dev.lazurite.safety.ShippedClassifier;
import dev.lazurite.server.edge.ConnectionGuard;
import dev.lazurite.server.edge.Edge;
import dev.lazurite.server.edge.Listener;
import dev.lazurite.server.edge.ListenerWatchdog;
import dev.lazurite.server.edge.Readiness;
import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.SecretBox;
import dev.lazurite.store.jdbi.JdbiStore;
import dev.lazurite.tls.LocalCertificates;
import dev.lazurite.tokens.TokenCounter;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the store, control plane, backends, pipeline and listeners with
 * plain constructors, starts them, and stops them in order. Tests start the same graph on random
 * ports.
 */
public final class LazuriteServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LazuriteServer.class);

  private final ServerConfig config;
  private final JdbiStore store;
  private final SnapshotWatcher watcher;
  private final DataDirLock lock;
  private final Snapshots snapshots;
  private final UsageWriter usage;
  private final BackendFactory backends;
  private final ControlPlane control;
  private final Listener http;
  private final Optional<Listener> https;
  private final ConnectionGuard guard;
  private final ListenerWatchdog watchdog;
  private final AdminCredential admin;
  private final String subscription;
  private final Pipelines pipelines;
  private final Optional<Path> caCert;
  private final Thread embeddingsWarmUp;
  private final IdentityService identities;
  private final PrivateEndpointListeners privateEndpoints;
  private final PrivateEndpointListeners searchPrivateEndpoints;
  private final QuotaCounters quota;
  private final HealthProber prober;
  private final dev.lazurite.searchservice.SearchServices searchServices;
  private final dev.lazurite.files.FileService files;
  private final dev.lazurite.batch.BatchRunner batchRunner;

  /**
   * @param opened collects what is started, in order, so that a failed start can close it again
   */
  private LazuriteServer(
      ServerConfig config,
      Clock clock,
      UpstreamSecrets secrets,
      ShippedClassifier shippedClassifier,
      DataDirLock lock,
      java.util.Deque<AutoCloseable> opened)
      throws IOException {
    this.config = config;
    this.lock = lock;
    Optional<HostTemplate> hostTemplate =
        config.edge().endpointHostTemplate().map(HostTemplate::parse);
    long started = System.nanoTime();
    this.store =
        new JdbiStore(
            config.databaseUrl(),
            SecretBox.fromFile(
                config
                    .scaleOut()
                    .masterKeyFile()
                    .orElseGet(() -> config.dataDir().resolve("master.key"))));
    opened.push(store);
    LOG.info("store: {}", store.describe());
    long storeReady = System.nanoTime();
    this.files =
        new dev.lazurite.files.FileService(
            store.files(),
            new dev.lazurite.files.LocalFileStore(config.dataDir().resolve("files")),
            clock);
    this.usage = new UsageWriter(store, config.usageDurability());
    opened.push(usage);
    TokenCounter tokens = new TokenCounter();
    this.backends =
        new BackendFactory(
            tokens,
            config.simulator(),
            config.upstreamConnectTimeout(),
            config.upstreamReadTimeout(),
            config.outbound().policy(),
            secrets);
    opened.push(backends);
    this.snapshots =
        new Snapshots(
            new Snapshots.Versions() {
              @Override
              public long current() {
                return store.version();
              }

              @Override
              public long bump() {
                return store.bumpVersion();
              }
            });
    this.control =
        new ControlPlane(store, backends, snapshots, clock, config.failover().latencyFailover());
    this.prober = new HealthProber(config.failover().probeInterval(), control::poolMembers);
    opened.push(prober);
    // One transaction: instances starting together on one database bootstrap it once.
    this.subscription =
        store.inTransaction(() -> Bootstrap.run(store, control, config.region(), clock));
    // Instances on one store share the admin credential, token signing keys and identity header
    // secret; files a single-instance data directory holds are taken over on first start.
    this.admin = AdminCredential.shared(store.secrets(), config.dataDir());
    Path identityDir = config.dataDir().resolve("identity");
    var issuer =
        new TokenIssuer(
            SigningKeys.shared(store.secrets(), identityDir, clock),
            Bootstrap.tenantId(store),
            clock);
    this.identities =
        new IdentityService(
            store.identity(),
            issuer,
            ServerSecrets.shared(store.secrets(), identityDir, "identity-header.key"),
            clock);
    this.watcher =
        new SnapshotWatcher(
            snapshots,
            store::version,
            control::reload,
            store::awaitChange,
            Duration.ofMillis(config.databaseUrl() instanceof DatabaseUrl.Sqlite ? 100 : 500));
    opened.push(watcher);
    var trusts = new java.util.ArrayList<TokenValidator.Trust>();
    trusts.add(
        TokenValidator.Trust.own(
            issuer.publicKeys(),
            issuer.issuer(),
            Set.of(Audiences.COGNITIVE_SERVICES, Audiences.COGNITIVE_SERVICES + "/")));
    trusts.addAll(
        TrustedIssuers.parse(config.identity().trustedIssuers().orElse(null), backends.outbound()));
    var tokenValidator = new TokenValidator(trusts, 10_000);
    long controlReady = System.nanoTime();
    this.quota =
        config
            .scaleOut()
            .redisUrl()
            .<QuotaCounters>map(RedisQuotaCounters::new)
            .orElseGet(LocalQuotaCounters::new);
    opened.push(quota);
    // Internal callers run the pipelines built below; they are read at call time.
    var internal = new InternalCalls(this::pipelines);
    var embeddings =
        new dev.lazurite.searchservice.DeploymentEmbeddings(
            snapshots, internal, backends.embedded());
    this.searchServices =
        new dev.lazurite.searchservice.SearchServices(
            store.searchServices(), config.dataDir().resolve("search"), embeddings, clock);
    opened.push(searchServices);
    this.batchRunner =
        new dev.lazurite.batch.BatchRunner(
            store.batches(), files, snapshots, internal, config.batch(), clock);
    this.pipelines =
        DataPlaneStages.pipelines(
            new DataPlaneStages.Parts(
                snapshots,
                tokenValidator,
                tokens,
                quota,
                config.failover().deadline(),
                new dev.lazurite.ondata.Retriever(
                    searchServices, embeddings, internal, host -> ServerHosts.own(config, host)),
                dev.lazurite.safety.Classifiers.contentSafety(
                    config.safety(),
                    shippedClassifier,
                    backends.embedded()::vectors,
                    backends.outbound()),
                PipelineListener.of(List.of(new MeteringListener(usage, clock))),
                clock,
                dev.lazurite.batch.BatchStages.of(
                    new dev.lazurite.batch.BatchService(
                        store.batches(), files, clock, batchRunner::wake))));
    opened.push(batchRunner.start());
    var proxies = TrustedProxies.parse(config.edge().trustedProxies().orElse(null));
    // Each resource's endpoint is known once the listeners are bound.
    ResourceEndpoints[] endpoints = {null};
    var dataPlane =
        new DataPlaneHandler(
            pipelines,
            dev.lazurite.runtime.Regions.displayName(config.region()),
            proxies,
            () -> endpoints[0]);

    LocalCertificates.Identity identity = null;
    if (config.httpsPort() >= 0) {
      identity =
          config.tlsCert().isPresent()
              ? LocalCertificates.fromPem(config.tlsCert().get(), config.tlsKey().orElseThrow())
              : LocalCertificates.localIdentity(
                  config.dataDir().resolve("tls"), ServerHosts.certificate(config, hostTemplate));
    }
    this.caCert =
        config.httpsPort() >= 0 && config.tlsCert().isEmpty()
            ? Optional.of(new LocalCertificates.Files(config.dataDir().resolve("tls")).caCert())
            : Optional.empty();
    // The ARM endpoint names the listener clients should use: HTTPS when there is one.
    String[] endpoint = {""};
    var arm = new ServerRoutes.LateHandler();
    var tokenEndpoints = new TokenEndpoints(identities);
    var identityAdmin =
        new IdentityAdminHandler(identities, admin.token(), () -> endpoint().toString());
    var indexers =
        new dev.lazurite.searchservice.Indexers(
            searchServices,
            config.dataDir().resolve("search"),
            config.search().ingestRoot().orElseGet(() -> config.dataDir().resolve("documents")),
            embeddings,
            tokens,
            clock);
    var search =
        new dev.lazurite.searchservice.SearchHandler(
            searchServices,
            indexers,
            () -> endpoint[0],
            new TokenValidator(
                issuer.publicKeys(),
                issuer.issuer(),
                Set.of(Audiences.SEARCH, Audiences.SEARCH + "/")),
            () -> snapshots.get().roleAssignments(),
            proxies);
    long tlsReady = System.nanoTime();
    this.guard = new ConnectionGuard(config.http());
    this.watchdog = new ListenerWatchdog(Duration.ofSeconds(1));
    opened.push(guard);
    opened.push(watchdog);
    // Each listener stops within half the grace period (Helidon waits twice: for requests, then
    // for writers), so that stopping them all at once stays within the grace period.
    var edge = new Edge(guard, config.maxBodyBytes(), config.shutdownGrace().dividedBy(2));
    var readiness = new Readiness(watchdog::listeners, guard);
    Consumer<HttpRouting.Builder> routes =
        r ->
            ServerRoutes.routing(
                r, dataPlane, arm, tokenEndpoints, identityAdmin, search, readiness);
    this.http =
        Listener.start(
            "http",
            config.host(),
            config.port(),
            port -> edge.server("http", config.host(), port, Optional.empty(), routes));
    watchdog.watch(http);
    opened.push(http::stop);
    this.https =
        Optional.ofNullable(identity)
            .map(
                tls ->
                    Listener.start(
                        "https",
                        config.host(),
                        config.httpsPort(),
                        port ->
                            edge.server("https", config.host(), port, Optional.of(tls), routes)));
    https.ifPresent(watchdog::watch);
    https.ifPresent(l -> opened.push(l::stop));
    long listening = System.nanoTime();
    var configuredIdentity = identity;
    java.util.function.Function<PrivateLink, Optional<LocalCertificates.Identity>>
        privateIdentities =
            privateEndpoint -> {
              if (config.httpsPort() < 0) {
                return Optional.empty();
              }
              return config.tlsCert().isPresent()
                  ? Optional.of(configuredIdentity)
                  : PrivateEndpointListeners.localCa(
                      config.dataDir().resolve("tls"), privateEndpoint);
            };
    this.privateEndpoints =
        new PrivateEndpointListeners(
            (host, port, tls) ->
                edge.server(
                    "private-endpoint",
                    host,
                    port,
                    tls,
                    r ->
                        r.any(new CollapsedSlashes())
                            .any("/openai/*", dataPlane)
                            .any("/" + ResourceEndpoints.PATH_PREFIX + "/*", dataPlane)
                            .any(ServerRoutes::notFound)),
            privateIdentities,
            watchdog);
    opened.push(privateEndpoints);
    snapshots.observe(privateEndpoints::reconcile);
    this.searchPrivateEndpoints =
        new PrivateEndpointListeners(
            (host, port, tls) ->
                edge.server(
                    "search-private-endpoint",
                    host,
                    port,
                    tls,
                    r -> r.any(new CollapsedSlashes()).any(search)),
            privateIdentities,
            watchdog);
    searchServices.observe(searchPrivateEndpoints::reconcile);
    endpoint[0] = (httpsEndpoint().orElse(endpoint())).toString();
    endpoints[0] = new ResourceEndpoints(URI.create(endpoint[0]), hostTemplate);
    arm.handler =
        new ArmHandler(
            control,
            store,
            admin.token(),
            endpoints[0],
            clock,
            new TokenValidator(issuer.publicKeys(), issuer.issuer(), Set.of(Audiences.MANAGEMENT)),
            subscription,
            issuer.tenantId(),
            quota,
            searchServices,
            store.rai());
    // Warm-ups run beside start-up: tokenizer tables now, the embedding model once the listeners
    // are serving, so that neither delays the first request.
    Thread.ofVirtual().name("lazurite-tokenizer-warm-up").start(tokens::warmUp);
    this.embeddingsWarmUp =
        Thread.ofPlatform()
            .daemon(true)
            .priority(Thread.MIN_PRIORITY)
            .name("lazurite-embeddings-warm-up")
            .start(
                () -> {
                  try {
                    Thread.sleep(config.embeddingsWarmUpDelay());
                    backends.embedded().warmUp();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } catch (RuntimeException e) {
                    LOG.warn("the embedded embedding model could not be loaded: {}", e.toString());
                  }
                });
    ServerFile.write(config.dataDir(), this);
    LOG.info(
        "ready in {} ms (store {} ms, control plane {} ms, TLS {} ms, listeners {} ms)",
        (System.nanoTime() - started) / 1_000_000,
        (storeReady - started) / 1_000_000,
        (controlReady - storeReady) / 1_000_000,
        (tlsReady - controlReady) / 1_000_000,
        (listening - tlsReady) / 1_000_000);
  }

  /**
   * Starts a server that reads upstream keys named by {@code apiKeyEnv} from the process
   * environment; returns once every listener accepts connections.
   */
  public static LazuriteServer start(ServerConfig config, Clock clock) throws IOException {
    return start(config, clock, UpstreamSecrets.PROCESS);
  }

  /**
   * @param secrets where upstream keys named by {@code apiKeyEnv} are read
   */
  public static LazuriteServer start(ServerConfig config, Clock clock, UpstreamSecrets secrets)
      throws IOException {
    return start(config, clock, secrets, new ShippedClassifier());
  }

  /**
   * @param secrets where upstream keys named by {@code apiKeyEnv} are read
   * @param shippedClassifier the embedded classifier, trained once however many servers share it
   */
  public static LazuriteServer start(
      ServerConfig config,
      Clock clock,
      UpstreamSecrets secrets,
      ShippedClassifier shippedClassifier)
      throws IOException {
    DataDirLock lock = DataDirLock.acquire(config.dataDir());
    var opened = new java.util.ArrayDeque<AutoCloseable>();
    try {
      return new LazuriteServer(config, clock, secrets, shippedClassifier, lock, opened);
    } catch (IOException | RuntimeException e) {
      // A start that fails half-way (a port in use, an unreachable database) closes what it
      // opened and lets go of the data directory.
      for (AutoCloseable part : opened) {
        try {
          part.close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      lock.close();
      throw e;
    }
  }

  public URI endpoint() {
    return URI.create("http://" + hostForUrl() + ":" + http.port());
  }

  public Optional<URI> httpsEndpoint() {
    String host =
        config.host().equals("127.0.0.1") || config.host().equals("0.0.0.0")
            ? "localhost"
            : hostForUrl();
    return https.map(l -> URI.create("https://" + host + ":" + l.port()));
  }

  /** The connection limit and counts over every listener. */
  public ConnectionGuard connections() {
    return guard;
  }

  private String hostForUrl() {
    String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
    return host.contains(":") ? "[" + host + "]" : host;
  }

  public String adminToken() {
    return admin.token();
  }

  public String subscriptionId() {
    return subscription;
  }

  public Optional<Path> caCertFile() {
    return caCert;
  }

  public Path dataDir() {
    return config.dataDir();
  }

  /** The data-plane pipelines the listeners run, for driving them without HTTP. */
  public Pipelines pipelines() {
    return pipelines;
  }

  public IdentityService identities() {
    return identities;
  }

  /** The counters that enforce and report quota. */
  public QuotaCounters quota() {
    return quota;
  }

  public dev.lazurite.searchservice.SearchServices searchServices() {
    return searchServices;
  }

  /** The Files API's files, of every resource. */
  public dev.lazurite.files.FileService files() {
    return files;
  }

  public ControlPlane control() {
    return control;
  }

  public AccountKeys defaultKeys() {
    return control.keys(
        control.account(subscription, Bootstrap.DEFAULT_RESOURCE_GROUP, Bootstrap.DEFAULT_ACCOUNT));
  }

  /** The version of the store the runtime snapshot in force was built from. */
  public long snapshotVersion() {
    return snapshots.get().version();
  }

  public JdbiStore store() {
    return store;
  }

  /** Waits until every usage record so far is stored. */
  public void flushUsage() {
    usage.flush();
  }

  /** Stops accepting requests, lets in-flight ones finish, then stores every usage record. */
  @Override
  public void close() {
    LOG.info("stopping: letting in-flight requests finish");
    embeddingsWarmUp.interrupt();
    watchdog.close();
    batchRunner.close();
    // All listeners stop at once, so that together they take no longer than one.
    var stopping = new java.util.ArrayList<Thread>();
    stopping.add(Thread.ofVirtual().start(privateEndpoints::close));
    stopping.add(Thread.ofVirtual().start(searchPrivateEndpoints::close));
    stopping.add(Thread.ofVirtual().start(http::stop));
    https.ifPresent(l -> stopping.add(Thread.ofVirtual().start(l::stop)));
    for (Thread thread : stopping) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    guard.close();
    watcher.close();
    prober.close();
    usage.close();
    quota.close();
    backends.close();
    searchServices.close();
    store.close();
    ServerFile.delete(config.dataDir(), this);
    lock.close();
  }
}
