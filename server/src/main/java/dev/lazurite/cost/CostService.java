package dev.lazurite.cost;

import dev.lazurite.network.OutboundPolicy;
import dev.lazurite.runtime.RuntimeSnapshot;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cost as one service: the cache the request path reads (prices, deployment tags, blocking budgets)
 * and the background evaluation that refreshes it from the store and sends budget alerts. Reports
 * and budgets both sum the same {@link #lines}: the stored usage rows, each priced when it was
 * recorded, and the PTU-hours of provisioned deployments.
 */
public final class CostService implements AutoCloseable {
  /** How often budgets are evaluated and the cache refreshed. */
  public static final Duration INTERVAL = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(CostService.class);

  private final CostStore store;
  private final CostCache cache = new CostCache();
  private final Webhooks webhooks;
  private final BudgetEvaluator evaluator;
  private final Clock clock;
  private final String subscription;
  private final Supplier<RuntimeSnapshot> snapshot;
  private final Thread loop;
  private volatile boolean closed;

  /**
   * @param interval how often to evaluate; {@link Duration#ZERO} for never (tests call {@link
   *     #evaluate()})
   */
  public CostService(
      CostStore store,
      OutboundPolicy outbound,
      Clock clock,
      String subscription,
      Duration interval) {
    this(store, outbound, clock, subscription, interval, () -> RuntimeSnapshot.EMPTY);
  }

  /**
   * @param snapshot the deployments, for the PTU-hours of provisioned ones
   */
  public CostService(
      CostStore store,
      OutboundPolicy outbound,
      Clock clock,
      String subscription,
      Duration interval,
      Supplier<RuntimeSnapshot> snapshot) {
    this.store = store;
    this.webhooks = new Webhooks(outbound);
    this.clock = clock;
    this.subscription = subscription;
    this.snapshot = snapshot;
    this.evaluator = new BudgetEvaluator(store, this::lines, webhooks, clock, subscription);
    cache.load(store);
    this.loop =
        interval.isZero()
            ? null
            : Thread.ofPlatform().daemon(true).name("lazurite-budgets").start(() -> run(interval));
  }

  private void run(Duration interval) {
    while (!closed) {
      try {
        Thread.sleep(interval);
        evaluate();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("budget evaluation failed: {}", e.toString());
      }
    }
  }

  /** Refreshes the cache from the store and evaluates every budget once. */
  public void evaluate() {
    cache.load(store);
    cache.blocking(evaluator.evaluate());
  }

  /**
   * What was spent in {@code [from, to)}: the usage rows summed per account, deployment, caller,
   * tags and day, and the provisioned deployments' PTU-hours up to now.
   */
  public List<CostLine> lines(Instant from, Instant to) {
    List<CostLine> lines = new ArrayList<>(store.lines(from, to));
    lines.addAll(
        ProvisionedHours.lines(
            store.capacityHistory(), snapshot.get(), cache, from, to, clock.instant()));
    return lines;
  }

  public CostCache cache() {
    return cache;
  }

  public CostStore store() {
    return store;
  }

  public Clock clock() {
    return clock;
  }

  public String subscription() {
    return subscription;
  }

  /** A budget's spend in its current period, in USD. */
  public BigDecimal spend(Budget budget) {
    return evaluator.spend(budget);
  }

  /** Reads the price table and deployment tags again, after a write made through the store. */
  public void refresh() {
    cache.load(store);
  }

  public void putPrice(Price price) {
    store.putPrice(price);
    cache.load(store);
  }

  /** Deployment tags as the ARM deployment routes read and write them. */
  public dev.lazurite.control.DeploymentTags deploymentTags() {
    return new dev.lazurite.control.DeploymentTags() {
      @Override
      public Map<String, String> get(String account, String deployment) {
        return store.deploymentTags().getOrDefault(account + "/" + deployment, Map.of());
      }

      @Override
      public void put(String account, String deployment, Map<String, String> tags) {
        store.putDeploymentTags(account, deployment, tags);
        cache.load(store);
      }
    };
  }

  @Override
  public void close() {
    closed = true;
    if (loop != null) {
      loop.interrupt();
    }
    webhooks.close();
  }
}
