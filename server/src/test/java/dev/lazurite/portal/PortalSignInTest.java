package dev.lazurite.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.identity.AuthorizationCodes;
import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.testing.TestingServer;
import dev.lazurite.testing.TestingSignIn;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signing in to the portal with an organisation account, over plain HTTP, on two instances that
 * share one database: the state ties the callback to the browser that started the sign-in, the
 * session gets a new id, and a signed-out session is refused by every instance.
 */
class PortalSignInTest {
  private static final String PASSWORD = "portal password 4711";

  private static TestingServer first;
  private static TestingServer second;
  private static TestingSignIn flow;

  @BeforeAll
  static void start() throws IOException {
    Path shared = Files.createTempDirectory("lazurite-portal-shared");
    var database = DatabaseUrl.parse("jdbc:sqlite:" + shared.resolve("shared.db"));
    var environment = Map.of("LAZURITE_MASTER_KEY_FILE", shared.resolve("master.key").toString());
    first = TestingServer.start(c -> c.withDatabase(database), environment::get);
    second = TestingServer.start(c -> c.withDatabase(database), environment::get);
    flow = new TestingSignIn(first);
    flow.createUser("erin@contoso.example", "Erin Example", PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
  }

  /** Starts the sign-in in {@code browser}; answers the authorization endpoint's redirect. */
  private static Map<String, String> authorize(PortalClient browser) {
    browser.get("/portal/sign-in");
    var start = browser.get("/portal/sign-in/organisation");
    assertThat(start.statusCode()).isEqualTo(303);
    String location = location(start);
    assertThat(location).startsWith(flow.authorizePath() + "?");
    var query = TestingSignIn.parameters(location);
    assertThat(query)
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("response_type", "code")
        .doesNotContainKey("code_verifier");
    return flow.signIn(
        location.substring(location.indexOf('?') + 1), "erin@contoso.example", PASSWORD);
  }

  private static HttpResponse<String> callback(PortalClient browser, Map<String, String> answer) {
    return browser.get("/portal/callback?" + TestingSignIn.form(answer));
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  @Test
  void aUserSignsInWithANewSessionIdAndSeesThePortal() {
    var browser = new PortalClient(first.endpoint());
    var answer = authorize(browser);
    String before = browser.cookie();
    var signedIn = callback(browser, answer);
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
    assertThat(location(signedIn)).isEqualTo("/portal/resources");
    assertThat(browser.cookie()).isNotEqualTo(before);
    assertThat(sessionId(browser.cookie())).isNotEqualTo(sessionId(before));
    var page = browser.get("/portal/resources");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Erin Example");
    var other = new PortalClient(second.endpoint());
    other.cookie(browser.cookie());
    assertThat(other.get("/portal/resources").statusCode()).isEqualTo(200);
  }

  @Test
  void aCallbackFromAnotherBrowsersSignInIsRefused() {
    var victim = new PortalClient(first.endpoint());
    var attacker = new PortalClient(first.endpoint());
    var answer = authorize(attacker);
    victim.get("/portal/sign-in");
    var planted = callback(victim, answer);
    assertThat(planted.statusCode()).isEqualTo(400);
    assertThat(planted.body()).contains("did not start in this browser session");
    assertThat(victim.get("/portal/resources").statusCode()).isEqualTo(303);
    var fresh = new PortalClient(first.endpoint());
    assertThat(callback(fresh, answer).statusCode()).isEqualTo(400);
    assertThat(fresh.get("/portal/resources").statusCode()).isEqualTo(303);
  }

  @Test
  void aCodeIsUsedOnceAndAnErrorAnswerSignsNobodyIn() {
    var browser = new PortalClient(first.endpoint());
    var answer = authorize(browser);
    var redeemed =
        flow.redeem(
            Map.of(
                "grant_type",
                "authorization_code",
                "client_id",
                dev.lazurite.identity.AuthorizationRequest.PORTAL_CLIENT_ID,
                "code",
                answer.get("code"),
                "code_verifier",
                "x".repeat(43)));
    assertThat(redeemed.status()).isEqualTo(400);
    var replay = new HashMap<>(answer);
    assertThat(callback(browser, replay).statusCode()).isEqualTo(303);
    browser.post("/portal/sign-out", Map.of());
    var again = new PortalClient(first.endpoint());
    var second = authorize(again);
    var error = new HashMap<String, String>();
    error.put("error", "access_denied");
    error.put("state", second.get("state"));
    var refused = callback(again, error);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("refused");
    var wrongCode = new HashMap<>(second);
    wrongCode.put("code", answer.get("code"));
    assertThat(callback(again, wrongCode).statusCode()).isEqualTo(400);
    assertThat(callback(again, Map.of("state", second.get("state"))).statusCode()).isEqualTo(400);
    assertThat(again.get("/portal/resources").statusCode()).isEqualTo(303);
    assertThat(AuthorizationCodes.challenge("x".repeat(43))).hasSize(43);
  }

  @Test
  void aSignedOutSessionIsRefusedOnEveryInstance() {
    var browser = new PortalClient(first.endpoint());
    assertThat(callback(browser, authorize(browser)).statusCode()).isEqualTo(303);
    String signedIn = browser.cookie();
    assertThat(browser.get("/portal/resources").statusCode()).isEqualTo(200);
    var out = browser.post("/portal/sign-out", Map.of());
    assertThat(out.statusCode()).isEqualTo(303);
    for (String endpoint : new String[] {first.endpoint(), second.endpoint()}) {
      var replay = new PortalClient(endpoint);
      replay.cookie(signedIn);
      var answer = replay.get("/portal/resources");
      assertThat(answer.statusCode()).as(endpoint).isEqualTo(303);
      assertThat(location(answer)).isEqualTo("/portal/sign-in");
    }
  }

  @Test
  void theAdminCredentialStillSignsInAndOutEverywhere() {
    var admin = new PortalClient(second.endpoint());
    assertThat(admin.signIn(second.server().adminToken()).statusCode()).isEqualTo(303);
    String cookie = admin.cookie();
    assertThat(admin.get("/portal/resources").statusCode()).isEqualTo(200);
    admin.post("/portal/sign-out", Map.of());
    var replay = new PortalClient(first.endpoint());
    replay.cookie(cookie);
    assertThat(replay.get("/portal/resources").statusCode()).isEqualTo(303);
  }

  private static String sessionId(String cookie) {
    String payload = cookie.substring(0, cookie.indexOf('.'));
    String json = new String(java.util.Base64.getUrlDecoder().decode(payload));
    return json.replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
  }
}
