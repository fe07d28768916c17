package dev.lazurite.safety.external;

import dev.lazurite.network.OutboundHttp;
import dev.lazurite.safety.Classifier;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds an external classifier from the environment: {@code LAZURITE_SAFETY_ENDPOINT} (the
 * service's base URL), {@code LAZURITE_SAFETY_KEY}, {@code LAZURITE_SAFETY_MODEL} (the moderation
 * model, or the guard model's name) and {@code LAZURITE_SAFETY_TIMEOUT_MS} (default 2000).
 */
public final class ExternalClassifiers {
  private ExternalClassifiers() {}

  /**
   * @param kind {@code azure-content-safety}, {@code openai-moderation} or {@code guard}
   */
  public static Classifier of(
      String kind, OutboundHttp outbound, Function<String, String> environment) {
    String endpoint = required(environment, "LAZURITE_SAFETY_ENDPOINT", kind);
    URI uri = URI.create(endpoint);
    if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "LAZURITE_SAFETY_ENDPOINT must be an http(s) URL: " + endpoint);
    }
    String key = value(environment, "LAZURITE_SAFETY_KEY", "");
    String timeoutMs = value(environment, "LAZURITE_SAFETY_TIMEOUT_MS", "2000");
    Duration timeout;
    try {
      timeout = Duration.ofMillis(Long.parseLong(timeoutMs));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("LAZURITE_SAFETY_TIMEOUT_MS must be a number of ms");
    }
    return switch (kind) {
      case "azure-content-safety" ->
          new AzureContentSafetyClassifier(
              new ClassifierService(
                  outbound,
                  uri,
                  key.isEmpty() ? Map.of() : Map.of("Ocp-Apim-Subscription-Key", key),
                  timeout));
      case "openai-moderation" ->
          new OpenAiModerationClassifier(
              new ClassifierService(outbound, uri, bearer(key), timeout),
              value(environment, "LAZURITE_SAFETY_MODEL", "omni-moderation-latest"));
      case "guard" ->
          new GuardModelClassifier(
              new ClassifierService(outbound, uri, bearer(key), timeout),
              required(environment, "LAZURITE_SAFETY_MODEL", kind));
      default ->
          throw new IllegalArgumentException(
              "LAZURITE_SAFETY_CLASSIFIER must be embedded, azure-content-safety,"
                  + " openai-moderation or guard: "
                  + kind);
    };
  }

  private static Map<String, String> bearer(String key) {
    return key.isEmpty() ? Map.of() : Map.of("Authorization", "Bearer " + key);
  }

  private static String required(Function<String, String> env, String name, String kind) {
    String v = value(env, name, "");
    if (v.isEmpty()) {
      throw new IllegalArgumentException(name + " is required for the " + kind + " classifier");
    }
    return v;
  }

  private static String value(Function<String, String> env, String name, String fallback) {
    String v = env.apply(name);
    return v == null || v.isBlank() ? fallback : v.strip();
  }
}
