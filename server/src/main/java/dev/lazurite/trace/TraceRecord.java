package dev.lazurite.trace;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One data-plane request as a record of Azure's {@code Trace} diagnostic category: what happened
 * inside the gateway between arrival and answer. The top level carries the diagnostic-log fields
 * every category shares ({@code time, resourceId, category, operationName, resultSignature,
 * durationMs, correlationId}); {@code properties} holds the stages the request went through and
 * each backend attempt, with offsets from the request's arrival in milliseconds.
 *
 * @param principal the caller as the audit log names it ({@code account/key1}, an object id); used
 *     to filter, never a secret
 * @param timeToFirstByteMs from arrival to the first byte handed to the client
 * @param traceId the W3C trace id the client sent in {@code traceparent}, empty when none
 * @param dropped how many stages and attempts were left out past the per-record caps
 */
public record TraceRecord(
    Instant time,
    String resourceId,
    String operationName,
    String resultSignature,
    long durationMs,
    String correlationId,
    String principal,
    String deployment,
    String model,
    boolean streamed,
    double timeToFirstByteMs,
    String traceId,
    List<Stage> stages,
    List<Attempt> attempts,
    int dropped) {
  public static final String CATEGORY = "Trace";

  /**
   * A pipeline stage; stages nest, so a stage's duration includes the stages after it.
   *
   * @param startMs from the request's arrival
   */
  public record Stage(String name, double startMs, double durationMs) {
    public Stage {
      requireNonNull(name, "name is null");
    }
  }

  /**
   * One call to a backend.
   *
   * @param firstByteMs from the request's arrival to the backend's first byte; negative when none
   *     came
   * @param status 200 for an answer that reached its end, else the status it failed with; 0 when
   *     the request ended before the attempt did
   */
  public record Attempt(
      String backend, double startMs, double firstByteMs, double durationMs, int status) {
    public Attempt {
      requireNonNull(backend, "backend is null");
    }
  }

  public TraceRecord {
    requireNonNull(time, "time is null");
    requireNonNull(resourceId, "resourceId is null");
    requireNonNull(operationName, "operationName is null");
    requireNonNull(resultSignature, "resultSignature is null");
    requireNonNull(correlationId, "correlationId is null");
    requireNonNull(principal, "principal is null");
    requireNonNull(deployment, "deployment is null");
    requireNonNull(model, "model is null");
    requireNonNull(traceId, "traceId is null");
    stages = List.copyOf(stages);
    attempts = List.copyOf(attempts);
  }

  /** The record in Azure's diagnostic-log shape. */
  public ObjectNode json() {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("time", time.toString());
    out.put("resourceId", resourceId);
    out.put("category", CATEGORY);
    out.put("operationName", operationName);
    out.put("resultSignature", resultSignature);
    out.put("durationMs", durationMs);
    out.put("correlationId", correlationId);
    ObjectNode p = out.putObject("properties");
    p.put("modelDeploymentName", deployment);
    p.put("modelName", model);
    p.put("streamType", streamed ? "Streaming" : "Non-Streaming");
    p.put("timeToFirstByteMs", millis(timeToFirstByteMs));
    if (!traceId.isEmpty()) {
      p.put("traceId", traceId);
    }
    ArrayNode stageArray = p.putArray("stages");
    for (Stage s : stages) {
      stageArray
          .addObject()
          .put("name", s.name())
          .put("startMs", millis(s.startMs()))
          .put("durationMs", millis(s.durationMs()));
    }
    ArrayNode attemptArray = p.putArray("backendAttempts");
    for (Attempt a : attempts) {
      ObjectNode node =
          attemptArray
              .addObject()
              .put("backend", a.backend())
              .put("startMs", millis(a.startMs()))
              .put("durationMs", millis(a.durationMs()))
              .put("resultSignature", Integer.toString(a.status()));
      if (a.firstByteMs() >= 0) {
        node.put("firstByteMs", millis(a.firstByteMs()));
      }
    }
    if (dropped > 0) {
      p.put("dropped", dropped);
    }
    return out;
  }

  /** The record {@link #json()} wrote, with the principal it leaves out. */
  public static TraceRecord fromJson(JsonNode json, String principal) {
    JsonNode p = json.path("properties");
    List<Stage> stages = new ArrayList<>();
    for (JsonNode s : p.path("stages")) {
      stages.add(
          new Stage(
              s.path("name").asText(),
              s.path("startMs").asDouble(),
              s.path("durationMs").asDouble()));
    }
    List<Attempt> attempts = new ArrayList<>();
    for (JsonNode a : p.path("backendAttempts")) {
      attempts.add(
          new Attempt(
              a.path("backend").asText(),
              a.path("startMs").asDouble(),
              a.path("firstByteMs").asDouble(-1),
              a.path("durationMs").asDouble(),
              a.path("resultSignature").asInt()));
    }
    return new TraceRecord(
        Instant.parse(json.path("time").asText()),
        json.path("resourceId").asText(),
        json.path("operationName").asText(),
        json.path("resultSignature").asText(),
        json.path("durationMs").asLong(),
        json.path("correlationId").asText(),
        principal,
        p.path("modelDeploymentName").asText(),
        p.path("modelName").asText(),
        p.path("streamType").asText().equals("Streaming"),
        p.path("timeToFirstByteMs").asDouble(),
        p.path("traceId").asText(""),
        stages,
        attempts,
        p.path("dropped").asInt(0));
  }

  /** Milliseconds to the microsecond. */
  private static double millis(double ms) {
    return Math.round(ms * 1000.0) / 1000.0;
  }
}
