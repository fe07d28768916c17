package dev.lazurite.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lazurite.backend.simulator.SimulatorConfig;
import dev.lazurite.metering.UsageDurability;
import dev.lazurite.store.DatabaseUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves the server configuration. For each setting the first of these that is set wins: the
 * command-line flag, the environment variable ({@code LAZURITE_PORT} …), the YAML file given with
 * {@code --config}, the default.
 */
public final class ConfigLoader {
  private final Map<String, String> flags;
  private final Map<String, String> environment;
  private final JsonNode yaml;

  /**
   * @param flags flag values given on the command line, keyed by YAML name ({@code httpsPort})
   */
  private ConfigLoader(Map<String, String> flags, Map<String, String> environment, JsonNode yaml) {
    this.flags = flags;
    this.environment = environment;
    this.yaml = yaml;
  }

  public static ServerConfig load(
      Map<String, String> flags, Map<String, String> environment, Optional<Path> yamlFile)
      throws IOException {
    Optional<Path> file =
        yamlFile.or(() -> Optional.ofNullable(environment.get("LAZURITE_CONFIG")).map(Path::of));
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
            .map(DatabaseUrl::parse));
  }

  private Duration millis(String name, String env, Duration fallback) {
    return Duration.ofMillis(number(name, env, fallback.toMillis()));
  }

  private Optional<String> optional(String name, String env) {
    if (flags.get(name) != null) {
      return Optional.of(flags.get(name));
    }
    if (environment.get(env) != null && !environment.get(env).isEmpty()) {
      return Optional.of(environment.get(env));
    }
    JsonNode node = yaml;
    for (String part : name.split("\\.")) {
      node = node.path(part);
    }
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(item -> items.add(item.asText()));
      return Optional.of(String.join(",", items));
    }
    return Optional.of(node.asText());
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
