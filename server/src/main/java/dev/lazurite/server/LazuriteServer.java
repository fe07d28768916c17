package dev.lazurite.server;

import dev.lazurite.backend.UpstreamSecrets;
import dev.lazurite.batch.BatchRunner;
import dev.lazurite.batch.BatchService;
import dev.lazurite.batch.BatchStages;
import dev.lazurite.config.ServerConfig;
import dev.lazurite.control.AccountKeys;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.identity.Audiences;
import dev.lazurite.identity.IdentityService;
import dev.lazurite.internal.InternalCalls;
import dev.lazurite.network.HostTemplate;
import dev.lazurite.observability.Observability;
import dev.lazurite.observability.Readiness;
import dev.lazurite.pipeline.PipelineListener;
import dev.lazurite.pipeline.Pipelines;
import dev.lazurite.quota.QuotaCounters;
import dev.lazurite.quota.RedisQuotaCounters;
import dev.lazurite.safety.ShippedClassifier;
import dev.lazurite.searchservice.SearchServices;
import dev.lazurite.server.edge.ConnectionGuard;
import dev.lazurite.store.jdbi.JdbiStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: wires each capability (foundation, identity, search, data plane, control)
 * with plain constructors, binds the listeners that serve them, and stops everything in order.
 * Tests start the same graph on random ports.
 */
