package dev.lazurite.cost;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A budget's spend, summed from the same usage lines the cost report shows, and its forecast for
 * the period.
 */
final class Spend {
  private Spend() {}

  /** Pico-dollars of the lines in the budget's scope and filter. */
  static long pico(Budget budget, List<CostLine> lines, String subscription) {
    long total = 0;
    for (CostLine line : lines) {
      if (budget.scope().covers(line.resourceGroup())
          && budget.filter().matches(line, subscription)) {
        total = Math.addExact(total, line.picoUsd());
      }
    }
    return total;
  }

  /** The spend at the end of the period if it goes on at the rate it has so far. */
  static BigDecimal forecast(BigDecimal actual, Budget.Period period, Instant now) {
    long elapsed = Math.max(1, Duration.between(period.from(), now).toSeconds());
    long length = Duration.between(period.from(), period.to()).toSeconds();
    if (elapsed >= length) {
      return actual;
    }
    return actual
        .multiply(BigDecimal.valueOf(length))
        .divide(BigDecimal.valueOf(elapsed), 12, java.math.RoundingMode.HALF_EVEN);
  }
}
