package dev.lazurite.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.identity.IdentityService;
import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Role definitions and role assignments as az and the management SDKs use them: {@code $filter},
 * the roles that may grant access, ARM's validation of a new assignment, and assignments whose
 * scope was deleted.
 */
class RoleAdministrationTest {
  static final String AUTH_V = "?api-version=2022-04-01";
  static final String CS_V = "?api-version=2023-05-01";
  static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  static TestingServer server;
  static TestingHttp http;
  static String sub;
  static String admin;
  static String account;
  static String tenant;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    http = server.http();
    sub = server.server().subscriptionId();
    admin = "Bearer " + server.server().adminToken();
    tenant = server.server().identities().issuer().tenantId();
    account =
        "/subscriptions/"
            + sub
            + "/resourceGroups/lazurite/providers/Microsoft.CognitiveServices/accounts/lazurite";
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TestingHttp.Result as(String bearer, String method, String path, String body) {
    return http.send(method, path, body, "Authorization", bearer);
  }

  static String token(IdentityService.CreatedPrincipal principal, String scope) {
    var result =
        http.sendForm(
            "/" + tenant + "/oauth2/v2.0/token",
            "grant_type=client_credentials&client_id="
                + principal.principal().appId()
                + "&client_secret="
                + URLEncoder.encode(principal.secret(), StandardCharsets.UTF_8)
                + "&scope="
                + URLEncoder.encode(scope, StandardCharsets.UTF_8));
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return "Bearer " + result.json().get("access_token").asText();
  }

  static String arm(IdentityService.CreatedPrincipal principal) {
    return token(principal, "https://management.azure.com/.default");
  }

  static int chat(IdentityService.CreatedPrincipal principal, String deployment) {
    return http.send(
            "POST",
            "/openai/deployments/" + deployment + "/chat/completions?api-version=2024-10-21",
            HELLO,
            "Authorization",
            token(principal, "https://cognitiveservices.azure.com/.default"))
        .status();
  }

  static String body(String role, String principal) {
    return "{\"properties\":{\"roleDefinitionId\":\""
        + role
        + "\",\"principalId\":\""
        + principal
        + "\"}}";
  }

  static String assignment(String scope) {
    return scope + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID();
  }

  static List<JsonNode> values(TestingHttp.Result result) {
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return StreamSupport.stream(result.json().get("value").spliterator(), false).toList();
  }

  static void assertArmError(TestingHttp.Result result, int status, String code) {
    assertThat(result.status()).as(result.body()).isEqualTo(status);
    assertThat(result.json().at("/error/code").asText()).isEqualTo(code);
  }

  static String definitions(String scope, String filter) {
    return scope
        + "/providers/Microsoft.Authorization/roleDefinitions"
        + AUTH_V
        + (filter == null ? "" : "&$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
  }

  /** What az does for {@code --role NAME}: one match of {@code roleName eq 'NAME'}, its id. */
  static String resolveRole(String scope, String name) {
    var matches = values(as(admin, "GET", definitions(scope, "roleName eq '" + name + "'"), null));
    assertThat(matches).as(name).hasSize(1);
    return matches.getFirst().get("id").asText();
  }

  @Test
  void roleDefinitionsHonourRoleNameAndTypeFilters() {
    var all = values(as(admin, "GET", definitions(account, null), null));
    assertThat(all).hasSize(BuiltInRoles.ALL.size());
    assertThat(resolveRole(account, "Cognitive Services OpenAI User"))
        .isEqualTo(
            "/subscriptions/"
                + sub
                + "/providers/Microsoft.Authorization/roleDefinitions/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd");
    assertThat(resolveRole(account, "Owner")).endsWith("/8e3af657-a8ff-443c-a75c-2fe8c4bcb635");
    assertThat(resolveRole("/subscriptions/" + sub, "User Access Administrator"))
        .endsWith("/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9");
    assertThat(resolveRole(account, "role based access control administrator"))
        .endsWith("/f58310d9-a9f6-439a-9e8d-f62e7b41a168");

    JsonNode contributor =
        values(as(admin, "GET", definitions(account, "roleName eq 'Contributor'"), null))
            .getFirst();
    assertThat(contributor.at("/properties/permissions/0/actions/0").asText()).isEqualTo("*");
    assertThat(contributor.at("/properties/permissions/0/notActions").findValuesAsText(""))
        .isEmpty();
    assertThat(contributor.at("/properties/permissions/0/notActions").toString())
        .contains("Microsoft.Authorization/*/Write");
    assertThat(contributor.at("/properties/type").asText()).isEqualTo("BuiltInRole");

    assertThat(values(as(admin, "GET", definitions(account, "roleName eq 'No Such Role'"), null)))
        .isEmpty();
    assertThat(values(as(admin, "GET", definitions(account, "type eq 'BuiltInRole'"), null)))
        .hasSize(BuiltInRoles.ALL.size());
    assertThat(values(as(admin, "GET", definitions(account, "type eq 'CustomRole'"), null)))
        .isEmpty();

    var one =
        as(
            admin,
            "GET",
            account
                + "/providers/Microsoft.Authorization/roleDefinitions/f58310d9-a9f6-439a-9e8d-f62e7b41a168"
                + AUTH_V,
            null);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().at("/properties/roleName").asText())
        .isEqualTo("Role Based Access Control Administrator");
    assertThat(one.json().at("/properties/permissions/0/actions").toString())
        .contains("Microsoft.Authorization/roleAssignments/write")
        .contains("Microsoft.Authorization/roleAssignments/delete");
  }

