package dev.lazurite.control.group;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.control.arm.ArmResponse;
import dev.lazurite.control.arm.ArmRoute;
import dev.lazurite.control.arm.ArmRouter;
import dev.lazurite.control.arm.PathTemplate;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * ARM routes of {@code Microsoft.Resources/resourceGroups}: {@code PUT}, {@code GET}, {@code HEAD}
 * and {@code DELETE /subscriptions/{s}/resourcegroups/{rg}}, and {@code GET
 * /subscriptions/{s}/resourcegroups}.
 */
public final class ResourceGroupRoutes {
  static final String TYPE = "Microsoft.Resources/resourceGroups";
  private static final String ACTION = "Microsoft.Resources/subscriptions/resourceGroups/";
  private static final Pattern LOCATION = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ]{0,63}$");

  /** An ARM answer: status and JSON body (null for none). */
  public record Answer(int status, JsonNode body) {}

  /** Checks that the caller may perform an action at a scope; throws ARM's 403 otherwise. */
  @FunctionalInterface
  public interface Authorizer {
    void require(String action, String scope);
  }

  private final ResourceGroups groups;
  private final String subscription;

  public ResourceGroupRoutes(ResourceGroups groups, String subscription) {
    this.groups = groups;
    this.subscription = subscription;
  }

  public ResourceGroups groups() {
    return groups;
  }

  /** Registers the resource-group routes; each checks the caller's actions itself. */
  public void register(ArmRouter routes) {
    for (String template :
        List.of(
            "/subscriptions/{subscriptionId}/resourcegroups",
            "/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}")) {
      routes.open(
          ArmRoute.ANY_METHOD,
          PathTemplate.of(template),
          c -> {
            var answer = handle(c.caller()::require, c.method(), c.segments(), c.body());
            return new ArmResponse(answer.status(), answer.body());
          });
    }
  }

  /** True for {@code /subscriptions/{s}/resourcegroups} and {@code …/resourcegroups/{rg}}. */
  public static boolean handles(List<String> p) {
    return (p.size() == 3 || p.size() == 4)
        && p.get(0).equalsIgnoreCase("subscriptions")
        && p.get(2).equalsIgnoreCase("resourcegroups");
  }

  public Answer handle(Authorizer caller, String method, List<String> p, byte[] body) {
    String sub = p.get(1);
    if (!sub.equalsIgnoreCase(subscription)) {
      throw ApiException.of(ErrorCode.ARM_SUBSCRIPTION_NOT_FOUND, sub);
    }
    if (p.size() == 3) {
      if (!method.equals("GET")) {
        throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
      }
      caller.require(ACTION + "read", "/subscriptions/" + sub);
      ObjectNode list = Json.MAPPER.createObjectNode();
      var value = list.putArray("value");
      groups.list(subscription).forEach(g -> value.add(view(g)));
      return new Answer(200, list);
    }
    String name = p.get(3);
    String scope = "/subscriptions/" + sub + "/resourceGroups/" + name;
    return switch (method) {
      case "GET" -> {
        caller.require(ACTION + "read", scope);
        yield new Answer(200, view(groups.get(subscription, name)));
      }
      case "HEAD" -> {
        caller.require(ACTION + "read", scope);
        yield new Answer(groups.find(subscription, name).isPresent() ? 204 : 404, null);
      }
      case "PUT" -> {
        caller.require(ACTION + "write", scope);
        var put = groups.put(subscription, name, request(body));
        yield new Answer(put.created() ? 201 : 200, view(put.group()));
      }
      case "DELETE" -> {
        caller.require(ACTION + "delete", scope);
        groups.delete(subscription, name);
        yield new Answer(200, null);
      }
      default -> throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
    };
  }

  /** A group in ARM's JSON. */
  public static ObjectNode view(ResourceGroup group) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", group.id());
    node.put("name", group.name());
    node.put("type", TYPE);
    node.put("location", group.location());
    ObjectNode tags = node.putObject("tags");
    group.tags().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> tags.put(e.getKey(), e.getValue()));
    node.putObject("properties").put("provisioningState", "Succeeded");
    return node;
  }

  static ResourceGroups.Request request(byte[] body) {
    JsonNode request;
    try {
      request = body.length == 0 ? Json.MAPPER.createObjectNode() : Json.parse(body);
    } catch (IOException e) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_BODY,
          "The request content was invalid and could not be deserialized.");
    }
    if (!request.isObject()) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_BODY, "The request content must be a JSON object.");
    }
    JsonNode location = request.get("location");
    if (location == null || location.isNull()) {
      throw ApiException.of(ErrorCode.ARM_LOCATION_REQUIRED);
    }
    if (!location.isTextual() || !LOCATION.matcher(location.asText()).matches()) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_BODY,
          "The location property must be a region name such as 'eastus'.");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    JsonNode given = request.get("tags");
    if (given != null && !given.isNull()) {
      if (!given.isObject()) {
        throw ApiException.of(
            ErrorCode.ARM_INVALID_BODY, "The property 'tags' must be an object of strings.");
      }
      var fields = given.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        if (!field.getValue().isTextual()) {
          throw ApiException.of(
              ErrorCode.ARM_INVALID_BODY,
              "The tag '%s' must have a string value.".formatted(field.getKey()));
        }
        tags.put(field.getKey(), field.getValue().asText());
      }
    }
    return new ResourceGroups.Request(location.asText().toLowerCase(Locale.ROOT), tags);
  }
}
