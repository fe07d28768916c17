package dev.lazurite.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.auth.TokenValidator;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.error.ErrorRenderer;
import dev.lazurite.json.Json;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ARM-shaped control plane ({@code /subscriptions/{sub}/resourceGroups/{rg}/providers/
 * Microsoft.CognitiveServices/accounts/…}), protected by the local admin credential. Answers as ARM
 * does: resource JSON, {@code {"value": […]}} lists, and ARM's error envelope.
 */
public final class ArmHandler implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(ArmHandler.class);
  private static final String PROVIDER = "microsoft.cognitiveservices";

  private final ControlPlane control;
  private final UsageStore usage;
  private final byte[] adminToken;
  private final String endpoint;
  private final Clock clock;
  private final TokenValidator tokens;
  private final RoleAssignmentRoutes roles;
  private final dev.lazurite.quota.QuotaCounters quota;
  private final String subscription;
  private final String tenantId;
  private final SearchServiceRoutes search;
  private final RaiRoutes rai;
  private final List<dev.lazurite.control.arm.ArmRoute> routes;

  /**
   * @param tokens validates tokens for the ARM audience ({@code https://management.azure.com/})
   */
  public ArmHandler(
      ControlPlane control,
      UsageStore usage,
      String adminToken,
      String endpoint,
      Clock clock,
      TokenValidator tokens,
      String subscription,
      String tenantId,
      dev.lazurite.quota.QuotaCounters quota,
      dev.lazurite.searchservice.SearchServices searchServices,
      dev.lazurite.store.RaiStore raiStore) {
    this.rai = new RaiRoutes(raiStore, control);
    this.routes =
        List.of(
            new dev.lazurite.control.arm.LocationUsageRoutes(control),
            new dev.lazurite.control.arm.SkuRoutes(control),
            new dev.lazurite.control.arm.AccountModelRoutes(control),
            new dev.lazurite.control.arm.DeletedAccountRoutes(control.deletedAccounts()));
    this.quota = quota;
    this.search = new SearchServiceRoutes(searchServices, () -> endpoint);
    this.tokens = tokens;
    this.subscription = subscription;
    this.tenantId = tenantId;
    this.roles =
        new RoleAssignmentRoutes(
            control,
            subscription,
            tenantId,
            new dev.lazurite.rbac.PrincipalDirectory(control.identityStore()),
            new dev.lazurite.rbac.LiveScopes(control, searchServices::get));
    this.control = control;
    this.usage = usage;
    this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
    this.endpoint = endpoint;
    this.clock = clock;
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
      Answer answer = dispatch(caller, method, path, body(req, res), req);
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

  private record Answer(int status, Object body) {}

  private static final String CS = "Microsoft.CognitiveServices/accounts";

  private Answer dispatch(
      ArmCaller caller, String method, List<String> p, byte[] body, ServerRequest req) {
    String full = "/" + String.join("/", p);
    if (p.size() <= 2 && is(p, 0, "subscriptions")) {
      requireMethod(method, "GET");
      ObjectNode subscription =
          Json.MAPPER
              .createObjectNode()
              .put("id", "/subscriptions/" + this.subscription)
              .put("subscriptionId", this.subscription)
              .put("tenantId", tenantId)
              .put("displayName", "Lazurite")
              .put("state", "Enabled");
      if (p.size() == 2 && !p.get(1).equalsIgnoreCase(this.subscription)) {
        throw ApiException.of(ErrorCode.ARM_PATH_NOT_FOUND, full);
      }
      return ok(p.size() == 2 ? subscription : ArmViews.list(List.of(subscription)));
    }
    // Route families with handlers of their own (control/arm): usages by region, SKUs, account
    // models, deleted accounts.
    for (var route : routes) {
      var reply =
          route.handle(caller::require, method, p, n -> req.query().first(n).asOptional(), body);
      if (reply.isPresent()) {
        return new Answer(reply.get().status(), reply.get().body());
      }
    }
    int authorization = authorizationProvider(p);
    if (authorization > 0) {
      String scope = "/" + String.join("/", p.subList(0, authorization));
      List<String> rest = p.subList(authorization + 2, p.size());
      String kind = rest.isEmpty() ? "" : rest.getFirst().toLowerCase(Locale.ROOT);
      String verb = method.equals("GET") ? "read" : method.equals("DELETE") ? "delete" : "write";
      caller.require(
          "Microsoft.Authorization/"
              + (kind.equals("roledefinitions") ? "roleDefinitions" : "roleAssignments")
              + "/"
              + verb,
          scope);
      var answer =
          roles.handle(
              method,
              scope,
              rest,
              ArmRequests.parse(body),
              name -> req.query().first(name).asOptional());
      return new Answer(answer.status(), answer.body());
    }
    boolean subscriptionList =
        p.size() == 5
            && is(p, 0, "subscriptions")
            && is(p, 2, "providers")
            && is(p, 3, PROVIDER)
            && is(p, 4, "accounts");
    if (subscriptionList) {
      requireMethod(method, "GET");
      caller.require(CS + "/read", "/subscriptions/" + p.get(1));
      return ok(
          ArmViews.list(
              control.accounts().stream()
                  .filter(a -> a.subscriptionId().equalsIgnoreCase(p.get(1)))
                  .map(a -> ArmViews.account(a, endpoint))
                  .toList()));
    }
    if (p.size() >= 6 && is(p, 2, "resourcegroups") && is(p, 5, SearchServiceRoutes.PROVIDER)) {
      var answer = search.handle(caller, method, p, body);
      if (method.equals("DELETE") && p.size() == 8 && answer.status() == 200) {
        // Role assignments at a deleted search service go with it.
        dev.lazurite.rbac.LiveScopes.dropAssignmentsAt(control.identityStore(), full);
        control.publish();
      }
      return new Answer(answer.status(), answer.body());
    }
    boolean underAccounts =
        p.size() >= 7
            && is(p, 0, "subscriptions")
            && is(p, 2, "resourcegroups")
            && is(p, 4, "providers")
            && is(p, 5, PROVIDER)
            && is(p, 6, "accounts");
    if (!underAccounts) {
      throw ApiException.of(ErrorCode.ARM_PATH_NOT_FOUND, full);
    }
    String sub = p.get(1);
    String rg = p.get(3);
    if (p.size() == 7) {
      requireMethod(method, "GET");
      caller.require(CS + "/read", "/subscriptions/" + sub + "/resourceGroups/" + rg);
      return ok(
          ArmViews.list(
              control.accounts().stream()
                  .filter(a -> a.subscriptionId().equalsIgnoreCase(sub))
                  .filter(a -> a.resourceGroup().equalsIgnoreCase(rg))
                  .map(a -> ArmViews.account(a, endpoint))
                  .toList()));
    }
    String name = p.get(7);
    String accountScope = "/" + String.join("/", p.subList(0, 8));
    if (p.size() == 8) {
      return account(caller, method, sub, rg, name, accountScope, body);
    }
    if (RaiRoutes.handles(p)) {
      var answer = rai.handle(caller, method, control.account(sub, rg, name), p, body);
      return new Answer(answer.status(), answer.body());
    }
    String child = p.get(8).toLowerCase(Locale.ROOT);
    if (p.size() == 9) {
      return switch (child) {
        case "listkeys" -> {
          requireMethod(method, "POST");
          caller.require(CS + "/listKeys/action", accountScope);
          yield ok(ArmViews.keys(control.keys(control.account(sub, rg, name))));
        }
        case "regeneratekey" -> {
          requireMethod(method, "POST");
          caller.require(CS + "/regenerateKey/action", accountScope);
          Account account = control.account(sub, rg, name);
          JsonNode request = ArmRequests.parse(body);
          JsonNode keyName = request.get("keyName");
          if (keyName == null || !keyName.isTextual()) {
            throw ArmRequests.invalid(
                "The request must name the key to regenerate: {\"keyName\": \"Key1\"}.");
          }
          yield ok(ArmViews.keys(control.regenerateKey(account, keyName.asText())));
        }
        case "deployments" -> {
          requireMethod(method, "GET");
          caller.require(CS + "/deployments/read", accountScope);
          Account account = control.account(sub, rg, name);
          yield ok(
              ArmViews.list(
                  control.deployments(account).stream()
                      .map(d -> ArmViews.deployment(account, d))
                      .toList()));
        }
        case "backends" -> {
          requireMethod(method, "GET");
          caller.require(CS + "/deployments/read", accountScope);
          Account account = control.account(sub, rg, name);
          yield ok(
              ArmViews.list(
                  control.backends(account).stream()
                      .map(b -> ArmViews.backend(account, b))
                      .toList()));
        }
        case "privateendpoints" -> {
          requireMethod(method, "GET");
          caller.require(CS + "/privateEndpointConnections/read", accountScope);
          Account account = control.account(sub, rg, name);
          yield ok(
              ArmViews.list(
                  control.privateEndpoints(account).stream()
                      .map(e -> ArmViews.privateEndpoint(account, e))
                      .toList()));
        }
        case "usages" -> {
          requireMethod(method, "GET");
          caller.require(CS + "/usages/read", accountScope);
          Account account = control.account(sub, rg, name);
          yield ok(ArmViews.usages(account, control, quota));
        }
        case "usagesummary" -> {
          requireMethod(method, "GET");
          caller.require(CS + "/usages/read", accountScope);
          Account account = control.account(sub, rg, name);
          Instant since = req.query().first("since").map(Instant::parse).orElse(Instant.EPOCH);
          yield ok(ArmViews.usage(usage.summarize(account.name(), since)));
        }
        default -> throw ApiException.of(ErrorCode.ARM_PATH_NOT_FOUND, full);
      };
    }
    if (p.size() == 10 && child.equals("backends")) {
      String verb = method.equals("GET") ? "read" : method.equals("DELETE") ? "delete" : "write";
      caller.require(CS + "/deployments/" + verb, accountScope);
      Account account = control.account(sub, rg, name);
      String backend = p.get(9);
      return switch (method) {
        case "GET" ->
            ok(
                ArmViews.backend(
                    account,
                    control.backends(account).stream()
                        .filter(b -> b.name().equals(backend))
                        .findFirst()
                        .orElseThrow(
                            () ->
                                ApiException.of(
                                    ErrorCode.ARM_RESOURCE_NOT_FOUND,
                                    CS + "/" + name + "/backends/" + backend,
                                    rg))));
        case "PUT" -> {
          var created = ArmRequests.backend(account, backend, ArmRequests.parse(body), control);
          yield new Answer(201, ArmViews.backend(account, created));
        }
        case "DELETE" -> new Answer(control.deleteBackend(account, backend) ? 200 : 204, null);
        default -> throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
      };
    }
    if (p.size() == 10 && child.equals("privateendpoints")) {
      return privateEndpoint(
          caller, method, control.account(sub, rg, name), p.get(9), accountScope, body);
    }
    if (p.size() == 10 && child.equals("deployments")) {
      String verb = method.equals("GET") ? "read" : method.equals("DELETE") ? "delete" : "write";
      caller.require(CS + "/deployments/" + verb, accountScope + "/deployments/" + p.get(9));
      return deployment(method, control.account(sub, rg, name), p.get(9), body);
    }
    throw ApiException.of(ErrorCode.ARM_PATH_NOT_FOUND, full);
  }

  /** The index of {@code providers} in {@code …/providers/Microsoft.Authorization/…}, or -1. */
  private static int authorizationProvider(List<String> p) {
    for (int i = 2; i + 1 < p.size(); i++) {
      if (is(p, i, "providers") && is(p, i + 1, "microsoft.authorization")) {
        return i;
      }
    }
    return -1;
  }

  private Answer account(
      ArmCaller caller,
      String method,
      String sub,
      String rg,
      String name,
      String scope,
      byte[] body) {
    return switch (method) {
      case "GET" -> {
        caller.require(CS + "/read", scope);
        yield ok(ArmViews.account(control.account(sub, rg, name), endpoint));
      }
      case "PUT" -> {
        caller.require(CS + "/write", scope);
        JsonNode request = ArmRequests.parse(body);
        JsonNode location = request.get("location");
        if (location == null || !location.isTextual() || location.asText().isBlank()) {
          throw ArmRequests.invalid("The location property is required for this definition.");
        }
        // A soft-deleted account of this name: restored when asked to, else the name is taken.
        control
            .deletedAccounts()
            .beforeCreate(
                sub, rg, name, request.path("properties").path("restore").asBoolean(false));
        String kind = request.path("kind").asText("OpenAI");
        String sku = request.path("sku").path("name").asText("S0");
        boolean created =
            control.createAccount(
                Account.create(name, sub, rg, location.asText(), kind, sku, clock.instant()));
        Account account = control.account(sub, rg, name);
        JsonNode disable = request.path("properties").path("disableLocalAuth");
        if (disable.isBoolean()) {
          account = control.setDisableLocalAuth(account, disable.asBoolean());
        }
        yield new Answer(created ? 201 : 200, ArmViews.account(account, endpoint));
      }
      case "PATCH" -> {
        caller.require(CS + "/write", scope);
        JsonNode request = ArmRequests.parse(body);
        Account account = control.account(sub, rg, name);
        JsonNode disable = request.path("properties").path("disableLocalAuth");
        if (!disable.isMissingNode() && !disable.isNull()) {
          if (!disable.isBoolean()) {
            throw ArmRequests.invalid("The property 'disableLocalAuth' must be a boolean.");
          }
          account = control.setDisableLocalAuth(account, disable.asBoolean());
        }
        var network = ArmRequests.network(request.path("properties"), account.network());
        if (!network.equals(account.network())) {
          account = control.setNetwork(account, network);
        }
        yield ok(ArmViews.account(account, endpoint));
      }
      case "DELETE" -> {
        caller.require(CS + "/delete", scope);
        control.deleteAccount(control.account(sub, rg, name));
        yield new Answer(200, null);
      }
      default -> throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
    };
  }

  private Answer privateEndpoint(
      ArmCaller caller, String method, Account account, String name, String scope, byte[] body) {
    String verb = method.equals("GET") ? "read" : method.equals("DELETE") ? "delete" : "write";
    caller.require(CS + "/privateEndpointConnections/" + verb, scope);
    return switch (method) {
      case "GET" ->
          ok(
              ArmViews.privateEndpoint(
                  account,
                  control.privateEndpoints(account).stream()
                      .filter(e -> e.name().equals(name))
                      .findFirst()
                      .orElseThrow(
                          () ->
                              ApiException.of(
                                  ErrorCode.ARM_RESOURCE_NOT_FOUND,
                                  CS + "/" + account.name() + "/privateEndpoints/" + name,
                                  account.resourceGroup()))));
      case "PUT" -> {
        JsonNode properties = ArmRequests.parse(body).path("properties");
        var created =
            control.createPrivateEndpoint(
                account,
                name,
                properties.path("address").asText(""),
                properties.path("port").asInt(443),
                ArmRequests.optionalCidr(properties.path("sourceRange")));
        yield new Answer(201, ArmViews.privateEndpoint(account, created));
      }
      case "DELETE" -> new Answer(control.deletePrivateEndpoint(account, name) ? 200 : 204, null);
      default -> throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
    };
  }

  private Answer deployment(String method, Account account, String name, byte[] body) {
    return switch (method) {
      case "GET" ->
          ok(
              ArmViews.withPool(
                  ArmViews.deployment(account, control.deployment(account, name)),
                  control.pool(account, name)));
      case "PUT", "PATCH" -> {
        var existing =
            control.deployments(account).stream().filter(d -> d.name().equals(name)).findFirst();
        if (method.equals("PATCH") && existing.isEmpty()) {
          control.deployment(account, name);
        }
        JsonNode request = ArmRequests.parse(body);
        String policy = request.path("properties").path("raiPolicyName").asText("");
        if (!policy.isEmpty() && !rai.policyExists(account, policy)) {
          throw ArmRequests.invalid(
              "The RAI policy '" + policy + "' does not exist on this resource.");
        }
        boolean created =
            control.putDeployment(account, ArmRequests.deployment(name, request, existing));
        JsonNode pool = request.path("properties").path("backendPool");
        if (pool.isArray()) {
          List<String> names = new java.util.ArrayList<>();
          pool.forEach(n -> names.add(n.asText()));
          control.setPool(account, name, names);
        }
        yield new Answer(
            created ? 201 : 200,
            ArmViews.withPool(
                ArmViews.deployment(account, control.deployment(account, name)),
                control.pool(account, name)));
      }
      case "DELETE" -> new Answer(control.deleteDeployment(account, name) ? 200 : 204, null);
      default -> throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
    };
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

  private static void requireMethod(String method, String expected) {
    if (!method.equals(expected)) {
      throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
    }
  }

  private static boolean is(List<String> path, int index, String lowerCase) {
    return path.get(index).toLowerCase(Locale.ROOT).equals(lowerCase);
  }

  private static Answer ok(Object body) {
    return new Answer(200, body);
  }
}
