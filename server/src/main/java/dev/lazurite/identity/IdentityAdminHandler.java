package dev.lazurite.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazurite.json.Json;
import dev.lazurite.server.edge.AdminAction;
import dev.lazurite.server.edge.AdminGuard;
import dev.lazurite.server.edge.AdminJson;
import dev.lazurite.server.edge.RequestBody;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * The identity directory's management API, used by {@code lazurite identity …}: service principals
 * (secrets shown once), managed identities and their environment, groups, and users (passwords sent
 * in a body, never answered). Protected by the local admin credential.
 */
public final class IdentityAdminHandler {
  private static final String BASE = "/lazurite/identity";

  private final IdentityService identities;
  private final AdminGuard guard;
  private final Supplier<String> plainEndpoint;

  public IdentityAdminHandler(
      IdentityService identities, AdminGuard guard, Supplier<String> plainEndpoint) {
    this.identities = identities;
    this.guard = guard;
    this.plainEndpoint = plainEndpoint;
  }

  public void routing(HttpRouting.Builder routing) {
    routing
        .post(BASE + "/servicePrincipals", (req, res) -> guarded(req, res, this::createPrincipal))
        .get(BASE + "/servicePrincipals", (req, res) -> guarded(req, res, this::listPrincipals))
        .post(
            BASE + "/servicePrincipals/{appId}/secrets",
            (req, res) -> guarded(req, res, this::addSecret))
        .get(
            BASE + "/servicePrincipals/{appId}/secrets",
            (req, res) -> guarded(req, res, this::listSecrets))
        .delete(
            BASE + "/servicePrincipals/{appId}/secrets/{keyId}",
            (req, res) -> guarded(req, res, this::deleteSecret))
        .post(BASE + "/managedIdentities", (req, res) -> guarded(req, res, this::createIdentity))
        .get(BASE + "/managedIdentities", (req, res) -> guarded(req, res, this::listIdentities))
        .get(
            BASE + "/managedIdentities/{name}/env",
            (req, res) -> guarded(req, res, this::identityEnv))
        .post(BASE + "/groups", (req, res) -> guarded(req, res, this::createGroup))
        .get(BASE + "/groups", (req, res) -> guarded(req, res, this::listGroups))
        .post(BASE + "/groups/{id}/members", (req, res) -> guarded(req, res, this::addMember))
        .post(BASE + "/users", (req, res) -> guarded(req, res, this::createUser))
        .get(BASE + "/users", (req, res) -> guarded(req, res, this::listUsers))
        .delete(BASE + "/users/{id}", (req, res) -> guarded(req, res, this::deleteUser))
        .put(BASE + "/users/{id}/password", (req, res) -> guarded(req, res, this::setPassword));
  }

  private void guarded(ServerRequest req, ServerResponse res, AdminAction action) {
    AdminAction.guarded(guard, req, res, action);
  }

  private void createPrincipal(ServerRequest req, ServerResponse res) throws IOException {
    var created = identities.createServicePrincipal(text(body(req, res), "displayName"));
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("appId", created.principal().appId());
    out.put("displayName", created.principal().displayName());
    out.put("password", created.secret());
    out.put("tenant", identities.issuer().tenantId());
    out.put("objectId", created.principal().objectId());
    send(res, 201, out);
  }

  private void listPrincipals(ServerRequest req, ServerResponse res) {
    send(res, 200, list(identities.servicePrincipals()));
  }

  /** Adds a client secret; {@code {"replace": true}} deletes the others in the same change. */
  private void addSecret(ServerRequest req, ServerResponse res) throws IOException {
    String appId = req.path().pathParameters().get("appId");
    byte[] content = RequestBody.read(req, res);
    boolean replace = false;
    if (content.length > 0) {
      JsonNode body = Json.parse(content);
      JsonNode value = body.isObject() ? body.path("replace") : null;
      if (value == null || !(value.isMissingNode() || value.isBoolean())) {
        throw new IllegalArgumentException(
            "The request content is optional: {\"replace\": true} replaces the other secrets.");
      }
      replace = value.asBoolean(false);
    }
    if (!identities.knowsApp(appId)) {
      send(
          res, 404, error("ResourceNotFound", "No service principal with app id '" + appId + "'."));
      return;
    }
    var created = identities.addClientSecret(appId, replace);
    send(
        res,
        201,
        Json.MAPPER
            .createObjectNode()
            .put("appId", appId)
            .put("keyId", created.keyId())
            .put("password", created.secret())
            .put("tenant", identities.issuer().tenantId()));
  }

