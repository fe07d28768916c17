package dev.lazurite.portal.deployments;

import dev.lazurite.control.Account;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.deployment.Deployment;
import dev.lazurite.deployment.SkuNames;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.portal.web.Access;
import dev.lazurite.portal.web.PortalRequest;
import dev.lazurite.portal.web.PortalRoute;
import dev.lazurite.portal.web.Reply;
import dev.lazurite.safety.RaiPolicy;
import dev.lazurite.store.RaiStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resource's deployments: the list, and creating (from the model catalog), scaling, changing the
 * content filter policy of, and deleting one. Every change goes through the control plane's
 * deployment service, the same checked, transactional write the ARM API makes.
 */
public final class DeploymentRoutes {
  public static final String READ = "Microsoft.CognitiveServices/accounts/deployments/read";
  public static final String WRITE = "Microsoft.CognitiveServices/accounts/deployments/write";
  public static final String DELETE = "Microsoft.CognitiveServices/accounts/deployments/delete";
  private static final String BASE = "/portal/resources/{group}/{account}/deployments";

  private final ControlPlane control;
  private final RaiStore rai;
  private final String subscription;

  public DeploymentRoutes(ControlPlane control, RaiStore rai, String subscription) {
    this.control = control;
    this.rai = rai;
    this.subscription = subscription;
  }

  public List<PortalRoute> routes() {
    return List.of(
        PortalRoute.get(BASE, new Access.Requires(READ), this::list),
        PortalRoute.post(BASE, new Access.Requires(WRITE), this::create),
        PortalRoute.post(BASE + "/{name}/capacity", new Access.Requires(WRITE), this::scale),
        PortalRoute.post(BASE + "/{name}/policy", new Access.Requires(WRITE), this::policy),
        PortalRoute.post(BASE + "/{name}/delete", new Access.Requires(DELETE), this::delete));
  }

  private Reply list(PortalRequest request) {
    Account account = account(request);
    var scope = request.access().scopes().accountScope(account.resourceGroup(), account.name());
    return Reply.page(
        "deployments",
        Map.of(
            "group", account.resourceGroup(),
            "account", account.name(),
            "deployments", control.deployments(account).stream().map(DeploymentView::of).toList(),
            "catalog", CatalogChoice.all(),
            "skus", SkuNames.ALL,
            "policies", policies(account),
            "canWrite", request.access().allows(WRITE, scope),
            "canDelete", request.access().allows(DELETE, scope)));
  }

  private Reply create(PortalRequest request) {
    Account account = account(request);
    String model = required(request, "model");
    int at = model.lastIndexOf('@');
    if (at <= 0) {
      throw invalid("Choose a model from the catalog.");
    }
    control.putDeployment(
        account,
        new DeploymentRequest(
            required(request, "name"),
            model.substring(0, at),
            model.substring(at + 1),
            required(request, "sku"),
            capacity(request),
            request.field("policy").orElse(""),
            "",
            Optional.empty()));
    return back(account);
  }

  private Reply scale(PortalRequest request) {
    Account account = account(request);
    Deployment d = control.deployment(account, request.path("name"));
    control.putDeployment(account, update(d, capacity(request), d.raiPolicyName()));
    return back(account);
  }

  private Reply policy(PortalRequest request) {
    Account account = account(request);
    Deployment d = control.deployment(account, request.path("name"));
    control.putDeployment(account, update(d, d.sku().capacity(), required(request, "policy")));
    return back(account);
  }

  private Reply delete(PortalRequest request) {
    Account account = account(request);
    if (!control.deleteDeployment(account, request.path("name"))) {
      control.deployment(account, request.path("name"));
    }
    return back(account);
  }

  private static DeploymentRequest update(Deployment d, int capacity, String policy) {
    return new DeploymentRequest(
        d.name(),
        d.model().name(),
        d.model().version(),
        d.sku().name(),
        capacity,
        policy,
        d.versionUpgradeOption(),
        Optional.of(d.backend()));
  }

  private List<String> policies(Account account) {
    var names = new ArrayList<String>();
    RaiPolicy.builtIns().forEach(p -> names.add(p.name()));
    rai.policies(account.name()).forEach(p -> names.add(p.name()));
    return names;
  }

  private Account account(PortalRequest request) {
    return control.account(subscription, request.path("group"), request.path("account"));
  }

  private static Reply back(Account account) {
    return new Reply.Redirect(
        "/portal/resources/" + account.resourceGroup() + "/" + account.name() + "/deployments");
  }

  private static int capacity(PortalRequest request) {
    String value = required(request, "capacity");
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid("The capacity must be a whole number, got '" + value + "'.");
    }
  }

  private static String required(PortalRequest request, String field) {
    return request
        .field(field)
        .orElseThrow(() -> invalid("The field '" + field + "' is required."));
  }

  private static ApiException invalid(String message) {
    return ApiException.of(ErrorCode.ARM_INVALID_BODY, message);
  }
}
