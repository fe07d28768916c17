package dev.lazurite.safety.eval;

import static java.util.Objects.requireNonNull;

import dev.lazurite.safety.Category;
import dev.lazurite.safety.Severity;
import java.util.Optional;

/**
 * One labelled text: its category (empty for everyday text that is safe in every category), its
 * severity, the facets an evaluation reports it under, and how much it counts in training (1 for
 * the core set). A safe example of a category is a look-alike: benign text that shares its
 * vocabulary.
 */
public record LabelledExample(
    String text, Optional<Category> category, Severity severity, Facets facets, double weight) {
  public LabelledExample {
    requireNonNull(text, "text is null");
    requireNonNull(category, "category is null");
    requireNonNull(severity, "severity is null");
    requireNonNull(facets, "facets is null");
    if (!(weight > 0)) {
      throw new IllegalArgumentException("weight must be positive");
    }
  }

  public LabelledExample(
      String text, Optional<Category> category, Severity severity, Facets facets) {
    this(text, category, severity, facets, 1);
  }

  /** The same example, counting {@code weight} times as much as an ordinary line in training. */
  public LabelledExample weighted(double weight) {
    return new LabelledExample(text, category, severity, facets, weight);
  }

  public LabelledExample(String text, Optional<Category> category, Severity severity) {
    this(text, category, severity, Facets.NONE);
  }

  /**
   * Where an example belongs besides its category: its language ({@code en}, {@code es}, ...), how
   * it is disguised ({@code none}, {@code base64}, {@code rot13}, ...), and for benign text the
   * kind of text it is ({@code medical}, {@code idiom}, ...), or empty.
   */
  public record Facets(String language, String obfuscation, String subgroup) {
    public static final Facets NONE = new Facets("en", "none", "");

    public Facets {
      requireNonNull(language, "language is null");
      requireNonNull(obfuscation, "obfuscation is null");
      requireNonNull(subgroup, "subgroup is null");
    }
  }

  public boolean harmful() {
    return severity != Severity.SAFE;
  }

  /** Whether this example is labelled for {@code c} (everyday text is labelled for none). */
  public boolean isAbout(Category c) {
    return category.map(c::equals).orElse(false);
  }
}
