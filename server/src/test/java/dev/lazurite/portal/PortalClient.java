package dev.lazurite.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * A browser without a browser, for the portal's HTTP-level tests: keeps the session cookie it is
 * given, never follows redirects, and reads the CSRF token of the last page's forms.
 */
final class PortalClient {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient client;
  private String cookie = "";
  private String csrf = "";

  PortalClient(String base) {
    this(
        base,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build());
  }

  PortalClient(String base, SSLContext tls) {
    this(
        base,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .sslContext(tls)
            .build());
  }

  private PortalClient(String base, HttpClient client) {
    this.base = base;
    this.client = client;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** Posts a form; the CSRF token of the last page is added unless the fields name one. */
  HttpResponse<String> post(String path, Map<String, String> fields) {
    var all = new LinkedHashMap<String, String>();
    if (!csrf.isEmpty()) {
      all.put("_csrf", csrf);
    }
    all.putAll(fields);
    all.values().removeIf(v -> v == null);
    return postRaw(path, encode(all));
  }

  HttpResponse<String> postRaw(String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Signs in with the admin credential. */
  HttpResponse<String> signIn(String credential) {
    get("/portal/sign-in");
    return post("/portal/sign-in", Map.of("credential", credential));
  }

  String cookie() {
    return cookie;
  }

  void cookie(String value) {
    cookie = value;
  }

  String csrf() {
    return csrf;
  }

  static Optional<String> setCookie(HttpResponse<String> response) {
    return response.headers().firstValue("Set-Cookie");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    if (!cookie.isEmpty()) {
      request.header("Cookie", "lazurite_portal=" + cookie);
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      setCookie(response)
          .ifPresent(
              c -> {
                String value = c.substring(c.indexOf('=') + 1, c.indexOf(';'));
                cookie = value;
              });
      Matcher m = CSRF.matcher(response.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
