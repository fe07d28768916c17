package dev.lazurite.safety.eval;

import static java.util.Objects.requireNonNull;

import dev.lazurite.safety.Category;
import dev.lazurite.safety.Severity;
import java.util.Optional;

/**
 * One labelled text: its category (empty for everyday text that is safe in every category) and its
 * severity. A safe example of a category is a look-alike: benign text that shares its vocabulary.
 */
public record LabelledExample(String text, Optional<Category> category, Severity severity) {
  public LabelledExample {
    requireNonNull(text, "text is null");
    requireNonNull(category, "category is null");
    requireNonNull(severity, "severity is null");
  }

  public boolean harmful() {
    return severity != Severity.SAFE;
  }

  /** Whether this example is labelled for {@code c} (everyday text is labelled for none). */
  public boolean isAbout(Category c) {
    return category.map(c::equals).orElse(false);
  }
}
