package dev.lazurite.quota;

import dev.lazurite.api.ChatRequest;
import dev.lazurite.api.CompletionRequest;
import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.api.ModelRequest;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.pipeline.Stage;
import dev.lazurite.runtime.DeploymentRuntime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Admits a request against its deployment's tokens-per-minute and requests-per-10-seconds, as Azure
 * estimates it (prompt tokens plus {@code max_tokens} for each choice), and settles the counter to
 * the real usage when the answer is complete (a stream, when it ends): the counts the answer
 * carries, which are the ones the request's ledger records (for On Your Data, the grounded prompt).
 * Over the limit is Azure's 429 with {@code Retry-After} and {@code retry-after-ms} sized to when
 * it would fit; every answer carries the {@code x-ratelimit-*} headers.
 */
public final class QuotaStage implements Stage {
  /** What a chat request without {@code max_tokens} is assumed to produce, at most. */
  static final int DEFAULT_COMPLETION_ESTIMATE = 1024;

  private final QuotaCounters counters;

  public QuotaStage(QuotaCounters counters) {
    this.counters = counters;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    DeploymentRuntime deployment = exchange.deployment();
    Optional<RateLimits> configured = RateLimits.of(deployment.deployment().sku());
    if (configured.isEmpty()) {
      return chain.proceed(exchange);
    }
    RateLimits limits = configured.get();
    String key = deployment.deployment().account() + "/" + deployment.deployment().name();
    ModelRequest request = exchange.modelRequest();
    long estimate = estimate(request, deployment.model());
    return switch (counters.tryAcquire(key, limits, estimate)) {
      case QuotaDecision.Throttled throttled -> throw throttled(exchange, limits, throttled);
      case QuotaDecision.Allowed allowed -> {
        Map<String, String> headers =
            headers(limits, allowed.remainingRequests(), allowed.remainingTokens());
        Response response;
        try {
          response = chain.proceed(exchange);
        } catch (RuntimeException e) {
          counters.settle(key, limits, -estimate);
          throw e;
        }
        yield switch (response) {
          case Response.Json json -> {
            counters.settle(key, limits, json.promptTokens() + json.completionTokens() - estimate);
            yield json.withHeaders(headers);
          }
          case Response.Stream stream ->
              stream
                  .withEvents(
                      settled(stream.events(), key, limits, stream.promptTokens(), estimate))
                  .withHeaders(headers);
          case Response.Bytes bytes -> {
            counters.settle(key, limits, -estimate);
            yield bytes.withHeaders(headers);
          }
        };
      }
    };
  }

  private EventStream settled(
      EventStream events, String key, RateLimits limits, int prompt, long estimate) {
    return sink -> {
      long[] produced = {0};
      long[] metered = {prompt};
      try {
        events.writeTo(
            event -> {
              sink.send(event);
              produced[0] += event.completionTokens();
              if (event.promptTokens() > 0) {
                metered[0] = event.promptTokens();
              }
            });
      } finally {
        counters.settle(key, limits, metered[0] + produced[0] - estimate);
      }
    };
  }

  /** Prompt tokens plus the most each choice may produce, as Azure's admission counts them. */
  static long estimate(ModelRequest request, ModelSpec model) {
    return switch (request) {
      case ChatRequest chat ->
          chat.promptTokens()
              + (long) chat.n()
                  * chat.maxTokens()
                      .orElse(Math.min(model.maxOutputTokens(), DEFAULT_COMPLETION_ESTIMATE));
      case CompletionRequest completion ->
          completion.promptTokens()
              + (long) completion.n() * completion.prompts().size() * completion.maxTokens();
      case EmbeddingRequest embedding -> embedding.promptTokens();
    };
  }

  private static ApiException throttled(
      Exchange exchange, RateLimits limits, QuotaDecision.Throttled decision) {
    long millis = Math.max(1, (decision.retryAfter().toNanos() + 999_999) / 1_000_000);
    long seconds = Math.max(1, (millis + 999) / 1000);
    Route route = exchange.route();
    String version = route.style() == Route.Style.V1 ? "v1" : route.apiVersion();
    String tier = exchange.account().account().skuName();
    Map<String, String> headers =
        headers(limits, decision.remainingRequests(), decision.remainingTokens());
    headers.put("Retry-After", Long.toString(seconds));
    headers.put("retry-after-ms", Long.toString(millis));
    return ApiException.of(
            decision.tokens() ? ErrorCode.TOKEN_RATE_LIMITED : ErrorCode.CALL_RATE_LIMITED,
            route.operation().operationId(),
            version,
            tier,
            seconds)
        .withHeaders(headers);
  }

  static Map<String, String> headers(
      RateLimits limits, long remainingRequests, long remainingTokens) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-ratelimit-limit-requests", Long.toString(limits.requestsPerWindow()));
    headers.put("x-ratelimit-limit-tokens", Long.toString(limits.tokensPerMinute()));
    headers.put("x-ratelimit-remaining-requests", Long.toString(Math.max(0, remainingRequests)));
    headers.put("x-ratelimit-remaining-tokens", Long.toString(Math.max(0, remainingTokens)));
    return headers;
  }
}
