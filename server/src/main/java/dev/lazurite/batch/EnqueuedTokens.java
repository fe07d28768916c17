package dev.lazurite.batch;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.runtime.DeploymentRuntime;
import java.util.Optional;
import java.util.Set;

/**
 * The enqueued-token quota of batch deployments: the input tokens of a deployment's batches that
 * are not terminal may not pass its limit, which is the deployment's capacity in millions of tokens
 * (a {@code GlobalBatch} deployment of capacity 200 holds 200M enqueued tokens, Azure's default for
 * gpt-4o). A batch's tokens are estimated from its input's characters, as Azure's are.
 */
public final class EnqueuedTokens {
  /** The deployment types that run batch lines. */
  public static final Set<String> BATCH_SKUS = Set.of("GlobalBatch", "DataZoneBatch");

  private EnqueuedTokens() {}

  /**
   * What a deployment holds with a new batch admitted.
   *
   * @param enqueued its batches' tokens, the new one included
   */
  public record Admitted(long enqueued, long limit) {}

  /** About four characters to a token. */
  static long estimate(long bytes) {
    return Math.max(1, (bytes + 3) / 4);
  }

  public static boolean isBatchDeployment(DeploymentRuntime deployment) {
    return BATCH_SKUS.contains(deployment.deployment().sku().name());
  }

  static long limit(DeploymentRuntime deployment) {
    return deployment.deployment().sku().capacity() * 1_000_000L;
  }

  /**
   * Admits a batch of {@code tokens} on a batch deployment; empty for other deployments (the batch
   * then fails validation).
   *
   * @throws ApiException {@code token_limit_exceeded} when the limit would be passed
   */
  static Optional<Admitted> admit(
      BatchRepository batches, DeploymentRuntime deployment, long tokens) {
    if (!isBatchDeployment(deployment)) {
      return Optional.empty();
    }
    String name = deployment.deployment().name();
    long limit = limit(deployment);
    long enqueued = batches.enqueuedTokens(deployment.deployment().account(), name) + tokens;
    if (enqueued > limit) {
      throw ApiException.of(ErrorCode.TOKEN_LIMIT_EXCEEDED, shortForm(limit), name);
    }
    return Optional.of(new Admitted(enqueued, limit));
  }

  /** 30000 as {@code 30K}, 200000000 as {@code 200M}, as Azure's message writes limits. */
  static String shortForm(long tokens) {
    if (tokens >= 1_000_000_000 && tokens % 1_000_000_000 == 0) {
      return tokens / 1_000_000_000 + "B";
    }
    if (tokens >= 1_000_000 && tokens % 1_000_000 == 0) {
      return tokens / 1_000_000 + "M";
    }
    if (tokens >= 1_000 && tokens % 1_000 == 0) {
      return tokens / 1_000 + "K";
    }
    return Long.toString(tokens);
  }
}
