package dev.lazurite.backend.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.json.Json;
import dev.lazurite.network.OutboundPolicy;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens for an Azure OpenAI upstream, scoped to {@code
 * https://cognitiveservices.azure.com}: by the client-credentials grant against an Entra token
 * endpoint, or from a managed identity endpoint (Azure's instance metadata service by default). A
 * token is reused until five minutes before it expires. The client secret and the tokens never
 * reach a log line or an error.
 */
public final class EntraTokens {
  public static final String SCOPE = "https://cognitiveservices.azure.com/.default";
  static final String IMDS =
      "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01";
  private static final Logger LOG = LoggerFactory.getLogger(EntraTokens.class);
  private static final Duration EARLY = Duration.ofMinutes(5);

  private final URI tokenUrl;
  private final String clientId;
  private final String clientSecret;
  private final boolean managedIdentity;
  private final WebClient client;
  private final OutboundPolicy outbound;
  private final Clock clock;
  private String token = "";
  private String previousToken = "";
  private Instant renewAt = Instant.MIN;

  private EntraTokens(
      URI tokenUrl,
      String clientId,
      String clientSecret,
      boolean managedIdentity,
      WebClient client,
      OutboundPolicy outbound,
      Clock clock) {
    this.tokenUrl = tokenUrl;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.managedIdentity = managedIdentity;
    this.client = client;
    this.outbound = outbound;
    this.clock = clock;
  }

  public static EntraTokens clientCredentials(
      URI tokenUrl,
      String clientId,
      String clientSecret,
      WebClient client,
      OutboundPolicy outbound) {
    return new EntraTokens(
        tokenUrl, clientId, clientSecret, false, client, outbound, Clock.systemUTC());
  }

  /**
   * @param endpoint the identity endpoint; empty for the instance metadata service
   * @param clientId a user-assigned identity's client id; empty for the system-assigned one
   */
  public static EntraTokens managedIdentity(
      String endpoint, String clientId, WebClient client, OutboundPolicy outbound) {
    return new EntraTokens(
        URI.create(endpoint.isEmpty() ? IMDS : endpoint),
        clientId,
        "",
        true,
        client,
        outbound,
        Clock.systemUTC());
  }

  /** A valid token, fetched when there is none or the one held is about to expire. */
  public synchronized String token() {
    if (clock.instant().isBefore(renewAt)) {
      return token;
    }
    JsonNode answer = managedIdentity ? fromManagedIdentity() : fromClientCredentials();
    String accessToken = answer.path("access_token").asText("");
    if (accessToken.isEmpty()) {
      throw failed("the token endpoint answered without an access_token");
    }
    long expiresIn = answer.path("expires_in").asLong(3600);
    previousToken = token;
    token = accessToken;
    renewAt = clock.instant().plusSeconds(expiresIn).minus(EARLY);
    return token;
  }

  /**
   * The client secret and the tokens held (the current one and the one before it, which a request
   * still in flight may have sent), for redaction; empty values for none.
   */
  public synchronized List<String> secrets() {
    return List.of(clientSecret, token, previousToken);
  }

  private JsonNode fromClientCredentials() {
    String form =
        "grant_type=client_credentials&client_id="
            + encode(clientId)
            + "&client_secret="
            + encode(clientSecret)
            + "&scope="
            + encode(SCOPE);
    outbound.checkAdministered(tokenUrl);
    return read(
        () ->
            client
                .post()
                .uri(tokenUrl)
                .header(HeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded")
                .submit(form));
  }

  private JsonNode fromManagedIdentity() {
    String url =
        tokenUrl
            + (tokenUrl.getQuery() == null ? "?" : "&")
            + "resource="
            + encode("https://cognitiveservices.azure.com")
            + (clientId.isEmpty() ? "" : "&client_id=" + encode(clientId));
    outbound.checkAdministered(URI.create(url));
    return read(
        () ->
            client
                .get()
                .uri(URI.create(url))
                .header(HeaderNames.create("Metadata"), "true")
                .request());
  }

  private JsonNode read(java.util.function.Supplier<HttpClientResponse> call) {
    try (HttpClientResponse response = call.get()) {
      byte[] body = response.inputStream().readAllBytes();
      if (response.status().code() != 200) {
        throw failed("the token endpoint answered " + response.status().code());
      }
      return Json.parse(body);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw failed(
          "the token endpoint could not be reached (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static ApiException failed(String why) {
    LOG.warn("no token for the azure backend: {}", why);
    return ApiException.of(
        ErrorCode.UPSTREAM_ERROR, "The model backend's credentials could not be obtained.");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
