package dev.lazurite.portal.audit;

import dev.lazurite.audit.AuditRecord;

/** An audit record as a row of the page: no properties, nothing a secret could hide in. */
public record AuditView(
    String time,
    String category,
    String operation,
    String status,
    long durationMs,
    String identity,
    String deployment,
    String callerIp,
    String correlationId) {
  static AuditView of(AuditRecord r) {
    return new AuditView(
        r.time(),
        r.category(),
        r.operationName(),
        r.resultSignature(),
        r.durationMs(),
        r.identity(),
        r.deployment(),
        r.callerIpAddress(),
        r.correlationId());
  }
}
