package dev.lazurite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.backend.simulator.SimulatorConfig;
import dev.lazurite.metering.UsageDurability;
import dev.lazurite.store.DatabaseUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every setting's default, and every setting read from the environment, the YAML file and flags.
 */
class ServerConfigMappingTest {
  private static final String ISSUERS =
      "[{\"issuer\":\"https://login.example.test/t/v2.0\",\"audience\":\"api://lazurite\"}]";

  private static final String STORAGE =
      "DefaultEndpointsProtocol=https;AccountName=files;AccountKey=c3RvcmFnZS1zZWNyZXQ=;"
          + "EndpointSuffix=core.windows.net";

  @TempDir Path dir;

  @Test
  void everyDefault() throws Exception {
    ServerConfig expected =
        new ServerConfig(
            "127.0.0.1",
            8080,
            8443,
            Path.of("lazurite-data"),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            16L << 20,
            "eastus",
            new SimulatorConfig(Duration.ZERO, Duration.ZERO, 20, 60),
            Duration.ofSeconds(10),
            Duration.ofSeconds(600),
            Duration.ofSeconds(30),
            UsageDurability.ASYNC,
            new HttpLimits(
                Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(120), 0),
            Optional.empty(),
            new FailoverConfig(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(60)),
            new SafetyConfig(
                "embedded", false, Optional.empty(), "", Optional.empty(), Duration.ofSeconds(2)),
            new OutboundConfig(List.of(), true),
            new ScaleOutConfig(Optional.empty(), Optional.empty()),
            new EdgeConfig(Optional.empty(), Optional.empty()),
            new IdentityConfig(Optional.empty()),
            new SearchConfig(Optional.empty()),
            FilesConfig.DEFAULT,
            new BatchConfig(Duration.ofSeconds(1), Duration.ofSeconds(60), 8, Optional.empty()),
            new AuditConfig(true, 0, 1000),
            new ObservabilityConfig(true, Optional.empty(), "lazurite"));
    assertThat(ConfigLoader.load(Map.of(), Map.of(), Optional.empty())).isEqualTo(expected);
    assertThat(ServerConfig.defaults(Path.of("lazurite-data"))).isEqualTo(expected);
  }

  @Test
  void everySettingMapsFromTheEnvironment() throws Exception {
    assertThat(ConfigLoader.load(Map.of(), environment(), Optional.empty())).isEqualTo(expected());
  }

  @Test
  void everySettingMapsFromTheYamlFile() throws Exception {
    Path yaml = dir.resolve("lazurite.yaml");
    Files.writeString(
        yaml,
        """
        host: 0.0.0.0
        port: 9000
        httpsPort: 9443
        dataDir: /srv/lazurite
        tlsCert: /etc/lazurite/chain.pem
        tlsKey: /etc/lazurite/key.pem
        tlsHosts: [api.example.test, 10.0.0.5]
        maxBodyBytes: 2048
        region: swedencentral
        simulator:
          timeToFirstTokenMs: 250
          perTokenMs: 20
          minTokens: 3
          maxTokens: 7
        upstream:
          connectTimeoutMs: 1500
          readTimeoutMs: 90000
        shutdownGraceMs: 4000
        usageDurability: strict
        http:
          idleTimeoutMs: 11000
          headerTimeoutMs: 2500
          bodyTimeoutMs: 33000
          maxConnections: 500
        databaseUrl: postgresql://lazurite:pw@db.example.test:5432/lazurite
        failover:
          latencyMs: 1200
          probeIntervalS: 30
          deadlineMs: 9000
        safety:
          classifier: guard
          fail: closed
          endpoint: https://safety.example.test
          key: safety-secret
          model: llama-guard-3-8b
          timeoutMs: 750
        outbound:
          allow: [api.example.test, "*.openai.azure.com"]
          allowAdministered: false
        redisUrl: redis://cache.example.test:6379
        masterKeyFile: /run/secrets/master.key
        endpointHostTemplate: "{name}.openai.example.internal"
        trustedProxies: [10.0.0.0/8, 127.0.0.7]
        trustedIssuers:
          - issuer: https://login.example.test/t/v2.0
            audience: api://lazurite
        ingestRoot: /srv/documents
        fileStorage: "DefaultEndpointsProtocol=https;AccountName=files;AccountKey=c3RvcmFnZS1zZWNyZXQ=;EndpointSuffix=core.windows.net"
        batch:
          pollMs: 250
          leaseMs: 5000
          concurrency: 3
          expiryS: 86400
        audit:
          file: false
          retentionDays: 30
          checkpointEvery: 250
        observability:
          metrics: false
          otlpEndpoint: http://collector:4318
          serviceName: gateway-eu
        """);
    assertThat(ConfigLoader.load(Map.of(), Map.of(), Optional.of(yaml))).isEqualTo(expected());
  }

