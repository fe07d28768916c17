package dev.lazurite.cost;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates every budget against the stored usage: its spend this period, the notifications it
 * crosses, and whether its hard cap is reached. A crossed notification is claimed in the store
 * before anything is posted, so of several instances exactly one sends it, once per period.
 */
final class BudgetEvaluator {
  private static final Logger LOG = LoggerFactory.getLogger(BudgetEvaluator.class);

  private final CostStore store;
  private final Webhooks webhooks;
  private final Clock clock;
  private final String subscription;

  BudgetEvaluator(CostStore store, Webhooks webhooks, Clock clock, String subscription) {
    this.store = store;
    this.webhooks = webhooks;
    this.clock = clock;
    this.subscription = subscription;
  }

  /** A stored budget read back; null (and logged) for one that no longer reads. */
  static Budget budget(CostStore.Stored stored) {
    try {
      return BudgetBodies.read(
          ArmScope.parse(stored.scope()), stored.name(), stored.body().path("properties"));
    } catch (RuntimeException e) {
      LOG.warn("budget {} cannot be read: {}", stored.key(), e.getMessage());
      return null;
    }
  }

  /** The spend of a budget this period, in USD. */
  BigDecimal spend(Budget budget) {
    Budget.Period period = budget.period(clock.instant());
    return Pricing.display(
        Spend.pico(budget, store.lines(period.from(), period.to()), subscription));
  }

  /**
   * Evaluates every budget once.
   *
   * @return the budgets whose hard cap is reached
   */
  List<Budget> evaluate() {
    Instant now = clock.instant();
    Map<Budget.Period, List<CostLine>> lines = new HashMap<>();
    List<Budget> blocking = new ArrayList<>();
    for (CostStore.Stored stored : store.list(CostStore.Kind.BUDGET)) {
      Budget budget = budget(stored);
      if (budget == null || !budget.active(now)) {
        continue;
      }
      Budget.Period period = budget.period(now);
      List<CostLine> periodLines =
          lines.computeIfAbsent(period, p -> store.lines(p.from(), p.to()));
      BigDecimal actual = Pricing.usd(Spend.pico(budget, periodLines, subscription));
      if (budget.block() && actual.compareTo(budget.amount()) >= 0) {
        blocking.add(budget);
      }
      for (var entry : budget.notifications().entrySet()) {
        Budget.Notification n = entry.getValue();
        BigDecimal value =
            switch (n.thresholdType()) {
              case ACTUAL -> actual;
              case FORECASTED -> Spend.forecast(actual, period, now);
            };
        if (n.enabled()
            && n.crossed(value, budget.amount())
            && store.claimAlert(
                stored.key(), entry.getKey(), period.from(), now, value.toPlainString())) {
          send(budget, n, period, actual);
        }
      }
    }
    return blocking;
  }

  private void send(Budget budget, Budget.Notification n, Budget.Period period, BigDecimal actual) {
    ObjectNode payload =
        BudgetAlert.payload(budget, n, period, Pricing.display(Pricing.pico(actual)), "Lazurite");
    LOG.info("budget {} crossed {}% ({} USD)", budget.id(), n.threshold(), actual.toPlainString());
    for (String group : n.contactGroups()) {
      var id = ActionGroupId.parse(group);
      if (id.isEmpty()) {
        continue;
      }
      var stored = store.get(CostStore.Kind.ACTION_GROUP, id.get().key());
      if (stored.isEmpty() || !stored.get().body().path("properties").path("enabled").asBoolean()) {
        continue;
      }
      for (var hook : ActionGroupBodies.webhooks(stored.get().body().path("properties"))) {
        webhooks.post(hook.serviceUri(), payload);
      }
    }
  }
}
