package dev.lazurite.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import java.util.List;
import java.util.Locale;

/**
 * {@code {scope}/providers/Microsoft.Authorization/roleAssignments[/{id}]} and {@code
 * /subscriptions/{sub}/providers/Microsoft.Authorization/roleDefinitions}, in ARM's shapes.
 */
public final class RoleAssignmentRoutes {
  private final ControlPlane control;
  private final String subscription;

  public RoleAssignmentRoutes(ControlPlane control, String subscription) {
    this.control = control;
    this.subscription = subscription;
  }

  /** The answer: a status and a body (null for none). */
  public record Answer(int status, Object body) {}

  /**
   * @param scope the ARM path before {@code /providers/Microsoft.Authorization}
   * @param rest the segments after it, e.g. {@code [roleAssignments, {id}]}
   */
  public Answer handle(String method, String scope, List<String> rest, JsonNode body) {
    if (!scope
        .toLowerCase(Locale.ROOT)
        .startsWith("/subscriptions/" + subscription.toLowerCase(Locale.ROOT))) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_BODY,
          "The scope '%s' is not in this subscription.".formatted(scope));
    }
    String kind = rest.isEmpty() ? "" : rest.getFirst().toLowerCase(Locale.ROOT);
    if (kind.equals("roledefinitions") && method.equals("GET")) {
      ObjectNode list = Json.MAPPER.createObjectNode();
      BuiltInRoles.ALL.forEach(r -> list.withArray("value").add(definition(r)));
      return new Answer(200, list);
    }
    if (!kind.equals("roleassignments")) {
      throw ApiException.of(
          ErrorCode.ARM_PATH_NOT_FOUND,
          scope + "/providers/Microsoft.Authorization/" + String.join("/", rest));
    }
    if (rest.size() == 1) {
      if (!method.equals("GET")) {
        throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
      }
      ObjectNode list = Json.MAPPER.createObjectNode();
      list.withArray("value");
      control.roleAssignments().stream()
          .filter(a -> Permissions.covers(a.scope(), scope) || Permissions.covers(scope, a.scope()))
          .forEach(a -> list.withArray("value").add(view(a)));
      return new Answer(200, list);
    }
    String id = rest.get(1);
    return switch (method) {
      case "PUT" -> {
        JsonNode properties = body.path("properties");
        String role = text(properties, "roleDefinitionId");
        String principal = text(properties, "principalId");
        yield new Answer(201, view(control.assignRole(id, principal, role, scope)));
      }
      case "GET" -> new Answer(200, view(find(id)));
      case "DELETE" -> {
        var existing =
            control.roleAssignments().stream().filter(a -> a.id().equals(id)).findFirst();
        if (existing.isEmpty()) {
          yield new Answer(204, null);
        }
        control.deleteRoleAssignment(id);
        yield new Answer(200, view(existing.get()));
      }
      default -> throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
    };
  }

  private RoleAssignment find(String id) {
    return control.roleAssignments().stream()
        .filter(a -> a.id().equals(id))
        .findFirst()
        .orElseThrow(() -> ApiException.of(ErrorCode.ARM_PATH_NOT_FOUND, "roleAssignments/" + id));
  }

  private ObjectNode view(RoleAssignment a) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", a.scope() + "/providers/Microsoft.Authorization/roleAssignments/" + a.id());
    node.put("name", a.id());
    node.put("type", "Microsoft.Authorization/roleAssignments");
    ObjectNode properties = node.putObject("properties");
    properties.put(
        "roleDefinitionId",
        "/subscriptions/"
            + subscription
            + "/providers/Microsoft.Authorization/roleDefinitions/"
            + a.roleDefinitionId());
    properties.put(
        "roleDefinitionName",
        BuiltInRoles.find(a.roleDefinitionId()).map(RoleDefinition::roleName).orElse(""));
    properties.put("principalId", a.principalId());
    properties.put("scope", a.scope());
    properties.put("createdOn", a.createdAt().toString());
    return node;
  }

  private ObjectNode definition(RoleDefinition r) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put(
        "id",
        "/subscriptions/"
            + subscription
            + "/providers/Microsoft.Authorization/roleDefinitions/"
            + r.id());
    node.put("name", r.id());
    node.put("type", "Microsoft.Authorization/roleDefinitions");
    ObjectNode properties = node.putObject("properties");
    properties.put("roleName", r.roleName());
    properties.put("description", r.description());
    properties.put("type", "BuiltInRole");
    ObjectNode permission = properties.putArray("permissions").addObject();
    r.actions().forEach(permission.putArray("actions")::add);
    permission.putArray("notActions");
    r.dataActions().forEach(permission.putArray("dataActions")::add);
    permission.putArray("notDataActions");
    return node;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_BODY, "The property 'properties.%s' is required.".formatted(field));
    }
    return value.asText();
  }
}