  @Test
  void roleDefinitionQueriesRefuseBadInput() {
    var bad = as(admin, "GET", definitions(account, "roleName ne 'Owner'"), null);
    assertArmError(bad, 400, "UnsupportedQuery");
    assertThat(bad.json().at("/error/message").asText())
        .isEqualTo(
            "The filter 'roleName ne 'Owner'' is not supported. Supported filters are either"
                + " 'roleName eq '{value}'' or 'type eq 'BuiltInRole|CustomRole''.");
    assertArmError(
        as(admin, "GET", definitions(account, "roleName eq 'Owner"), null),
        400,
        "UnsupportedQuery");
    assertArmError(
        as(admin, "GET", definitions(account, "type eq 'Other'"), null), 400, "UnsupportedQuery");
    assertArmError(
        as(
            admin,
            "GET",
            account
                + "/providers/Microsoft.Authorization/roleDefinitions/00000000-0000-0000-0000-000000000000"
                + AUTH_V,
            null),
        404,
        "RoleDefinitionDoesNotExist");
    assertArmError(as(admin, "PUT", definitions(account, null), "{}"), 405, "MethodNotAllowed");
    assertArmError(
        as(
            admin,
            "GET",
            account
                + "/providers/Microsoft.Authorization/roleAssignments"
                + AUTH_V
                + "&$filter="
                + URLEncoder.encode("roleName eq 'Owner'", StandardCharsets.UTF_8),
            null),
        400,
        "UnsupportedQuery");
  }

  @Test
  void ownerUserAccessAdministratorAndRbacAdministratorMayGrantAtTheirScopeOnly() {
    for (String role :
        List.of("Owner", "User Access Administrator", "Role Based Access Control Administrator")) {
      var granter =
          server.server().identities().createServicePrincipal("granter-" + role.hashCode());
      var grantee =
          server.server().identities().createServicePrincipal("grantee-" + role.hashCode());
      String bearer = arm(granter);
      String grant = assignment(account);
      String openAiUser = resolveRole(account, "Cognitive Services OpenAI User");

      assertArmError(
          as(bearer, "PUT", grant + AUTH_V, body(openAiUser, grantee.principal().objectId())),
          403,
          "AuthorizationFailed");

      var held =
          as(
              admin,
              "PUT",
              assignment(account) + AUTH_V,
              body(resolveRole(account, role), granter.principal().objectId()));
      assertThat(held.status()).as(held.body()).isEqualTo(201);
      bearer = arm(granter);

      var granted =
          as(bearer, "PUT", grant + AUTH_V, body(openAiUser, grantee.principal().objectId()));
      assertThat(granted.status()).as(role + ": " + granted.body()).isEqualTo(201);
      assertThat(chat(grantee, "gpt-4o")).as(role + " granted OpenAI User").isEqualTo(200);
      assertArmError(
          as(
              bearer,
              "PUT",
              assignment("/subscriptions/" + sub) + AUTH_V,
              body(openAiUser, grantee.principal().objectId())),
          403,
          "AuthorizationFailed");

      var revoked = as(bearer, "DELETE", grant + AUTH_V, null);
      assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
      assertThat(chat(grantee, "gpt-4o")).as(role + " revoked it").isEqualTo(401);
    }
  }

  @Test
  void contributorsManageResourcesButMayNotGrantAccess() {
    var contributor = server.server().identities().createServicePrincipal("general-contributor");
    var held =
        as(
            admin,
            "PUT",
            assignment(account) + AUTH_V,
            body(resolveRole(account, "Contributor"), contributor.principal().objectId()));
    assertThat(held.status()).isEqualTo(201);
    String bearer = arm(contributor);
    assertThat(as(bearer, "POST", account + "/listKeys" + CS_V, null).status()).isEqualTo(200);
    var refused =
        as(
            bearer,
            "PUT",
            assignment(account) + AUTH_V,
            body(
                resolveRole(account, "Cognitive Services OpenAI User"),
                contributor.principal().objectId()));
    assertArmError(refused, 403, "AuthorizationFailed");
    assertThat(refused.json().at("/error/message").asText())
        .contains("Microsoft.Authorization/roleAssignments/write");
  }

