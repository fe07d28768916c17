package dev.lazurite.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.identity.AuthorizationRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Users of the identity service and the authorization-code flow, driven over plain HTTP: creates
 * users through the admin API, fetches the sign-in form, submits it, and reads the redirect.
 */
public final class TestingSignIn {
  private static final Pattern FLOW = Pattern.compile("name=\"flow\" value=\"([^\"]+)\"");

  private final TestingServer server;
  private final TestingHttp http;

  public TestingSignIn(TestingServer server) {
    this.server = server;
    this.http = new TestingHttp(server.endpoint(), "");
  }

  public TestingHttp http() {
    return http;
  }

  public String tenant() {
    return server.server().identities().issuer().tenantId();
  }

  public String authorizePath() {
    return "/" + tenant() + "/oauth2/v2.0/authorize";
  }

  public String tokenPath() {
    return "/" + tenant() + "/oauth2/v2.0/token";
  }

  /** The portal's callback on the plain listener. */
  public String callback() {
    return server.endpoint() + "/portal/callback";
  }

  /** Creates a user through the admin API; answers its JSON. */
  public JsonNode createUser(String upn, String displayName, String password) {
    var result = admin("POST", "/lazurite/identity/users", userBody(upn, displayName, password));
    if (result.status() != 201) {
      throw new IllegalStateException(result.status() + " " + result.body());
    }
    return result.json();
  }

  public TestingHttp.Result admin(String method, String path, String body) {
    return http.send(method, path, body, "Authorization", "Bearer " + server.server().adminToken());
  }

  public static String userBody(String upn, String displayName, String password) {
    return dev.lazurite.json.Json.MAPPER
        .createObjectNode()
        .put("userPrincipalName", upn)
        .put("displayName", displayName)
        .put("password", password)
        .toString();
  }

  /** The portal client's authorization parameters with this challenge, as a query string. */
  public String query(String challenge, String state) {
    return form(
        Map.of(
            "client_id",
            AuthorizationRequest.PORTAL_CLIENT_ID,
            "response_type",
            "code",
            "redirect_uri",
            callback(),
            "scope",
            "openid profile https://cognitiveservices.azure.com/.default",
            "state",
            state,
            "code_challenge",
            challenge,
            "code_challenge_method",
            "S256"));
  }

  public TestingHttp.Result authorize(String query) {
    return http.send("GET", authorizePath() + "?" + query, null);
  }

  /** The one-time value of a sign-in form page. */
  public static String flow(TestingHttp.Result page) {
    Matcher m = FLOW.matcher(page.body());
    if (!m.find()) {
      throw new IllegalStateException("no sign-in form: " + page.status() + " " + page.body());
    }
    return m.group(1);
  }

  public TestingHttp.Result submit(String flow, String username, String password) {
    var fields = new HashMap<String, String>();
    fields.put("flow", flow);
    if (username != null) {
      fields.put("username", username);
    }
    if (password != null) {
      fields.put("password", password);
    }
    return http.sendForm(authorizePath(), form(fields));
  }

  /** Signs in through the form; answers the redirect's query parameters. */
  public Map<String, String> signIn(String query, String username, String password) {
    var submitted = submit(flow(authorize(query)), username, password);
    if (submitted.status() != 302) {
      throw new IllegalStateException(submitted.status() + " " + submitted.body());
    }
    return parameters(submitted.header("location"));
  }

  public TestingHttp.Result redeem(Map<String, String> fields) {
    return http.sendForm(tokenPath(), form(fields));
  }

  public static Map<String, String> parameters(String location) {
    var out = new HashMap<String, String>();
    int q = location.indexOf('?');
    if (q < 0) {
      return out;
    }
    for (String pair : location.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  public static String form(Map<String, String> fields) {
    var out = new StringBuilder();
    fields.forEach(
        (k, v) ->
            out.append(out.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }
}
