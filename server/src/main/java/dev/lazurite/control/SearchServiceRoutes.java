package dev.lazurite.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import dev.lazurite.network.PrivateLink;
import dev.lazurite.searchservice.SearchPrivateEndpoint;
import dev.lazurite.searchservice.SearchService;
import dev.lazurite.searchservice.SearchServices;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * ARM routes of {@code Microsoft.Search/searchServices}: create, read, update, list and delete
 * services with their network settings, list or regenerate their keys, and manage their private
 * endpoints ({@code …/searchServices/{s}/privateEndpoints/{name}}, the Lazurite route accounts have
 * too).
 */
final class SearchServiceRoutes {
  static final String PROVIDER = "microsoft.search";
  private static final String TYPE = "Microsoft.Search/searchServices";

  record Answer(int status, Object body) {}

  private final SearchServices services;
  private final Supplier<String> endpoint;
  private final Supplier<List<? extends PrivateLink>> accountEndpoints;

  /**
   * @param accountEndpoints the accounts' private endpoints, whose addresses a search service's may
   *     not take
   */
  SearchServiceRoutes(
      SearchServices services,
      Supplier<String> endpoint,
      Supplier<List<? extends PrivateLink>> accountEndpoints) {
    this.services = services;
    this.endpoint = endpoint;
    this.accountEndpoints = accountEndpoints;
  }

  /** Handles {@code /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Search/…}. */
  Answer handle(ArmCaller caller, String method, List<String> p, byte[] body) {
    String sub = p.get(1);
    String rg = p.get(3);
    String rgScope = "/subscriptions/" + sub + "/resourceGroups/" + rg;
    if (p.size() < 7 || !p.get(6).equalsIgnoreCase("searchServices")) {
      throw ApiException.of(ErrorCode.ARM_PATH_NOT_FOUND, "/" + String.join("/", p));
    }
    if (p.size() == 7) {
      requireMethod(method, "GET");
      caller.require(TYPE + "/read", rgScope);
      return new Answer(
          200,
          ArmViews.list(
              services.list().stream()
                  .filter(
                      s ->
                          s.subscription().equalsIgnoreCase(sub)
                              && s.resourceGroup().equalsIgnoreCase(rg))
                  .map(this::view)
                  .toList()));
    }
    String name = p.get(7);
    String scope = rgScope + "/providers/" + TYPE + "/" + name;
    if (p.size() == 8) {
      return switch (method) {
        case "GET" -> {
          caller.require(TYPE + "/read", scope);
          yield new Answer(200, view(existing(name, rg)));
        }
        case "PUT" -> {
          caller.require(TYPE + "/write", scope);
          if (!SearchServices.NAME.matcher(name).matches()) {
            throw ApiException.of(
                ErrorCode.ARM_INVALID_NAME,
                "Search service names must be 2-60 lower-case letters, digits or dashes, and"
                    + " cannot start or end with a dash: '"
                    + name
                    + "'.");
          }
          var request = SearchServiceBodies.put(ArmRequests.parse(body));
          services
              .get(name)
              .filter(s -> !s.resourceGroup().equalsIgnoreCase(rg))
              .ifPresent(
                  s -> {
                    throw ApiException.of(
                        ErrorCode.ARM_CONFLICT,
                        "The search service name '" + name + "' is already in use.");
                  });
          SearchServices.Created created;
          try {
            created =
                services.put(
                    name,
                    sub,
                    rg,
                    request.location().orElseThrow(),
                    request.sku().orElseThrow(),
                    request.network());
          } catch (IllegalStateException e) {
            throw ApiException.of(ErrorCode.ARM_CONFLICT, e.getMessage());
          }
          yield new Answer(created.created() ? 201 : 200, view(created.service()));
        }
        case "PATCH" -> {
          caller.require(TYPE + "/write", scope);
          existing(name, rg);
          var request = SearchServiceBodies.patch(ArmRequests.parse(body));
          var updated =
              services
                  .patch(name, rg, request.location(), request.sku(), request.network())
                  .orElseThrow(
                      () ->
                          ApiException.of(ErrorCode.ARM_RESOURCE_NOT_FOUND, TYPE + "/" + name, rg));
          yield new Answer(200, view(updated));
        }
        case "DELETE" -> {
          caller.require(TYPE + "/delete", scope);
          yield new Answer(services.delete(name, rg) ? 200 : 204, null);
        }
        default -> throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
      };
    }
    String action = p.get(8).toLowerCase(Locale.ROOT);
    SearchService service = existing(name, rg);
    if (action.equals("privateendpoints")) {
      return privateEndpoints(caller, method, p, body, service, scope);
    }
    requireMethod(method, "POST");
    return switch (action) {
      case "listadminkeys" -> {
        caller.require(TYPE + "/listAdminKeys/action", scope);
        yield new Answer(200, adminKeys(service));
      }
      case "regenerateadminkey" -> {
        caller.require(TYPE + "/regenerateAdminKey/action", scope);
        String kind = p.size() > 9 ? p.get(9).toLowerCase(Locale.ROOT) : "";
        if (!kind.equals("primary") && !kind.equals("secondary")) {
          throw ArmRequests.invalid(
              "Name the key to regenerate: regenerateAdminKey/primary or /secondary.");
        }
        yield new Answer(
            200, adminKeys(services.regenerate(name, kind.equals("primary")).orElseThrow()));
      }
      case "listquerykeys" -> {
        caller.require(TYPE + "/listQueryKeys/action", scope);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.putArray("value").addObject().put("name", "query").put("key", service.queryKey());
        out.putNull("nextLink");
        yield new Answer(200, out);
      }
      default -> throw ApiException.of(ErrorCode.ARM_PATH_NOT_FOUND, "/" + String.join("/", p));
    };
  }

