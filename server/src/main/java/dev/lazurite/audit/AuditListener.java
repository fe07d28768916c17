package dev.lazurite.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.pipeline.Caller;
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
 * request's thread and written by the {@link AuditWriter}'s own thread.
 */
public final class AuditListener implements PipelineListener {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
    // Keys in sorted order, as the canonical form writes them, so that it has nothing to sort.
    ObjectNode p = NODES.objectNode();
    p.put("account", l.account());
    p.put("cachedPromptTokens", l.cachedPromptTokens());
    p.put("completionTokens", l.completionTokens());
    ObjectNode filter = p.putObject("contentFilter");
    l.filter().categories().forEach(filter.putArray("categories")::add);
    filter.put("outcome", l.filter().outcome());
    p.put("costUsd", l.charge().usd().toPlainString());
    p.put("kind", "dataPlane");
    p.put("modelDeploymentName", l.deployment());
    p.put("modelName", l.model());
    network(p.putObject("networkPath"), l.network());
    if (!l.caller().objectId().isEmpty()) {
      p.put("objectId", l.caller().objectId());
    }
    if (!l.charge().pricing().isEmpty()) {
      p.put("pricing", l.charge().pricing());
    }
    principal(p.putObject("principal"), l.caller());
    p.put("promptTokens", l.promptTokens());
    p.put("streamType", l.streamed() ? "Streaming" : "Non-Streaming");
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
        p);
  }

  private static void principal(ObjectNode out, Caller c) {
    switch (c.kind()) {
      case "key" -> out.put("keySlot", c.keySlot());
      case "entra" -> {
        out.put("appId", c.appId());
        c.groups().forEach(out.putArray("groups")::add);
        out.put("objectId", c.objectId());
        out.put("tenantId", c.tenantId());
      }
      case "internal" -> out.put("purpose", c.purpose());
      default -> {}
    }
    out.put("type", c.kind());
  }

  private void network(ObjectNode out, NetworkPath path) {
    if (path.internal()) {
      out.put("path", "internal");
      return;
    }
    Optional<String> endpoint =
        path.source().isEmpty() ? Optional.empty() : privateEndpoints.apply(path.listener());
    out.put("path", endpoint.isPresent() ? "private" : "public");
    endpoint.ifPresent(name -> out.put("privateEndpoint", name));
    if (!path.proxy().isEmpty()) {
      out.put("trustedProxy", path.proxy());
    }
  }
}
