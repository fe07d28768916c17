package dev.lazurite.safety;

import dev.lazurite.network.OutboundHttp;
import dev.lazurite.safety.embedded.EmbeddedClassifier;
import dev.lazurite.safety.eval.LabelledSet;
import dev.lazurite.safety.external.ExternalClassifiers;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Chooses the active classifier from the environment: {@code LAZURITE_SAFETY_CLASSIFIER} names it
 * ({@code embedded}, the default; {@code azure-content-safety}, {@code openai-moderation} or {@code
 * guard}, see {@link ExternalClassifiers}), and {@code LAZURITE_SAFETY_FAIL} says what happens when
 * it cannot answer ({@code open}, the default: annotate the error and let the text through; or
 * {@code closed}: refuse the request).
 */
public final class Classifiers {
  private static EmbeddedClassifier shipped;

  private Classifiers() {}

  public static ContentSafety contentSafety(
      Function<String, String> environment,
      Function<List<String>, List<float[]>> embedder,
      OutboundHttp outbound) {
    String fail = value(environment, "LAZURITE_SAFETY_FAIL", "open");
    if (!fail.equals("open") && !fail.equals("closed")) {
      throw new IllegalArgumentException("LAZURITE_SAFETY_FAIL must be open or closed: " + fail);
    }
    return new ContentSafety(
        fromEnvironment(environment, embedder, outbound), fail.equals("closed"));
  }

  /** The classifier the environment names. */
  public static Classifier fromEnvironment(
      Function<String, String> environment,
      Function<List<String>, List<float[]>> embedder,
      OutboundHttp outbound) {
    String kind = value(environment, "LAZURITE_SAFETY_CLASSIFIER", "embedded");
    return kind.equals("embedded")
        ? embedded(embedder)
        : ExternalClassifiers.of(kind, outbound, environment);
  }

  private static String value(Function<String, String> environment, String name, String fallback) {
    String v = environment.apply(name);
    return v == null || v.isBlank() ? fallback : v.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The embedded classifier trained on the shipped set, once per process; {@code embedder} is the
   * embedded sentence model the heads read.
   */
  public static synchronized EmbeddedClassifier embedded(
      Function<List<String>, List<float[]>> embedder) {
    if (shipped == null) {
      shipped = EmbeddedClassifier.train(LabelledSet::shipped, embedder);
    }
    return shipped;
  }
}
