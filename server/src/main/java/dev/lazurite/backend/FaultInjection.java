package dev.lazurite.backend;

import static java.util.Objects.requireNonNull;

import dev.lazurite.api.ChatRequest;
import dev.lazurite.api.CompletionRequest;
import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.EventStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Faults a backend injects before answering, for failover tests and load tests: a share of 429s
 * (with {@code Retry-After}), a share of 500s, and added latency.
 */
public record FaultInjection(
    double rate429, double rate500, Duration latency, int retryAfterSeconds) {
  public static final FaultInjection NONE = new FaultInjection(0, 0, Duration.ZERO, 1);

  public FaultInjection {
    requireNonNull(latency, "latency is null");
    if (rate429 < 0 || rate500 < 0 || rate429 + rate500 > 1) {
      throw new IllegalArgumentException("fault rates must be in [0, 1] and sum to at most 1");
    }
  }

  public boolean none() {
    return rate429 == 0 && rate500 == 0 && latency.isZero();
  }

  /** The backend with these faults in front of it. */
  public Backend around(Backend inner) {
    return none() ? inner : new Faulty(inner, this);
  }

  private void strike() {
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    double roll = ThreadLocalRandom.current().nextDouble();
    if (roll < rate429) {
      throw ApiException.of(
              ErrorCode.UPSTREAM_RATE_LIMITED,
              "Rate limit is exceeded. Try again in " + retryAfterSeconds + " seconds.")
          .withHeaders(Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }
    if (roll < rate429 + rate500) {
      throw ApiException.of(ErrorCode.INTERNAL);
    }
  }

  private record Faulty(Backend inner, FaultInjection faults) implements Backend {
    @Override
    public Result chat(ChatRequest request, ModelSpec model) {
      faults.strike();
      return inner.chat(request, model);
    }

    @Override
    public EventStream chatStream(ChatRequest request, ModelSpec model) {
      faults.strike();
      return inner.chatStream(request, model);
    }

    @Override
    public Result complete(CompletionRequest request, ModelSpec model) {
      faults.strike();
      return inner.complete(request, model);
    }

    @Override
    public EventStream completeStream(CompletionRequest request, ModelSpec model) {
      faults.strike();
      return inner.completeStream(request, model);
    }

    @Override
    public Result embed(EmbeddingRequest request, ModelSpec model) {
      faults.strike();
      return inner.embed(request, model);
    }
  }
}