public final class LazuriteServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LazuriteServer.class);

  private final ServerConfig config;
  private final DataDirLock lock;
  private final Foundation foundation;
  private final IdentityWiring identity;
  private final SearchWiring search;
  private final DataPlaneWiring dataPlane;
  private final Listeners listeners;
  private final Thread embeddingsWarmUp;
  private final BatchRunner batchRunner;
  private final AuditWiring audit;
  private final CaptureWiring capture;
  private final Observability observability;
  private final PortalWiring portal;

  /**
   * @param opened collects what is started, in order, so that a failed start can close it again
   */
  private LazuriteServer(
      ServerConfig config,
      Clock clock,
      UpstreamSecrets secrets,
      ShippedClassifier shippedClassifier,
      DataDirLock lock,
      Deque<AutoCloseable> opened,
      boolean auditDataPlane)
      throws IOException {
    this.config = config;
    this.lock = lock;
    long started = System.nanoTime();
    Optional<HostTemplate> hostTemplate =
        config.edge().endpointHostTemplate().map(HostTemplate::parse);
    // The addresses clients are given exist once the listeners are bound, after the handlers.
    var addresses = new ServerAddresses(hostTemplate);
    this.foundation = Foundation.start(config, clock, secrets, opened);
    this.audit = AuditWiring.start(config, clock, foundation, opened);
    this.capture = CaptureWiring.start(clock, foundation, audit.export(), opened);
    long foundationReady = System.nanoTime();
    this.identity =
        new IdentityWiring(config, clock, foundation, () -> addresses.plain().toString());
    // The one cycle: On Your Data and search vectorizers embed through the pipelines they serve,
    // so internal calls read the pipelines at call time.
    var internal = new InternalCalls(this::pipelines);
    this.search =
        new SearchWiring(
            config,
            clock,
            foundation,
            internal,
            identity.ownTokens(Set.of(Audiences.SEARCH, Audiences.SEARCH + "/")),
            addresses,
            opened);
    // Batch lines run through the same pipelines as internal calls of the batch's resource.
    this.batchRunner =
        new BatchRunner(
            foundation.store().batches(),
            foundation.files(),
            foundation.snapshots(),
            internal,
            config.batch(),
            clock);
    this.observability =
        Observability.of(
            config.observability(), foundation.snapshots(), foundation.store().batches());
    opened.push(observability);
    audit.metrics(observability.registry());
    var batches =
        new BatchService(
            foundation.store().batches(), foundation.files(), clock, batchRunner::wake);
    this.dataPlane =
        new DataPlaneWiring(
            DataPlaneWiring.Parts.of(
                config,
                clock,
                foundation,
                identity,
                search,
                internal,
                shippedClassifier,
                BatchStages.of(batches),
                auditDataPlane ? audit.listener() : PipelineListener.NONE,
                capture.stage(),
                observability.listeners()));
    opened.push(batchRunner.start());
    var control = new ControlWiring(clock, foundation, identity, search.services(), addresses);
    this.portal =
        new PortalWiring(
            clock,
            foundation,
            addresses,
            config.dataDir(),
            identity,
            search.services(),
            batches,
            this::pipelines,
            audit.writer()::flush);
    long wired = System.nanoTime();
    this.listeners =
        new Listeners(
            config,
            hostTemplate,
            new Listeners.Routes(
                r -> {
                  ServerRoutes.routing(r, dataPlane, control, identity, search);
                  audit.routing(r);
                  capture.routing(r);
                  portal.routing(r);
                  observability.routing(
                      r, foundation.admin().guard(), readiness(shippedClassifier));
                },
                dataPlane::privateRouting,
                search::privateRouting),
            opened);
    foundation.snapshots().observe(listeners.accountEndpoints()::reconcile);
    search.services().observe(listeners.searchEndpoints()::reconcile);
    addresses.bind(listeners.endpoint(), listeners.httpsEndpoint());
    long listening = System.nanoTime();
    this.embeddingsWarmUp = foundation.warmUp(config.embeddingsWarmUpDelay());
    ServerFile.write(config.dataDir(), this);
    LOG.info(
        "ready in {} ms (store and control plane {} ms, services and TLS {} ms, listeners {} ms)",
        (System.nanoTime() - started) / 1_000_000,
        (foundationReady - started) / 1_000_000,
        (wired - foundationReady) / 1_000_000,
        (listening - wired) / 1_000_000);
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
    return start(config, clock, secrets, shippedClassifier, true);
  }

  /**
   * A server whose data-plane requests are not audited (control changes still are), for the
   * benchmark that measures what auditing costs the data plane; no configuration reaches it.
   */
  public static LazuriteServer startWithoutDataPlaneAudit(
      ServerConfig config, Clock clock, ShippedClassifier shippedClassifier) throws IOException {
    return start(config, clock, UpstreamSecrets.PROCESS, shippedClassifier, false);
  }

  private static LazuriteServer start(
      ServerConfig config,
      Clock clock,
      UpstreamSecrets secrets,
      ShippedClassifier shippedClassifier,
      boolean auditDataPlane)
      throws IOException {
    DataDirLock lock = DataDirLock.acquire(config.dataDir());
    var opened = new ArrayDeque<AutoCloseable>();
    try {
      return new LazuriteServer(
          config, clock, secrets, shippedClassifier, lock, opened, auditDataPlane);
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
    return listeners.endpoint();
  }

  public Optional<URI> httpsEndpoint() {
    return listeners.httpsEndpoint();
  }

  /** The connection limit and counts over every listener. */
  public ConnectionGuard connections() {
    return listeners.guard();
  }

  public String adminToken() {
    return foundation.admin().token();
  }

  public String subscriptionId() {
    return foundation.subscription();
  }

  public Optional<Path> caCertFile() {
    return listeners.caCert();
  }

  public Path dataDir() {
    return config.dataDir();
  }

  /**
   * What {@code /readyz} checks: the store, Redis when quota counters live there, and the search
   * service (its services readable, its index store open); and where the embedded content
   * classifier's background training stands, shown without deciding readiness.
   */
  private Readiness readiness(ShippedClassifier classifier) {
    var checks = new java.util.ArrayList<Readiness.Check>();
    checks.add(new Readiness.Check("store", foundation.store()::reachable));
    if (foundation.quota() instanceof RedisQuotaCounters redis) {
      checks.add(new Readiness.Check("redis", redis::reachable));
    }
    checks.add(new Readiness.Check("search", search.services()::reachable));
    return new Readiness(
        checks, List.of(new Readiness.Detail("classifier", () -> classifier.state().wire())));
  }

  /** Metrics and traces: the Prometheus registry and the tracer, when they are on. */
  public Observability observability() {
    return observability;
  }

  /** The data-plane pipelines the listeners run, for driving them without HTTP. */
  public Pipelines pipelines() {
    return dataPlane.pipelines();
  }

  /** The portal's route table. */
  public java.util.List<dev.lazurite.portal.web.PortalRoute> portalRoutes() {
    return portal.routes();
  }

  public IdentityService identities() {
    return identity.identities();
  }

  /** The counters that enforce and report quota. */
  public QuotaCounters quota() {
    return foundation.quota();
  }

  /** The Files API's files, of every resource. */
  public dev.lazurite.files.FileService files() {
    return foundation.files();
  }

  public SearchServices searchServices() {
    return search.services();
  }

  public ControlPlane control() {
    return foundation.control();
  }

  public AccountKeys defaultKeys() {
    ControlPlane control = foundation.control();
    return control.keys(
        control.account(
            foundation.subscription(),
            Bootstrap.DEFAULT_RESOURCE_GROUP,
            Bootstrap.DEFAULT_ACCOUNT));
  }

  /** The version of the store the runtime snapshot in force was built from. */
  public long snapshotVersion() {
    return foundation.snapshots().get().version();
  }

  public JdbiStore store() {
    return foundation.store();
  }

  /** Prices, budgets and their evaluation. */
  public dev.lazurite.cost.CostService cost() {
    return foundation.cost();
  }

  /** Waits until every usage record so far is stored. */
  public void flushUsage() {
    foundation.usage().flush();
  }

  /** Waits until every audit record so far is written. */
  public void flushAudit() {
    audit.writer().flush();
  }

  /** Waits until every capture so far is stored (and handed to the OTLP export). */
  public void flushCaptures() {
    capture.writer().flush();
  }

  /** The {@code Trace} log, when {@code LAZURITE_TRACE_LOG} turns it on. */
  public Optional<dev.lazurite.trace.TraceLog> traces() {
    return audit.traces();
  }

  /** The OTLP log export of audit records and captures, when configured. */
  public Optional<dev.lazurite.observability.AuditLogExport> auditExport() {
    return audit.export();
  }

  /** Stops accepting requests, lets in-flight ones finish, then stores every usage record. */
  @Override
  public void close() {
    LOG.info("stopping: letting in-flight requests finish");
    embeddingsWarmUp.interrupt();
    batchRunner.close();
    listeners.close();
    capture.close();
    audit.close();
    foundation.stopBackground();
    observability.close();
    foundation.quota().close();
    foundation.backends().close();
    search.services().close();
    foundation.files().close();
    foundation.store().close();
    ServerFile.delete(config.dataDir(), this);
    lock.close();
  }
}
