package dev.lazurite.server;

import dev.lazurite.control.ArmHandler;
import dev.lazurite.control.arm.MetadataEndpoints;
import dev.lazurite.cost.BudgetRoutes;
import dev.lazurite.cost.CostQueryRoutes;
import dev.lazurite.cost.CostScopes;
import dev.lazurite.cost.PriceRoutes;
import dev.lazurite.identity.Audiences;
import dev.lazurite.searchservice.SearchServices;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import java.time.Clock;
import java.util.Set;

/**
 * The ARM-shaped management API under {@code /subscriptions}, protected by the admin credential or
 * a management token, and the cloud metadata ARM clients read first.
 */
public final class ControlWiring {
  private final Handler arm;

  /**
   * @param addresses where each resource's endpoint is, printed in its ARM body
   */
  public ControlWiring(
      Clock clock,
      Foundation foundation,
      IdentityWiring identity,
      SearchServices searchServices,
      ServerAddresses addresses) {
    var store = foundation.store();
    var handler =
        new ArmHandler(
            foundation.control(),
            store,
            foundation.admin().token(),
            addresses::resources,
            clock,
            identity.ownTokens(Set.of(Audiences.MANAGEMENT)),
            foundation.subscription(),
            identity.issuer().tenantId(),
            foundation.quota(),
            searchServices,
            store.rai(),
            foundation.cost().deploymentTags());
    var scopes =
        new CostScopes(
            foundation.subscription(),
            (sub, group) -> foundation.control().resourceGroups().get(sub, group).isPresent());
    new BudgetRoutes(foundation.cost(), scopes).register(handler.routes());
    new CostQueryRoutes(foundation.cost(), scopes).register(handler.routes());
    new PriceRoutes(foundation.cost(), scopes).register(handler.routes());
    new dev.lazurite.observability.azure.InsightsRoutes(
            foundation.control(),
            new dev.lazurite.observability.azure.AzureMetrics(store.usage()),
            clock)
        .register(handler.routes());
    this.arm = addresses.whenBound(handler);
  }

  /** Registers ARM and the cloud's metadata endpoints. */
  public void routing(HttpRouting.Builder routing) {
    routing.any("/subscriptions", arm).any("/subscriptions/*", arm);
    routing.get("/metadata/endpoints", new MetadataEndpoints());
  }
}
