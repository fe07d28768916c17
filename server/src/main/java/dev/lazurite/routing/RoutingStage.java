package dev.lazurite.routing;

import dev.lazurite.api.ChatRequest;
import dev.lazurite.api.CompletionRequest;
import dev.lazurite.api.EmbeddingRequest;
import dev.lazurite.api.models.ModelList;
import dev.lazurite.backend.Backend;
import dev.lazurite.catalog.ModelCatalog;
import dev.lazurite.catalog.ModelKind;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.error.ApiException;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.pipeline.Stage;
import dev.lazurite.runtime.DeploymentRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The last stage: hands the request to the deployment's backend and answers with its result. Model
 * listings are answered here from the catalog and the caller's deployments.
 */
public final class RoutingStage implements Stage {
  /** How long a pooled request may keep trying further backends. */
  private final Duration failoverDeadline;

  public RoutingStage(Duration failoverDeadline) {
    this.failoverDeadline = failoverDeadline;
  }

  public RoutingStage() {
    this(Duration.ofSeconds(60));
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    if (exchange.route().operation() == Operation.LIST_MODELS) {
      return Response.Json.ok(models(exchange));
    }
    DeploymentRuntime deployment = exchange.deployment();
    if (!deployment.pool().isEmpty()) {
      var served =
          PoolRouter.call(
              deployment.pool(),
              deployment.deployment().sku().name(),
              exchange.account().account().location(),
              failoverDeadline,
              backend -> serve(exchange, backend, deployment.model()));
      Response answer = served.answer();
      if (answer instanceof Response.Stream stream) {
        answer = countingBreaks(stream, served.member());
      }
      return answer.withHeaders(
          Map.of(
              "x-ms-region", dev.lazurite.runtime.Regions.displayName(served.member().region())));
    }
    return serve(exchange, deployment.backend(), deployment.model());
  }

  /** A stream that breaks after it started is not replayed, but it counts against its backend. */
  private static Response countingBreaks(Response.Stream stream, PoolMember member) {
    return stream.withEvents(
        sink -> {
          try {
            stream.events().writeTo(sink);
          } catch (ApiException e) {
            member.breaker().recordFailure(Duration.ZERO);
            throw e;
          }
        });
  }

  /**
   * Asks one backend. A streamed call returns once the backend accepted the request, so a backend
   * that fails before its first byte can still be replaced.
   */
  private static Response serve(Exchange exchange, Backend backend, ModelSpec model) {
    return switch (exchange.modelRequest()) {
      case ChatRequest chat ->
          chat.stream()
              ? Response.Stream.of(backend.chatStream(chat, model))
              : answer(backend.chat(chat, model));
      case CompletionRequest completion ->
          completion.stream()
              ? Response.Stream.of(backend.completeStream(completion, model))
              : answer(backend.complete(completion, model));
      case EmbeddingRequest embedding -> answer(backend.embed(embedding, model));
    };
  }

  private static Response answer(Backend.Result result) {
    return Response.Json.ok(result.body(), result.completionTokens());
  }

  private static ModelList models(Exchange exchange) {
    List<Object> data = new ArrayList<>();
    if (exchange.route().style() == Route.Style.V1) {
      exchange.account().deployments().values().stream()
          .sorted(Comparator.comparing(d -> d.deployment().name()))
          .forEach(
              d ->
                  data.add(
                      new ModelList.V1Model(
                          d.deployment().name(),
                          "model",
                          d.deployment().createdAt().getEpochSecond(),
                          "organization-owner")));
    } else {
      for (ModelSpec spec : ModelCatalog.all()) {
        data.add(
            new ModelList.AzureModel(
                spec.name() + "-" + spec.version(),
                "succeeded",
                spec.name(),
                new ModelList.Capabilities(
                    spec.supports(ModelKind.CHAT),
                    spec.supports(ModelKind.COMPLETIONS),
                    spec.supports(ModelKind.EMBEDDINGS),
                    false,
                    true),
                "generally-available",
                1_700_000_000L,
                "model"));
      }
    }
    return new ModelList(data, "list");
  }
}