  @Test
  void newAssignmentsAreValidatedAsArmDoesAndRefusalsStoreNothing() {
    String role = resolveRole(account, "Cognitive Services OpenAI User");
    int before = server.server().control().roleAssignments().size();

    var notGuid = as(admin, "PUT", assignment(account) + AUTH_V, body(role, "chat-app"));
    assertArmError(notGuid, 400, "InvalidPrincipalId");
    assertThat(notGuid.json().at("/error/message").asText())
        .isEqualTo("The Principal ID 'chat-app' is not valid. Principal ID must be a GUID.");

    String unknown = "0F14A80D-42E5-4D57-AFE0-46ACF9DFAE05";
    var notFound = as(admin, "PUT", assignment(account) + AUTH_V, body(role, unknown));
    assertArmError(notFound, 400, "PrincipalNotFound");
    assertThat(notFound.json().at("/error/message").asText())
        .startsWith(
            "Principal 0f14a80d42e54d57afe046acf9dfae05 does not exist in the directory "
                + tenant
                + ". Check that you have the correct principal ID.");

    var badName =
        as(
            admin,
            "PUT",
            account + "/providers/Microsoft.Authorization/roleAssignments/first" + AUTH_V,
            body(role, unknown));
    assertArmError(badName, 400, "InvalidRoleAssignmentId");
    assertArmError(
        as(admin, "PUT", assignment(account) + AUTH_V, "{\"properties\":{\"roleDefinitionId\":5}}"),
        400,
        "InvalidRequestContent");
    assertArmError(
        as(admin, "PUT", assignment(account) + AUTH_V, "{\"properties\":"),
        400,
        "InvalidRequestContent");
    var sp = server.server().identities().createServicePrincipal("validated");
    assertArmError(
        as(
            admin,
            "PUT",
            assignment(account) + AUTH_V,
            body("No Such Role", sp.principal().objectId())),
        400,
        "InvalidRequestContent");
    assertArmError(
        as(
            admin,
            "PUT",
            assignment(account.replace(sub, "00000000-0000-0000-0000-000000000001")) + AUTH_V,
            body(role, sp.principal().objectId())),
        400,
        "InvalidRequestContent");
    assertThat(server.server().control().roleAssignments())
        .as("refused requests store nothing")
        .hasSize(before);

    // The object id in another spelling names the same principal, stored as tokens carry it.
    String upper = sp.principal().objectId().toUpperCase(Locale.ROOT);
    var created = as(admin, "PUT", assignment(account) + AUTH_V, body(role, upper));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().at("/properties/principalId").asText())
        .isEqualTo(sp.principal().objectId());
    assertThat(chat(sp, "gpt-4o")).isEqualTo(200);