  @Test
  void everyFlagBeatsTheEnvironment() throws Exception {
    Map<String, String> environment = new HashMap<>(environment());
    Map<String, String> flags = new HashMap<>();
    flag(flags, environment, "host", "LAZURITE_HOST", "0.0.0.0", "192.0.2.1");
    flag(flags, environment, "port", "LAZURITE_PORT", "9000", "9001");
    flag(flags, environment, "httpsPort", "LAZURITE_HTTPS_PORT", "9443", "9444");
    flag(flags, environment, "dataDir", "LAZURITE_DATA_DIR", "/srv/lazurite", "/tmp/other");
    flag(flags, environment, "tlsCert", "LAZURITE_TLS_CERT", "/etc/lazurite/chain.pem", "/x.pem");
    flag(flags, environment, "tlsKey", "LAZURITE_TLS_KEY", "/etc/lazurite/key.pem", "/x.key");
    flag(flags, environment, "tlsHosts", "LAZURITE_TLS_HOSTS", "api.example.test,10.0.0.5", "x");
    flag(flags, environment, "maxBodyBytes", "LAZURITE_MAX_BODY_BYTES", "2048", "4096");
    flag(flags, environment, "region", "LAZURITE_REGION", "swedencentral", "westeurope");
    flag(flags, environment, "usageDurability", "LAZURITE_USAGE_DURABILITY", "strict", "async");
    flag(flags, environment, "http.idleTimeoutMs", "LAZURITE_HTTP_IDLE_TIMEOUT_MS", "11000", "1");
    flag(
        flags, environment, "http.headerTimeoutMs", "LAZURITE_HTTP_HEADER_TIMEOUT_MS", "2500", "1");
    flag(flags, environment, "http.bodyTimeoutMs", "LAZURITE_HTTP_BODY_TIMEOUT_MS", "33000", "1");
    flag(flags, environment, "http.maxConnections", "LAZURITE_HTTP_MAX_CONNECTIONS", "500", "1");
    flag(
        flags,
        environment,
        "databaseUrl",
        "LAZURITE_DATABASE_URL",
        "postgresql://lazurite:pw@db.example.test:5432/lazurite",
        "postgresql://other:pw@elsewhere:5432/other");
    flag(
        flags,
        environment,
        "redisUrl",
        "LAZURITE_REDIS_URL",
        "redis://cache.example.test:6379",
        "redis://elsewhere:6379");
    flag(
        flags,
        environment,
        "endpointHostTemplate",
        "LAZURITE_ENDPOINT_HOST_TEMPLATE",
        "{name}.openai.example.internal",
        "{name}.other.internal");
    flag(flags, environment, "fileStorage", "LAZURITE_FILE_STORAGE", STORAGE, "local");
    flag(flags, environment, "audit.retentionDays", "LAZURITE_AUDIT_RETENTION_DAYS", "30", "7");
    assertThat(ConfigLoader.load(flags, environment, Optional.empty())).isEqualTo(expected());
  }

  @Test
  void theSafetyKeyAndRedisUrlAreNeverPrinted() throws Exception {
    ServerConfig config = ConfigLoader.load(Map.of(), environment(), Optional.empty());
    assertThat(config.toString())
        .contains("classifier=guard")
        .doesNotContain("safety-secret")
        .doesNotContain("cache.example.test")
        .doesNotContain(":pw@")
        .doesNotContain("c3RvcmFnZS1zZWNyZXQ")
        .contains("https://files.blob.core.windows.net");
    assertThat(config.safety().toString()).contains("key=***");
    assertThat(config.safety().key()).isEqualTo("safety-secret");
  }

