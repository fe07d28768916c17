package dev.lazurite.cost;

import dev.lazurite.pipeline.Charge;
import dev.lazurite.pipeline.Ledger;
import dev.lazurite.pipeline.PipelineListener;
import dev.lazurite.runtime.AccountRuntime;
import dev.lazurite.runtime.DeploymentRuntime;
import dev.lazurite.runtime.RuntimeSnapshot;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Prices a request's ledger once, when it closes: the deployment's model, version and type find the
 * price row; uncached prompt tokens pay the input price and cached ones the cached-input price;
 * batch deployments and batch jobs pay half; statuses Azure does not charge, and provisioned
 * deployments (paid per PTU-hour), cost nothing per token. The charge also names the account's
 * resource group and the tags (the account's, overridden by the deployment's) that reports and
 * budgets filter on. Reads only memory.
 */
public final class Pricer implements Function<Ledger, Charge> {
  /** The caller batch jobs' lines are recorded under. */
  public static final String BATCH_CALLER = "internal/batch";

  private final Supplier<RuntimeSnapshot> snapshot;
  private final CostCache cache;

  public Pricer(Supplier<RuntimeSnapshot> snapshot, CostCache cache) {
    this.snapshot = snapshot;
    this.cache = cache;
  }

  /**
   * The listeners after pricing: each sees every closed ledger with its charge, the same one for
   * all of them.
   */
  public PipelineListener pricing(PipelineListener listeners) {
    return new PricedListener(this, listeners);
  }

  @Override
  public Charge apply(Ledger ledger) {
    Optional<AccountRuntime> account = snapshot.get().account(ledger.account());
    if (account.isEmpty()) {
      return Charge.NONE;
    }
    var a = account.get().account();
    // The charge keeps its own sorted copy; the account's tags alone need no merged map.
    Map<String, String> tags = a.metadata().tags();
    Map<String, String> deploymentTags = cache.deploymentTags(a.name(), ledger.deployment());
    if (!deploymentTags.isEmpty()) {
      tags = new HashMap<>(tags);
      tags.putAll(deploymentTags);
    }
    Optional<DeploymentRuntime> deployment = account.get().deployment(ledger.deployment());
    if (deployment.isEmpty() || !Billing.charged(ledger.status())) {
      return new Charge(a.resourceGroup(), "", tags, 0);
    }
    var d = deployment.get().deployment();
    String sku = d.sku().name();
    DeploymentType type = DeploymentType.ofSku(sku);
    if (type == DeploymentType.PROVISIONED) {
      return new Charge(a.resourceGroup(), "", tags, 0);
    }
    boolean batch = DeploymentType.isBatchSku(sku) || ledger.principal().equals(BATCH_CALLER);
    Optional<Price> price = cache.prices().find(d.model().name(), d.model().version(), type);
    Optional<BigDecimal> media = MediaPrices.perUnit(d.model().name());
    if (price.isEmpty() && media.isPresent()) {
      long units = (long) ledger.promptTokens() + ledger.completionTokens();
      BigDecimal usd = media.get().multiply(BigDecimal.valueOf(units));
      return new Charge(
          a.resourceGroup(),
          "media/" + d.model().name() + "/" + MediaPrices.AS_OF,
          tags,
          Pricing.pico(batch ? usd.divide(BigDecimal.TWO) : usd));
    }
    if (price.isEmpty()) {
      return new Charge(a.resourceGroup(), "", tags, 0);
    }
    BigDecimal usd =
        Pricing.usd(
            price.get(),
            ledger.promptTokens(),
            ledger.cachedPromptTokens(),
            ledger.completionTokens(),
            batch);
    return new Charge(
        a.resourceGroup(), price.get().key() + (batch ? "+batch" : ""), tags, Pricing.pico(usd));
  }
}
