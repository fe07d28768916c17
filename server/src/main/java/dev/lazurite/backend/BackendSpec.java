package dev.lazurite.backend;

import static java.util.Objects.requireNonNull;

/**
 * Which backend serves a deployment and how to reach it. No secret is stored here: an upstream key
 * is read from the environment variable {@code apiKeyEnv} when the backend is built.
 *
 * @param url the upstream base URL (openai-compatible), empty otherwise
 * @param upstreamModel the model name the upstream knows, empty to use the deployment's model
 * @param apiKeyEnv environment variable holding the upstream key, empty for none
 */
public record BackendSpec(BackendKind kind, String url, String upstreamModel, String apiKeyEnv) {
  public BackendSpec {
    requireNonNull(kind, "kind is null");
    requireNonNull(url, "url is null");
    requireNonNull(upstreamModel, "upstreamModel is null");
    requireNonNull(apiKeyEnv, "apiKeyEnv is null");
    if (kind == BackendKind.OPENAI_COMPATIBLE && url.isBlank()) {
      throw new IllegalArgumentException("an openai-compatible backend needs a url");
    }
  }

  public static BackendSpec of(BackendKind kind) {
    return new BackendSpec(kind, "", "", "");
  }
}
