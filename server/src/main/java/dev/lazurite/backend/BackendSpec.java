package dev.lazurite.backend;

import static java.util.Objects.requireNonNull;

/**
 * Which backend serves a deployment and how to reach it. No secret is stored here: an upstream key
 * is read from the environment variable {@code apiKeyEnv} when the backend is built, or kept sealed
 * beside a pooled backend ({@link BackendSecret}).
 *
 * @param url the upstream base URL (openai-compatible, azure: the resource endpoint; openai:
 *     defaults to https://api.openai.com/v1; anthropic: defaults to https://api.anthropic.com),
 *     empty otherwise
 * @param upstreamModel the model name the upstream knows, empty to use the deployment's model
 * @param apiKeyEnv environment variable holding the upstream key (or client secret), empty for none
 * @param azure the upstream deployment and authentication of an azure backend
 */
public record BackendSpec(
    BackendKind kind, String url, String upstreamModel, String apiKeyEnv, AzureSettings azure) {
  public static final String OPENAI_URL = "https://api.openai.com/v1";
  public static final String ANTHROPIC_URL = "https://api.anthropic.com";

  public BackendSpec {
    requireNonNull(kind, "kind is null");
    requireNonNull(url, "url is null");
    requireNonNull(upstreamModel, "upstreamModel is null");
    requireNonNull(apiKeyEnv, "apiKeyEnv is null");
    azure = azure == null ? AzureSettings.NONE : azure;
    if ((kind == BackendKind.OPENAI_COMPATIBLE || kind == BackendKind.AZURE) && url.isBlank()) {
      throw new IllegalArgumentException("an " + kind.wireName() + " backend needs a url");
    }
    if (kind == BackendKind.AZURE) {
      azure.requireComplete();
    }
  }

  public BackendSpec(BackendKind kind, String url, String upstreamModel, String apiKeyEnv) {
    this(kind, url, upstreamModel, apiKeyEnv, AzureSettings.NONE);
  }

  public static BackendSpec of(BackendKind kind) {
    return new BackendSpec(kind, "", "", "");
  }

  /** The base URL requests go to. */
  public String effectiveUrl() {
    if (!url.isBlank()) {
      return url;
    }
    return switch (kind) {
      case OPENAI -> OPENAI_URL;
      case ANTHROPIC -> ANTHROPIC_URL;
      case SIMULATOR, EMBEDDED, OPENAI_COMPATIBLE, AZURE -> url;
    };
  }
}
