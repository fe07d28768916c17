package dev.lazurite.backend.anthropic;

import static java.util.Objects.requireNonNull;

import dev.lazurite.backend.SecretRedactor;
import dev.lazurite.catalog.ModelSpec;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an Anthropic Messages API lives and how a request to it is authenticated: {@code
 * {base}/v1/messages} with {@code x-api-key} and {@code anthropic-version} headers. A base that
 * already ends in {@code /v1} is used as is.
 *
 * @param upstreamModel the Claude model to call; empty to call the deployment's model by the name
 *     the catalog reports for it
 */
public record AnthropicTarget(URI base, String upstreamModel, String apiKey) {
  /** The API version every request names; its shapes are the ones this package translates. */
  public static final String VERSION = "2023-06-01";

  public AnthropicTarget {
    requireNonNull(upstreamModel, "upstreamModel is null");
    requireNonNull(apiKey, "apiKey is null");
    String text = base.toString();
    text = text.endsWith("/") ? text : text + "/";
    base = URI.create(text.endsWith("/v1/") ? text : text + "v1/");
  }

  public URI messages() {
    return base.resolve("messages");
  }

  /** The model list: a cheap authenticated GET that tells whether the upstream answers. */
  public URI health() {
    return base.resolve("models");
  }

  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("anthropic-version", VERSION);
    if (!apiKey.isEmpty()) {
      headers.put("x-api-key", apiKey);
    }
    return headers;
  }

  public String model(ModelSpec model) {
    return upstreamModel.isEmpty() ? model.responseName() : upstreamModel;
  }

  public SecretRedactor redactor() {
    return SecretRedactor.of(List.of(apiKey));
  }

  @Override
  public String toString() {
    return "AnthropicTarget[" + base + "]";
  }
}
