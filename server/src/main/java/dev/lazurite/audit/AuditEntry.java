package dev.lazurite.audit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * What happened, before it takes its place in a stream: a data-plane invocation or a control-plane
 * change, in the field names of Azure's diagnostic logs. {@code properties} never holds a secret;
 * keys are named by slot.
 *
 * @param category {@code Audit} (Azure's diagnostic log category)
 * @param resourceId the ARM id of the resource, empty when the request reached none
 * @param operationName Azure's operation name ({@code ChatCompletions_Create}, {@code
 *     Microsoft.CognitiveServices/accounts/deployments/write})
 * @param resultSignature the HTTP status sent, or {@code Succeeded} for a committed control change
 * @param callerIpAddress the client address, {@code local} for the command line, empty for calls
 *     this server made
 * @param correlationId the request id
 * @param identity the principal: {@code account/key1}, an object id, {@code internal/…}, {@code
 *     admin}
 * @param deployment the deployment called, empty when none
 */
public record AuditEntry(
    Instant time,
    String category,
    String resourceId,
    String operationName,
    String resultSignature,
    long durationMs,
    String callerIpAddress,
    String correlationId,
    String identity,
    String deployment,
    AuditProperties properties) {
  public static final String AUDIT = "Audit";

  public AuditEntry {
    requireNonNull(time, "time is null");
    requireNonNull(category, "category is null");
    requireNonNull(resourceId, "resourceId is null");
    requireNonNull(operationName, "operationName is null");
    requireNonNull(resultSignature, "resultSignature is null");
    requireNonNull(callerIpAddress, "callerIpAddress is null");
    requireNonNull(correlationId, "correlationId is null");
    requireNonNull(identity, "identity is null");
    requireNonNull(deployment, "deployment is null");
    requireNonNull(properties, "properties is null");
  }

  /** An entry whose properties are a JSON object. */
  public AuditEntry(
      Instant time,
      String category,
      String resourceId,
      String operationName,
      String resultSignature,
      long durationMs,
      String callerIpAddress,
      String correlationId,
      String identity,
      String deployment,
      ObjectNode properties) {
    this(
        time,
        category,
        resourceId,
        operationName,
        resultSignature,
        durationMs,
        callerIpAddress,
        correlationId,
        identity,
        deployment,
        new AuditProperties.Tree(properties));
  }
}
