package dev.lazurite.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.control.Bootstrap;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.portal.web.Access;
import dev.lazurite.portal.web.PortalRoute;
import dev.lazurite.testing.TestingServer;
import io.helidon.http.Method;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal's defences, over plain HTTP without a browser: every route refuses a visitor who has
 * not signed in, every form needs its session's CSRF token, the session id changes at sign-in, the
 * cookie's flags, and no secret in any page.
 */
class PortalSecurityTest {
  private static TestingServer server;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    server.deploy(
        new DeploymentRequest("probe", "gpt-4o", "", "Standard", 10, "", "", Optional.empty()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String concrete(PortalRoute route) {
    return route
        .path()
        .replace("{group}", Bootstrap.DEFAULT_RESOURCE_GROUP)
        .replace("{account}", Bootstrap.DEFAULT_ACCOUNT)
        .replace("{name}", "probe");
  }

  private static List<PortalRoute> routes() {
    List<PortalRoute> routes = server.server().portalRoutes();
    assertThat(routes).hasSizeGreaterThan(8);
    return routes;
  }

  private static int deployments() {
    var control = server.server().control();
    return control
        .deployments(
            control.account(
                server.server().subscriptionId(),
                Bootstrap.DEFAULT_RESOURCE_GROUP,
                Bootstrap.DEFAULT_ACCOUNT))
        .size();
  }

  @Test
  void everyProtectedRouteSendsAVisitorWithoutASessionToSignIn() {
    int before = deployments();
    for (PortalRoute route : routes()) {
      if (route.access() instanceof Access.Public) {
        continue;
      }
      var client = new PortalClient(server.endpoint());
      HttpResponse<String> response =
          route.method().equals(Method.GET)
              ? client.get(concrete(route))
              : client.postRaw(concrete(route), "name=x&capacity=5&keyName=key1&policy=p");
      assertThat(response.statusCode()).as(route.method() + " " + route.path()).isEqualTo(303);
      assertThat(response.headers().firstValue("Location")).contains("/portal/sign-in");
    }
    assertThat(deployments()).isEqualTo(before);
  }

  @Test
  void aSignedOutOrAnonymousSessionIsNoSignIn() {
    var client = new PortalClient(server.endpoint());
    client.get("/portal/sign-in");
    assertThat(client.cookie()).isNotEmpty();
    assertThat(client.get("/portal/resources").statusCode()).isEqualTo(303);
    client.cookie(client.cookie() + "x");
    assertThat(client.get("/portal/resources").statusCode()).isEqualTo(303);
  }

  @Test
  void everyFormRefusesAMissingOrForeignCsrfToken() {
    var other = new PortalClient(server.endpoint());
    other.signIn(server.server().adminToken());
    other.get("/portal/resources");
    String foreign = other.csrf();
    var client = new PortalClient(server.endpoint());
    assertThat(client.signIn(server.server().adminToken()).statusCode()).isEqualTo(303);
    client.get("/portal/resources");
    int before = deployments();
    var keysBefore = server.server().defaultKeys();
    for (PortalRoute route : routes()) {
      if (!route.method().equals(Method.POST)) {
        continue;
      }
      String path = concrete(route);
      Map<String, String> fields =
          Map.of(
              "name",
              "csrf-x",
              "model",
              "gpt-4o@2024-11-20",
              "sku",
              "Standard",
              "capacity",
              "5",
              "keyName",
              "key1",
              "policy",
              "Microsoft.Default",
              "credential",
              server.server().adminToken());
      var missing = client.postRaw(path, PortalClient.encode(fields));
      assertThat(missing.statusCode()).as("no token: " + path).isEqualTo(403);
      var withForeign = new java.util.HashMap<>(fields);
      withForeign.put("_csrf", foreign);
      var wrong = client.postRaw(path, PortalClient.encode(withForeign));
      assertThat(wrong.statusCode()).as("foreign token: " + path).isEqualTo(403);
    }
    assertThat(deployments()).isEqualTo(before);
    assertThat(server.server().defaultKeys()).isEqualTo(keysBefore);
  }

  @Test
  void theSessionIdChangesAtSignIn() {
    var client = new PortalClient(server.endpoint());
    client.get("/portal/sign-in");
    String planted = client.cookie();
    String plantedCsrf = client.csrf();
    var signedIn =
        client.post("/portal/sign-in", Map.of("credential", server.server().adminToken()));
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(client.cookie()).isNotEqualTo(planted);
    client.get("/portal/resources");
    assertThat(client.csrf()).isNotEqualTo(plantedCsrf);
    var attacker = new PortalClient(server.endpoint());
    attacker.cookie(planted);
    assertThat(attacker.get("/portal/resources").statusCode()).isEqualTo(303);
  }

  @Test
  void aWrongCredentialSignsNobodyIn() {
    var client = new PortalClient(server.endpoint());
    client.get("/portal/sign-in");
    String anonymous = client.cookie();
    var refused = client.post("/portal/sign-in", Map.of("credential", "not-the-token"));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("not valid").doesNotContain("not-the-token");
    assertThat(client.cookie()).isEqualTo(anonymous);
    assertThat(client.get("/portal/resources").statusCode()).isEqualTo(303);
  }

  @Test
  void theCookieIsHttpOnlyStrictAndSecureOverHttps() {
    var tls = new PortalClient(server.httpsEndpoint(), server.trustingLocalCa());
    var form = tls.get("/portal/sign-in");
    assertThat(PortalClient.setCookie(form).orElseThrow())
        .contains("HttpOnly", "SameSite=Strict", "Secure", "Path=/portal", "Max-Age=");
    var signedIn = tls.post("/portal/sign-in", Map.of("credential", server.server().adminToken()));
    assertThat(PortalClient.setCookie(signedIn).orElseThrow())
        .contains("HttpOnly", "SameSite=Strict", "Secure");
    assertThat(tls.get("/portal/resources").statusCode()).isEqualTo(200);
    var plain = new PortalClient(server.endpoint());
    assertThat(PortalClient.setCookie(plain.get("/portal/sign-in")).orElseThrow())
        .contains("HttpOnly", "SameSite=Strict")
        .doesNotContain("Secure");
  }

  @Test
  void noPageShowsASecret() {
    var client = new PortalClient(server.endpoint());
    client.signIn(server.server().adminToken());
    var keys = server.server().defaultKeys();
    for (PortalRoute route : routes()) {
      if (!route.method().equals(Method.GET)) {
        continue;
      }
      var page = client.get(concrete(route));
      assertThat(page.statusCode()).as(route.path()).isIn(200, 303);
      assertThat(page.body())
          .as(route.path())
          .doesNotContain(server.server().adminToken(), keys.key1(), keys.key2(), client.cookie());
      assertThat(page.headers().firstValue("Cache-Control")).as(route.path()).isPresent();
      if (!route.path().startsWith("/portal/static/")) {
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
      }
    }
  }
}
