package dev.lazurite.safety.external;

import dev.lazurite.config.SafetyConfig;
import dev.lazurite.internal.InternalCalls;
import dev.lazurite.network.OutboundHttp;
import dev.lazurite.safety.Classifier;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Builds an external classifier from the safety settings: the service's base URL ({@code
 * LAZURITE_SAFETY_ENDPOINT}), its key, the moderation or guard model, and the deadline of a call;
 * and the guard model beside it ({@code LAZURITE_SAFETY_GUARD_*}). A setting that cannot work stops
 * the start with the variable named.
 */
public final class ExternalClassifiers {
  private static final String DEPLOYMENT = "deployment:";

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
              GuardChannel.http(
                  new ClassifierService(outbound, uri, bearer(key), timeout),
                  config
                      .model()
                      .orElseThrow(
                          () ->
                              new IllegalArgumentException(
                                  "LAZURITE_SAFETY_MODEL is required for the guard classifier"))),
              new LlamaGuard(true));
      default ->
          throw new IllegalArgumentException(
              "LAZURITE_SAFETY_CLASSIFIER must be embedded, azure-content-safety,"
                  + " openai-moderation or guard: "
                  + kind);
    };
  }

  /**
   * The guard model configured beside the classifier ({@code LAZURITE_SAFETY_GUARD_*}).
   *
   * @param internal how this server calls its own deployments, for a {@code deployment:} endpoint
   */
  public static Classifier guard(
      SafetyConfig.Guard guard,
      Duration timeout,
      OutboundHttp outbound,
      Optional<InternalCalls> internal) {
    GuardStyle style = GuardStyle.of(guard.style());
    String endpoint = guard.endpoint();
    if (endpoint.startsWith(DEPLOYMENT)) {
      String[] parts = endpoint.substring(DEPLOYMENT.length()).split("/", -1);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new IllegalArgumentException(
            "LAZURITE_SAFETY_GUARD_ENDPOINT must be deployment:<account>/<deployment>: "
                + endpoint);
      }
      InternalCalls calls =
          internal.orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "LAZURITE_SAFETY_GUARD_ENDPOINT names a deployment, which only a server can"
                          + " call"));
      return new GuardModelClassifier(GuardChannel.deployment(calls, parts[0], parts[1]), style);
    }
    URI uri;
    try {
      uri = URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      uri = URI.create("invalid:/");
    }
    if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "LAZURITE_SAFETY_GUARD_ENDPOINT must be an http(s) URL or deployment:<account>/<deployment>: "
              + endpoint);
    }
    String model =
        guard
            .model()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "LAZURITE_SAFETY_GUARD_MODEL is required when LAZURITE_SAFETY_GUARD_ENDPOINT"
                            + " is a URL"));
    return new GuardModelClassifier(
        GuardChannel.http(
            new ClassifierService(outbound, uri, bearer(guard.key()), timeout), model),
        style);
  }

  private static Map<String, String> bearer(String key) {
    return key.isEmpty() ? Map.of() : Map.of("Authorization", "Bearer " + key);
  }
}
