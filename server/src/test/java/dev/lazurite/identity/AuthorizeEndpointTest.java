package dev.lazurite.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.lazurite.testing.TestingClock;
import dev.lazurite.testing.TestingServer;
import dev.lazurite.testing.TestingSignIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization-code flow with PKCE: codes are one-time, bound to the client, redirect URI and
 * challenge; an unregistered redirect URI is never redirected to; a failed sign-in does not say
 * what was wrong; passwords are stored only as hashes and never answered.
 */
class AuthorizeEndpointTest {
  private static final String PASSWORD = "correct horse battery staple";
  private static final String VERIFIER =
      "v".repeat(20) + UUID.randomUUID().toString().replace("-", "");

  private static TestingServer server;
  private static TestingSignIn flow;
  private static JsonNode alice;
  private static String group;

  @BeforeAll
  static void start() {
    server = TestingServer.start();
    flow = new TestingSignIn(server);
    alice = flow.createUser("alice@contoso.example", "Alice Example", PASSWORD);
    group = server.server().identities().createGroup("portal-users").objectId();
    server.server().identities().addGroupMember(group, alice.get("objectId").asText());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String challenge() {
    return AuthorizationCodes.challenge(VERIFIER);
  }

  private static Map<String, String> codeFor(String state) {
    return flow.signIn(flow.query(challenge(), state), "alice@contoso.example", PASSWORD);
  }

  private static Map<String, String> redemption(String code, String verifier, String redirect) {
    var fields = new HashMap<String, String>();
    fields.put("grant_type", "authorization_code");
    fields.put("client_id", AuthorizationRequest.PORTAL_CLIENT_ID);
    fields.put("code", code);
    fields.put("code_verifier", verifier);
    if (redirect != null) {
      fields.put("redirect_uri", redirect);
    }
    return fields;
  }

  private static void assertInvalidGrant(
      dev.lazurite.testing.TestingHttp.Result result, int aadsts) {
    assertThat(result.status()).as(result.body()).isEqualTo(400);
    assertThat(result.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(result.json().get("error_codes").get(0).asInt()).isEqualTo(aadsts);
    assertThat(result.json().get("error_description").asText()).startsWith("AADSTS" + aadsts);
  }

  @Test
  void aSignedInUserGetsACodeThatRedeemsForTokensNamingItsGroups() throws Exception {
    var answer = codeFor("state-1");
    assertThat(answer).containsEntry("state", "state-1").containsKey("code");
    var tokens = flow.redeem(redemption(answer.get("code"), VERIFIER, flow.callback()));
    assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
    assertThat(tokens.header("cache-control")).isEqualTo("no-store");
    var id = SignedJWT.parse(tokens.json().get("id_token").asText()).getJWTClaimsSet();
    assertThat(id.getStringClaim("oid")).isEqualTo(alice.get("objectId").asText());
    assertThat(id.getStringClaim("name")).isEqualTo("Alice Example");
    assertThat(id.getStringClaim("preferred_username")).isEqualTo("alice@contoso.example");
    assertThat(id.getStringListClaim("groups")).containsExactly(group);
    assertThat(id.getAudience()).containsExactly(AuthorizationRequest.PORTAL_CLIENT_ID);
    var access = SignedJWT.parse(tokens.json().get("access_token").asText()).getJWTClaimsSet();
    assertThat(access.getAudience()).containsExactly(Audiences.COGNITIVE_SERVICES);
    assertThat(access.getStringClaim("idtyp")).isEqualTo("user");
    assertThat(access.getStringClaim("oid")).isEqualTo(alice.get("objectId").asText());
  }

  @Test
  void aCodeIsRedeemedOnce() {
    String code = codeFor("s").get("code");
    assertThat(flow.redeem(redemption(code, VERIFIER, flow.callback())).status()).isEqualTo(200);
    assertInvalidGrant(flow.redeem(redemption(code, VERIFIER, flow.callback())), 54005);
  }

  @Test
  void aVerifierThatDoesNotMatchTheChallengeIsRefusedAndLeavesTheCodeUnspent() {
    String code = codeFor("s").get("code");
    String other = "w".repeat(43);
    assertInvalidGrant(flow.redeem(redemption(code, other, flow.callback())), 501481);
    assertInvalidGrant(flow.redeem(redemption(code, "short", flow.callback())), 501481);
    assertThat(flow.redeem(redemption(code, VERIFIER, flow.callback())).status()).isEqualTo(200);
  }

  @Test
  void aCodeIsBoundToItsRedirectUriAndClient() {
    String code = codeFor("s").get("code");
    assertInvalidGrant(
        flow.redeem(redemption(code, VERIFIER, "http://127.0.0.1:1/portal/callback")), 500112);
    assertInvalidGrant(flow.redeem(redemption(code, VERIFIER, null)), 500112);
    var otherClient = redemption(code, VERIFIER, flow.callback());
    otherClient.put("client_id", UUID.randomUUID().toString());
    assertInvalidGrant(flow.redeem(otherClient), 70000);
  }

  @Test
  void aTamperedOrForeignCodeIsRefused() {
    String code = codeFor("s").get("code");
    String tampered = code.substring(0, code.indexOf('.')) + ".AAAA";
    assertInvalidGrant(flow.redeem(redemption(tampered, VERIFIER, flow.callback())), 70000);
    assertInvalidGrant(flow.redeem(redemption("not-a-code", VERIFIER, flow.callback())), 70000);
  }

  @Test
  void anExpiredCodeIsRefused() {
    var clock = new TestingClock();
    var codes = new AuthorizationCodes(new byte[32], server.server().store().identity(), clock);
    var user =
        server.server().identities().users().user(alice.get("objectId").asText()).orElseThrow();
    var grant =
        new AuthorizationCodes.Grant(
            AuthorizationRequest.PORTAL_CLIENT_ID, Optional.empty(), "openid", challenge());
    String fresh = codes.issue(grant, user);
    String stale = codes.issue(grant, user);
    clock.advance(AuthorizationCodes.LIFETIME.minusSeconds(1));
    assertThat(
            codes.redeem(fresh, AuthorizationRequest.PORTAL_CLIENT_ID, Optional.empty(), VERIFIER))
        .isInstanceOf(AuthorizationCodes.Redemption.Redeemed.class);
    clock.advance(Duration.ofSeconds(1));
    assertThat(
            codes.redeem(stale, AuthorizationRequest.PORTAL_CLIENT_ID, Optional.empty(), VERIFIER))
        .isEqualTo(
            new AuthorizationCodes.Redemption.Refused(
                70008,
                "The provided authorization code or refresh token has expired due to inactivity."
                    + " Send a new interactive authorization request for this user and resource."));
  }

  @Test
  void anUnregisteredRedirectUriOrUnknownClientIsShownAnErrorNeverRedirected() {
    String evil = "https://evil.example/callback";
    var query = flow.query(challenge(), "s").replace(enc(flow.callback()), enc(evil));
    var answer = flow.authorize(query);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("location")).isEmpty();
    assertThat(answer.body()).contains("AADSTS50011").doesNotContain("name=\"flow\"");
    String unknown = UUID.randomUUID().toString();
    var foreign =
        flow.authorize(
            flow.query(challenge(), "s").replace(AuthorizationRequest.PORTAL_CLIENT_ID, unknown));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.header("location")).isEmpty();
    assertThat(foreign.body()).contains("AADSTS700016");
    String app =
        server.server().identities().createServicePrincipal("no-redirects").principal().appId();
    var noRedirects =
        flow.authorize(
            flow.query(challenge(), "s").replace(AuthorizationRequest.PORTAL_CLIENT_ID, app));
    assertThat(noRedirects.status()).isEqualTo(400);
    assertThat(noRedirects.header("location")).isEmpty();
    var noClient = flow.authorize("response_type=code&redirect_uri=" + enc(evil));
    assertThat(noClient.status()).isEqualTo(400);
    assertThat(noClient.header("location")).isEmpty();
  }

