package dev.lazurite.portal.policies;

import dev.lazurite.control.Account;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.portal.web.Access;
import dev.lazurite.portal.web.PortalRequest;
import dev.lazurite.portal.web.PortalRoute;
import dev.lazurite.portal.web.Reply;
import dev.lazurite.safety.RaiPolicy;
import dev.lazurite.store.RaiStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * A resource's content filter policies ({@code raiPolicies}): the built-in ones and its own, each
 * with its per-category thresholds and streaming mode, and one shown whole.
 */
public final class PolicyRoutes {
  public static final String READ = "Microsoft.CognitiveServices/accounts/raiPolicies/read";

  private final ControlPlane control;
  private final RaiStore rai;
  private final String subscription;

  public PolicyRoutes(ControlPlane control, RaiStore rai, String subscription) {
    this.control = control;
    this.rai = rai;
    this.subscription = subscription;
  }

  public List<PortalRoute> routes() {
    return List.of(
        PortalRoute.get(
            "/portal/resources/{group}/{account}/content-filters",
            new Access.Requires(READ),
            this::list));
  }

  private Reply list(PortalRequest request) {
    Account account = control.account(subscription, request.path("group"), request.path("account"));
    List<RaiPolicy> all = new ArrayList<>(RaiPolicy.builtIns());
    all.addAll(rai.policies(account.name()));
    List<PolicyView> views = all.stream().map(PolicyView::of).toList();
    Optional<String> chosen =
        Optional.ofNullable(request.query().get("policy")).filter(s -> !s.isBlank());
    Optional<PolicyView> shown = Optional.empty();
    if (chosen.isPresent()) {
      shown = views.stream().filter(v -> v.name().equals(chosen.get())).findFirst();
      if (shown.isEmpty()) {
        throw ApiException.of(
            ErrorCode.ARM_RESOURCE_NOT_FOUND,
            "Microsoft.CognitiveServices/accounts/"
                + account.name()
                + "/raiPolicies/"
                + chosen.get(),
            account.resourceGroup());
      }
    }
    var params = new HashMap<String, Object>();
    params.put("group", account.resourceGroup());
    params.put("account", account.name());
    params.put("policies", views);
    params.put("categories", PolicyView.CATEGORIES);
    params.put("shown", shown);
    return Reply.page("content-filters", params);
  }
}
