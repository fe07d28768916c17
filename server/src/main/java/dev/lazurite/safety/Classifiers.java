package dev.lazurite.safety;

import dev.lazurite.config.SafetyConfig;
import dev.lazurite.internal.InternalCalls;
import dev.lazurite.network.OutboundHttp;
import dev.lazurite.safety.external.ExternalClassifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chooses the active classifiers from the configuration: the embedded one (the default), an
 * external service ({@code azure-content-safety}, {@code openai-moderation} or {@code guard}, see
 * {@link ExternalClassifiers}), a guard model beside it, and how the embedded classifier joins the
 * external ones ({@link CombinedClassifier}); and whether a failure no classifier made up for
 * refuses the request.
 */
public final class Classifiers {
  private Classifiers() {}

  public static ContentSafety contentSafety(
      SafetyConfig config,
      ShippedClassifier shipped,
      Function<List<String>, List<float[]>> embedder,
      OutboundHttp outbound,
      Optional<InternalCalls> internal) {
    return new ContentSafety(
        classifier(config, shipped, embedder, outbound, internal), config.failClosed());
  }

  /** The classifier the configuration names, without a guard model on a deployment. */
  public static Classifier classifier(
      SafetyConfig config,
      ShippedClassifier shipped,
      Function<List<String>, List<float[]>> embedder,
      OutboundHttp outbound) {
    return classifier(config, shipped, embedder, outbound, Optional.empty());
  }

  /**
   * The classifiers the configuration names, combined.
   *
   * @param internal how this server calls its own deployments, for a guard model on one
   */
  public static Classifier classifier(
      SafetyConfig config,
      ShippedClassifier shipped,
      Function<List<String>, List<float[]>> embedder,
      OutboundHttp outbound,
      Optional<InternalCalls> internal) {
    List<Classifier> externals = new ArrayList<>();
    if (!config.classifier().equals(SafetyConfig.EMBEDDED)) {
      externals.add(ExternalClassifiers.of(config, outbound));
    }
    config
        .guard()
        .ifPresent(
            g -> externals.add(ExternalClassifiers.guard(g, config.timeout(), outbound, internal)));
    if (externals.isEmpty()) {
      return shipped.get(embedder);
    }
    // Trained on first use: a server whose external classifiers always answer never trains it.
    Classifier embedded = new Lazy(shipped, embedder);
    return switch (config.embedded()) {
      case "off" ->
          externals.size() == 1
              ? externals.getFirst()
              : new CombinedClassifier(externals, Optional.empty(), false);
      case "fallback" -> new CombinedClassifier(externals, Optional.of(embedded), false);
      default -> new CombinedClassifier(externals, Optional.of(embedded), true);
    };
  }

  private record Lazy(ShippedClassifier shipped, Function<List<String>, List<float[]>> embedder)
      implements Classifier {
    @Override
    public Assessment classify(String text, Source source) {
      return shipped.get(embedder).classify(text, source);
    }

    @Override
    public String name() {
      return "embedded";
    }
  }
}