  private void listSecrets(ServerRequest req, ServerResponse res) {
    String appId = req.path().pathParameters().get("appId");
    if (!identities.knowsApp(appId)) {
      send(
          res, 404, error("ResourceNotFound", "No service principal with app id '" + appId + "'."));
      return;
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    var values = out.putArray("value");
    identities.clientSecretIds(appId).forEach(id -> values.addObject().put("keyId", id));
    send(res, 200, out);
  }

  private void deleteSecret(ServerRequest req, ServerResponse res) {
    String appId = req.path().pathParameters().get("appId");
    String keyId = req.path().pathParameters().get("keyId");
    if (!identities.knowsApp(appId) || !identities.clientSecretIds(appId).contains(keyId)) {
      send(
          res,
          404,
          error("ResourceNotFound", "No client secret '" + keyId + "' of app '" + appId + "'."));
      return;
    }
    identities.deleteClientSecret(appId, keyId);
    res.status(Status.NO_CONTENT_204).send();
  }

  private void createIdentity(ServerRequest req, ServerResponse res) throws IOException {
    ManagedIdentity identity = identities.createManagedIdentity(text(body(req, res), "name"));
    send(
        res,
        201,
        Json.MAPPER
            .createObjectNode()
            .put("name", identity.name())
            .put("clientId", identity.clientId())
            .put("principalId", identity.principalId())
            .put("tenantId", identities.issuer().tenantId()));
  }

  private void listIdentities(ServerRequest req, ServerResponse res) {
    send(res, 200, list(identities.managedIdentities()));
  }

  private void identityEnv(ServerRequest req, ServerResponse res) {
    String name = req.path().pathParameters().get("name");
    var identity = identities.managedIdentity(name);
    if (identity.isEmpty()) {
      send(res, 404, error("ResourceNotFound", "No managed identity named '" + name + "'."));
      return;
    }
    send(
        res,
        200,
        Json.MAPPER
            .createObjectNode()
            .put("IDENTITY_ENDPOINT", plainEndpoint.get() + "/msi/token")
            .put("IDENTITY_HEADER", identities.identityHeader(identity.get()))
            .put("AZURE_CLIENT_ID", identity.get().clientId()));
  }

  private void createGroup(ServerRequest req, ServerResponse res) throws IOException {
    Group group = identities.createGroup(text(body(req, res), "displayName"));
    send(res, 201, Json.MAPPER.valueToTree(group));
  }

  private void listGroups(ServerRequest req, ServerResponse res) {
    send(res, 200, list(identities.groups()));
  }

  private void addMember(ServerRequest req, ServerResponse res) throws IOException {
    identities.addGroupMember(
        req.path().pathParameters().get("id"), text(body(req, res), "memberId"));
    res.status(Status.NO_CONTENT_204).send();
  }

  private void createUser(ServerRequest req, ServerResponse res) throws IOException {
    JsonNode body = body(req, res);
    User user =
        identities
            .users()
            .create(text(body, "userPrincipalName"), text(body, "displayName"), password(body));
    send(res, 201, Json.MAPPER.valueToTree(user));
  }

  private void listUsers(ServerRequest req, ServerResponse res) {
    send(res, 200, list(identities.users().users()));
  }

  private void deleteUser(ServerRequest req, ServerResponse res) {
    String id = req.path().pathParameters().get("id");
    if (!identities.users().delete(id)) {
      send(res, 404, error("ResourceNotFound", "No user with object id '" + id + "'."));
      return;
    }
    res.status(Status.NO_CONTENT_204).send();
  }

  private void setPassword(ServerRequest req, ServerResponse res) throws IOException {
    String id = req.path().pathParameters().get("id");
    JsonNode body = body(req, res);
    if (identities.users().user(id).isEmpty()) {
      send(res, 404, error("ResourceNotFound", "No user with object id '" + id + "'."));
      return;
    }
    identities.users().setPassword(id, password(body));
    res.status(Status.NO_CONTENT_204).send();
  }

  /** The {@code password} of a body: its value is never part of an answer. */
  private static String password(JsonNode body) {
    JsonNode value = body.get("password");
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(
          "The property 'password' is required and must be a string.");
    }
    return value.asText();
  }

  private static JsonNode body(ServerRequest req, ServerResponse res) throws IOException {
    JsonNode node = Json.parse(RequestBody.read(req, res));
    if (!node.isObject()) {
      throw new IllegalArgumentException("The request content must be a JSON object.");
    }
    return node;
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(
          "The property '" + field + "' is required and must be a string.");
    }
    return value.asText();
  }

  private static ObjectNode list(java.util.List<?> values) {
    return AdminJson.list(values, Json.MAPPER::valueToTree);
  }

  private static ObjectNode error(String code, String message) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.putObject("error").put("code", code).put("message", message);
    return out;
  }

  private static void send(ServerResponse res, int status, JsonNode body) {
    AdminJson.send(res, status, body);
  }
}
