package dev.lazurite.cost;

import dev.lazurite.metering.UsageRecord;
import dev.lazurite.pipeline.Ledger;
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
 * Prices a request's ledger when metering records it: the deployment's model, version and type find
 * the price row; batch deployments and batch jobs pay half; statuses Azure does not charge cost
 * nothing. The record also names the account's resource group and the tags (the account's,
 * overridden by the deployment's) that reports and budgets filter on. Reads only memory.
 */
public final class Pricer implements Function<Ledger, UsageRecord.Cost> {
  /** The caller batch jobs' lines are recorded under. */
  public static final String BATCH_CALLER = "internal/batch";

  private final Supplier<RuntimeSnapshot> snapshot;
  private final CostCache cache;

  public Pricer(Supplier<RuntimeSnapshot> snapshot, CostCache cache) {
    this.snapshot = snapshot;
    this.cache = cache;
  }

  @Override
  public UsageRecord.Cost apply(Ledger ledger) {
    Optional<AccountRuntime> account = snapshot.get().account(ledger.account());
    if (account.isEmpty()) {
      return UsageRecord.Cost.NONE;
    }
    var a = account.get().account();
    Map<String, String> tags = new HashMap<>(a.metadata().tags());
    tags.putAll(cache.deploymentTags(a.name(), ledger.deployment()));
    Optional<DeploymentRuntime> deployment = account.get().deployment(ledger.deployment());
    if (deployment.isEmpty() || !Billing.charged(ledger.status())) {
      return new UsageRecord.Cost(a.resourceGroup(), "", tags, 0, 0);
    }
    var d = deployment.get().deployment();
    String sku = d.sku().name();
    boolean batch = DeploymentType.isBatchSku(sku) || ledger.principal().equals(BATCH_CALLER);
    Optional<Price> price =
        cache.prices().find(d.model().name(), d.model().version(), DeploymentType.ofSku(sku));
    if (price.isEmpty()) {
      return new UsageRecord.Cost(a.resourceGroup(), "", tags, 0, 0);
    }
    int cached = 0;
    BigDecimal usd =
        Pricing.usd(price.get(), ledger.promptTokens(), cached, ledger.completionTokens(), batch);
    return new UsageRecord.Cost(
        a.resourceGroup(),
        price.get().key() + (batch ? "+batch" : ""),
        tags,
        cached,
        Pricing.pico(usd));
  }
}
