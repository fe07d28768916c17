package dev.lazurite.audit;

import dev.lazurite.pipeline.Ledger;
import dev.lazurite.pipeline.NetworkPath;
import dev.lazurite.pipeline.PipelineListener;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Audits every data-plane request, once, when its ledger closes: who called (key slot, object id,
 * app id, groups), from where and by which path (public, a private endpoint, through a trusted
 * proxy), which deployment and operation, the status, tokens (cached prompt tokens among them), the
 * charge (the same one metering records) and what the content filter did. The entry is built on the
 * request's thread as typed fields ({@link DataPlaneProperties}, no JSON tree) and written by the
 * {@link AuditWriter}'s own thread.
 */
public final class AuditListener implements PipelineListener {
  private final AuditWriter writer;
  private final Function<InetSocketAddress, Optional<String>> privateEndpoints;
  private final Clock clock;

  /**
   * @param privateEndpoints the name of the private endpoint listening on an address, if any
   */
  public AuditListener(
      AuditWriter writer,
      Function<InetSocketAddress, Optional<String>> privateEndpoints,
      Clock clock) {
    this.writer = writer;
    this.privateEndpoints = privateEndpoints;
    this.clock = clock;
  }

  @Override
  public void requestEnd(Ledger ledger) {
    writer.record(entry(ledger));
  }

  @Override
  public void requestFailed(Ledger ledger, Throwable cause) {
    writer.record(entry(ledger));
  }

  AuditEntry entry(Ledger l) {
    return new AuditEntry(
        clock.instant(),
        AuditEntry.AUDIT,
        l.resourceId(),
        l.operationName(),
        Integer.toString(l.status()),
        Math.round(l.latencyMillis()),
        l.sourceAddress(),
        l.requestId(),
        l.principal(),
        l.deployment(),
        properties(l));
  }

  /** The request's properties, its network path placed: public, a private endpoint, internal. */
  private DataPlaneProperties properties(Ledger l) {
    NetworkPath path = l.network();
    if (path.internal()) {
      return DataPlaneProperties.of(l, "internal", "", "");
    }
    Optional<String> endpoint =
        path.source().isEmpty() ? Optional.empty() : privateEndpoints.apply(path.listener());
    return DataPlaneProperties.of(
        l, endpoint.isPresent() ? "private" : "public", endpoint.orElse(""), path.proxy());
  }
}
