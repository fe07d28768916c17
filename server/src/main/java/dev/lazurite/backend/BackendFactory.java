package dev.lazurite.backend;

import dev.lazurite.backend.anthropic.AnthropicBackend;
import dev.lazurite.backend.anthropic.AnthropicTarget;
import dev.lazurite.backend.embedded.EmbeddedEmbeddingBackend;
import dev.lazurite.backend.gemini.GeminiBackend;
import dev.lazurite.backend.gemini.GeminiTarget;
import dev.lazurite.backend.openai.EntraTokens;
import dev.lazurite.backend.openai.OpenAiCompatibleBackend;
import dev.lazurite.backend.openai.UpstreamHttp;
import dev.lazurite.backend.openai.UpstreamTarget;
import dev.lazurite.backend.simulator.SimulatorBackend;
import dev.lazurite.backend.simulator.SimulatorConfig;
import dev.lazurite.network.OutboundHttp;
import dev.lazurite.network.OutboundPolicy;
import dev.lazurite.tokens.TokenCounter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds backends from deployment specs and shares them: one simulator, one embedded model and one
 * upstream client per distinct spec, however many deployments and snapshots name them.
 */
public final class BackendFactory implements AutoCloseable {
  private final SimulatorBackend simulator;
  private final EmbeddedEmbeddingBackend embedded;
  private final TokenCounter tokens;
  private final OutboundHttp outbound;
  private final UpstreamHttp upstreamHttp;
  private final UpstreamSecrets secrets;

  private final Map<Upstream, Backend> upstreams = new ConcurrentHashMap<>();

  private record Upstream(BackendSpec spec, BackendSecret secret) {}

  /**
   * @param outboundPolicy where backends and other outbound calls may connect
   * @param secrets reads the variables that hold upstream keys
   */
  public BackendFactory(
      TokenCounter tokens,
      SimulatorConfig simulatorConfig,
      Duration connectTimeout,
      Duration readTimeout,
      OutboundPolicy outboundPolicy,
      UpstreamSecrets secrets) {
    this.tokens = tokens;
    this.embedded = new EmbeddedEmbeddingBackend(tokens);
    this.simulator = new SimulatorBackend(tokens, simulatorConfig, embedded::vectors);

    this.upstreamHttp = new UpstreamHttp(connectTimeout, readTimeout);
    this.secrets = secrets;
    this.outbound = new OutboundHttp(outboundPolicy, connectTimeout, readTimeout);
  }

  public Backend backend(BackendSpec spec) {
    return backend(spec, BackendSecret.NONE);
  }

  /**
   * @param secret the upstream key or client secret stored with a pooled backend; when empty, the
   *     spec's {@code apiKeyEnv} variable is read
   */
  public Backend backend(BackendSpec spec, BackendSecret secret) {
    return switch (spec.kind()) {
      case SIMULATOR -> simulator;
      case EMBEDDED -> embedded;
      case OPENAI_COMPATIBLE, OPENAI, AZURE, ANTHROPIC, GEMINI ->
          upstreams.computeIfAbsent(new Upstream(spec, secret), this::upstream);
    };
  }

  /** The one outbound client, with the allowlist in front of it. */
  public OutboundHttp outbound() {
    return outbound;
  }

  public EmbeddedEmbeddingBackend embedded() {
    return embedded;
  }

  private Backend upstream(Upstream upstream) {
    BackendSpec spec = upstream.spec();
    String key = upstream.secret().value();
    if (key.isEmpty() && !spec.apiKeyEnv().isEmpty()) {
      key = secrets.read(spec.apiKeyEnv()).orElse("");
    }
    URI url = URI.create(spec.effectiveUrl());
    if (spec.kind() == BackendKind.ANTHROPIC) {
      return new AnthropicBackend(
          new AnthropicTarget(url, spec.upstreamModel(), key),
          upstreamHttp,
          tokens,
          outbound.policy());
    }
    if (spec.kind() == BackendKind.GEMINI) {
      return new GeminiBackend(
          new GeminiTarget(url, spec.upstreamModel(), key),
          upstreamHttp,
          tokens,
          outbound.policy());
    }
    boolean nativeResponses = spec.effectiveResponses().equals(BackendSpec.NATIVE);
    UpstreamTarget target =
        switch (spec.kind()) {
          case AZURE ->
              new UpstreamTarget.Azure(
                  url, spec.azure(), key, tokens(spec.azure(), key), nativeResponses);
          default -> new UpstreamTarget.OpenAi(url, spec.upstreamModel(), key, nativeResponses);
        };
    return new OpenAiCompatibleBackend(target, upstreamHttp, tokens, outbound.policy());
  }

  private EntraTokens tokens(AzureSettings azure, String secret) {
    return switch (azure.effectiveAuth()) {
      case AzureSettings.CLIENT_CREDENTIALS ->
          EntraTokens.clientCredentials(
              URI.create(azure.tokenUrl()),
              azure.clientId(),
              secret,
              outbound.client(),
              outbound.policy());
      case AzureSettings.MANAGED_IDENTITY ->
          EntraTokens.managedIdentity(
              azure.tokenUrl(), azure.clientId(), outbound.client(), outbound.policy());
      default -> null;
    };
  }

  @Override
  public void close() {
    upstreamHttp.close();
    outbound.close();
  }
}
