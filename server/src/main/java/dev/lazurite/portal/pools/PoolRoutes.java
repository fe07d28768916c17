package dev.lazurite.portal.pools;

import dev.lazurite.control.Account;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.portal.web.Access;
import dev.lazurite.portal.web.PortalRequest;
import dev.lazurite.portal.web.PortalRoute;
import dev.lazurite.portal.web.Reply;
import dev.lazurite.routing.NamedBackend;
import dev.lazurite.runtime.AccountRuntime;
import dev.lazurite.runtime.RuntimeSnapshot;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.function.Supplier;

/**
 * A resource's backend pools, read-only: the named backends it may pool, and for each deployment
 * with a pool the live state the data plane routes by (breakers and latency of the snapshot in
 * force).
 */
public final class PoolRoutes {
  /** What the ARM API asks to read an account's backends. */
  public static final String READ = "Microsoft.CognitiveServices/accounts/deployments/read";

  private final ControlPlane control;
  private final Supplier<RuntimeSnapshot> snapshots;
  private final String subscription;

  public PoolRoutes(
      ControlPlane control, Supplier<RuntimeSnapshot> snapshots, String subscription) {
    this.control = control;
    this.snapshots = snapshots;
    this.subscription = subscription;
  }

  public List<PortalRoute> routes() {
    return List.of(
        PortalRoute.get(
            "/portal/resources/{group}/{account}/pools", new Access.Requires(READ), this::list));
  }

  private Reply list(PortalRequest request) {
    Account account = control.account(subscription, request.path("group"), request.path("account"));
    List<PoolView> pools =
        snapshots
            .get()
            .account(account.name())
            .map(AccountRuntime::deployments)
            .map(
                d ->
                    d.values().stream()
                        .filter(r -> !r.pool().isEmpty())
                        .sorted(Comparator.comparing(r -> r.deployment().name()))
                        .map(PoolView::of)
                        .toList())
            .orElse(List.of());
    List<BackendView> backends =
        control.backends(account).stream()
            .sorted(Comparator.comparing(NamedBackend::name))
            .map(BackendView::of)
            .toList();
    var params = new HashMap<String, Object>();
    params.put("group", account.resourceGroup());
    params.put("account", account.name());
    params.put("pools", pools);
    params.put("backends", backends);
    return Reply.page("pools", params);
  }
}
