package dev.lazurite.config;

import static java.util.Objects.requireNonNull;

import dev.lazurite.backend.simulator.SimulatorConfig;
import dev.lazurite.metering.UsageDurability;
import dev.lazurite.store.DatabaseUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code lazurite serve} can be told.
 *
 * @param port 0 for any free port
 * @param httpsPort 0 for any free port, -1 for no HTTPS listener
 * @param tlsCert a PEM certificate chain; empty to use the local CA in the data directory
 * @param tlsHosts extra host names the local certificate names
 * @param region the Azure location of the default account
 * @param shutdownGrace how long stopping may take; a hard deadline for {@code lazurite serve}
 * @param usageDurability whether a response waits until its usage record is committed
 * @param http timeouts and the connection limit of the HTTP listeners
 * @param database the shared store; empty for {@code lazurite.db} in the data directory
 * @param failover how requests move between a pool's backends
 * @param safety the content classifier
 * @param outbound where the server may connect
 * @param scaleOut what instances share besides the database
 * @param edge resource host names and trusted proxies
 * @param identity trusted external token issuers
 * @param search the search service's settings
 * @param files where uploaded files' contents are kept
 * @param batch how batch jobs run
 * @param audit the audit log's sinks, retention and checkpoints
 * @param observability metrics and traces
 */
