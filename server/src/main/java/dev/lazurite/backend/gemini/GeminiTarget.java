package dev.lazurite.backend.gemini;

import static java.util.Objects.requireNonNull;

import dev.lazurite.backend.SecretRedactor;
import dev.lazurite.catalog.ModelSpec;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Where a Gemini API lives and how a request to it is authenticated: {@code
 * {base}/v1beta/models/{model}:generateContent} (and {@code :streamGenerateContent?alt=sse}) with
 * the key in {@code x-goog-api-key}, never in the URL. A base that already ends in {@code /v1beta}
 * or {@code /v1} is used as is.
 *
 * @param upstreamModel the Gemini model to call; empty to call the deployment's model by the name
 *     the catalog reports for it
 */
public record GeminiTarget(URI base, String upstreamModel, String apiKey) {
  /** The API version of the default base; its shapes are the ones this package translates. */
  public static final String VERSION = "v1beta";

  public GeminiTarget {
    requireNonNull(upstreamModel, "upstreamModel is null");
    requireNonNull(apiKey, "apiKey is null");
    String text = base.toString();
    text = text.endsWith("/") ? text : text + "/";
    base =
        URI.create(
            text.endsWith("/v1beta/") || text.endsWith("/v1/") ? text : text + VERSION + "/");
  }

  public URI generate(String model) {
    return base.resolve("models/" + encoded(model) + ":generateContent");
  }

  public URI stream(String model) {
    return base.resolve("models/" + encoded(model) + ":streamGenerateContent?alt=sse");
  }

  public URI embed(String model) {
    return base.resolve("models/" + encoded(model) + ":batchEmbedContents");
  }

  /** The model list: a cheap authenticated GET that tells whether the upstream answers. */
  public URI health() {
    return base.resolve("models");
  }

  public Map<String, String> headers() {
    return apiKey.isEmpty() ? Map.of() : Map.of("x-goog-api-key", apiKey);
  }

  public String model(ModelSpec model) {
    return upstreamModel.isEmpty() ? model.responseName() : upstreamModel;
  }

  public SecretRedactor redactor() {
    return SecretRedactor.of(List.of(apiKey));
  }

  private static String encoded(String model) {
    String name = model.startsWith("models/") ? model.substring("models/".length()) : model;
    return URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "GeminiTarget[" + base + "]";
  }
}
