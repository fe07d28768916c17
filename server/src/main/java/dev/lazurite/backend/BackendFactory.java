package dev.lazurite.backend;

import dev.lazurite.backend.embedded.EmbeddedEmbeddingBackend;
import dev.lazurite.backend.openai.OpenAiCompatibleBackend;
import dev.lazurite.backend.simulator.SimulatorBackend;
import dev.lazurite.backend.simulator.SimulatorConfig;
import dev.lazurite.network.OutboundHttp;
import dev.lazurite.network.OutboundPolicy;
import dev.lazurite.tokens.TokenCounter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Builds backends from deployment specs and shares them: one simulator, one embedded model and one
 * upstream client per distinct spec, however many deployments and snapshots name them.
 */
public final class BackendFactory implements AutoCloseable {
  private final SimulatorBackend simulator;
  private final EmbeddedEmbeddingBackend embedded;
  private final TokenCounter tokens;
  private final OutboundHttp outbound;
  private final Duration readTimeout;
  private final Function<String, String> environment;

  private final Map<BackendSpec, Backend> upstreams = new ConcurrentHashMap<>();

  /**
   * @param environment reads the variables that hold upstream keys
   */
  public BackendFactory(
      TokenCounter tokens,
      SimulatorConfig simulatorConfig,
      Duration connectTimeout,
      Duration readTimeout,
      Function<String, String> environment) {
    this.tokens = tokens;
    this.simulator = new SimulatorBackend(tokens, simulatorConfig);
    this.embedded = new EmbeddedEmbeddingBackend(tokens);

    this.readTimeout = readTimeout;
    this.environment = environment;
    this.outbound =
        new OutboundHttp(
            OutboundPolicy.parse(
                environment.apply("LAZURITE_OUTBOUND_ALLOW"),
                environment.apply("LAZURITE_OUTBOUND_ALLOW_ADMINISTERED")),
            connectTimeout,
            readTimeout);
  }

  public Backend backend(BackendSpec spec) {
    return switch (spec.kind()) {
      case SIMULATOR -> simulator;
      case EMBEDDED -> embedded;
      case OPENAI_COMPATIBLE -> upstreams.computeIfAbsent(spec, this::upstream);
    };
  }

  /** The one outbound client, with the allowlist in front of it. */
  public OutboundHttp outbound() {
    return outbound;
  }

  public EmbeddedEmbeddingBackend embedded() {
    return embedded;
  }

  private Backend upstream(BackendSpec spec) {
    String key = spec.apiKeyEnv().isEmpty() ? "" : environment.apply(spec.apiKeyEnv());
    return new OpenAiCompatibleBackend(
        URI.create(spec.url()),
        spec.upstreamModel(),
        key == null ? "" : key,
        outbound.client(),
        readTimeout,
        tokens,
        outbound.policy());
  }

  @Override
  public void close() {
    outbound.close();
  }
}