public record ServerConfig(
    String host,
    int port,
    int httpsPort,
    Path dataDir,
    Optional<Path> tlsCert,
    Optional<Path> tlsKey,
    List<String> tlsHosts,
    long maxBodyBytes,
    String region,
    SimulatorConfig simulator,
    Duration upstreamConnectTimeout,
    Duration upstreamReadTimeout,
    Duration shutdownGrace,
    UsageDurability usageDurability,
    HttpLimits http,
    Optional<DatabaseUrl> database,
    FailoverConfig failover,
    SafetyConfig safety,
    OutboundConfig outbound,
    ScaleOutConfig scaleOut,
    EdgeConfig edge,
    IdentityConfig identity,
    SearchConfig search,
    FilesConfig files,
    BatchConfig batch,
    AuditConfig audit,
    ObservabilityConfig observability) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_HTTPS_PORT = 8443;
  public static final long DEFAULT_MAX_BODY_BYTES = 16L << 20;

  /** How long after start the embedded embedding model loads, so start-up is not slowed. */
  public java.time.Duration embeddingsWarmUpDelay() {
    return java.time.Duration.ofSeconds(2);
  }

  /**
   * The store this server uses: the one configured, or {@code lazurite.db} in the data directory.
   */
  public DatabaseUrl databaseUrl() {
    return database.orElseGet(() -> new DatabaseUrl.Sqlite(dataDir.resolve("lazurite.db")));
  }

  public ServerConfig {
    requireNonNull(host, "host is null");
    requireNonNull(dataDir, "dataDir is null");
    requireNonNull(tlsCert, "tlsCert is null");
    requireNonNull(tlsKey, "tlsKey is null");
    tlsHosts = List.copyOf(tlsHosts);
    requireNonNull(region, "region is null");
    requireNonNull(simulator, "simulator is null");
    requireNonNull(upstreamConnectTimeout, "upstreamConnectTimeout is null");
    requireNonNull(upstreamReadTimeout, "upstreamReadTimeout is null");
    requireNonNull(shutdownGrace, "shutdownGrace is null");
    requireNonNull(usageDurability, "usageDurability is null");
    requireNonNull(http, "http is null");
    requireNonNull(database, "database is null");
    requireNonNull(failover, "failover is null");
    requireNonNull(safety, "safety is null");
    requireNonNull(outbound, "outbound is null");
    requireNonNull(scaleOut, "scaleOut is null");
    requireNonNull(edge, "edge is null");
    requireNonNull(identity, "identity is null");
    requireNonNull(search, "search is null");
    requireNonNull(files, "files is null");
    requireNonNull(batch, "batch is null");
    requireNonNull(audit, "audit is null");
    requireNonNull(observability, "observability is null");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (httpsPort < -1 || httpsPort > 65535) {
      throw new IllegalArgumentException("https port must be -1..65535, got " + httpsPort);
    }
    if (tlsCert.isPresent() != tlsKey.isPresent()) {
      throw new IllegalArgumentException("--tls-cert and --tls-key must be given together");
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("max body bytes must be >= 1024, got " + maxBodyBytes);
    }
  }

  /** The defaults: loopback, ports 8080 and 8443, {@code ./lazurite-data}. */
  public static ServerConfig defaults(Path dataDir) {
    return new ServerConfig(
        DEFAULT_HOST,
        DEFAULT_PORT,
        DEFAULT_HTTPS_PORT,
        dataDir,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        DEFAULT_MAX_BODY_BYTES,
        "eastus",
        SimulatorConfig.DEFAULT,
        Duration.ofSeconds(10),
        Duration.ofSeconds(600),
        Duration.ofSeconds(30),
        UsageDurability.ASYNC,
        HttpLimits.DEFAULT,
        Optional.empty(),
        FailoverConfig.DEFAULT,
        SafetyConfig.DEFAULT,
        OutboundConfig.DEFAULT,
        ScaleOutConfig.DEFAULT,
        EdgeConfig.DEFAULT,
        IdentityConfig.DEFAULT,
        SearchConfig.DEFAULT,
        FilesConfig.DEFAULT,
        BatchConfig.DEFAULT,
        AuditConfig.DEFAULT,
        ObservabilityConfig.DEFAULT);
  }

  /** For tests: random ports, a given data directory, a five-second grace period. */
  public static ServerConfig forTesting(Path dataDir) {
    return defaults(dataDir).toBuilder()
        .port(0)
        .httpsPort(0)
        .shutdownGrace(Duration.ofSeconds(5))
        .build();
  }

  public ServerConfig withDatabase(DatabaseUrl database) {
    return toBuilder().database(Optional.of(database)).build();
  }

  public ServerConfig withSimulator(SimulatorConfig simulator) {
    return toBuilder().simulator(simulator).build();
  }

  public ServerConfig withMaxBodyBytes(long maxBodyBytes) {
    return toBuilder().maxBodyBytes(maxBodyBytes).build();
  }

  public ServerConfig withUpstreamTimeouts(Duration connect, Duration read) {
    return toBuilder().upstreamConnectTimeout(connect).upstreamReadTimeout(read).build();
  }

  public ServerConfig withUsageDurability(UsageDurability usageDurability) {
    return toBuilder().usageDurability(usageDurability).build();
  }

  public ServerConfig withHttpLimits(HttpLimits http) {
    return toBuilder().http(http).build();
  }

  public ServerConfig withFailover(FailoverConfig failover) {
    return toBuilder().failover(failover).build();
  }

  public ServerConfig withSafety(SafetyConfig safety) {
    return toBuilder().safety(safety).build();
  }

  public ServerConfig withOutbound(OutboundConfig outbound) {
    return toBuilder().outbound(outbound).build();
  }

  public ServerConfig withScaleOut(ScaleOutConfig scaleOut) {
    return toBuilder().scaleOut(scaleOut).build();
  }

  public ServerConfig withEdge(EdgeConfig edge) {
    return toBuilder().edge(edge).build();
  }

  public ServerConfig withIdentity(IdentityConfig identity) {
    return toBuilder().identity(identity).build();
  }

  public ServerConfig withSearch(SearchConfig search) {
    return toBuilder().search(search).build();
  }

  public ServerConfig withFiles(FilesConfig files) {
    return toBuilder().files(files).build();
  }

  public ServerConfig withBatch(BatchConfig batch) {
    return toBuilder().batch(batch).build();
  }

  public ServerConfig withAudit(AuditConfig audit) {
    return toBuilder().audit(audit).build();
  }

  public ServerConfig withObservability(ObservabilityConfig observability) {
    return toBuilder().observability(observability).build();
  }

  /** A builder that starts from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes some settings of a configuration and keeps the rest. */
  public static final class Builder {
    private String host;
    private int port;
    private int httpsPort;
    private Path dataDir;
    private Optional<Path> tlsCert;
    private Optional<Path> tlsKey;
    private List<String> tlsHosts;
    private long maxBodyBytes;
    private String region;
    private SimulatorConfig simulator;
    private Duration upstreamConnectTimeout;
    private Duration upstreamReadTimeout;
    private Duration shutdownGrace;
    private UsageDurability usageDurability;
    private HttpLimits http;
    private Optional<DatabaseUrl> database;
    private FailoverConfig failover;
    private SafetyConfig safety;
    private OutboundConfig outbound;
    private ScaleOutConfig scaleOut;
    private EdgeConfig edge;
    private IdentityConfig identity;
    private SearchConfig search;
    private FilesConfig files;
    private BatchConfig batch;
    private AuditConfig audit;
    private ObservabilityConfig observability;

    private Builder(ServerConfig from) {
      this.host = from.host;
      this.port = from.port;
      this.httpsPort = from.httpsPort;
      this.dataDir = from.dataDir;
      this.tlsCert = from.tlsCert;
      this.tlsKey = from.tlsKey;
      this.tlsHosts = from.tlsHosts;
      this.maxBodyBytes = from.maxBodyBytes;
      this.region = from.region;
      this.simulator = from.simulator;
      this.upstreamConnectTimeout = from.upstreamConnectTimeout;
      this.upstreamReadTimeout = from.upstreamReadTimeout;
      this.shutdownGrace = from.shutdownGrace;
      this.usageDurability = from.usageDurability;
      this.http = from.http;
      this.database = from.database;
      this.failover = from.failover;
      this.safety = from.safety;
      this.outbound = from.outbound;
      this.scaleOut = from.scaleOut;
      this.edge = from.edge;
      this.identity = from.identity;
      this.search = from.search;
      this.files = from.files;
      this.batch = from.batch;
      this.audit = from.audit;
      this.observability = from.observability;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder httpsPort(int httpsPort) {
      this.httpsPort = httpsPort;
      return this;
    }

    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public Builder tlsCert(Optional<Path> tlsCert) {
      this.tlsCert = tlsCert;
      return this;
    }

    public Builder tlsKey(Optional<Path> tlsKey) {
      this.tlsKey = tlsKey;
      return this;
    }

    public Builder tlsHosts(List<String> tlsHosts) {
      this.tlsHosts = tlsHosts;
      return this;
    }

    public Builder maxBodyBytes(long maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder simulator(SimulatorConfig simulator) {
      this.simulator = simulator;
      return this;
    }

    public Builder upstreamConnectTimeout(Duration upstreamConnectTimeout) {
      this.upstreamConnectTimeout = upstreamConnectTimeout;
      return this;
    }

    public Builder upstreamReadTimeout(Duration upstreamReadTimeout) {
      this.upstreamReadTimeout = upstreamReadTimeout;
      return this;
    }

    public Builder shutdownGrace(Duration shutdownGrace) {
      this.shutdownGrace = shutdownGrace;
      return this;
    }

    public Builder usageDurability(UsageDurability usageDurability) {
      this.usageDurability = usageDurability;
      return this;
    }

    public Builder http(HttpLimits http) {
      this.http = http;
      return this;
    }

    public Builder database(Optional<DatabaseUrl> database) {
      this.database = database;
      return this;
    }

    public Builder failover(FailoverConfig failover) {
      this.failover = failover;
      return this;
    }

    public Builder safety(SafetyConfig safety) {
      this.safety = safety;
      return this;
    }

    public Builder outbound(OutboundConfig outbound) {
      this.outbound = outbound;
      return this;
    }

    public Builder scaleOut(ScaleOutConfig scaleOut) {
      this.scaleOut = scaleOut;
      return this;
    }

    public Builder edge(EdgeConfig edge) {
      this.edge = edge;
      return this;
    }

    public Builder identity(IdentityConfig identity) {
      this.identity = identity;
      return this;
    }

    public Builder search(SearchConfig search) {
      this.search = search;
      return this;
    }

    public Builder files(FilesConfig files) {
      this.files = files;
      return this;
    }

    public Builder observability(ObservabilityConfig observability) {
      this.observability = observability;
      return this;
    }

    public Builder batch(BatchConfig batch) {
      this.batch = batch;
      return this;
    }

    public Builder audit(AuditConfig audit) {
      this.audit = audit;
      return this;
    }

    public ServerConfig build() {
      return new ServerConfig(
          host,
          port,
          httpsPort,
          dataDir,
          tlsCert,
          tlsKey,
          tlsHosts,
          maxBodyBytes,
          region,
          simulator,
          upstreamConnectTimeout,
          upstreamReadTimeout,
          shutdownGrace,
          usageDurability,
          http,
          database,
          failover,
          safety,
          outbound,
          scaleOut,
          edge,
          identity,
          search,
          files,
          batch,
          audit,
          observability);
    }
  }
}
