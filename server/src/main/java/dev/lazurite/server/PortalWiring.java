package dev.lazurite.server;

import dev.lazurite.batch.BatchService;
import dev.lazurite.pipeline.Pipelines;
import dev.lazurite.portal.audit.AuditRoutes;
import dev.lazurite.portal.batches.BatchRoutes;
import dev.lazurite.portal.deployments.DeploymentRoutes;
import dev.lazurite.portal.keys.KeyRoutes;
import dev.lazurite.portal.playground.PlaygroundCall;
import dev.lazurite.portal.playground.PlaygroundRoutes;
import dev.lazurite.portal.policies.BlocklistRoutes;
import dev.lazurite.portal.policies.PolicyRoutes;
import dev.lazurite.portal.pools.PoolRoutes;
import dev.lazurite.portal.resources.ResourceRoutes;
import dev.lazurite.portal.search.SearchRoutes;
import dev.lazurite.portal.session.SessionRevocations;
import dev.lazurite.portal.session.Sessions;
import dev.lazurite.portal.signin.OrganisationSignIn;
import dev.lazurite.portal.signin.SignInRoutes;
import dev.lazurite.portal.usage.QuotaRoutes;
import dev.lazurite.portal.usage.UsageReport;
import dev.lazurite.portal.usage.UsageRoutes;
import dev.lazurite.portal.web.Assets;
import dev.lazurite.portal.web.Pages;
import dev.lazurite.portal.web.PortalAccess;
import dev.lazurite.portal.web.PortalRoute;
import dev.lazurite.portal.web.PortalRouter;
import dev.lazurite.searchservice.SearchServices;
import io.helidon.webserver.http.HttpRouting;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The portal under {@code /portal}: its sessions (signed with a key every instance on the store
 * shares), its RBAC over the control plane's role assignments, and the route table of its pages.
 */
public final class PortalWiring {
  /** How long a portal session lasts after sign-in. */
  static final Duration SESSION_LIFETIME = Duration.ofHours(8);

  private final PortalRouter router;

  /**
   * @param flushAudit waits until every audit record so far is stored, before the audit page reads
   */
  PortalWiring(
      Clock clock,
      Foundation foundation,
      ServerAddresses addresses,
      Path dataDir,
      IdentityWiring identity,
      SearchServices search,
      BatchService batches,
      Supplier<Pipelines> pipelines,
      Runnable flushAudit) {
    var store = foundation.store();
    var control = foundation.control();
    String subscription = foundation.subscription();
    var sessions =
        new Sessions(
            ServerSecrets.shared(store.secrets(), dataDir.resolve("portal"), "portal-session.key"),
            clock,
            SESSION_LIFETIME,
            SessionRevocations.in(identity.identities()));
    List<PortalRoute> routes = new ArrayList<>();
    routes.addAll(Assets.routes());
    var organisation =
        new OrganisationSignIn(sessions, identity.codes(), identity.issuer().tenantId());
    routes.addAll(new SignInRoutes(sessions, foundation.admin().guard(), organisation).routes());
    routes.addAll(
        new ResourceRoutes(control, subscription, name -> addresses.resources().of(name)).routes());
    routes.addAll(new DeploymentRoutes(control, store.rai(), subscription).routes());
    routes.addAll(new KeyRoutes(control, subscription).routes());
    routes.addAll(new SearchRoutes(search, subscription).routes());
    routes.addAll(new PolicyRoutes(control, store.rai(), subscription).routes());
    routes.addAll(new BlocklistRoutes(control, store.rai(), subscription).routes());
    routes.addAll(new PoolRoutes(control, foundation.snapshots(), subscription).routes());
    routes.addAll(new BatchRoutes(control, batches, subscription).routes());
    routes.addAll(
        new PlaygroundRoutes(
                control,
                search,
                new PlaygroundCall(pipelines),
                subscription,
                name -> addresses.resources().of(name))
            .routes());
    routes.addAll(
        new UsageRoutes(control, new UsageReport(foundation.cost()), clock, subscription).routes());
    routes.addAll(new QuotaRoutes(control, foundation.quota(), subscription).routes());
    routes.addAll(
        new AuditRoutes(control, store.audit(), flushAudit, clock, subscription).routes());
    this.router =
        new PortalRouter(
            sessions,
            new PortalAccess(control::roleAssignments, subscription),
            new Pages(),
            routes);
  }

  public void routing(HttpRouting.Builder routing) {
    router.routing(routing);
  }

  /** Every portal route, for tests that check each one. */
  public List<PortalRoute> routes() {
    return router.routes();
  }
}
