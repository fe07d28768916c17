package dev.lazurite.portal.usage;

import dev.lazurite.control.Account;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.portal.web.Access;
import dev.lazurite.portal.web.PortalRequest;
import dev.lazurite.portal.web.PortalRoute;
import dev.lazurite.portal.web.Reply;
import dev.lazurite.quota.QuotaCounters;
import dev.lazurite.quota.RateLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A resource's quota use: each deployment's limits (tokens and requests per minute, from its
 * capacity) and the tokens taken in the current minute, read from the same counters that enforce
 * them; and the capacity each model and SKU uses of the resource's quota. The same numbers as the
 * ARM {@code usages} route, under the same action.
 */
public final class QuotaRoutes {
  public static final String READ = "Microsoft.CognitiveServices/accounts/usages/read";
  private static final String PATH = "/portal/resources/{group}/{account}/quota";

  private final ControlPlane control;
  private final QuotaCounters counters;
  private final String subscription;

  public QuotaRoutes(ControlPlane control, QuotaCounters counters, String subscription) {
    this.control = control;
    this.counters = counters;
    this.subscription = subscription;
  }

  public List<PortalRoute> routes() {
    return List.of(PortalRoute.get(PATH, new Access.Requires(READ), this::show));
  }

  /** One deployment's limits and use; {@code limited} is false for provisioned and batch ones. */
  public record DeploymentQuota(
      String name,
      String model,
      String sku,
      int capacity,
      boolean limited,
      long tokensPerMinute,
      long requestsPerMinute,
      long tokensUsed,
      int percent) {}

  /** The capacity units a model and SKU use of the resource's quota. */
  public record ModelQuota(String name, int used, int limit, int percent) {}

  private Reply show(PortalRequest request) {
    Account account = control.account(subscription, request.path("group"), request.path("account"));
    List<DeploymentQuota> deployments = new ArrayList<>();
    var models = new TreeSet<String>();
    for (Deployment d : control.deployments(account)) {
      var limits = RateLimits.of(d.sku());
      if (!d.sku().name().contains("Provisioned")) {
        models.add(d.model().name() + "|" + d.sku().name());
      }
      if (limits.isEmpty()) {
        deployments.add(
            new DeploymentQuota(
                d.name(), d.model().name(), d.sku().name(), d.sku().capacity(), false, 0, 0, 0, 0));
        continue;
      }
      long limit = limits.get().tokensPerMinute();
      long used =
          Math.max(
              0, limit - counters.remainingTokens(account.name() + "/" + d.name(), limits.get()));
      deployments.add(
          new DeploymentQuota(
              d.name(),
              d.model().name(),
              d.sku().name(),
              d.sku().capacity(),
              true,
              limit,
              limits.get().requestsPerMinute(),
              used,
              percent(used, limit)));
    }
    List<ModelQuota> quotas = new ArrayList<>();
    for (String key : models) {
      String[] parts = key.split("\\|");
      int used = control.quotaUsed(account, parts[0], parts[1]);
      int limit = ControlPlane.DEFAULT_QUOTA_UNITS;
      quotas.add(
          new ModelQuota(
              ControlPlane.quotaName(parts[0], parts[1]), used, limit, percent(used, limit)));
    }
    return Reply.page(
        "quota",
        Map.of(
            "group",
            account.resourceGroup(),
            "account",
            account.name(),
            "deployments",
            deployments,
            "quotas",
            quotas));
  }

  private static int percent(long used, long limit) {
    return limit <= 0 ? 0 : (int) Math.min(100, used * 100 / limit);
  }
}
