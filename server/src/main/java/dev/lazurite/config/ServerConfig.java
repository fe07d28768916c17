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
    SearchConfig search) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_HTTPS_PORT = 8443;
  public static final long DEFAULT_MAX_BODY_BYTES = 16L << 20;

  /** How long after start the embedded embedding model loads, so start-up is not slowed. */
  public java.time.Duration embeddingsWarmUpDelay() {
    return java.time.Duration.ofSeconds(2);
  }

  /** A configuration on the store in the data directory. */
  public ServerConfig(
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
      HttpLimits http) {
    this(
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
        Optional.empty(),
        FailoverConfig.DEFAULT,
        SafetyConfig.DEFAULT,
        OutboundConfig.DEFAULT,
        ScaleOutConfig.DEFAULT,
        EdgeConfig.DEFAULT,
        IdentityConfig.DEFAULT,
        SearchConfig.DEFAULT);
  }

  /** A configuration with the default failover, safety, outbound and scale-out settings. */
  public ServerConfig(
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
      Optional<DatabaseUrl> database) {
    this(
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
        FailoverConfig.DEFAULT,
        SafetyConfig.DEFAULT,
        OutboundConfig.DEFAULT,
        ScaleOutConfig.DEFAULT,
        EdgeConfig.DEFAULT,
        IdentityConfig.DEFAULT,
        SearchConfig.DEFAULT);
  }

  /**
   * The store this server uses: the one configured, or {@code lazurite.db} in the data directory.
   */
  public DatabaseUrl databaseUrl() {
    return database.orElseGet(() -> new DatabaseUrl.Sqlite(dataDir.resolve("lazurite.db")));
  }

  public ServerConfig withDatabase(DatabaseUrl database) {
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
        Optional.of(database),
        failover,
        safety,
        outbound,
        scaleOut,
        edge,
        identity,
        search);
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
        SearchConfig.DEFAULT);
  }

  /** For tests: random ports, a given data directory. */
  public static ServerConfig forTesting(Path dataDir) {
    ServerConfig d = defaults(dataDir);
    return new ServerConfig(
        d.host,
        0,
        0,
        dataDir,
        d.tlsCert,
        d.tlsKey,
        d.tlsHosts,
        d.maxBodyBytes,
        d.region,
        d.simulator,
        d.upstreamConnectTimeout,
        d.upstreamReadTimeout,
        Duration.ofSeconds(5),
        d.usageDurability,
        d.http,
        d.database,
        d.failover,
        d.safety,
        d.outbound,
        d.scaleOut,
        d.edge,
        d.identity,
        d.search);
  }

  public ServerConfig withSimulator(SimulatorConfig simulator) {
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
        search);
  }

  public ServerConfig withMaxBodyBytes(long maxBodyBytes) {
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
        search);
  }

  public ServerConfig withUpstreamTimeouts(Duration connect, Duration read) {
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
        connect,
        read,
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
        search);
  }

  public ServerConfig withUsageDurability(UsageDurability usageDurability) {
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
        search);
  }

  public ServerConfig withHttpLimits(HttpLimits http) {
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
        search);
  }

  public ServerConfig withFailover(FailoverConfig failover) {
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
        search);
  }

  public ServerConfig withSafety(SafetyConfig safety) {
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
        search);
  }

  public ServerConfig withOutbound(OutboundConfig outbound) {
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
        search);
  }

  public ServerConfig withScaleOut(ScaleOutConfig scaleOut) {
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
        search);
  }

  public ServerConfig withEdge(EdgeConfig edge) {
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
        search);
  }

  public ServerConfig withIdentity(IdentityConfig identity) {
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
        search);
  }

  public ServerConfig withSearch(SearchConfig search) {
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
        search);
  }
}
