package dev.lazurite.backend;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * How to reach a deployment on a real Azure OpenAI resource: the upstream deployment, the
 * api-version to call it with, and how to authenticate ({@code key}: an {@code api-key} header;
 * {@code client-credentials}: a token from an Entra token endpoint for a client id and secret;
 * {@code managed-identity}: a token from the machine's identity endpoint). The key or client secret
 * itself is never here: it is stored sealed beside the backend or read from the environment.
 *
 * @param tokenUrl the token endpoint; for managed identity, empty means Azure's instance metadata
 *     service
 */
public record AzureSettings(
    String deployment, String apiVersion, String auth, String tokenUrl, String clientId) {
  public static final String KEY = "key";
  public static final String CLIENT_CREDENTIALS = "client-credentials";
  public static final String MANAGED_IDENTITY = "managed-identity";
  public static final String DEFAULT_API_VERSION = "2024-10-21";
  private static final Set<String> AUTH = Set.of("", KEY, CLIENT_CREDENTIALS, MANAGED_IDENTITY);
  public static final AzureSettings NONE = new AzureSettings("", "", "", "", "");

  public AzureSettings {
    requireNonNull(deployment, "deployment is null");
    requireNonNull(apiVersion, "apiVersion is null");
    requireNonNull(auth, "auth is null");
    requireNonNull(tokenUrl, "tokenUrl is null");
    requireNonNull(clientId, "clientId is null");
    if (!AUTH.contains(auth)) {
      throw new IllegalArgumentException(
          "auth must be one of key, client-credentials, managed-identity; got '" + auth + "'");
    }
  }

  /** Checks what an azure backend needs. */
  void requireComplete() {
    if (deployment.isBlank()) {
      throw new IllegalArgumentException("an azure backend needs the upstream deployment name");
    }
    if (auth.equals(CLIENT_CREDENTIALS) && (tokenUrl.isBlank() || clientId.isBlank())) {
      throw new IllegalArgumentException(
          "client-credentials needs tokenUrl (https://login.microsoftonline.com/TENANT/oauth2/v2.0/token)"
              + " and clientId");
    }
  }

  public String effectiveAuth() {
    return auth.isEmpty() ? KEY : auth;
  }

  public String effectiveApiVersion() {
    return apiVersion.isEmpty() ? DEFAULT_API_VERSION : apiVersion;
  }
}
