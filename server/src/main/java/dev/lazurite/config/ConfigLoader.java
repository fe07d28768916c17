package dev.lazurite.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lazurite.backend.simulator.SimulatorConfig;
import dev.lazurite.json.FileRotation;
import dev.lazurite.metering.UsageDurability;
import dev.lazurite.store.DatabaseUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves the server configuration. For each setting the first of these that is set wins: the
 * command-line flag, the environment variable ({@code LAZURITE_PORT} …), the YAML file given with
 * {@code --config}, the default.
 */
public final class ConfigLoader {
  private static final long MIB = 1024L * 1024;
  private static final Set<String> CLASSIFIERS =
      Set.of(SafetyConfig.EMBEDDED, "azure-content-safety", "openai-moderation", "guard");

  private final Map<String, String> flags;
  private final Function<String, String> environment;
  private final JsonNode yaml;

  /**
   * @param flags flag values given on the command line, keyed by YAML name ({@code httpsPort})
   */
  private ConfigLoader(
      Map<String, String> flags, Function<String, String> environment, JsonNode yaml) {
    this.flags = flags;
    this.environment = environment;
    this.yaml = yaml;
  }

  public static ServerConfig load(
      Map<String, String> flags, Map<String, String> environment, Optional<Path> yamlFile)
      throws IOException {
    return load(flags, environment::get, yamlFile);
  }

