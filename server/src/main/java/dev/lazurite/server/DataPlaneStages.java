package dev.lazurite.server;

import dev.lazurite.auth.AuthenticationStage;
import dev.lazurite.auth.TokenValidator;
import dev.lazurite.catalog.ModelListStage;
import dev.lazurite.cost.BudgetStage;
import dev.lazurite.cost.CostCache;
import dev.lazurite.deployment.DeploymentStage;
import dev.lazurite.network.NetworkRuleStage;
import dev.lazurite.ondata.RetrievalStage;
import dev.lazurite.ondata.Retriever;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Pipeline;
import dev.lazurite.pipeline.PipelineListener;
import dev.lazurite.pipeline.Pipelines;
import dev.lazurite.pipeline.Stage;
import dev.lazurite.quota.QuotaCounters;
import dev.lazurite.quota.QuotaStage;
import dev.lazurite.rbac.AuthorizationStage;
import dev.lazurite.request.BodyStage;
import dev.lazurite.request.RequestStage;
import dev.lazurite.routing.RoutingStage;
import dev.lazurite.runtime.RuntimeSnapshot;
import dev.lazurite.safety.CompletionFilterStage;
import dev.lazurite.safety.ContentSafety;
import dev.lazurite.safety.PromptFilterStage;
import dev.lazurite.tokens.TokenCounter;
import dev.lazurite.version.ApiVersionStage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The data-plane pipelines: one stage list per operation family. The order of stages is decided
 * here and nowhere else. Metering, audit and metrics are not stages: they listen to the pipeline
 * ({@link PipelineListener}), which records every request whatever its outcome.
 */
public final class DataPlaneStages {
  private DataPlaneStages() {}

  /** What the stages are built from. */
  public record Parts(
      Supplier<RuntimeSnapshot> snapshot,
      TokenValidator tokenValidator,
      TokenCounter tokens,
      QuotaCounters quota,
      Duration failoverDeadline,
      Retriever retriever,
      ContentSafety safety,
      PipelineListener listener,
      Clock clock,
      Map<Operation, Stage> resources,
      Stage budgets) {
    public Parts {
      resources = Map.copyOf(resources);
    }

    /** Parts without budgets: the budget stage never blocks. */
    public Parts(
        Supplier<RuntimeSnapshot> snapshot,
        TokenValidator tokenValidator,
        TokenCounter tokens,
        QuotaCounters quota,
        Duration failoverDeadline,
        Retriever retriever,
        ContentSafety safety,
        PipelineListener listener,
        Clock clock,
        Map<Operation, Stage> resources) {
      this(
          snapshot,
          tokenValidator,
          tokens,
          quota,
          failoverDeadline,
          retriever,
          safety,
          listener,
          clock,
          resources,
          new BudgetStage(new CostCache(), ""));
    }
  }

  public static Pipelines pipelines(Parts parts) {
    Map<Operation, Pipeline> pipelines = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      pipelines.put(operation, new Pipeline(stages(operation, parts), parts.listener()));
    }
    return new Pipelines(pipelines, parts.listener());
  }

  /** The stages of an operation, in order. */
  public static List<Stage> stages(Operation operation, Parts p) {
    return switch (operation.family()) {
      case MODEL_CALL -> modelCall(operation, p);
      case CATALOG_CALL ->
          List.of(
              new NetworkRuleStage(p.snapshot()),
              new AuthenticationStage(p.snapshot(), p.tokenValidator()),
              new ApiVersionStage(),
              new AuthorizationStage(p.snapshot()),
              // Last: the catalog and the caller's deployments.
              new ModelListStage());
      case RESOURCE_CALL ->
          List.of(
              new NetworkRuleStage(p.snapshot()),
              new AuthenticationStage(p.snapshot(), p.tokenValidator()),
              new ApiVersionStage(),
              new AuthorizationStage(p.snapshot()),
              // Last: the operation's own stage, on the caller's resource (files, batches).
              resourceStage(operation, p));
    };
  }

  /**
   * A model call's stages. An operation with a stage of its own (Responses, which translates to
   * chat and back) has it right after the deployment is known, so that everything after it sees a
   * chat request.
   */
  private static List<Stage> modelCall(Operation operation, Parts p) {
    Stage deployment = new DeploymentStage();
    List<Stage> stages =
        new ArrayList<>(
            List.of(
                // Public access, IP rules and private endpoints, before any auth. -> 403
                new NetworkRuleStage(p.snapshot()),
                // Who is calling: api-key, a key as a bearer token, a token, or this server. -> 401
                new AuthenticationStage(p.snapshot(), p.tokenValidator()),
                // Dated routes need a known api-version that has the operation. -> 404
                new ApiVersionStage(),
                // The JSON body.                                                  -> 400
                new BodyStage(),
                // Token callers need the operation's data action (RBAC).      -> 401
                // PermissionDenied
                new AuthorizationStage(p.snapshot()),
                // Deployment name -> model and backend, in the caller's account. -> 404 / 400
                deployment,
                // Parameters for this api-version, prompt tokens, context window. -> 400
                new RequestStage(p.tokens()),
                // A budget with a hard cap that covers the deployment and is spent. -> 429
                p.budgets(),
                // Tokens per minute and requests per 10 s: estimate in, settle out. -> 429
                new QuotaStage(p.quota()),
                // Content filter policy on the prompt, before anything is spent on it. -> 400
                new PromptFilterStage(p.safety()),
                // On Your Data: search, shield, ground the prompt, cite. -> 400 for a bad data
                // source
                new RetrievalStage(p.retriever(), p.tokens(), p.safety(), p.clock()),
                // The answer screened and annotated, whole or as it streams.  -> content_filter
                new CompletionFilterStage(p.safety()),
                // Last: the deployment's backend (or pool) answers.   -> 429 / 5xx when none can
                new RoutingStage(p.failoverDeadline(), p.listener())));
    Stage own = p.resources().get(operation);
    if (own != null) {
      stages.add(stages.indexOf(deployment) + 1, own);
    }
    return List.copyOf(stages);
  }

  private static Stage resourceStage(Operation operation, Parts p) {
    Stage stage = p.resources().get(operation);
    if (stage == null) {
      throw new IllegalArgumentException("no stage answers " + operation);
    }
    return stage;
  }
}
