package dev.lazurite.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorRenderer;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.NamedEvent;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import dev.lazurite.runtime.DeploymentRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Captures a model call's request body and what it answered, when the deployment's policy says so:
 * a whole JSON body, a stream's answer assembled from the events that reached the client (its text
 * and tool calls, as the body a non-streamed call would have had; up to the cap), or the error
 * sent. It runs right after the deployment is known, so it sees the body the client sent and the
 * answer the client got. Headers are never captured; bodies are redacted before they are kept. A
 * file download's bytes are not captured, only its length.
 */
public final class CaptureStage implements Stage {
  private final CaptureService policies;
  private final CaptureWriter writer;
  private final Clock clock;

  public CaptureStage(CaptureService policies, CaptureWriter writer, Clock clock) {
    this.policies = policies;
    this.writer = writer;
    this.clock = clock;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    Optional<DeploymentRuntime> deployment = exchange.deploymentIfKnown();
    if (deployment.isEmpty() || exchange.accountIfKnown().isEmpty()) {
      return chain.proceed(exchange);
    }
    String account = exchange.account().account().name();
    CapturePolicy policy = policies.policy(account, deployment.get().deployment().name());
    if (!policy.enabled()) {
      return chain.proceed(exchange);
    }
    var redactor = new Redactor(policy.redact());
    byte[] sent = exchange.request().body();
    Body request =
        Body.of(
            new String(sent, StandardCharsets.UTF_8),
            sent.length,
            false,
            redactor,
            policy.maxBytes());
    var taken = new Taken(exchange, policy, redactor, request);
    Response response;
    try {
      response = chain.proceed(exchange);
    } catch (ApiException e) {
      byte[] error = ErrorRenderer.render(e);
      taken.write(e.errorCode().status(), false, text(error), error.length, false);
      throw e;
    }
    return switch (response) {
      case Response.Json json -> {
        byte[] body = Json.writeWire(json.body());
        taken.write(json.status(), false, text(body), body.length, false);
        yield json;
      }
      case Response.Stream stream -> stream.withEvents(sink -> taken.stream(stream, sink));
      case Response.Bytes bytes -> {
        taken.write(200, false, "", bytes.length(), false);
        yield bytes;
      }
    };
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** One request being captured. */
  private final class Taken {
    private final Exchange exchange;
    private final CapturePolicy policy;
    private final Redactor redactor;
    private final Body request;

    Taken(Exchange exchange, CapturePolicy policy, Redactor redactor, Body request) {
      this.exchange = exchange;
      this.policy = policy;
      this.redactor = redactor;
      this.request = request;
    }

    /**
     * Passes the stream on, assembling what it sent into one body (up to a bound above the cap) and
     * counting the bytes of its events as sent.
     */
    void stream(Response.Stream stream, dev.lazurite.pipeline.EventSink sink) {
      var assembly = new StreamAssembly(2L * policy.maxBytes() + 1024);
      long[] length = {0};
      int status = dev.lazurite.pipeline.Ledger.CLIENT_CLOSED;
      try {
        stream
            .events()
            .writeTo(
                event -> {
                  sink.send(event);
                  if (event.sent()) {
                    length[0] += add(assembly, event.payload());
                  }
                });
        status = 200;
      } catch (ApiException e) {
        status = e.errorCode().status();
        throw e;
      } finally {
        write(status, true, assembly.text(), length[0], assembly.cut());
      }
    }

    void write(int status, boolean streamed, String response, long length, boolean cut) {
      long now = clock.millis();
      Body answer = Body.of(response, length, cut, redactor, policy.maxBytes());
      var request = exchange.request();
      writer.record(
          new Capture(
              clock.instant().toString(),
              request.requestId(),
              exchange.account().account().armId(),
              exchange.account().account().name(),
              exchange.deployment().deployment().name(),
              exchange.route().operation().operationId(),
              Integer.toString(status),
              Duration.ofNanos(System.nanoTime() - request.receivedNanos()).toMillis(),
              streamed,
              this.request.text(),
              this.request.truncated(),
              this.request.length(),
              answer.text(),
              answer.truncated(),
              answer.length(),
              now + Duration.ofDays(policy.retentionDays()).toMillis()));
    }
  }

  /** Adds one sent event to the assembly; returns its size in bytes as an SSE frame. */
  private static long add(StreamAssembly assembly, Object payload) {
    String name = "";
    Object data = payload;
    if (payload instanceof NamedEvent named) {
      name = named.name();
      data = named.data();
    }
    byte[] bytes = Json.writeWire(data);
    String frame =
        (name.isEmpty() ? "" : "event: " + name + "\n") + "data: " + text(bytes) + "\n\n";
    JsonNode tree;
    try {
      tree = Json.parse(bytes);
    } catch (IOException e) {
      tree = MissingNode.getInstance();
    }
    assembly.add(name, tree, frame);
    return frame.getBytes(StandardCharsets.UTF_8).length;
  }
}