  @Test
  void pkceIsRequiredWithS256() {
    String base = flow.query(challenge(), "st");
    var plain =
        flow.authorize(base.replace("code_challenge_method=S256", "code_challenge_method=plain"));
    assertThat(plain.status()).isEqualTo(302);
    var refused = TestingSignIn.parameters(plain.header("location"));
    assertThat(plain.header("location")).startsWith(flow.callback() + "?");
    assertThat(refused).containsEntry("error", "invalid_request").containsEntry("state", "st");
    assertThat(refused).doesNotContainKey("code");
    var missing =
        TestingSignIn.parameters(
            flow.authorize(base.replace("code_challenge=" + challenge(), "code_challenge="))
                .header("location"));
    assertThat(missing.get("error_description")).contains("AADSTS9002325");
    var token =
        TestingSignIn.parameters(
            flow.authorize(base.replace("response_type=code", "response_type=token"))
                .header("location"));
    assertThat(token).containsEntry("error", "unsupported_response_type");
    var scope =
        TestingSignIn.parameters(
            flow.authorize(base.replace("cognitiveservices.azure.com", "vault.azure.net"))
                .header("location"));
    assertThat(scope).containsEntry("error", "invalid_scope");
  }

  @Test
  void tenWrongPasswordsInARowLockTheNameOutWhileOthersSignIn() {
    flow.createUser("erin@contoso.example", "Erin", PASSWORD);
    String query = flow.query(challenge(), "s");
    for (int i = 0; i < 10; i++) {
      var wrong =
          flow.submit(
              TestingSignIn.flow(flow.authorize(query)), "Erin@contoso.example", "guess " + i);
      assertThat(wrong.status()).isEqualTo(200);
      assertThat(wrong.body()).contains("Your account or password is incorrect.");
    }
    var locked =
        flow.submit(TestingSignIn.flow(flow.authorize(query)), "erin@contoso.example", PASSWORD);
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.header("location")).isEmpty();
    assertThat(locked.body()).contains("Your account is locked").doesNotContain(PASSWORD);
    var other =
        flow.submit(TestingSignIn.flow(flow.authorize(query)), "alice@contoso.example", PASSWORD);
    assertThat(other.header("location")).contains("code=");
  }

  @Test
  void aFailedSignInDoesNotSayWhatWasWrongAndSpendsTheForm() {
    String query = flow.query(challenge(), "s");
    var wrongPassword =
        flow.submit(
            TestingSignIn.flow(flow.authorize(query)), "alice@contoso.example", "wrong password!!");
    var unknownUser =
        flow.submit(TestingSignIn.flow(flow.authorize(query)), "nobody@contoso.example", PASSWORD);
    for (var answer : java.util.List.of(wrongPassword, unknownUser)) {
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("location")).isEmpty();
      assertThat(answer.body()).contains("Your account or password is incorrect.");
      assertThat(answer.body()).doesNotContain(PASSWORD, "wrong password!!");
    }
    String used = TestingSignIn.flow(flow.authorize(query));
    assertThat(flow.submit(used, "alice@contoso.example", "wrong password!!").status())
        .isEqualTo(200);
    var replayed = flow.submit(used, "alice@contoso.example", PASSWORD);
    assertThat(replayed.status()).isEqualTo(400);
    assertThat(replayed.header("location")).isEmpty();
    assertThat(replayed.body()).contains("expired or was submitted already");
  }

  @Test
  void missingFieldsAndMalformedBodiesAreRefused() {
    String query = flow.query(challenge(), "s");
    var noPassword =
        flow.submit(TestingSignIn.flow(flow.authorize(query)), "alice@contoso.example", null);
    assertThat(noPassword.status()).isEqualTo(400);
    assertThat(noPassword.body()).contains("Enter your user name and password.");
    var forged = flow.submit("eyJ4IjoxfQ.AAAA", "alice@contoso.example", PASSWORD);
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.header("location")).isEmpty();
    var malformed = flow.http().sendForm(flow.authorizePath(), "flow=%ZZ&username=a");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body()).contains("AADSTS9002313");
    var oversize = flow.http().sendForm(flow.authorizePath(), "flow=" + "a".repeat(5_000_000));
    assertThat(oversize.status()).isGreaterThanOrEqualTo(400);
    var noVerifier = redemption("x", VERIFIER, null);
    noVerifier.remove("code_verifier");
    var answer = flow.redeem(noVerifier);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(answer.json().get("error_description").asText()).contains("'code_verifier'");
    var badForm = flow.http().sendForm(flow.tokenPath(), "grant_type=authorization_code&code=%");
    assertThat(badForm.json().get("error_codes").get(0).asInt()).isEqualTo(9002313);
    var otherTenant =
        flow.http().send("GET", "/" + UUID.randomUUID() + "/oauth2/v2.0/authorize?" + query, null);
    assertThat(otherTenant.status()).isEqualTo(400);
    assertThat(otherTenant.body()).contains("AADSTS90002");
  }

  @Test
  void usersAreManagedWithPasswordsNeverAnsweredAndStoredOnlyAsHashes() throws IOException {
    String secret = "a secret nobody may read 9f3b";
    var created = flow.createUser("bob@contoso.example", "Bob", secret);
    assertThat(created.toString()).doesNotContain(secret).doesNotContain("password");
    String oid = created.get("objectId").asText();
    var listed = flow.admin("GET", "/lazurite/identity/users", null);
    assertThat(listed.body()).contains("bob@contoso.example").doesNotContain(secret, "pbkdf2");
    String hash = server.server().store().identity().passwordHash(oid).orElseThrow();
    assertThat(hash).startsWith("pbkdf2-sha256$310000$").doesNotContain(secret);
    assertThat(flow.signIn(flow.query(challenge(), "s"), "BOB@contoso.example", secret))
        .containsKey("code");

    String next = "the next secret of bob 77";
    var changed =
        flow.admin(
            "PUT",
            "/lazurite/identity/users/" + oid + "/password",
            "{\"password\":\"" + next + "\"}");
    assertThat(changed.status()).isEqualTo(204);
    assertThat(changed.body()).isEmpty();
    var old =
        flow.submit(
            TestingSignIn.flow(flow.authorize(flow.query(challenge(), "s"))),
            "bob@contoso.example",
            secret);
    assertThat(old.status()).isEqualTo(200);
    assertThat(flow.signIn(flow.query(challenge(), "s"), "bob@contoso.example", next))
        .containsKey("code");

    try (Stream<Path> files = Files.walk(server.dataDir())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(content).as(file.toString()).doesNotContain(secret, next, PASSWORD);
      }
    }
    assertThat(flow.admin("DELETE", "/lazurite/identity/users/" + oid, null).status())
        .isEqualTo(204);
    assertThat(flow.admin("DELETE", "/lazurite/identity/users/" + oid, null).status())
        .isEqualTo(404);
    var gone =
        flow.submit(
            TestingSignIn.flow(flow.authorize(flow.query(challenge(), "s"))),
            "bob@contoso.example",
            next);
    assertThat(gone.body()).contains("Your account or password is incorrect.");
  }

  @Test
  void theUserApiRefusesBadInput() {
    for (String body :
        new String[] {
          "{not json",
          "[]",
          "{}",
          TestingSignIn.userBody("carol@contoso.example", "Carol", "short"),
          TestingSignIn.userBody("not an upn", "Carol", PASSWORD),
          TestingSignIn.userBody("carol@contoso.example", "", PASSWORD),
          TestingSignIn.userBody("alice@contoso.example", "Alice again", PASSWORD),
          "{\"userPrincipalName\":\"carol@contoso.example\",\"displayName\":\"Carol\",\"password\":42}",
          TestingSignIn.userBody("carol@contoso.example", "Carol", "p".repeat(300))
        }) {
      var answer = flow.admin("POST", "/lazurite/identity/users", body);
      assertThat(answer.status()).as(body).isEqualTo(400);
      assertThat(answer.json().get("error").get("code").asText())
          .isEqualTo("InvalidRequestContent");
    }
    assertThat(flow.admin("GET", "/lazurite/identity/users", null).body()).doesNotContain("carol");
    var anonymous =
        flow.http()
            .send(
                "POST",
                "/lazurite/identity/users",
                TestingSignIn.userBody("dave@contoso.example", "Dave", PASSWORD));
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(
            flow.admin(
                    "PUT",
                    "/lazurite/identity/users/" + UUID.randomUUID() + "/password",
                    "{\"password\":\"" + PASSWORD + "\"}")
                .status())
        .isEqualTo(404);
    String oid = alice.get("objectId").asText();
    assertThat(
            flow.admin("PUT", "/lazurite/identity/users/" + oid + "/password", "{\"password\":1}")
                .status())
        .isEqualTo(400);
    assertThat(
            flow.admin(
                    "PUT",
                    "/lazurite/identity/users/" + oid + "/password",
                    "{\"password\":\"short\"}")
                .status())
        .isEqualTo(400);
  }

  private static String enc(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