  private Answer privateEndpoints(
      ArmCaller caller,
      String method,
      List<String> p,
      byte[] body,
      SearchService service,
      String scope) {
    String verb = method.equals("GET") ? "read" : method.equals("DELETE") ? "delete" : "write";
    caller.require(TYPE + "/privateEndpointConnections/" + verb, scope);
    if (p.size() == 9) {
      requireMethod(method, "GET");
      return new Answer(
          200,
          ArmViews.list(
              service.network().privateEndpoints().stream()
                  .map(e -> privateEndpoint(service, e))
                  .toList()));
    }
    if (p.size() != 10) {
      throw ApiException.of(ErrorCode.ARM_PATH_NOT_FOUND, "/" + String.join("/", p));
    }
    String name = p.get(9);
    return switch (method) {
      case "GET" ->
          new Answer(
              200,
              privateEndpoint(
                  service,
                  service.network().privateEndpoints().stream()
                      .filter(e -> e.name().equals(name))
                      .findFirst()
                      .orElseThrow(
                          () ->
                              ApiException.of(
                                  ErrorCode.ARM_RESOURCE_NOT_FOUND,
                                  TYPE + "/" + service.name() + "/privateEndpoints/" + name,
                                  service.resourceGroup()))));
      case "PUT" -> {
        var request = SearchPrivateEndpoints.read(name, ArmRequests.parse(body));
        if (accountEndpoints.get().stream()
            .anyMatch(e -> e.address().equals(request.address()) && e.port() == request.port())) {
          throw ApiException.of(
              ErrorCode.ARM_CONFLICT,
              "A private endpoint with this name or address already exists.");
        }
        try {
          services.addPrivateEndpoint(
              service.name(),
              request.name(),
              request.address(),
              request.port(),
              request.sourceRange());
        } catch (IllegalStateException e) {
          throw ApiException.of(ErrorCode.ARM_CONFLICT, e.getMessage());
        }
        SearchService updated = services.get(service.name()).orElseThrow();
        yield new Answer(
            201,
            privateEndpoint(
                updated,
                updated.network().privateEndpoints().stream()
                    .filter(e -> e.name().equals(name))
                    .findFirst()
                    .orElseThrow()));
      }
      case "DELETE" ->
          new Answer(services.deletePrivateEndpoint(service.name(), name) ? 200 : 204, null);
      default -> throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
    };
  }

  private static String id(SearchService s) {
    return "/subscriptions/"
        + s.subscription()
        + "/resourceGroups/"
        + s.resourceGroup()
        + "/providers/"
        + TYPE
        + "/"
        + s.name();
  }

  private static ObjectNode privateEndpoint(SearchService s, SearchPrivateEndpoint e) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", id(s) + "/privateEndpoints/" + e.name());
    node.put("name", e.name());
    node.put("type", TYPE + "/privateEndpoints");
    ObjectNode properties = node.putObject("properties");
    properties.put("address", e.address());
    properties.put("port", e.port());
    properties.put("sourceRange", e.sourceRange().map(Object::toString).orElse(null));
    properties.put("privateLinkHost", e.privateLinkHost());
    properties.put("provisioningState", "Succeeded");
    properties
        .putObject("privateLinkServiceConnectionState")
        .put("status", "Approved")
        .put("description", "Auto-Approved")
        .put("actionsRequired", "None");
    properties.put("groupId", "searchService");
    return node;
  }

  private SearchService existing(String name, String rg) {
    return services
        .get(name)
        .filter(s -> s.resourceGroup().equalsIgnoreCase(rg))
        .orElseThrow(
            () -> ApiException.of(ErrorCode.ARM_RESOURCE_NOT_FOUND, TYPE + "/" + name, rg));
  }

  private static ObjectNode adminKeys(SearchService s) {
    return Json.MAPPER
        .createObjectNode()
        .put("primaryKey", s.primaryKey())
        .put("secondaryKey", s.secondaryKey());
  }

  private ObjectNode view(SearchService s) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("id", id(s));
    out.put("name", s.name());
    out.put("type", TYPE);
    out.put("location", s.location());
    out.putObject("sku").put("name", s.sku());
    ObjectNode props = out.putObject("properties");
    props.put("endpoint", endpoint.get() + "/search/" + s.name());
    props.put("replicaCount", 1);
    props.put("partitionCount", 1);
    props.put("hostingMode", "default");
    props.put("publicNetworkAccess", s.network().publicNetworkAccess());
    ObjectNode ruleSet = props.putObject("networkRuleSet");
    var rules = ruleSet.putArray("ipRules");
    s.network().ipRules().forEach(r -> rules.addObject().put("value", r.toString()));
    ruleSet.put("bypass", "None");
    var connections = props.putArray("privateEndpointConnections");
    s.network().privateEndpoints().forEach(e -> connections.add(privateEndpoint(s, e)));
    props.put("status", "running");
    props.put("provisioningState", "succeeded");
    props.put("semanticSearch", "free");
    return out;
  }

  private static void requireMethod(String method, String expected) {
    if (!method.equals(expected)) {
      throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
    }
  }
}
