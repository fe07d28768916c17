package dev.lazurite.safety.external;

import dev.lazurite.safety.Category;
import dev.lazurite.safety.Classifier;
import dev.lazurite.safety.Severity;
import java.util.Map;

/** How a guard model is asked and how its answer reads: Llama Guard 3 or ShieldGemma. */
sealed interface GuardStyle permits LlamaGuard, ShieldGemma {
  /**
   * Asks the guard about one text and reads the answer as Azure's categories.
   *
   * @throws IllegalStateException when the model's answer is not a verdict
   */
  Map<Category, Severity> judge(GuardChannel channel, String text, Classifier.Source source);

  /**
   * @param name {@code llama-guard}, {@code llama-guard-native} or {@code shieldgemma}
   */
  static GuardStyle of(String name) {
    return switch (name) {
      case "llama-guard" -> new LlamaGuard(true);
      case "llama-guard-native" -> new LlamaGuard(false);
      case "shieldgemma" -> new ShieldGemma();
      default ->
          throw new IllegalArgumentException(
              "LAZURITE_SAFETY_GUARD_STYLE must be llama-guard, llama-guard-native or shieldgemma: "
                  + name);
    };
  }
}