    // Naming the principal type skips the directory lookup, as ARM does for replication delay.
    var typed =
        as(
            admin,
            "PUT",
            assignment(account) + AUTH_V,
            "{\"properties\":{\"roleDefinitionId\":\""
                + role
                + "\",\"principalId\":\""
                + unknown
                + "\",\"principalType\":\"ServicePrincipal\"}}");
    assertThat(typed.status()).as(typed.body()).isEqualTo(201);
  }

  @Test
  void assignmentsOfADeletedDeploymentAreNeitherListedNorInForce() {
    String deployment = account + "/deployments/short-lived";
    String model =
        "{\"sku\":{\"name\":\"Standard\",\"capacity\":50},\"properties\":{\"model\":{\"format\":\"OpenAI\",\"name\":\"gpt-4o\",\"version\":\"2024-08-06\"}}}";
    assertThat(as(admin, "PUT", deployment + CS_V, model).status()).isEqualTo(201);
    var sp = server.server().identities().createServicePrincipal("short-lived-user");
    String grant = assignment(deployment);
    var created =
        as(
            admin,
            "PUT",
            grant + AUTH_V,
            body(
                resolveRole(account, "Cognitive Services OpenAI User"), sp.principal().objectId()));
    assertThat(created.status()).isEqualTo(201);
    assertThat(chat(sp, "short-lived")).isEqualTo(200);
    String list = account + "/providers/Microsoft.Authorization/roleAssignments" + AUTH_V;
    assertThat(
            values(as(admin, "GET", list, null)).stream()
                .map(a -> a.at("/properties/scope").asText()))
        .contains(deployment);

    assertThat(as(admin, "DELETE", deployment + CS_V, null).status()).isEqualTo(200);
    assertThat(
            values(as(admin, "GET", list, null)).stream()
                .map(a -> a.at("/properties/scope").asText()))
        .doesNotContain(deployment);
    assertArmError(as(admin, "GET", grant + AUTH_V, null), 404, "NoRegisteredProviderFound");

    assertThat(as(admin, "PUT", deployment + CS_V, model).status()).isEqualTo(201);
    assertThat(chat(sp, "short-lived"))
        .as("a deployment created again under the same name does not inherit the old grant")
        .isEqualTo(401);
  }

  @Test
  void assignmentListsHonourAzsFilters() {
    var direct = server.server().identities().createServicePrincipal("filtered-direct");
    var member = server.server().identities().createServicePrincipal("filtered-member");
    var group = server.server().identities().createGroup("filtered-group");
    server.server().identities().addGroupMember(group.objectId(), member.principal().objectId());
    String role = resolveRole(account, "Cognitive Services OpenAI User");
    String deployment = account + "/deployments/gpt-4o";
    assertThat(
            as(
                    admin,
                    "PUT",
                    assignment(account) + AUTH_V,
                    body(role, direct.principal().objectId()))
                .status())
        .isEqualTo(201);
    assertThat(
            as(admin, "PUT", assignment(deployment) + AUTH_V, body(role, group.objectId()))
                .status())
        .isEqualTo(201);
    String list =
        account + "/providers/Microsoft.Authorization/roleAssignments" + AUTH_V + "&$filter=";

    var byPrincipal =
        values(
            as(
                admin,
                "GET",
                list
                    + URLEncoder.encode(
                        "principalId eq '" + direct.principal().objectId() + "'",
                        StandardCharsets.UTF_8),
                null));
    assertThat(byPrincipal).hasSize(1);
    assertThat(byPrincipal.getFirst().at("/properties/scope").asText()).isEqualTo(account);

    var assignedTo =
        values(
            as(
                admin,
                "GET",
                list
                    + URLEncoder.encode(
                        "assignedTo('" + member.principal().objectId() + "')",
                        StandardCharsets.UTF_8),
                null));
    assertThat(assignedTo).hasSize(1);
    assertThat(assignedTo.getFirst().at("/properties/principalId").asText())
        .isEqualTo(group.objectId());

    var atScope =
        values(
            as(admin, "GET", list + URLEncoder.encode("atScope()", StandardCharsets.UTF_8), null));
    assertThat(atScope.stream().map(a -> a.at("/properties/scope").asText()))
        .as("atScope() leaves out assignments below the scope")
        .doesNotContain(deployment)
        .contains(account);
    var atScopeForGroup =
        values(
            as(
                admin,
                "GET",
                list
                    + URLEncoder.encode(
                        "atScope() and principalId eq '" + group.objectId() + "'",
                        StandardCharsets.UTF_8),
                null));
    assertThat(atScopeForGroup).isEmpty();
    assertArmError(
        as(
            admin,
            "GET",
            list
                + URLEncoder.encode(
                    "principalId eq 'x' and principalId eq 'y'", StandardCharsets.UTF_8),
            null),
        400,
        "UnsupportedQuery");
  }

  @Test
  void assignmentsOfADeletedSearchServiceGoWithIt() {
    String service =
        "/subscriptions/"
            + sub
            + "/resourceGroups/lazurite/providers/Microsoft.Search/searchServices/short-lived";
    String v = "?api-version=2023-11-01";
    String create = "{\"location\":\"eastus\",\"sku\":{\"name\":\"basic\"}}";
    assertThat(as(admin, "PUT", service + v, create).status()).isEqualTo(201);
    var sp = server.server().identities().createServicePrincipal("search-reader");
    String reader = resolveRole(service, "Search Index Data Reader");
    assertThat(
            as(admin, "PUT", assignment(service) + AUTH_V, body(reader, sp.principal().objectId()))
                .status())
        .isEqualTo(201);
    String list = service + "/providers/Microsoft.Authorization/roleAssignments" + AUTH_V;
    assertThat(values(as(admin, "GET", list, null))).hasSize(1);

    assertThat(as(admin, "DELETE", service + v, null).status()).isEqualTo(200);
    assertThat(server.server().control().roleAssignments())
        .as("deleted with the service, so the data plane no longer holds it")
        .noneMatch(a -> a.scope().equalsIgnoreCase(service));
    assertThat(as(admin, "PUT", service + v, create).status()).isEqualTo(201);
    assertThat(values(as(admin, "GET", list, null)))
        .as("a service created again under the same name starts without grants")
        .isEmpty();
  }
}
