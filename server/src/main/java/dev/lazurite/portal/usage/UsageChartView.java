package dev.lazurite.portal.usage;

import static java.util.Objects.requireNonNull;

/**
 * A chart as the page shows it.
 *
 * @param svg the {@code <svg>} element, drawn by {@link UsageChart}
 */
public record UsageChartView(String id, String title, String svg) {
  public UsageChartView {
    requireNonNull(id, "id is null");
    requireNonNull(title, "title is null");
    requireNonNull(svg, "svg is null");
  }
}
