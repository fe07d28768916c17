package dev.lazurite.capture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;

/**
 * A capture in the shape of Azure's diagnostic-log records of the {@code RequestResponse} category:
 * {@code time, resourceId, category, operationName, resultSignature, durationMs, correlationId} and
 * the details under {@code properties}.
 */
public final class DiagnosticRecord {
  private DiagnosticRecord() {}

  public static ObjectNode of(Capture c) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("time", c.time());
    out.put("resourceId", c.resourceId());
    out.put("category", Capture.CATEGORY);
    out.put("operationName", c.operationName());
    out.put("resultSignature", c.resultSignature());
    out.put("durationMs", c.durationMs());
    out.put("correlationId", c.correlationId());
    ObjectNode p = out.putObject("properties");
    p.put("modelDeploymentName", c.deployment());
    p.put("streamType", c.streamed() ? "Streaming" : "Non-Streaming");
    p.put("requestLength", c.requestLength());
    p.put("responseLength", c.responseLength());
    p.put("requestBody", c.requestBody());
    p.put("requestTruncated", c.requestTruncated());
    p.put("responseBody", c.responseBody());
    p.put("responseTruncated", c.responseTruncated());
    return out;
  }
}
