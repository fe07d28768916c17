package dev.lazurite.safety;

import dev.lazurite.config.SafetyConfig;
import dev.lazurite.network.OutboundHttp;
import dev.lazurite.safety.external.ExternalClassifiers;
import java.util.List;
import java.util.function.Function;

/**
 * Chooses the active classifier from the configuration: the embedded one (the default) or an
 * external service ({@code azure-content-safety}, {@code openai-moderation} or {@code guard}, see
 * {@link ExternalClassifiers}), and whether a classifier failure refuses the request.
 */
public final class Classifiers {
  private Classifiers() {}

  public static ContentSafety contentSafety(
      SafetyConfig config,
      ShippedClassifier shipped,
      Function<List<String>, List<float[]>> embedder,
      OutboundHttp outbound) {
    return new ContentSafety(classifier(config, shipped, embedder, outbound), config.failClosed());
  }

  /** The classifier the configuration names. */
  public static Classifier classifier(
      SafetyConfig config,
      ShippedClassifier shipped,
      Function<List<String>, List<float[]>> embedder,
      OutboundHttp outbound) {
    return config.classifier().equals(SafetyConfig.EMBEDDED)
        ? shipped.get(embedder)
        : ExternalClassifiers.of(config, outbound);
  }
}
