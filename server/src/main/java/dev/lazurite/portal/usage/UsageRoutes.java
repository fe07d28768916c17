package dev.lazurite.portal.usage;

import dev.lazurite.control.Account;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.portal.web.Access;
import dev.lazurite.portal.web.PortalRequest;
import dev.lazurite.portal.web.PortalRoute;
import dev.lazurite.portal.web.Reply;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A resource's usage and cost page: requests, tokens (prompt, cached, completion) and cost per
 * deployment, key slot, principal, Entra group or tag, in day or hour buckets, charted and tabled,
 * for every caller or for the members of one Entra group. Reading it is reading the account, as the
 * cost report's readers do.
 */
public final class UsageRoutes {
  public static final String READ = "Microsoft.CognitiveServices/accounts/read";
  private static final String PATH = "/portal/resources/{group}/{account}/usage";

  private final ControlPlane control;
  private final UsageReport report;
  private final Clock clock;
  private final String subscription;

  public UsageRoutes(ControlPlane control, UsageReport report, Clock clock, String subscription) {
    this.control = control;
    this.report = report;
    this.clock = clock;
    this.subscription = subscription;
  }

  public List<PortalRoute> routes() {
    return List.of(PortalRoute.get(PATH, new Access.Requires(READ), this::show));
  }

  private Reply show(PortalRequest request) {
    Account account = control.account(subscription, request.path("group"), request.path("account"));
    UsagePeriod period =
        UsagePeriod.parse(request.query(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    List<UsageRow> rows = report.rows(account, period);
    List<String> buckets = period.buckets().stream().map(period::label).toList();
    List<UsageChartView> charts = new ArrayList<>();
    if (!rows.isEmpty()) {
      for (UsageChart.Metric metric : UsageChart.Metric.values()) {
        String id = "chart-" + metric.name().toLowerCase(java.util.Locale.ROOT);
        String title = metric.label() + " per " + period.by().noun();
        charts.add(new UsageChartView(id, title, UsageChart.svg(id, title, metric, buckets, rows)));
      }
    }
    var params = new HashMap<String, Object>();
    params.put("group", account.resourceGroup());
    params.put("account", account.name());
    params.put("period", period);
    params.put("rows", rows);
    params.put("total", total(rows));
    params.put("charts", charts);
    params.put("byChoices", List.of(UsagePeriod.By.values()));
    return Reply.page("usage", Map.copyOf(params));
  }

  private static UsageRow total(List<UsageRow> rows) {
    long requests = 0;
    long prompt = 0;
    long cached = 0;
    long completion = 0;
    BigDecimal usd = BigDecimal.ZERO;
    for (UsageRow r : rows) {
      requests += r.requests();
      prompt += r.promptTokens();
      cached += r.cachedTokens();
      completion += r.completionTokens();
      usd = usd.add(r.usd());
    }
    return new UsageRow("Total", "", requests, prompt, cached, completion, usd);
  }
}
