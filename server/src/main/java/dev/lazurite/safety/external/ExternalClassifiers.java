package dev.lazurite.safety.external;

import dev.lazurite.config.SafetyConfig;
import dev.lazurite.network.OutboundHttp;
import dev.lazurite.safety.Classifier;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Builds an external classifier from the safety settings: the service's base URL ({@code
 * LAZURITE_SAFETY_ENDPOINT}), its key, the moderation or guard model, and the deadline of a call.
 */
public final class ExternalClassifiers {
  private ExternalClassifiers() {}

  /**
   * @param config names {@code azure-content-safety}, {@code openai-moderation} or {@code guard}
   */
  public static Classifier of(SafetyConfig config, OutboundHttp outbound) {
    String kind = config.classifier();
    String endpoint =
        config
            .endpoint()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "LAZURITE_SAFETY_ENDPOINT is required for the " + kind + " classifier"));
    URI uri = URI.create(endpoint);
    if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "LAZURITE_SAFETY_ENDPOINT must be an http(s) URL: " + endpoint);
    }
    String key = config.key();
    Duration timeout = config.timeout();
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
              config.model().orElse("omni-moderation-latest"));
      case "guard" ->
          new GuardModelClassifier(
              new ClassifierService(outbound, uri, bearer(key), timeout),
              config
                  .model()
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "LAZURITE_SAFETY_MODEL is required for the guard classifier")));
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
}