  /**
   * @param environment the value of an environment variable, or null when it is unset
   */
  public static ServerConfig load(
      Map<String, String> flags, Function<String, String> environment, Optional<Path> yamlFile)
      throws IOException {
    Optional<Path> file =
        yamlFile.or(() -> Optional.ofNullable(environment.apply("LAZURITE_CONFIG")).map(Path::of));
    JsonNode yaml =
        file.isPresent()
            ? new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file.get()))
            : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    if (yaml == null) {
      yaml = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    return new ConfigLoader(flags, environment, yaml).resolve();
  }

  private ServerConfig resolve() {
    Path dataDir = Path.of(value("dataDir", "LAZURITE_DATA_DIR", "lazurite-data"));
    ServerConfig d = ServerConfig.defaults(dataDir);
    return new ServerConfig(
        value("host", "LAZURITE_HOST", d.host()),
        number("port", "LAZURITE_PORT", d.port()),
        number("httpsPort", "LAZURITE_HTTPS_PORT", d.httpsPort()),
        dataDir,
        optional("tlsCert", "LAZURITE_TLS_CERT").map(Path::of),
        optional("tlsKey", "LAZURITE_TLS_KEY").map(Path::of),
        list("tlsHosts", "LAZURITE_TLS_HOSTS"),
        number("maxBodyBytes", "LAZURITE_MAX_BODY_BYTES", d.maxBodyBytes()),
        value("region", "LAZURITE_REGION", d.region()),
        new SimulatorConfig(
            Duration.ofMillis(
                number("simulator.timeToFirstTokenMs", "LAZURITE_SIMULATOR_TTFT_MS", 0L)),
            Duration.ofMillis(number("simulator.perTokenMs", "LAZURITE_SIMULATOR_TOKEN_MS", 0L)),
            (int)
                number(
                    "simulator.minTokens",
                    "LAZURITE_SIMULATOR_MIN_TOKENS",
                    d.simulator().minTokens()),
            (int)
                number(
                    "simulator.maxTokens",
                    "LAZURITE_SIMULATOR_MAX_TOKENS",
                    d.simulator().maxTokens())),
        Duration.ofMillis(
            number(
                "upstream.connectTimeoutMs",
                "LAZURITE_UPSTREAM_CONNECT_TIMEOUT_MS",
                d.upstreamConnectTimeout().toMillis())),
        Duration.ofMillis(
            number(
                "upstream.readTimeoutMs",
                "LAZURITE_UPSTREAM_READ_TIMEOUT_MS",
                d.upstreamReadTimeout().toMillis())),
        Duration.ofMillis(
            number("shutdownGraceMs", "LAZURITE_SHUTDOWN_GRACE_MS", d.shutdownGrace().toMillis())),
        optional("usageDurability", "LAZURITE_USAGE_DURABILITY")
            .map(UsageDurability::parse)
            .orElse(d.usageDurability()),
        new HttpLimits(
            millis("http.idleTimeoutMs", "LAZURITE_HTTP_IDLE_TIMEOUT_MS", d.http().idleTimeout()),
            millis(
                "http.headerTimeoutMs",
                "LAZURITE_HTTP_HEADER_TIMEOUT_MS",
                d.http().headerTimeout()),
            millis("http.bodyTimeoutMs", "LAZURITE_HTTP_BODY_TIMEOUT_MS", d.http().bodyTimeout()),
            number(
                "http.maxConnections", "LAZURITE_HTTP_MAX_CONNECTIONS", d.http().maxConnections())),
        optional("databaseUrl", "LAZURITE_DATABASE_URL")
            .filter(url -> !url.isBlank())
            .map(DatabaseUrl::parse),
        failover(),
        safety(),
        new OutboundConfig(
            list("outbound.allow", "LAZURITE_OUTBOUND_ALLOW"),
            optional("outbound.allowAdministered", "LAZURITE_OUTBOUND_ALLOW_ADMINISTERED")
                .map(text -> Boolean.parseBoolean(text.strip()))
                .orElse(true)),
        new ScaleOutConfig(
            optional("redisUrl", "LAZURITE_REDIS_URL").map(String::strip),
            optional("masterKeyFile", "LAZURITE_MASTER_KEY_FILE").map(Path::of)),
        new EdgeConfig(
            optional("endpointHostTemplate", "LAZURITE_ENDPOINT_HOST_TEMPLATE"),
            optional("trustedProxies", "LAZURITE_TRUSTED_PROXIES")),
        new IdentityConfig(optional("trustedIssuers", "LAZURITE_TRUSTED_ISSUERS")),
        new SearchConfig(optional("ingestRoot", "LAZURITE_INGEST_ROOT").map(Path::of)),
        optional("fileStorage", "LAZURITE_FILE_STORAGE").map(FilesConfig::parse).orElse(d.files()),
        batch(),
        audit(),
        new ObservabilityConfig(
            optional("observability.metrics", "LAZURITE_METRICS")
                .map(text -> Boolean.parseBoolean(text.strip()))
                .orElse(d.observability().metrics()),
            optional("observability.otlpEndpoint", "LAZURITE_OTLP_ENDPOINT")
                .filter(text -> !text.isBlank())
                .map(text -> java.net.URI.create(text.strip())),
            value(
                "observability.serviceName",
                "LAZURITE_SERVICE_NAME",
                d.observability().serviceName())));
  }

  private AuditConfig audit() {
    AuditConfig d = AuditConfig.DEFAULT;
    return new AuditConfig(
        optional("audit.file", "LAZURITE_AUDIT_FILE")
            .map(text -> Boolean.parseBoolean(text.strip()))
            .orElse(d.fileSink()),
        (int)
            wholeNumber("audit.retentionDays", "LAZURITE_AUDIT_RETENTION_DAYS", d.retentionDays()),
        (int)
            wholeNumber(
                "audit.checkpointEvery", "LAZURITE_AUDIT_CHECKPOINT_EVERY", d.checkpointEvery()),
        optional("audit.otlpEndpoint", "LAZURITE_AUDIT_OTLP_ENDPOINT")
            .filter(text -> !text.isBlank())
            .map(text -> java.net.URI.create(text.strip())),
        optional("audit.traceLog", "LAZURITE_TRACE_LOG").map(ConfigLoader::onOff).orElse(false),
        Duration.ofSeconds(
            wholeNumber(
                "audit.traceRetentionS",
                "LAZURITE_TRACE_RETENTION_S",
                d.traceRetention().toSeconds())),
        new FileRotation(
            mebibytes("audit.fileMaxMb", "LAZURITE_AUDIT_FILE_MAX_MB", d.fileRotation().maxBytes()),
            (int)
                wholeNumber(
                    "audit.fileKeep", "LAZURITE_AUDIT_FILE_KEEP", d.fileRotation().keep())));
  }

  private BatchConfig batch() {
    BatchConfig d = BatchConfig.DEFAULT;
    long expiry = wholeNumber("batch.expiryS", "LAZURITE_BATCH_EXPIRY_S", 0);
    return new BatchConfig(
        Duration.ofMillis(
            wholeNumber("batch.pollMs", "LAZURITE_BATCH_POLL_MS", d.pollInterval().toMillis())),
        Duration.ofMillis(
            wholeNumber("batch.leaseMs", "LAZURITE_BATCH_LEASE_MS", d.lease().toMillis())),
        (int) wholeNumber("batch.concurrency", "LAZURITE_BATCH_CONCURRENCY", d.concurrency()),
        expiry > 0 ? Optional.of(Duration.ofSeconds(expiry)) : Optional.empty());
  }

  private FailoverConfig failover() {
    FailoverConfig d = FailoverConfig.DEFAULT;
    return new FailoverConfig(
        Duration.ofMillis(
            wholeNumber(
                "failover.latencyMs",
                "LAZURITE_LATENCY_FAILOVER_MS",
                d.latencyFailover().toMillis())),
        Duration.ofSeconds(
            Math.max(
                1,
                wholeNumber(
                    "failover.probeIntervalS",
                    "LAZURITE_PROBE_INTERVAL_S",
                    d.probeInterval().toSeconds()))),
        Duration.ofMillis(
            wholeNumber(
                "failover.deadlineMs", "LAZURITE_FAILOVER_DEADLINE_MS", d.deadline().toMillis())));
  }

  private SafetyConfig safety() {
    SafetyConfig d = SafetyConfig.DEFAULT;
    String classifier =
        value("safety.classifier", "LAZURITE_SAFETY_CLASSIFIER", d.classifier())
            .strip()
            .toLowerCase(Locale.ROOT);
    if (!CLASSIFIERS.contains(classifier)) {
      throw new IllegalArgumentException(
          "LAZURITE_SAFETY_CLASSIFIER must be embedded, azure-content-safety,"
              + " openai-moderation or guard: "
              + classifier);
    }
    String fail =
        value("safety.fail", "LAZURITE_SAFETY_FAIL", "open").strip().toLowerCase(Locale.ROOT);
    if (!fail.equals("open") && !fail.equals("closed")) {
      throw new IllegalArgumentException("LAZURITE_SAFETY_FAIL must be open or closed: " + fail);
    }
    return new SafetyConfig(
        classifier,
        fail.equals("closed"),
        optional("safety.endpoint", "LAZURITE_SAFETY_ENDPOINT").map(String::strip),
        value("safety.key", "LAZURITE_SAFETY_KEY", d.key()).strip(),
        optional("safety.model", "LAZURITE_SAFETY_MODEL").map(String::strip),
        millis("safety.timeoutMs", "LAZURITE_SAFETY_TIMEOUT_MS", d.timeout()),
        optional("safety.guard.endpoint", "LAZURITE_SAFETY_GUARD_ENDPOINT")
            .map(
                endpoint ->
                    new SafetyConfig.Guard(
                        endpoint.strip(),
                        value("safety.guard.key", "LAZURITE_SAFETY_GUARD_KEY", "").strip(),
                        optional("safety.guard.model", "LAZURITE_SAFETY_GUARD_MODEL")
                            .map(String::strip),
                        value("safety.guard.style", "LAZURITE_SAFETY_GUARD_STYLE", "llama-guard")
                            .strip()
                            .toLowerCase(Locale.ROOT))),
        embedded());
  }

  private String embedded() {
    String mode =
        value("safety.embedded", "LAZURITE_SAFETY_EMBEDDED", "both")
            .strip()
            .toLowerCase(Locale.ROOT);
    if (!Set.of("both", "fallback", "off").contains(mode)) {
      throw new IllegalArgumentException(
          "LAZURITE_SAFETY_EMBEDDED must be both, fallback or off: " + mode);
    }
    return mode;
  }

  /** {@code on} or {@code off} ({@code true}, {@code false} too). */
  private static boolean onOff(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "on", "true" -> true;
      case "off", "false" -> false;
      default ->
          throw new IllegalArgumentException("LAZURITE_TRACE_LOG must be on or off, got " + value);
    };
  }

  /** A number that must not be negative. */
  private long wholeNumber(String name, String env, long fallback) {
    long n = number(name, env, fallback);
    if (n < 0) {
      throw new IllegalArgumentException(
          "%s (or %s) must be a whole number >= 0, got %d".formatted(name, env, n));
    }
    return n;
  }

  /** A size given in MiB, in bytes. */
  private long mebibytes(String name, String env, long fallbackBytes) {
    long mib = wholeNumber(name, env, fallbackBytes / MIB);
    if (mib > Long.MAX_VALUE / MIB) {
      throw new IllegalArgumentException(
          "%s (or %s) is too large: %d MiB".formatted(name, env, mib));
    }
    return mib * MIB;
  }

  private Duration millis(String name, String env, Duration fallback) {
    return Duration.ofMillis(number(name, env, fallback.toMillis()));
  }

  private Optional<String> optional(String name, String env) {
    if (flags.get(name) != null) {
      return Optional.of(flags.get(name));
    }
    String fromEnvironment = environment.apply(env);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Optional.of(fromEnvironment);
    }
    JsonNode node = yaml;
    for (String part : name.split("\\.")) {
      node = node.path(part);
    }
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    if (node.isObject() || (node.isArray() && containsContainers(node))) {
      // Structured settings (trusted issuers) are JSON in the environment too.
      return Optional.of(node.toString());
    }
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(item -> items.add(item.asText()));
      return Optional.of(String.join(",", items));
    }
    return Optional.of(node.asText()).filter(text -> !text.isBlank());
  }

  private static boolean containsContainers(JsonNode array) {
    for (JsonNode item : array) {
      if (item.isContainerNode()) {
        return true;
      }
    }
    return false;
  }

  private String value(String name, String env, String fallback) {
    return optional(name, env).orElse(fallback);
  }

  private long number(String name, String env, long fallback) {
    return parse(name, env, fallback, Long::parseLong);
  }

  private int number(String name, String env, int fallback) {
    return parse(name, env, fallback, Integer::parseInt);
  }

  private <T> T parse(String name, String env, T fallback, Function<String, T> parser) {
    Optional<String> text = optional(name, env);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      return parser.apply(text.get().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "%s (or %s) must be a number, got '%s'".formatted(name, env, text.get()));
    }
  }

  private List<String> list(String name, String env) {
    return optional(name, env)
        .map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList())
        .orElse(List.of());
  }
}
