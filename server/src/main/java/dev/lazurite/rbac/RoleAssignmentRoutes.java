package dev.lazurite.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code {scope}/providers/Microsoft.Authorization/roleAssignments[/{id}]} and {@code
 * {scope}/providers/Microsoft.Authorization/roleDefinitions[/{id}]}, in ARM's shapes, with ARM's
 * {@code $filter}s and its validation of a new assignment.
 */
public final class RoleAssignmentRoutes {
  private final ControlPlane control;
  private final String subscription;
  private final String tenantId;
  private final PrincipalDirectory principals;
  private final LiveScopes scopes;

  /**
   * @param tenantId the directory named in {@code PrincipalNotFound}
   */
  public RoleAssignmentRoutes(
      ControlPlane control,
      String subscription,
      String tenantId,
      PrincipalDirectory principals,
      LiveScopes scopes) {
    this.control = control;
    this.subscription = subscription;
    this.tenantId = tenantId;
    this.principals = principals;
    this.scopes = scopes;
  }

  /** The answer: a status and a body (null for none). */
  public record Answer(int status, Object body) {}

  /** The assignments in force: those whose scope still exists. */
  public List<RoleAssignment> liveAssignments() {
    return scopes.live(control.roleAssignments());
  }

  /**
   * @param scope the ARM path before {@code /providers/Microsoft.Authorization}
   * @param rest the segments after it, e.g. {@code [roleAssignments, {id}]}
   * @param query the request's query parameters by name
   */
  public Answer handle(
      String method,
      String scope,
      List<String> rest,
      JsonNode body,
      Function<String, Optional<String>> query) {
    if (!scope
        .toLowerCase(Locale.ROOT)
        .startsWith("/subscriptions/" + subscription.toLowerCase(Locale.ROOT))) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_BODY,
          "The scope '%s' is not in this subscription.".formatted(scope));
    }
    String kind = rest.isEmpty() ? "" : rest.getFirst().toLowerCase(Locale.ROOT);
    if (kind.equals("roledefinitions") && rest.size() <= 2) {
      if (!method.equals("GET")) {
        throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
      }
      return definitions(rest, query.apply("$filter"));
    }
    if (!kind.equals("roleassignments") || rest.size() > 2) {
      throw ApiException.of(
          ErrorCode.ARM_PATH_NOT_FOUND,
          scope + "/providers/Microsoft.Authorization/" + String.join("/", rest));
    }
    if (rest.size() == 1) {
      if (!method.equals("GET")) {
        throw ApiException.of(ErrorCode.ARM_METHOD_NOT_ALLOWED, method);
      }
      return list(scope, RoleFilters.assignments(query.apply("$filter")));
    }
    String id = rest.get(1);
    return switch (method) {
      case "PUT" -> new Answer(201, view(create(id, scope, body)));
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

  private Answer definitions(List<String> rest, Optional<String> filter) {
    if (rest.size() == 2) {
      String id = rest.get(1);
      return new Answer(
          200,
          definition(
              BuiltInRoles.ALL.stream()
                  .filter(r -> r.id().equalsIgnoreCase(id))
                  .findFirst()
                  .orElseThrow(
                      () -> ApiException.of(ErrorCode.ARM_ROLE_DEFINITION_NOT_FOUND, id))));
    }
    var keep = RoleFilters.definitions(filter);
    ObjectNode list = Json.MAPPER.createObjectNode();
    list.putArray("value");
    BuiltInRoles.ALL.stream().filter(keep).forEach(r -> list.withArray("value").add(definition(r)));
    return new Answer(200, list);
  }

  private Answer list(String scope, RoleFilters.AssignmentFilter filter) {
    var assignedTo = filter.assignedTo().map(principals::withGroups);
    ObjectNode list = Json.MAPPER.createObjectNode();
    list.putArray("value");
    liveAssignments().stream()
        .filter(
            a ->
                Permissions.covers(a.scope(), scope)
                    || (!filter.atScope() && Permissions.covers(scope, a.scope())))
        .filter(
            a -> filter.principalId().map(p -> p.equalsIgnoreCase(a.principalId())).orElse(true))
        .filter(a -> assignedTo.map(ids -> ids.contains(a.principalId())).orElse(true))
        .forEach(a -> list.withArray("value").add(view(a)));
    return new Answer(200, list);
  }

  /**
   * Checks a new assignment as ARM does: the assignment's name and the principal are GUIDs, the
   * role exists, and the principal is known unless the request names its {@code principalType}
   * (ARM's way around directory replication delay).
   */
  private RoleAssignment create(String id, String scope, JsonNode body) {
    if (!PrincipalDirectory.isGuid(id)) {
      throw ApiException.of(ErrorCode.ARM_INVALID_ROLE_ASSIGNMENT_ID, id);
    }
    JsonNode properties = body.path("properties");
    String role = text(properties, "roleDefinitionId");
    String principal = text(properties, "principalId");
    if (!PrincipalDirectory.isGuid(principal)) {
      throw ApiException.of(ErrorCode.ARM_INVALID_PRINCIPAL_ID, principal);
    }
    if (BuiltInRoles.find(role).isEmpty()) {
      throw ApiException.of(
          ErrorCode.ARM_INVALID_BODY, "The role definition '%s' does not exist.".formatted(role));
    }
    JsonNode type = properties.path("principalType");
    boolean typed = type.isTextual() && !type.asText().isBlank();
    if (!typed && !principals.knows(principal)) {
      throw ApiException.of(
          ErrorCode.ARM_PRINCIPAL_NOT_FOUND, PrincipalDirectory.compact(principal), tenantId);
    }
    return control.assignRole(id, PrincipalDirectory.canonical(principal), role, scope);
  }

  private RoleAssignment find(String id) {
    return liveAssignments().stream()
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
    properties.putArray("assignableScopes").add("/");
    ObjectNode permission = properties.putArray("permissions").addObject();
    r.actions().forEach(permission.putArray("actions")::add);
    r.notActions().forEach(permission.putArray("notActions")::add);
    r.dataActions().forEach(permission.putArray("dataActions")::add);
    r.notDataActions().forEach(permission.putArray("notDataActions")::add);
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
