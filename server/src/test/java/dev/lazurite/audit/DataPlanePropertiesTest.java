package dev.lazurite.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.pipeline.Caller;
import dev.lazurite.pipeline.Charge;
import dev.lazurite.pipeline.FilterOutcome;
import dev.lazurite.pipeline.Ledger;
import dev.lazurite.pipeline.NetworkPath;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A data-plane record's typed properties take the canonical text, hash and JSON line the same
 * properties had as a JSON tree (the form records were written in before), so stored logs and new
 * ones verify alike.
 */
class DataPlanePropertiesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-06T11:00:00.250Z"), ZoneOffset.UTC);
  private static final InetSocketAddress PUBLIC = new InetSocketAddress("127.0.0.1", 8080);
  private static final InetSocketAddress PRIVATE = new InetSocketAddress("127.0.0.2", 8443);
  private static final String RESOURCE =
      "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a";
  private static final Caller KEY = new Caller("key", "key1", "", "", "", List.of(), "");
  private static final Caller ENTRA =
      new Caller("entra", "", "oid-1", "app-1", "tenant-1", List.of("g1", "g\"2"), "");
  private static final Caller INTERNAL = new Caller("internal", "", "", "", "", List.of(), "batch");
  private static final NetworkPath DIRECT = new NetworkPath("10.1.2.3", "10.1.2.3", PUBLIC, false);
  private static final NetworkPath PROXIED =
      new NetworkPath("203.0.113.7", "10.0.0.2", PUBLIC, false);
  private static final NetworkPath ENDPOINT =
      new NetworkPath("10.9.9.9", "10.9.9.9", PRIVATE, false);
  private static final NetworkPath INSIDE =
      new NetworkPath("", "", InetSocketAddress.createUnresolved("", 0), true);
  private static final Charge PRICED =
      new Charge("rg", "gpt-4o/2024-08-06/Standard", Map.of(), 123_450_000L);

  /** Builds entries only: {@link AuditListener#entry} hands nothing to a writer. */
  private final AuditListener listener =
      new AuditListener(
          null, address -> address.equals(PRIVATE) ? Optional.of("pe-1") : Optional.empty(), CLOCK);

  @Test
  void typedPropertiesHaveTheTreesCanonicalTextHashAndLine() {
    List<Ledger> ledgers =
        List.of(
            // success by key
            ledger(200, false, KEY, DIRECT, FilterOutcome.NONE, "chat", PRICED),
            // error before a deployment was found, nothing charged
            ledger(404, false, Caller.NONE, NetworkPath.UNKNOWN, FilterOutcome.NONE, "", none()),
            // filtered prompt, several categories
            ledger(
                400,
                false,
                KEY,
                DIRECT,
                new FilterOutcome("filteredPrompt", List.of("hate", "violence")),
                "chat",
                PRICED),
            // streamed, by token, through a trusted proxy, cut short by the completion filter
            ledger(
                200,
                true,
                ENTRA,
                PROXIED,
                new FilterOutcome("filteredCompletion", List.of("sexual")),
                "chat",
                PRICED),
            // a private endpoint; escapes and non-ASCII text in names
            ledger(
                429,
                false,
                KEY,
                ENDPOINT,
                FilterOutcome.NONE,
                "d\u00e9ploiement \"x\"\\\t\u0001",
                new Charge("rg", "", Map.of(), 2_000_000_000_000L)),
            // a call this server made for an account
            ledger(
                200,
                false,
                INTERNAL,
                INSIDE,
                FilterOutcome.NONE,
                "emb",
                new Charge("rg", "p+batch", Map.of(), 1L)),
            // the client left mid-stream
            ledger(
                Ledger.CLIENT_CLOSED,
                true,
                KEY,
                DIRECT,
                FilterOutcome.NONE,
                "chat",
                new Charge("rg", "p", Map.of(), 5_000_000_000_010L)));
    for (Ledger l : ledgers) {
      AuditEntry typed = listener.entry(l);
      assertThat(typed.properties()).isInstanceOf(DataPlaneProperties.class);
      AuditEntry tree = withProperties(typed, tree(l));
      var typedCanonical = new Canonical();
      var treeCanonical = new Canonical();
      AuditRecord fromTyped = typedCanonical.chain("s1", 42, Canonical.GENESIS, typed);
      AuditRecord fromTree = treeCanonical.chain("s1", 42, Canonical.GENESIS, tree);
      assertThat(fromTyped.properties()).isEqualTo(Canonical.properties(tree(l)));
      assertThat(fromTyped).isEqualTo(fromTree);
      assertThat(new Canonical().hash(fromTyped)).isEqualTo(fromTyped.hash());
      assertThat(line(typedCanonical)).isEqualTo(line(treeCanonical));
    }
  }

  @Test
  void controlPlanePropertiesKeepTheirTreeText() {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("kind", "controlPlane").put("z", "\u00fc \"q\"\n");
    p.putObject("after").put("sku", "S0").put("capacity", 10);
    p.putObject("before");
    var entry =
        new AuditEntry(
            CLOCK.instant(),
            AuditEntry.AUDIT,
            RESOURCE,
            "Microsoft.CognitiveServices/accounts/deployments/write",
            "Succeeded",
            0,
            "local",
            "",
            "admin",
            "",
            p);
    var canonical = new Canonical();
    AuditRecord r = canonical.chain("s1", 1, Canonical.GENESIS, entry);
    assertThat(r.properties())
        .isEqualTo(
            "{\"after\":{\"capacity\":10,\"sku\":\"S0\"},\"before\":{},\"kind\":\"controlPlane\","
                + "\"z\":\"\u00fc \\\"q\\\"\\n\"}");
    assertThat(new Canonical().hash(r)).isEqualTo(r.hash());
    assertThat(line(canonical)).isEqualTo(new Canonical().line(r) + "\n");
  }

  @Test
  void costIsWrittenAsBigDecimalsPlainText() {
    var random = new Random(7);
    var canonical = new Canonical();
    long[] fixed = {0, 1, 10, 999_999_999_999L, 1_000_000_000_000L, 1_500_000_000_000L, 120_000};
    for (int i = 0; i < fixed.length + 2000; i++) {
      long pico =
          i < fixed.length
              ? fixed[i]
              : (random.nextBoolean() ? random.nextLong(1_000_000_000_000_000L) : i * 1_000_000L);
      Charge charge = new Charge("rg", "p", Map.of(), pico);
      String text =
          canonical.chain("s1", 1, Canonical.GENESIS, listener.entry(ledger(charge))).properties();
      assertThat(text).contains("\"costUsd\":\"" + charge.usd().toPlainString() + "\"");
      assertThat(charge.usd()).isEqualByComparingTo(BigDecimal.valueOf(pico, 12));
    }
  }

  private static String line(Canonical canonical) {
    var out = new ByteArrayOutputStream();
    canonical.copyLineTo(out);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static Charge none() {
    return Charge.NONE;
  }

  private static Ledger ledger(Charge charge) {
    return ledger(200, false, KEY, DIRECT, FilterOutcome.NONE, "chat", charge);
  }

  private static Ledger ledger(
      int status,
      boolean streamed,
      Caller caller,
      NetworkPath network,
      FilterOutcome filter,
      String deployment,
      Charge charge) {
    return new Ledger(
        "req-1",
        "ChatCompletions_Create",
        deployment.isEmpty() ? "" : "acct",
        deployment,
        deployment.isEmpty() ? "" : "gpt-4o",
        "acct/key1",
        120,
        36,
        status,
        streamed,
        0L,
        2_400_000L,
        deployment.isEmpty() ? "" : RESOURCE,
        caller,
        network,
        filter,
        1_200_000L,
        64,
        charge);
  }

  private static AuditEntry withProperties(AuditEntry e, ObjectNode properties) {
    return new AuditEntry(
        e.time(),
        e.category(),
        e.resourceId(),
        e.operationName(),
        e.resultSignature(),
        e.durationMs(),
        e.callerIpAddress(),
        e.correlationId(),
        e.identity(),
        e.deployment(),
        properties);
  }

  /** The properties as the data-plane listener built them as a JSON tree. */
  private static ObjectNode tree(Ledger l) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
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
    ObjectNode network = p.putObject("networkPath");
    NetworkPath path = l.network();
    if (path.internal()) {
      network.put("path", "internal");
    } else {
      boolean endpoint = !path.source().isEmpty() && path.listener().equals(PRIVATE);
      network.put("path", endpoint ? "private" : "public");
      if (endpoint) {
        network.put("privateEndpoint", "pe-1");
      }
      if (!path.proxy().isEmpty()) {
        network.put("trustedProxy", path.proxy());
      }
    }
    if (!l.caller().objectId().isEmpty()) {
      p.put("objectId", l.caller().objectId());
    }
    if (!l.charge().pricing().isEmpty()) {
      p.put("pricing", l.charge().pricing());
    }
    ObjectNode principal = p.putObject("principal");
    Caller c = l.caller();
    switch (c.kind()) {
      case "key" -> principal.put("keySlot", c.keySlot());
      case "entra" -> {
        principal.put("appId", c.appId());
        c.groups().forEach(principal.putArray("groups")::add);
        principal.put("objectId", c.objectId());
        principal.put("tenantId", c.tenantId());
      }
      case "internal" -> principal.put("purpose", c.purpose());
      default -> {}
    }
    principal.put("type", c.kind());
    p.put("promptTokens", l.promptTokens());
    p.put("streamType", l.streamed() ? "Streaming" : "Non-Streaming");
    return p;
  }
}
