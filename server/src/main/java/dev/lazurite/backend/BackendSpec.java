package dev.lazurite.backend;

import static java.util.Objects.requireNonNull;

/**
 * Which backend serves a deployment and how to reach it. No secret is stored here: an upstream key
 * is read from the environment variable {@code apiKeyEnv} when the backend is built, or kept sealed
 * beside a pooled backend ({@link BackendSecret}).
 *
 * @param url the upstream base URL (openai-compatible, azure: the resource endpoint; openai:
 *     defaults to https://api.openai.com/v1; anthropic: defaults to https://api.anthropic.com;
 *     gemini: defaults to https://generativelanguage.googleapis.com), empty otherwise
 * @param upstreamModel the model name the upstream knows, empty to use the deployment's model
 * @param apiKeyEnv environment variable holding the upstream key (or client secret), empty for none
 * @param azure the upstream deployment and authentication of an azure backend
 * @param responses how Responses calls reach the upstream: {@code native} (its own {@code
 *     /responses}), {@code translate} (chat completions), or empty for the kind's default (native
 *     for azure, translated for every other kind)
 */
public record BackendSpec(
    BackendKind kind,
    String url,
    String upstreamModel,
    String apiKeyEnv,
    AzureSettings azure,
    String responses) {
  /** Responses calls go to the upstream's own Responses API. */
  public static final String NATIVE = "native";

  /** Responses calls are translated to chat completions. */
  public static final String TRANSLATE = "translate";

  public static final String OPENAI_URL = "https://api.openai.com/v1";
  public static final String ANTHROPIC_URL = "https://api.anthropic.com";
  public static final String GEMINI_URL = "https://generativelanguage.googleapis.com";

  public BackendSpec {
    requireNonNull(kind, "kind is null");
    requireNonNull(url, "url is null");
    requireNonNull(upstreamModel, "upstreamModel is null");
    requireNonNull(apiKeyEnv, "apiKeyEnv is null");
    azure = azure == null ? AzureSettings.NONE : azure;
    responses = responses == null ? "" : responses;
    if (!responses.isEmpty() && !responses.equals(NATIVE) && !responses.equals(TRANSLATE)) {
      throw new IllegalArgumentException(
          "Unknown value '%s' for responses. Known values: native, translate."
              .formatted(responses));
    }
    if (responses.equals(NATIVE)
        && kind != BackendKind.AZURE
        && kind != BackendKind.OPENAI
        && kind != BackendKind.OPENAI_COMPATIBLE) {
      throw new IllegalArgumentException(
          "responses 'native' needs an upstream with a Responses API: an azure, openai or"
              + " openai-compatible backend.");
    }
    if ((kind == BackendKind.OPENAI_COMPATIBLE || kind == BackendKind.AZURE) && url.isBlank()) {
      throw new IllegalArgumentException("an " + kind.wireName() + " backend needs a url");
    }
    if (kind == BackendKind.AZURE) {
      azure.requireComplete();
    }
  }

  public BackendSpec(BackendKind kind, String url, String upstreamModel, String apiKeyEnv) {
    this(kind, url, upstreamModel, apiKeyEnv, AzureSettings.NONE, "");
  }

  /** A backend whose Responses calls take its kind's default way. */
  public BackendSpec(
      BackendKind kind, String url, String upstreamModel, String apiKeyEnv, AzureSettings azure) {
    this(kind, url, upstreamModel, apiKeyEnv, azure, "");
  }

  /** How Responses calls reach the upstream: {@link #NATIVE} or {@link #TRANSLATE}. */
  public String effectiveResponses() {
    if (!responses.isEmpty()) {
      return responses;
    }
    return kind == BackendKind.AZURE ? NATIVE : TRANSLATE;
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
      case GEMINI -> GEMINI_URL;
      case SIMULATOR, EMBEDDED, OPENAI_COMPATIBLE, AZURE -> url;
    };
  }
}
