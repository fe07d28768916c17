package dev.lazurite.audit;

import static java.util.Objects.requireNonNull;

import dev.lazurite.pipeline.Caller;
import dev.lazurite.pipeline.FilterOutcome;
import dev.lazurite.pipeline.Ledger;
import java.util.List;

/**
 * The properties of a data-plane request's audit record, as typed fields taken from its ledger: no
 * JSON tree is built per request, and the canonical writer writes them straight into its buffer in
 * sorted key order ({@link #writeTo}), the text the same tree would have.
 *
 * @param network {@code public}, {@code private} or {@code internal}
 * @param privateEndpoint the private endpoint the request arrived on, empty when none
 * @param trustedProxy the trusted proxy it came through, empty when none
 * @param costPicoUsd the charge in 10⁻¹² USD, written in USD without trailing zeros
 * @param pricing the price row, empty when no price applied
 */
public record DataPlaneProperties(
    String account,
    int cachedPromptTokens,
    int completionTokens,
    FilterOutcome filter,
    long costPicoUsd,
    String deployment,
    String model,
    String network,
    String privateEndpoint,
    String trustedProxy,
    String pricing,
    Caller caller,
    int promptTokens,
    boolean streamed)
    implements AuditProperties {
  private static final long PICO_PER_USD = 1_000_000_000_000L;

  public DataPlaneProperties {
    requireNonNull(account, "account is null");
    requireNonNull(filter, "filter is null");
    requireNonNull(deployment, "deployment is null");
    requireNonNull(model, "model is null");
    requireNonNull(network, "network is null");
    requireNonNull(privateEndpoint, "privateEndpoint is null");
    requireNonNull(trustedProxy, "trustedProxy is null");
    requireNonNull(pricing, "pricing is null");
    requireNonNull(caller, "caller is null");
    if (costPicoUsd < 0) {
      throw new IllegalArgumentException("costPicoUsd must be >= 0: " + costPicoUsd);
    }
  }

  /** A ledger's properties, its network path already placed. */
  static DataPlaneProperties of(
      Ledger l, String network, String privateEndpoint, String trustedProxy) {
    return new DataPlaneProperties(
        l.account(),
        l.cachedPromptTokens(),
        l.completionTokens(),
        l.filter(),
        l.charge().picoUsd(),
        l.deployment(),
        l.model(),
        network,
        privateEndpoint,
        trustedProxy,
        l.charge().pricing(),
        l.caller(),
        l.promptTokens(),
        l.streamed());
  }

  /** Writes the canonical text: the keys in sorted order, as a sorted tree of them would be. */
  void writeTo(Canonical out) {
    out.raw("{\"account\":");
    out.jsonString(account);
    out.raw(",\"cachedPromptTokens\":");
    out.number(cachedPromptTokens);
    out.raw(",\"completionTokens\":");
    out.number(completionTokens);
    out.raw(",\"contentFilter\":{\"categories\":");
    strings(out, filter.categories());
    out.raw(",\"outcome\":");
    out.jsonString(filter.outcome());
    out.raw("},\"costUsd\":\"");
    usd(out, costPicoUsd);
    out.raw("\",\"kind\":\"dataPlane\",\"modelDeploymentName\":");
    out.jsonString(deployment);
    out.raw(",\"modelName\":");
    out.jsonString(model);
    out.raw(",\"networkPath\":{\"path\":");
    out.jsonString(network);
    if (!privateEndpoint.isEmpty()) {
      out.raw(",\"privateEndpoint\":");
      out.jsonString(privateEndpoint);
    }
    if (!trustedProxy.isEmpty()) {
      out.raw(",\"trustedProxy\":");
      out.jsonString(trustedProxy);
    }
    out.raw("}");
    if (!caller.objectId().isEmpty()) {
      out.raw(",\"objectId\":");
      out.jsonString(caller.objectId());
    }
    if (!pricing.isEmpty()) {
      out.raw(",\"pricing\":");
      out.jsonString(pricing);
    }
    out.raw(",\"principal\":{");
    principal(out, caller);
    out.raw("\"type\":");
    out.jsonString(caller.kind());
    out.raw("},\"promptTokens\":");
    out.number(promptTokens);
    out.raw(streamed ? ",\"streamType\":\"Streaming\"}" : ",\"streamType\":\"Non-Streaming\"}");
  }

  /** The principal's fields before its {@code type}, each followed by a comma. */
  private static void principal(Canonical out, Caller c) {
    switch (c.kind()) {
      case "key" -> {
        out.raw("\"keySlot\":");
        out.jsonString(c.keySlot());
        out.raw(",");
      }
      case "entra" -> {
        out.raw("\"appId\":");
        out.jsonString(c.appId());
        out.raw(",\"groups\":");
        strings(out, c.groups());
        out.raw(",\"objectId\":");
        out.jsonString(c.objectId());
        out.raw(",\"tenantId\":");
        out.jsonString(c.tenantId());
        out.raw(",");
      }
      case "internal" -> {
        out.raw("\"purpose\":");
        out.jsonString(c.purpose());
        out.raw(",");
      }
      default -> {}
    }
  }

  private static void strings(Canonical out, List<String> values) {
    out.raw("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.raw(",");
      }
      out.jsonString(values.get(i));
    }
    out.raw("]");
  }

  /**
   * USD as {@code BigDecimal.toPlainString} writes the exact amount without trailing zeros: {@code
   * 0}, {@code 2}, {@code 0.00012345}.
   */
  private static void usd(Canonical out, long pico) {
    out.number(pico / PICO_PER_USD);
    long fraction = pico % PICO_PER_USD;
    if (fraction == 0) {
      return;
    }
    int digits = 12;
    while (fraction % 10 == 0) {
      fraction /= 10;
      digits--;
    }
    out.raw(".");
    out.digits(fraction, digits);
  }
}
