package dev.lazurite.bench;

import dev.lazurite.backend.BackendSpec;
import dev.lazurite.control.Bootstrap;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.json.Json;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.pipeline.Origin;
import dev.lazurite.pipeline.Outcome;
import dev.lazurite.pipeline.Pipelines;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Route;
import dev.lazurite.server.LazuriteServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** The server's own pipeline, driven without HTTP, for measuring what the stages cost. */
final class InProcessPipeline {
  static final String DEPLOYMENT = "bench-provisioned";

  private final Pipelines pipelines;
  private final Map<String, String> headers;
  private final String deployment;

  private InProcessPipeline(Pipelines pipelines, String key, String deployment) {
    this.pipelines = pipelines;
    this.headers = Map.of("api-key", key, "content-type", "application/json");
    this.deployment = deployment;
  }

  /**
   * The pipeline of {@code server}, calling a provisioned simulator deployment ({@value
   * #DEPLOYMENT}): it runs the quota stage without per-minute limits, which would throttle a
   * benchmark within its first second.
   */
  static InProcessPipeline of(LazuriteServer server) {
    return of(server, DEPLOYMENT, Optional.empty());
  }

  /**
   * The pipeline of {@code server}, calling a provisioned deployment named {@code deployment}
   * served by {@code backend} (the simulator when empty).
   */
  static InProcessPipeline of(
      LazuriteServer server, String deployment, Optional<BackendSpec> backend) {
    var control = server.control();
    control.putDeployment(
        control.account(
            server.subscriptionId(), Bootstrap.DEFAULT_RESOURCE_GROUP, Bootstrap.DEFAULT_ACCOUNT),
        new DeploymentRequest(
            deployment, "gpt-4o", "", "ProvisionedManaged", 100, "", "", backend));
    return new InProcessPipeline(server.pipelines(), server.defaultKeys().key1(), deployment);
  }

  /**
   * Runs one streamed chat, serializing each event as the HTTP edge would, and returns the
   * nanoseconds from the call to its first event and to its end.
   */
  long[] stream(String body) {
    long start = System.nanoTime();
    var answered = (Outcome.Answered) pipelines.execute(exchange(body));
    long[] first = {0};
    ((Response.Stream) answered.response())
        .events()
        .writeTo(
            event -> {
              if (first[0] == 0) {
                first[0] = System.nanoTime();
              }
              if (event.sent()) {
                Json.writeWire(event.payload());
              }
            });
    return new long[] {first[0] - start, System.nanoTime() - start};
  }

  /** Runs one chat and serializes the answer, as the HTTP edge would. */
  byte[] chat(String body) {
    var answered = (Outcome.Answered) pipelines.execute(exchange(body));
    return Json.writeWire(((Response.Json) answered.response()).body());
  }

  private Exchange exchange(String body) {
    var route = Route.modelCall(Operation.CHAT_COMPLETIONS, deployment, "2024-10-21");
    var exchange =
        new Exchange(
            new Exchange.Request(
                "bench",
                route,
                headers,
                body.getBytes(StandardCharsets.UTF_8),
                Origin.Remote.loopback(),
                System.nanoTime()));
    return exchange;
  }
}
