package dev.lazurite.server;

import dev.lazurite.auth.AuthenticationStage;
import dev.lazurite.auth.TokenValidator;
import dev.lazurite.deployment.DeploymentStage;
import dev.lazurite.metering.MeteringStage;
import dev.lazurite.metering.UsageSink;
import dev.lazurite.network.NetworkRuleStage;
import dev.lazurite.ondata.RetrievalStage;
import dev.lazurite.ondata.Retriever;
import dev.lazurite.pipeline.Pipeline;
import dev.lazurite.quota.QuotaCounters;
import dev.lazurite.quota.QuotaStage;
import dev.lazurite.rbac.AuthorizationStage;
import dev.lazurite.request.BodyStage;
import dev.lazurite.request.RequestStage;
import dev.lazurite.routing.RoutingStage;
import dev.lazurite.runtime.RuntimeSnapshot;
import dev.lazurite.safety.ContentSafety;
import dev.lazurite.safety.PromptFilterStage;
import dev.lazurite.tokens.TokenCounter;
import dev.lazurite.version.ApiVersionStage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** The data-plane pipeline. The order of its stages is decided here and nowhere else. */
public final class DataPlaneStages {
  private DataPlaneStages() {}

  public static Pipeline pipeline(
      Supplier<RuntimeSnapshot> snapshot,
      TokenValidator tokenValidator,
      TokenCounter tokens,
      QuotaCounters quota,
      UsageSink usage,
      Clock clock,
      Duration failoverDeadline,
      Retriever retriever,
      ContentSafety safety) {
    return new Pipeline(
        List.of(
            // Outermost, so that every outcome below is metered, errors included.
            new MeteringStage(usage, clock),
            // Public access, IP rules and private endpoints, before any auth. -> 403
            new NetworkRuleStage(snapshot),
            // Who is calling: api-key, a key as a bearer token, or a token. -> 401 / 403
            new AuthenticationStage(snapshot, tokenValidator),
            // Dated routes need a known api-version that has the operation. -> 404
            new ApiVersionStage(),
            // The JSON body of operations that take one.                    -> 400
            new BodyStage(),
            // Token callers need the operation's data action (RBAC).      -> 401 PermissionDenied
            new AuthorizationStage(snapshot),
            // Deployment name -> model and backend, in the caller's account. -> 404 / 400
            new DeploymentStage(),
            // Parameters for this api-version, prompt tokens, context window. -> 400
            new RequestStage(tokens),
            // Tokens per minute and requests per 10 s: estimate in, settle out. -> 429
            new QuotaStage(quota),
            // Content filter policy: prompt in (before any backend), completion out. -> 400
            new PromptFilterStage(safety),
            // On Your Data: search, shield, ground the prompt, cite. -> 400 for a bad data source
            new RetrievalStage(retriever, tokens, safety),
            // Last: the deployment's backend (or pool) answers.   -> 429 / 5xx when none can
            new RoutingStage(failoverDeadline)));
  }
}
