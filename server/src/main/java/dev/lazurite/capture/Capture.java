package dev.lazurite.capture;

import static java.util.Objects.requireNonNull;

/**
 * One captured exchange: the request body and the response body (for a stream, the answer assembled
 * from its events), both redacted and cut to the deployment's cap, linked to its audit record by
 * {@code correlationId} (the request id). Headers are never captured.
 *
 * @param time ISO-8601 instant the capture was taken (when the answer ended)
 * @param resultSignature the HTTP status sent
 * @param requestLength the request body's size in bytes, before any cut
 * @param responseLength the response's size in bytes, before any cut
 * @param expiresMs when retention deletes it, epoch milliseconds
 */
public record Capture(
    String time,
    String correlationId,
    String resourceId,
    String account,
    String deployment,
    String operationName,
    String resultSignature,
    long durationMs,
    boolean streamed,
    String requestBody,
    boolean requestTruncated,
    long requestLength,
    String responseBody,
    boolean responseTruncated,
    long responseLength,
    long expiresMs) {
  public static final String CATEGORY = "RequestResponse";

  public Capture {
    requireNonNull(time, "time is null");
    requireNonNull(correlationId, "correlationId is null");
    requireNonNull(resourceId, "resourceId is null");
    requireNonNull(account, "account is null");
    requireNonNull(deployment, "deployment is null");
    requireNonNull(operationName, "operationName is null");
    requireNonNull(resultSignature, "resultSignature is null");
    requireNonNull(requestBody, "requestBody is null");
    requireNonNull(responseBody, "responseBody is null");
  }
}
