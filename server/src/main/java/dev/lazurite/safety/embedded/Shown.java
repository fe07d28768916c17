package dev.lazurite.safety.embedded;

import dev.lazurite.safety.Category;
import java.util.Set;

/**
 * The categories in which a window shows the shape of a harmful request ({@link RequestShapes}),
 * and of those the ones its shape alone decides: the heads then only grade the severity. A threat
 * is shown but not decided: "I know where you live" is also what a courier says who cannot find the
 * door, and the heads tell the two apart.
 */
record Shown(Set<Category> categories, Set<Category> decided) {
  static final Shown NONE = new Shown(Set.of(), Set.of());

  Shown {
    categories = Set.copyOf(categories);
    decided = Set.copyOf(decided);
  }

  boolean isEmpty() {
    return categories.isEmpty();
  }

  /** The chance of harm in {@code c} at which a window that shows this is flagged. */
  double flagAt(Category c) {
    if (decided.contains(c)) {
      return 0.0;
    }
    return categories.contains(c) ? Training.askedAt(c) : Training.flagAt(c);
  }
}
