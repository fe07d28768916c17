package dev.lazurite.portal.usage;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * One usage metric as a stacked bar chart, drawn on the server as SVG: a bar per bucket, a segment
 * per group. The SVG carries its styling as presentation attributes (no {@code style} attribute),
 * so it renders inline under the portal's content security policy, which allows no inline styles.
 */
public final class UsageChart {
  private static final int WIDTH = 760;
  private static final int HEIGHT = 340;
  private static final Pattern STYLE = Pattern.compile("style=(['\"])(.*?)\\1");

  private UsageChart() {}

  /** What a chart plots per row. */
  public enum Metric {
    TOKENS("Tokens", r -> r.totalTokens()),
    REQUESTS("Requests", r -> r.requests()),
    COST("Cost (USD)", r -> r.usd().doubleValue());

    private final String label;
    private final ToDoubleFunction<UsageRow> value;

    Metric(String label, ToDoubleFunction<UsageRow> value) {
      this.label = label;
      this.value = value;
    }

    public String label() {
      return label;
    }
  }

  /**
   * The chart's {@code <svg>} element.
   *
   * @param id the element id; its title names the chart for screen readers
   * @param buckets every bucket label, in order, including those without usage
   */
  public static String svg(
      String id, String title, Metric metric, List<String> buckets, List<UsageRow> rows) {
    var sums = new LinkedHashMap<String, Map<String, Double>>();
    for (UsageRow row : rows) {
      sums.computeIfAbsent(row.group(), g -> new HashMap<>())
          .merge(row.bucket(), metric.value.applyAsDouble(row), Double::sum);
    }
    var data = new DefaultCategoryDataset();
    for (var group : sums.entrySet()) {
      for (String bucket : buckets) {
        data.addValue(group.getValue().getOrDefault(bucket, 0.0), group.getKey(), bucket);
      }
    }
    JFreeChart chart =
        ChartFactory.createStackedBarChart(
            title, null, metric.label(), data, PlotOrientation.VERTICAL, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xCCCCCC));
    plot.setOutlineVisible(false);
    if (buckets.size() > 10) {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
    }
    if (plot.getRenderer() instanceof StackedBarRenderer bars) {
      bars.setBarPainter(new StandardBarPainter());
      bars.setShadowVisible(false);
      bars.setMaximumBarWidth(0.08);
    }
    var g2 = new SVGGraphics2D(WIDTH, HEIGHT);
    chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
    String svg = g2.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    return accessible(presentational(svg), id, title);
  }

  /** Turns each {@code style} attribute into the presentation attributes it sets. */
  static String presentational(String svg) {
    Matcher m = STYLE.matcher(svg);
    var out = new StringBuilder(svg.length());
    while (m.find()) {
      var attrs = new StringBuilder();
      for (String declaration : m.group(2).split(";")) {
        int colon = declaration.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String name = declaration.substring(0, colon).strip();
        String value = declaration.substring(colon + 1).strip().replace("\"", "'");
        if (!name.matches("[a-z\\-]+")) {
          continue;
        }
        if (!attrs.isEmpty()) {
          attrs.append(' ');
        }
        attrs.append(name).append("=\"").append(value).append('"');
      }
      m.appendReplacement(out, Matcher.quoteReplacement(attrs.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Names the chart: {@code role="img"} and a {@code <title>} as its accessible name. */
  private static String accessible(String svg, String id, String title) {
    int open = svg.indexOf('>', svg.indexOf("<svg"));
    String escaped =
        title
            .replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;");
    return svg.substring(0, open)
        + " role=\"img\" aria-labelledby=\""
        + id
        + "-title\"><title id=\""
        + id
        + "-title\">"
        + escaped
        + "</title>"
        + svg.substring(open + 1);
  }
}
