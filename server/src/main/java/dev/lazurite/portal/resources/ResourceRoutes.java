package dev.lazurite.portal.resources;

import dev.lazurite.control.Account;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.portal.web.Access;
import dev.lazurite.portal.web.PortalRequest;
import dev.lazurite.portal.web.PortalRoute;
import dev.lazurite.portal.web.Reply;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The resources (Azure "accounts") the principal may read, and each one's endpoint. */
public final class ResourceRoutes {
  public static final String READ = "Microsoft.CognitiveServices/accounts/read";

  private final ControlPlane control;
  private final String subscription;
  private final Function<String, String> endpoints;

  /**
   * @param endpoints a resource's endpoint by its name
   */
  public ResourceRoutes(
      ControlPlane control, String subscription, Function<String, String> endpoints) {
    this.control = control;
    this.subscription = subscription;
    this.endpoints = endpoints;
  }

  public List<PortalRoute> routes() {
    return List.of(
        PortalRoute.get("/portal/resources", new Access.SignedIn(), this::list),
        PortalRoute.get(
            "/portal/resources/{group}/{account}", new Access.Requires(READ), this::show));
  }

  private Reply list(PortalRequest request) {
    var scopes = request.access().scopes();
    List<ResourceView> visible =
        control.accounts().stream()
            .filter(a -> a.subscriptionId().equals(subscription))
            .filter(
                a ->
                    request.access().allows(READ, scopes.accountScope(a.resourceGroup(), a.name())))
            .sorted(Comparator.comparing(Account::resourceGroup).thenComparing(Account::name))
            .map(this::view)
            .toList();
    return Reply.page("resources", Map.of("resources", visible));
  }

  private Reply show(PortalRequest request) {
    Account account = control.account(subscription, request.path("group"), request.path("account"));
    return Reply.page(
        "resource",
        Map.of("resource", view(account), "deployments", control.deployments(account).size()));
  }

  private ResourceView view(Account account) {
    return new ResourceView(
        account.resourceGroup(),
        account.name(),
        account.location(),
        account.kind(),
        endpoints.apply(account.name()),
        account.disableLocalAuth());
  }
}
