package dev.lazurite.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.auth.TokenValidator;
import dev.lazurite.control.arm.ArmResponse;
import dev.lazurite.control.arm.ArmRoute;
import dev.lazurite.control.arm.ArmRouteFamily;
import dev.lazurite.control.arm.ArmRouter;
import dev.lazurite.control.arm.PathTemplate;
import dev.lazurite.control.arm.ProviderAnywhere;
import dev.lazurite.control.event.ChangeOrigin;
import dev.lazurite.control.group.AccountsAndSearchServices;
import dev.lazurite.control.group.ResourceGroupRoutes;
import dev.lazurite.control.group.ResourceGroups;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.error.ErrorRenderer;
import dev.lazurite.json.Json;
import dev.lazurite.network.ResourceEndpoints;
import dev.lazurite.rbac.RoleAssignmentRoutes;
import dev.lazurite.server.edge.BodyRejected;
import dev.lazurite.server.edge.EdgeResponses;
import dev.lazurite.server.edge.RequestBody;
import dev.lazurite.store.UsageStore;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ARM-shaped control plane ({@code /subscriptions/{sub}/resourceGroups/{rg}/providers/
 * Microsoft.CognitiveServices/accounts/…}), protected by the local admin credential. Answers as ARM
 * does: resource JSON, {@code {"value": […]}} lists, and ARM's error envelope.
 */
