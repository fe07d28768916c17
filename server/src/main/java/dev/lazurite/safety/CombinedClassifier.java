package dev.lazurite.safety;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * External classifiers (a guard model, Azure AI Content Safety, ...) with the embedded one beside
 * them: every category takes the worst severity any of them found, so either may block. When an
 * external classifier fails or times out, the others decide, and the verdict carries the failure
 * for the {@code content_filter_error} annotation; the text goes unjudged only when no classifier
 * answered.
 *
 * @param externals the external classifiers, asked in order
 * @param embedded the embedded classifier, when it takes part
 * @param embeddedAlways whether the embedded classifier judges every text ({@code both}) or only
 *     texts an external classifier failed on ({@code fallback})
 */
public record CombinedClassifier(
    List<Classifier> externals, Optional<Classifier> embedded, boolean embeddedAlways)
    implements Classifier {
  private static final Logger LOG = LoggerFactory.getLogger(CombinedClassifier.class);

  public CombinedClassifier {
    externals = List.copyOf(externals);
    requireNonNull(embedded, "embedded is null");
    if (externals.isEmpty()) {
      throw new IllegalArgumentException("a combined classifier needs an external classifier");
    }
  }

  @Override
  public Assessment classify(String text, Source source) {
    Map<Category, Severity> worst = new EnumMap<>(Category.class);
    List<String> failures = new ArrayList<>();
    for (Classifier c : externals) {
      Assessment a = external(c, text, source);
      a.error().ifPresent(failures::add);
      a.severities().forEach((category, s) -> worst.merge(category, s, Assessment::worse));
    }
    boolean decided = failures.size() < externals.size();
    if (embedded.isPresent() && (embeddedAlways || !failures.isEmpty())) {
      Assessment a = embedded.get().classify(text, source);
      a.error().ifPresent(failures::add);
      a.severities().forEach((category, s) -> worst.merge(category, s, Assessment::worse));
      decided |= a.error().isEmpty();
    }
    if (failures.isEmpty()) {
      return Assessment.of(worst);
    }
    String reason = String.join("; ", failures);
    return decided ? Assessment.fallback(worst, reason) : Assessment.failed(reason);
  }

  /** One external verdict; a failure is a verdict without severities. */
  private static Assessment external(Classifier c, String text, Source source) {
    try {
      Assessment a = c.classify(text, source);
      return a.error().isPresent() ? Assessment.failed(c.name() + ": " + a.error().get()) : a;
    } catch (RuntimeException e) {
      LOG.warn("content classifier {} failed: {}", c.name(), e.getMessage());
      return Assessment.failed(c.name() + ": " + e.getClass().getSimpleName());
    }
  }

  @Override
  public String name() {
    List<String> names = new ArrayList<>(externals.stream().map(Classifier::name).toList());
    embedded.ifPresent(e -> names.add(e.name() + (embeddedAlways ? "" : " (fallback)")));
    return String.join("+", names);
  }
}
