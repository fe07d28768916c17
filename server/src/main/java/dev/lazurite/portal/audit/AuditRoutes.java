package dev.lazurite.portal.audit;

import dev.lazurite.audit.AuditQuery;
import dev.lazurite.audit.AuditRecord;
import dev.lazurite.audit.AuditStore;
import dev.lazurite.control.Account;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.portal.web.Access;
import dev.lazurite.portal.web.PortalRequest;
import dev.lazurite.portal.web.PortalRoute;
import dev.lazurite.portal.web.Reply;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A resource's audit log: its records (data-plane requests and control-plane changes), newest
 * first, a page at a time, filtered by time, principal, deployment, status and operation. Read
 * through the audit store's query, the one {@code lazurite audit list} uses. Records hold no
 * secrets (they name key slots, never keys, and drop secret-named fields), and the page shows no
 * record properties beyond the listed columns.
 */
public final class AuditRoutes {
  public static final String READ = "Microsoft.CognitiveServices/accounts/read";
  private static final String PATH = "/portal/resources/{group}/{account}/audit";

  private final ControlPlane control;
  private final AuditStore store;
  private final Runnable flush;
  private final Clock clock;
  private final String subscription;

  /**
   * @param flush waits until every record handed to the audit writer so far is stored
   */
  public AuditRoutes(
      ControlPlane control, AuditStore store, Runnable flush, Clock clock, String subscription) {
    this.control = control;
    this.store = store;
    this.flush = flush;
    this.clock = clock;
    this.subscription = subscription;
  }

  public List<PortalRoute> routes() {
    return List.of(PortalRoute.get(PATH, new Access.Requires(READ), this::show));
  }

  private Reply show(PortalRequest request) {
    Account account = control.account(subscription, request.path("group"), request.path("account"));
    AuditFilter filter = AuditFilter.parse(request.query(), clock.instant());
    flush.run();
    List<AuditRecord> found =
        store.query(
            new AuditQuery(
                java.util.Optional.of(filter.since()),
                filter.principal(),
                filter.deployment(),
                filter.status(),
                AuditQuery.MAX_LIMIT));
    String id = accountId(account).toLowerCase(Locale.ROOT);
    List<AuditView> matching = new ArrayList<>();
    for (int i = found.size() - 1; i >= 0; i--) {
      AuditRecord r = found.get(i);
      if (ofAccount(r, id) && operation(r, filter)) {
        matching.add(AuditView.of(r));
      }
    }
    int from = Math.min(matching.size(), (filter.page() - 1) * AuditFilter.PAGE_SIZE);
    int to = Math.min(matching.size(), from + AuditFilter.PAGE_SIZE);
    var params = new HashMap<String, Object>();
    params.put("group", account.resourceGroup());
    params.put("account", account.name());
    params.put("filter", filter);
    params.put("records", matching.subList(from, to));
    params.put("total", matching.size());
    params.put("truncated", found.size() >= AuditQuery.MAX_LIMIT);
    params.put("previous", filter.page() > 1 ? filter.page() - 1 : 0);
    params.put("next", to < matching.size() ? filter.page() + 1 : 0);
    return Reply.page("audit", Map.copyOf(params));
  }

  private static boolean ofAccount(AuditRecord r, String accountId) {
    String resource = r.resourceId().toLowerCase(Locale.ROOT);
    return resource.equals(accountId) || resource.startsWith(accountId + "/");
  }

  private static boolean operation(AuditRecord r, AuditFilter filter) {
    return filter
        .operation()
        .map(o -> o.equalsIgnoreCase(r.operationName()) || o.equalsIgnoreCase(r.category()))
        .orElse(true);
  }

  private static String accountId(Account account) {
    return "/subscriptions/"
        + account.subscriptionId()
        + "/resourceGroups/"
        + account.resourceGroup()
        + "/providers/Microsoft.CognitiveServices/accounts/"
        + account.name();
  }
}
