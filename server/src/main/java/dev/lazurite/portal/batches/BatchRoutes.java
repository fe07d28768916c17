package dev.lazurite.portal.batches;

import dev.lazurite.batch.Batch;
import dev.lazurite.batch.BatchService;
import dev.lazurite.control.Account;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.pipeline.Operation;
import dev.lazurite.portal.web.Access;
import dev.lazurite.portal.web.PortalRequest;
import dev.lazurite.portal.web.PortalRoute;
import dev.lazurite.portal.web.Reply;
import dev.lazurite.rbac.AuthorizationStage;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * A resource's batch jobs, newest first, with status, progress and times; cancelling one goes
 * through the batch service, as {@code POST /openai/batches/{id}/cancel} does.
 */
public final class BatchRoutes {
  /** What the Batch API asks to list batches. */
  public static final String READ = AuthorizationStage.dataAction(Operation.BATCHES_LIST);

  /** What the Batch API asks to cancel one. */
  public static final String CANCEL = AuthorizationStage.dataAction(Operation.BATCHES_CANCEL);

  /** Batches the page lists. */
  static final int LIMIT = 100;

  private static final String BASE = "/portal/resources/{group}/{account}/batches";

  private final ControlPlane control;
  private final BatchService batches;
  private final String subscription;

  public BatchRoutes(ControlPlane control, BatchService batches, String subscription) {
    this.control = control;
    this.batches = batches;
    this.subscription = subscription;
  }

  public List<PortalRoute> routes() {
    return List.of(
        PortalRoute.get(BASE, new Access.Requires(READ), this::list),
        PortalRoute.post(BASE + "/{name}/cancel", new Access.Requires(CANCEL), this::cancel));
  }

  private Reply list(PortalRequest request) {
    Account account = account(request);
    List<BatchView> views =
        batches.list(account.name(), Optional.empty(), LIMIT).stream()
            .map((Batch b) -> BatchView.of(b, batches.counts(b)))
            .toList();
    var scope = request.access().scopes().accountScope(account.resourceGroup(), account.name());
    var params = new HashMap<String, Object>();
    params.put("group", account.resourceGroup());
    params.put("account", account.name());
    params.put("batches", views);
    params.put("canCancel", request.access().allows(CANCEL, scope));
    return Reply.page("batches", params);
  }

  private Reply cancel(PortalRequest request) {
    Account account = account(request);
    batches.cancel(account.name(), request.path("name"));
    return new Reply.Redirect(
        "/portal/resources/" + account.resourceGroup() + "/" + account.name() + "/batches");
  }

  private Account account(PortalRequest request) {
    return control.account(subscription, request.path("group"), request.path("account"));
  }
}
