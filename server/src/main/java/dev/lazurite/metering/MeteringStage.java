package dev.lazurite.metering;

import dev.lazurite.api.ModelRequest;
import dev.lazurite.auth.Principal;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.EventStream;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import java.time.Clock;

/**
 * The outermost stage: records every request with its tokens, status and latency, whatever the rest
 * of the pipeline did. Streams are metered as they are delivered, so a client that leaves
 * mid-stream is billed for the tokens it was sent.
 */
public final class MeteringStage implements Stage {
  private final UsageSink sink;
  private final Clock clock;

  public MeteringStage(UsageSink sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    Response response;
    try {
      response = chain.proceed(exchange);
    } catch (ApiException e) {
      record(exchange, e.errorCode().status(), 0, false);
      throw e;
    } catch (RuntimeException e) {
      record(exchange, ErrorCode.INTERNAL.status(), 0, false);
      throw e;
    }
    return switch (response) {
      case Response.Json json -> {
        record(exchange, json.status(), json.completionTokens(), false);
        yield json;
      }
      case Response.Stream stream -> stream.withEvents(metered(exchange, stream.events()));
    };
  }

  private EventStream metered(Exchange exchange, EventStream events) {
    return downstream -> {
      int[] tokens = {0};
      boolean[] clientGone = {false};
      int status = 200;
      try {
        events.writeTo(
            event -> {
              try {
                downstream.send(event);
              } catch (RuntimeException e) {
                clientGone[0] = true;
                throw e;
              }
              tokens[0] += event.completionTokens();
            });
      } catch (ApiException e) {
        status = clientGone[0] ? UsageRecord.CLIENT_CLOSED : e.errorCode().status();
        throw e;
      } catch (RuntimeException e) {
        status = clientGone[0] ? UsageRecord.CLIENT_CLOSED : ErrorCode.INTERNAL.status();
        throw e;
      } finally {
        record(exchange, status, tokens[0], true);
      }
    };
  }

  private void record(Exchange exchange, int status, int completionTokens, boolean streamed) {
    var request = exchange.request();
    var facts = request.facts();
    double latency = (System.nanoTime() - request.receivedNanos()) / 1_000_000.0;
    sink.record(
        new UsageRecord(
            clock.instant(),
            request.requestId(),
            facts.account().map(a -> a.account().name()).orElse(""),
            facts.deployment().map(d -> d.deployment().name()).orElse(""),
            facts.deployment().map(d -> d.model().name()).orElse(""),
            exchange.route().operation().operationId(),
            facts.principal().map(Principal::id).orElse(""),
            facts.modelRequest().map(ModelRequest::promptTokens).orElse(0),
            completionTokens,
            status,
            latency,
            streamed));
  }
}