public final class ArmHandler implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(ArmHandler.class);

  private final ControlPlane control;
  private final byte[] adminToken;
  private final TokenValidator tokens;
  private final ArmRouter routes = new ArmRouter();
  private final RoleAssignmentRoutes roles;
  // Route families that recognise their own paths: usages by region, SKUs, account models,
  // deleted accounts.
  private final List<ArmRouteFamily> families;

  /**
   * @param endpoint each resource's endpoint, read per request: it names the listeners' addresses
   * @param tokens validates tokens for the ARM audience ({@code https://management.azure.com/})
   */
  public ArmHandler(
      ControlPlane control,
      UsageStore usage,
      String adminToken,
      Supplier<ResourceEndpoints> endpoint,
      Clock clock,
      TokenValidator tokens,
      String subscription,
      String tenantId,
      dev.lazurite.quota.QuotaCounters quota,
      dev.lazurite.searchservice.SearchServices searchServices,
      dev.lazurite.store.RaiStore raiStore,
      DeploymentTags deploymentTags) {
    this.tokens = tokens;
    this.control = control;
    this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
    this.roles =
        new RoleAssignmentRoutes(
            control,
            subscription,
            tenantId,
            new dev.lazurite.rbac.PrincipalDirectory(control.identityStore()),
            new dev.lazurite.rbac.LiveScopes(control, searchServices::get));
    this.families =
        List.of(
            new dev.lazurite.control.arm.LocationUsageRoutes(control),
            new dev.lazurite.control.arm.SkuRoutes(control),
            new dev.lazurite.control.arm.AccountModelRoutes(control),
            new dev.lazurite.control.arm.LocationModelRoutes(),
            new dev.lazurite.control.arm.DeletedAccountRoutes(control.deletedAccounts()));
    var search =
        new SearchServiceRoutes(
            searchServices,
            () -> endpoint.get().root(),
            () ->
                control.accounts().stream()
                    .flatMap(a -> control.privateEndpoints(a).stream())
                    .toList());
    routes
        .open(
            "GET",
            PathTemplate.of("/subscriptions"),
            c -> ArmResponse.ok(ArmViews.list(List.of(subscription(subscription, tenantId)))))
        .open(
            "GET",
            PathTemplate.of("/subscriptions/{subscriptionId}"),
            c -> {
              if (!c.value("subscriptionId").equalsIgnoreCase(subscription)) {
                throw c.pathNotFound();
              }
              return ArmResponse.ok(subscription(subscription, tenantId));
            })
        .open(
            ArmRoute.ANY_METHOD,
            new ProviderAnywhere("Microsoft.Authorization"),
            c -> {
              List<String> rest =
                  Arrays.stream(c.value("rest").split("/")).filter(x -> !x.isEmpty()).toList();
              String kind = rest.isEmpty() ? "" : rest.getFirst().toLowerCase(Locale.ROOT);
              c.caller()
                  .require(
                      "Microsoft.Authorization/"
                          + (kind.equals("roledefinitions") ? "roleDefinitions" : "roleAssignments")
                          + "/"
                          + verb(c.method()),
                      c.scope());
              var answer =
                  roles.handle(
                      c.method(),
                      c.scope(),
                      rest,
                      ArmRequests.parse(c.body()),
                      name -> c.request().query().first(name).asOptional());
              return new ArmResponse(answer.status(), answer.body());
            })
        .open(
            ArmRoute.ANY_METHOD,
            PathTemplate.of(
                CognitiveServicesRoutes.RESOURCE_GROUP + "/providers/Microsoft.Search/{*rest}"),
            c -> {
              var answer = search.handle(c.caller(), c.method(), c.segments(), c.body());
              if (c.method().equals("DELETE")
                  && c.segments().size() == 8
                  && answer.status() == 200) {
                // Role assignments at a deleted search service go with it.
                dev.lazurite.rbac.LiveScopes.dropAssignmentsAt(
                    control.identityStore(), "/" + String.join("/", c.segments()));
                control.publish();
              }
              return new ArmResponse(answer.status(), answer.body());
            });
    new CognitiveServicesRoutes(control, usage, quota, endpoint, deploymentTags).register(routes);
    new RaiRoutes(raiStore, control).register(routes);
    var groups =
        new ResourceGroupRoutes(
            new ResourceGroups(
                control.resourceGroups(),
                new AccountsAndSearchServices(control, searchServices),
                clock),
            subscription);
    groups.register(routes);
  }

  /** The route table; other resource providers register their routes here. */
  public ArmRouter routes() {
    return routes;
  }

  private static ObjectNode subscription(String id, String tenantId) {
    return Json.MAPPER
        .createObjectNode()
        .put("id", "/subscriptions/" + id)
        .put("subscriptionId", id)
        .put("tenantId", tenantId)
        .put("displayName", "Lazurite")
        .put("state", "Enabled");
  }

  private static String verb(String method) {
    return method.equals("GET") ? "read" : method.equals("DELETE") ? "delete" : "write";
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    String requestId = EdgeResponses.requestId(req);
    res.header("x-ms-request-id", requestId);
    res.header("x-ms-correlation-request-id", requestId);
    try {
      ArmCaller caller = authenticate(req);
      if (req.query().first("api-version").orElse("").isEmpty()) {
        throw ApiException.of(ErrorCode.ARM_MISSING_API_VERSION);
      }
      String method = req.prologue().method().text();
      List<String> path =
          Arrays.stream(req.path().path().split("/")).filter(s -> !s.isEmpty()).toList();
      byte[] body = RequestBody.read(req, res);
      var origin =
          new ChangeOrigin(
              caller.actor(),
              req.remotePeer().address() instanceof java.net.InetSocketAddress socket
                  ? socket.getAddress().getHostAddress()
                  : "unknown");
      ArmResponse answer =
          origin.run(
              () -> {
                for (var family : families) {
                  var reply =
                      family.handle(
                          caller::require,
                          method,
                          path,
                          n -> req.query().first(n).asOptional(),
                          body);
                  if (reply.isPresent()) {
                    return new ArmResponse(reply.get().status(), reply.get().body());
                  }
                }
                return routes.dispatch(caller, method, path, body, req);
              });
      if (answer.body() == null) {
        res.status(Status.create(answer.status()));
        res.send();
      } else {
        EdgeResponses.json(res, answer.status(), Json.write(answer.body()));
      }
    } catch (BodyRejected e) {
      EdgeResponses.error(res, e);
    } catch (ApiException e) {
      EdgeResponses.json(res, e.errorCode().status(), ErrorRenderer.render(e));
    } catch (RuntimeException e) {
      LOG.error("control-plane request {} failed", requestId, e);
      EdgeResponses.json(res, 500, ErrorRenderer.render(ApiException.of(ErrorCode.INTERNAL)));
    }
  }

  /** The admin credential, or an Entra token for the ARM audience. */
  private ArmCaller authenticate(ServerRequest req) {
    String authorization =
        req.headers().first(io.helidon.http.HeaderNames.AUTHORIZATION).orElse("");
    if (authorization.isEmpty()) {
      throw ApiException.of(ErrorCode.ARM_MISSING_AUTHORIZATION);
    }
    String token =
        authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            ? authorization.substring(7).strip()
            : "";
    if (MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))) {
      return new ArmCaller.Admin();
    }
    return tokens
        .validate(token)
        .<ArmCaller>map(principal -> new ArmCaller.Entra(principal, roles::liveAssignments))
        .orElseThrow(() -> ApiException.of(ErrorCode.ARM_INVALID_TOKEN));
  }

  private static byte[] body(ServerRequest req, ServerResponse res) {
    return RequestBody.read(req, res);
  }
}
