package dev.lazurite.routing;

import dev.lazurite.api.ModelRequest;
import dev.lazurite.backend.Backend;
import dev.lazurite.backend.BackendCall;
import dev.lazurite.catalog.ModelSpec;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Ledger;
import dev.lazurite.pipeline.PipelineListener;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import dev.lazurite.runtime.DeploymentRuntime;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * The last stage of a model call: hands the request to the deployment's backend (or its pool) and
 * answers with its result, carrying the prompt tokens the model was sent. Each backend attempt is
 * reported to the pipeline listener.
 */
public final class RoutingStage implements Stage {
  /** The name attempts report for a deployment served by one backend rather than a pool. */
  static final String DIRECT = "deployment";

  /** How long a pooled request may keep trying further backends. */
  private final Duration failoverDeadline;

  private final PipelineListener listener;

  public RoutingStage(Duration failoverDeadline, PipelineListener listener) {
    this.failoverDeadline = failoverDeadline;
    this.listener = listener;
  }

  public RoutingStage() {
    this(Duration.ofSeconds(60), PipelineListener.NONE);
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    DeploymentRuntime deployment = exchange.deployment();
    if (!deployment.pool().isEmpty()) {
      var served =
          PoolRouter.call(
              deployment.pool(),
              deployment.deployment().sku().name(),
              exchange.account().account().location(),
              failoverDeadline,
              member -> attempt(exchange, member.name(), member.backend(), deployment.model()));
      Response answer = served.answer();
      if (answer instanceof Response.Stream stream) {
        answer = countingBreaks(stream, served.member());
      }
      return answer.withHeaders(
          Map.of(
              "x-ms-region", dev.lazurite.runtime.Regions.displayName(served.member().region())));
    }
    return attempt(exchange, DIRECT, deployment.backend(), deployment.model());
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
  private Response attempt(Exchange exchange, String name, Backend backend, ModelSpec model) {
    String id = exchange.request().requestId();
    ModelRequest request = exchange.modelRequest();
    listener.backendAttemptStart(id, name);
    Response response;
    try {
      response = serve(request, backend, model, exchange.deployment().deployment().name());
    } catch (ApiException e) {
      listener.backendAttemptEnd(id, name, e.errorCode().status());
      throw e;
    } catch (RuntimeException e) {
      listener.backendAttemptEnd(id, name, ErrorCode.INTERNAL.status());
      throw e;
    }
    return switch (response) {
      case Response.Json json -> {
        listener.backendFirstByte(id, name);
        listener.backendAttemptEnd(id, name, json.status());
        yield json;
      }
      case Response.Stream stream -> stream.withEvents(reported(id, name, stream.events()));
      case Response.Bytes bytes -> {
        listener.backendFirstByte(id, name);
        listener.backendAttemptEnd(id, name, 200);
        yield bytes;
      }
    };
  }

  private EventStream reported(String id, String name, EventStream events) {
    return sink -> {
      boolean[] first = {true};
      int status = ErrorCode.INTERNAL.status();
      try {
        events.writeTo(
            event -> {
              if (first[0]) {
                first[0] = false;
                listener.backendFirstByte(id, name);
              }
              sink.send(event);
            });
        status = 200;
      } catch (ApiException e) {
        status = e.errorCode().status();
        throw e;
      } catch (UncheckedIOException e) {
        // The client left; the backend did not fail.
        status = Ledger.CLIENT_CLOSED;
        throw e;
      } finally {
        listener.backendAttemptEnd(id, name, status);
      }
    };
  }

  private static Response serve(
      ModelRequest request, Backend backend, ModelSpec model, String deployment) {
    int prompt = request.promptTokens();
    return switch (backend.invoke(BackendCall.of(request, model, deployment))) {
      case Backend.Result result ->
          Response.Json.ok(
              result.body(),
              result.promptMetered() ? result.promptTokens() : prompt,
              result.completionTokens(),
              result.cachedPromptTokens());
      case Backend.Streamed streamed -> Response.Stream.of(streamed.events(), prompt);
    };
  }
}
