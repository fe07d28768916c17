package dev.lazurite.cost;

import java.util.List;
import java.util.Map;

/**
 * What the request path reads of cost, in memory: the price table, deployment tags and the budgets
 * whose hard cap is reached. {@link CostService} refreshes it from the store on every evaluation
 * (and at once after a local write), so instances on one database agree within one interval.
 */
public final class CostCache {
  private volatile PriceTable prices = PriceTable.EMPTY;
  private volatile Map<String, Map<String, String>> deploymentTags = Map.of();
  private volatile List<Budget> blocking = List.of();

  public PriceTable prices() {
    return prices;
  }

  public Map<String, String> deploymentTags(String account, String deployment) {
    return deploymentTags.getOrDefault(account + "/" + deployment, Map.of());
  }

  /** The budgets with {@code "enforcement": "block"} whose spend has reached their amount. */
  public List<Budget> blocking() {
    return blocking;
  }

  void load(CostStore store) {
    prices = new PriceTable(store.prices());
    deploymentTags = Map.copyOf(store.deploymentTags());
  }

  void blocking(List<Budget> budgets) {
    blocking = List.copyOf(budgets);
  }
}
