package dev.lazurite.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import dev.lazurite.searchservice.SearchService;
import dev.lazurite.searchservice.SearchServices;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * ARM routes of {@code Microsoft.Search/searchServices}: create, read, list and delete services,
 * and list or regenerate their keys.
 */
final class SearchServiceRoutes {
  static final String PROVIDER = "microsoft.search";
  private static final String TYPE = "Microsoft.Search/searchServices";

  record Answer(int status, Object body) {}

  private final SearchServices services;
  private final Supplier<String> endpoint;

  SearchServiceRoutes(SearchServices services, Supplier<String> endpoint) {
    this.services = services;
    this.endpoint = endpoint;
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
          JsonNode request = ArmRequests.parse(body);
          String location = request.path("location").asText("local");
          String sku = request.path("sku").path("name").asText("basic");
          var created = services.put(name, sub, rg, location, sku);
          yield new Answer(created.created() ? 201 : 200, view(created.service()));
        }
        case "DELETE" -> {
          caller.require(TYPE + "/delete", scope);
          yield new Answer(services.delete(name) ? 200 : 204, null);
        }
        default -> throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
      };
    }
    requireMethod(method, "POST");
    String action = p.get(8).toLowerCase(Locale.ROOT);
    SearchService service = existing(name, rg);
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
    out.put(
        "id",
        "/subscriptions/"
            + s.subscription()
            + "/resourceGroups/"
            + s.resourceGroup()
            + "/providers/"
            + TYPE
            + "/"
            + s.name());
    out.put("name", s.name());
    out.put("type", TYPE);
    out.put("location", s.location());
    out.putObject("sku").put("name", s.sku());
    ObjectNode props = out.putObject("properties");
    props.put("endpoint", endpoint.get() + "/search/" + s.name());
    props.put("replicaCount", 1);
    props.put("partitionCount", 1);
    props.put("hostingMode", "default");
    props.put("publicNetworkAccess", "enabled");
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