  @Test
  void refusesBadValuesNamingTheSetting() {
    for (var bad :
        List.of(
            Map.of("LAZURITE_PROBE_INTERVAL_S", "often"),
            Map.of("LAZURITE_FAILOVER_DEADLINE_MS", "-1"),
            Map.of("LAZURITE_LATENCY_FAILOVER_MS", "-5"),
            Map.of("LAZURITE_SAFETY_FAIL", "maybe"),
            Map.of("LAZURITE_SAFETY_CLASSIFIER", "magic"),
            Map.of("LAZURITE_SAFETY_TIMEOUT_MS", "soon"),
            Map.of("LAZURITE_FILE_STORAGE", "ftp://files.example.test"),
            Map.of("LAZURITE_AUDIT_RETENTION_DAYS", "-1"),
            Map.of("LAZURITE_AUDIT_CHECKPOINT_EVERY", "often"))) {
      String name = bad.keySet().iterator().next();
      assertThatThrownBy(() -> ConfigLoader.load(Map.of(), bad, Optional.empty()))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(name);
    }
  }

  @Test
  void aBlankSettingIsUnset(@TempDir Path yamlDir) throws Exception {
    Path yaml = yamlDir.resolve("blank.yaml");
    Files.writeString(yaml, "endpointHostTemplate: \"\"\nredisUrl: \" \"\n");
    ServerConfig config =
        ConfigLoader.load(Map.of(), Map.of("LAZURITE_TRUSTED_PROXIES", " "), Optional.of(yaml));
    assertThat(config.edge()).isEqualTo(EdgeConfig.DEFAULT);
    assertThat(config.scaleOut()).isEqualTo(ScaleOutConfig.DEFAULT);
  }

  @Test
  void aProbeIntervalBelowOneSecondIsOneSecond() throws Exception {
    assertThat(
            ConfigLoader.load(Map.of(), Map.of("LAZURITE_PROBE_INTERVAL_S", "0"), Optional.empty())
                .failover()
                .probeInterval())
        .isEqualTo(Duration.ofSeconds(1));
  }

  private static void flag(
      Map<String, String> flags,
      Map<String, String> environment,
      String name,
      String variable,
      String flagValue,
      String environmentValue) {
    flags.put(name, flagValue);
    environment.put(variable, environmentValue);
  }

