package dev.lazurite.media;

import dev.lazurite.api.media.ImageRequest;
import dev.lazurite.api.media.MediaRequest;
import dev.lazurite.api.media.SpeechRequest;
import dev.lazurite.api.media.TranscriptionRequest;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Route;
import dev.lazurite.quota.QuotaCounters;
import dev.lazurite.quota.QuotaDecision;
import dev.lazurite.quota.RateLimits;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Media deployments' per-minute quota in Azure's units rather than tokens: per capacity unit, 6
 * images a minute, 600 seconds of audio a minute for transcription and translation, 10,000
 * characters a minute for speech; and, as for every deployment, one request per unit per 10
 * seconds. The units are known before the call, so they are taken whole and returned only when the
 * call fails.
 */
final class MediaQuota {
  private final QuotaCounters counters;

  MediaQuota(QuotaCounters counters) {
    this.counters = counters;
  }

  /** A reservation to give back if the call fails; headers for the answer. */
  record Taken(String key, RateLimits limits, long units, Map<String, String> headers) {}

  static long perCapacityUnit(MediaRequest request) {
    return switch (request) {
      case ImageRequest ignored -> 6;
      case TranscriptionRequest ignored -> 600;
      case SpeechRequest ignored -> 10_000;
    };
  }

  /** Takes {@code units}, or throws Azure's 429 with when to retry. */
  Optional<Taken> take(
      Deployment deployment, Route route, String tier, MediaRequest request, long units) {
    if (RateLimits.of(deployment.sku()).isEmpty()) {
      return Optional.empty();
    }
    int capacity = deployment.sku().capacity();
    RateLimits limits = new RateLimits(capacity * perCapacityUnit(request), capacity);
    String key = deployment.account() + "/" + deployment.name();
    return switch (counters.tryAcquire(key, limits, units)) {
      case QuotaDecision.Allowed allowed ->
          Optional.of(
              new Taken(
                  key,
                  limits,
                  units,
                  headers(limits, allowed.remainingRequests(), allowed.remainingTokens())));
      case QuotaDecision.Throttled throttled -> {
        long millis = Math.max(1, (throttled.retryAfter().toNanos() + 999_999) / 1_000_000);
        long seconds = Math.max(1, (millis + 999) / 1000);
        Map<String, String> headers =
            headers(limits, throttled.remainingRequests(), throttled.remainingTokens());
        headers.put("Retry-After", Long.toString(seconds));
        headers.put("retry-after-ms", Long.toString(millis));
        String version = route.style() == Route.Style.V1 ? "v1" : route.apiVersion();
        throw ApiException.of(
                throttled.tokens() ? ErrorCode.TOKEN_RATE_LIMITED : ErrorCode.CALL_RATE_LIMITED,
                route.operation().operationId(),
                version,
                tier,
                seconds)
            .withHeaders(headers);
      }
    };
  }

  void giveBack(Taken taken) {
    counters.settle(taken.key(), taken.limits(), -taken.units());
  }

  private static Map<String, String> headers(
      RateLimits limits, long remainingRequests, long remainingUnits) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-ratelimit-limit-requests", Long.toString(limits.requestsPerWindow()));
    headers.put("x-ratelimit-limit-tokens", Long.toString(limits.tokensPerMinute()));
    headers.put("x-ratelimit-remaining-requests", Long.toString(Math.max(0, remainingRequests)));
    headers.put("x-ratelimit-remaining-tokens", Long.toString(Math.max(0, remainingUnits)));
    return headers;
  }
}