  private static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("LAZURITE_HOST", "0.0.0.0");
    env.put("LAZURITE_PORT", "9000");
    env.put("LAZURITE_HTTPS_PORT", "9443");
    env.put("LAZURITE_DATA_DIR", "/srv/lazurite");
    env.put("LAZURITE_TLS_CERT", "/etc/lazurite/chain.pem");
    env.put("LAZURITE_TLS_KEY", "/etc/lazurite/key.pem");
    env.put("LAZURITE_TLS_HOSTS", "api.example.test, 10.0.0.5");
    env.put("LAZURITE_MAX_BODY_BYTES", "2048");
    env.put("LAZURITE_REGION", "swedencentral");
    env.put("LAZURITE_SIMULATOR_TTFT_MS", "250");
    env.put("LAZURITE_SIMULATOR_TOKEN_MS", "20");
    env.put("LAZURITE_SIMULATOR_MIN_TOKENS", "3");
    env.put("LAZURITE_SIMULATOR_MAX_TOKENS", "7");
    env.put("LAZURITE_UPSTREAM_CONNECT_TIMEOUT_MS", "1500");
    env.put("LAZURITE_UPSTREAM_READ_TIMEOUT_MS", "90000");
    env.put("LAZURITE_SHUTDOWN_GRACE_MS", "4000");
    env.put("LAZURITE_USAGE_DURABILITY", "strict");
    env.put("LAZURITE_HTTP_IDLE_TIMEOUT_MS", "11000");
    env.put("LAZURITE_HTTP_HEADER_TIMEOUT_MS", "2500");
    env.put("LAZURITE_HTTP_BODY_TIMEOUT_MS", "33000");
    env.put("LAZURITE_HTTP_MAX_CONNECTIONS", "500");
    env.put("LAZURITE_DATABASE_URL", "postgresql://lazurite:pw@db.example.test:5432/lazurite");
    env.put("LAZURITE_LATENCY_FAILOVER_MS", "1200");
    env.put("LAZURITE_PROBE_INTERVAL_S", "30");
    env.put("LAZURITE_FAILOVER_DEADLINE_MS", "9000");
    env.put("LAZURITE_SAFETY_CLASSIFIER", "Guard");
    env.put("LAZURITE_SAFETY_FAIL", "closed");
    env.put("LAZURITE_SAFETY_ENDPOINT", "https://safety.example.test");
    env.put("LAZURITE_SAFETY_KEY", "safety-secret");
    env.put("LAZURITE_SAFETY_MODEL", "llama-guard-3-8b");
    env.put("LAZURITE_SAFETY_TIMEOUT_MS", "750");
    env.put("LAZURITE_OUTBOUND_ALLOW", "api.example.test,*.openai.azure.com");
    env.put("LAZURITE_OUTBOUND_ALLOW_ADMINISTERED", "false");
    env.put("LAZURITE_REDIS_URL", "redis://cache.example.test:6379");
    env.put("LAZURITE_MASTER_KEY_FILE", "/run/secrets/master.key");
    env.put("LAZURITE_ENDPOINT_HOST_TEMPLATE", "{name}.openai.example.internal");
    env.put("LAZURITE_TRUSTED_PROXIES", "10.0.0.0/8,127.0.0.7");
    env.put("LAZURITE_TRUSTED_ISSUERS", ISSUERS);
    env.put("LAZURITE_INGEST_ROOT", "/srv/documents");
    env.put("LAZURITE_FILE_STORAGE", STORAGE);
    env.put("LAZURITE_BATCH_POLL_MS", "250");
    env.put("LAZURITE_BATCH_LEASE_MS", "5000");
    env.put("LAZURITE_BATCH_CONCURRENCY", "3");
    env.put("LAZURITE_BATCH_EXPIRY_S", "86400");
    env.put("LAZURITE_AUDIT_FILE", "false");
    env.put("LAZURITE_AUDIT_RETENTION_DAYS", "30");
    env.put("LAZURITE_AUDIT_CHECKPOINT_EVERY", "250");
    env.put("LAZURITE_METRICS", "false");
    env.put("LAZURITE_OTLP_ENDPOINT", "http://collector:4318");
    env.put("LAZURITE_SERVICE_NAME", "gateway-eu");
    return env;
  }

  private static ServerConfig expected() {
    return new ServerConfig(
        "0.0.0.0",
        9000,
        9443,
        Path.of("/srv/lazurite"),
        Optional.of(Path.of("/etc/lazurite/chain.pem")),
        Optional.of(Path.of("/etc/lazurite/key.pem")),
        List.of("api.example.test", "10.0.0.5"),
        2048,
        "swedencentral",
        new SimulatorConfig(Duration.ofMillis(250), Duration.ofMillis(20), 3, 7),
        Duration.ofMillis(1500),
        Duration.ofMillis(90_000),
        Duration.ofMillis(4000),
        UsageDurability.STRICT,
        new HttpLimits(
            Duration.ofMillis(11_000), Duration.ofMillis(2500), Duration.ofMillis(33_000), 500),
        Optional.of(DatabaseUrl.parse("postgresql://lazurite:pw@db.example.test:5432/lazurite")),
        new FailoverConfig(
            Duration.ofMillis(1200), Duration.ofSeconds(30), Duration.ofMillis(9000)),
        new SafetyConfig(
            "guard",
            true,
            Optional.of("https://safety.example.test"),
            "safety-secret",
            Optional.of("llama-guard-3-8b"),
            Duration.ofMillis(750)),
        new OutboundConfig(List.of("api.example.test", "*.openai.azure.com"), false),
        new ScaleOutConfig(
            Optional.of("redis://cache.example.test:6379"),
            Optional.of(Path.of("/run/secrets/master.key"))),
        new EdgeConfig(
            Optional.of("{name}.openai.example.internal"), Optional.of("10.0.0.0/8,127.0.0.7")),
        new IdentityConfig(Optional.of(ISSUERS)),
        new SearchConfig(Optional.of(Path.of("/srv/documents"))),
        new FilesConfig(new FilesConfig.Storage.ConnectionString(STORAGE)),
        new BatchConfig(
            Duration.ofMillis(250),
            Duration.ofMillis(5000),
            3,
            Optional.of(Duration.ofSeconds(86400))),
        new AuditConfig(false, 30, 250),
        new ObservabilityConfig(
            false, Optional.of(java.net.URI.create("http://collector:4318")), "gateway-eu"));
  }
}
